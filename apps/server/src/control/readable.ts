import type { Role } from '@jixiao/contract';
import type { RequestContext } from '../context.ts';
import type { Queryable } from '../db/connect.ts';
import { AppError } from '../errors.ts';
import { requirePost } from './control-access.ts';

/**
 * Reading a control record needs any post over its organisation (or administrator). A record the
 * user may not read is reported exactly like a missing one, named by what it is ("合同不存在或无权访问"),
 * so the answer says nothing about whether it exists.
 */
export async function requireReader(db: Queryable, ctx: RequestContext, organisationId: string, what: string): Promise<Role[]> {
  return requirePost(db, ctx, organisationId, 'any', what);
}

/** A workflow step asked of a record in the wrong state: 409 with the state's name. */
export const invalidStep = (what: string, stateLabel: string, step: string) =>
  new AppError('INVALID_TRANSITION', `${what}处于“${stateLabel}”状态，不能${step}`);
