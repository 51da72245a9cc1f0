import type { policy } from '@jixiao/core';
import type { RequestContext } from '../context.ts';
import type { Queryable } from '../db/connect.ts';
import { notFound } from '../errors.ts';
import { actorOver } from '../policies/access.ts';
import { isOutOfScope } from '../policies/scope.ts';
import * as repo from './monitoring.repository.ts';

/**
 * The monitoring policy (packages/core/src/policy/monitoring.ts) applied to one form: any role over its
 * unit reads it; a form outside one's units is answered as missing, so its existence leaks nothing.
 */
export async function authoriseForm(
  db: Queryable,
  ctx: RequestContext,
  id: string,
  lock = false,
): Promise<{ row: repo.FormRow; task: repo.TaskRow; actor: policy.Actor }> {
  const row = await repo.getForm(db, id, lock);
  if (!row) throw notFound('监控表');
  const actor = await actorOver(db, ctx.principal, row.organisationId);
  if (isOutOfScope(ctx.principal, actor.posts)) throw notFound('监控表');
  const task = await repo.getTask(db, row.taskId);
  if (!task) throw notFound('监控任务');
  return { row, task, actor };
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

export const factsOf = (row: repo.FormRow, steps: Steps): policy.MonitoringFormFacts => ({
  status: row.status,
  preparers: new Set(row.preparers),
  departmentApprover: departmentApprover(steps),
});
