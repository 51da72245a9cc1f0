import { ROLE_LABEL, type Role } from '@jixiao/contract';
import { policy, workflow } from '@jixiao/core';
import type { RequestContext } from '../context.ts';
import type { Queryable } from '../db/connect.ts';
import { AppError, notFound } from '../errors.ts';
import { type EvaluationRow, getEvaluationWithChain } from './evaluation.repository.ts';

export type Need = 'read' | 'edit' | 'adjust';

/**
 * The evaluation policy (style guide rule 8): who may read, edit or adjust an evaluation. Reading
 * needs any role over its organisation (or administrator); editing needs 单位填报人 while the unit
 * holds it; adjusting needs the reviewer role of the current stage. Refusals say why, in Chinese;
 * an evaluation outside one's organisations is reported as not found, so its existence leaks nothing.
 */
export async function authorise(
  db: Queryable,
  ctx: RequestContext,
  evaluationId: string,
  need: Need,
  lock = false,
): Promise<{ evaluation: EvaluationRow; roles: Role[] }> {
  const found = await getEvaluationWithChain(db, evaluationId, lock);
  if (!found) throw notFound('自评');
  const { evaluation } = found;
  const chain = new Set(found.chain);
  const roles = ctx.principal.roles.filter((grant) => chain.has(grant.organisationId)).map((grant) => grant.role);
  const isAdmin = ctx.principal.roles.some((grant) => grant.role === 'admin');
  if (roles.length === 0 && !isAdmin) throw notFound('自评');
  if (need === 'edit') {
    if (!policy.holdsAny(roles, policy.evaluationPolicy.posts.edit)) throw new AppError('FORBIDDEN', '只有本单位的填报人可以修改自评内容');
    if (!workflow.isEditable(evaluation.status)) {
      throw new AppError('NOT_EDITABLE', `自评处于“${workflow.STATUS_LABEL[evaluation.status]}”状态，不能修改；如需修改，请审核人退回`);
    }
  }
  if (need === 'adjust') {
    const allowed = workflow.adjustingRoles(evaluation.status);
    if (!allowed.some((role) => roles.includes(role))) {
      throw new AppError(
        'FORBIDDEN',
        allowed.length ? `当前阶段只有${allowed.map(roleLabel).join('或')}可以调整得分` : '当前状态不能调整得分',
      );
    }
  }
  return { evaluation, roles };
}

const roleLabel = (role: Role): string => ROLE_LABEL[role];
