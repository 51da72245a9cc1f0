import type { policy } from '@jixiao/core';
import type { RequestContext } from '../context.ts';
import type { Queryable } from '../db/connect.ts';
import { notFound } from '../errors.ts';
import { actorOver } from '../policies/access.ts';
import { isOutOfScope } from '../policies/scope.ts';
import type * as repo from './adjustment.repository.ts';
import { getAdjustment } from './adjustment.repository.ts';

/**
 * The adjustment policy (packages/core/src/policy/adjustment.ts) applied to one request: any role over
 * its unit reads it; a request outside one's units is answered as missing, so its existence leaks nothing.
 */
export async function authoriseAdjustment(
  db: Queryable,
  ctx: RequestContext,
  id: string,
  lock = false,
): Promise<{ row: repo.AdjustmentRow; actor: policy.Actor }> {
  const row = await getAdjustment(db, id, lock);
  if (!row) throw notFound('调整申请');
  const actor = await actorOver(db, ctx.principal, row.organisationId);
  if (isOutOfScope(ctx.principal, actor.posts)) throw notFound('调整申请');
  return { row, actor };
}

type Steps = Awaited<ReturnType<typeof repo.findSteps>>;

/** The department's approver since the last submission: the finance stage must be someone else. */
export function departmentApprover(steps: Steps): string | undefined {
  let approver: string | undefined;
  for (const { step } of steps) {
    if (step.action === 'submit') approver = undefined;
    if (step.action === 'approve' && step.stage === 'department') approver = step.actorId;
  }
  return approver;
}

/** The facts the policy decides on. */
export const factsOf = (row: repo.AdjustmentRow, steps: Steps): policy.AdjustmentFacts => ({
  status: row.status,
  preparers: new Set(row.preparers),
  departmentApprover: departmentApprover(steps),
});
