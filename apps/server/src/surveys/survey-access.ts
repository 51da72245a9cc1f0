import { policy } from '@jixiao/core';
import type { RequestContext } from '../context.ts';
import type { Queryable } from '../db/connect.ts';
import { AppError, notFound } from '../errors.ts';
import { isOutOfScope, rolesOver } from '../policies/scope.ts';

const ROLE_LABEL: Partial<Record<policy.Role, string>> = {
  preparer: '单位填报人',
  'department-reviewer': '部门审核人',
  'finance-reviewer': '财政审核人',
};

/** The posts held over the survey's unit; out of scope answers as missing, a missing post as 403. */
export async function requireSurveyPost(
  db: Queryable,
  ctx: RequestContext,
  organisationId: string,
  posts: readonly policy.Role[] | 'any',
  what = '满意度调查',
): Promise<policy.Role[]> {
  const held = await rolesOver(db, ctx.principal, organisationId);
  if (isOutOfScope(ctx.principal, held)) throw notFound(what);
  if (posts === 'any' || policy.holdsAny(held, posts)) return held;
  throw new AppError('FORBIDDEN', `此操作须由${posts.map((role) => ROLE_LABEL[role] ?? role).join('或')}执行`);
}
