import { policy } from '@jixiao/core';
import type { RequestContext } from '../context.ts';
import type { Queryable } from '../db/connect.ts';
import { AppError, notFound } from '../errors.ts';
import { actorOver } from '../policies/access.ts';
import { isOutOfScope } from '../policies/scope.ts';
import { type DeclarationRow, getDeclaration } from './declaration.repository.ts';

/**
 * The declaration policy (packages/core/src/policy/declaration.ts) applied to one record: any role over
 * its unit reads it; editing needs 填报人 while the unit holds it. A declaration outside one's units is
 * answered as missing, so its existence leaks nothing.
 */
export async function authoriseDeclaration(
  db: Queryable,
  ctx: RequestContext,
  id: string,
  need: 'read' | 'edit',
  lock = false,
): Promise<{ declaration: DeclarationRow; actor: policy.Actor }> {
  const declaration = await getDeclaration(db, id, lock);
  if (!declaration) throw notFound('申报表');
  const actor = await actorOver(db, ctx.principal, declaration.organisationId);
  if (isOutOfScope(ctx.principal, actor.posts)) throw notFound('申报表');
  if (need === 'edit') {
    if (!policy.holdsAny(actor.posts, policy.declarationPolicy.posts.edit))
      throw new AppError('FORBIDDEN', '只有本单位的填报人可以修改申报表');
    refuseUnlessEditable(declaration.status);
  }
  return { declaration, actor };
}

/** Approved targets are frozen; under review they wait for the reviewer. Both refusals say what to do instead. */
export function refuseUnlessEditable(status: policy.DeclarationStatus): void {
  if (status === 'approved') {
    throw new AppError('NOT_EDITABLE', '申报表已批复，绩效目标已冻结为第 1 版，不能直接修改；如需调整，请通过年中绩效目标调整办理');
  }
  if (!policy.isDeclarationEditable(status)) {
    throw new AppError('NOT_EDITABLE', `申报表处于“${policy.DECLARATION_STATUS_LABEL[status]}”状态，不能修改；如需修改，请审核人退回`);
  }
}
