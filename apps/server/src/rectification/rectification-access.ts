import type { RectificationStepRequest } from '@jixiao/contract';
import { policy, rectification } from '@jixiao/core';
import { recordAudit } from '../audit/audit.repository.ts';
import type { Deps, RequestContext } from '../context.ts';
import type { Queryable } from '../db/connect.ts';
import { AppError, notFound, refused } from '../errors.ts';
import { actorOver } from '../policies/access.ts';
import { isOutOfScope } from '../policies/scope.ts';
import { chinaToday } from '../time.ts';
import * as repo from './rectification.repository.ts';

/**
 * The rectification policy (packages/core/src/policy/rectification.ts) applied to one notice: any role
 * over its unit reads it; a notice outside one's units is answered as missing, so its existence leaks nothing.
 */
export async function authoriseRectification(
  db: Queryable,
  ctx: RequestContext,
  id: string,
  lock = false,
): Promise<{ row: repo.RectificationRow; actor: policy.Actor }> {
  const row = await repo.getRectification(db, id, lock);
  if (!row) throw notFound('整改事项');
  const actor = await actorOver(db, ctx.principal, row.organisationId);
  if (isOutOfScope(ctx.principal, actor.posts)) throw notFound('整改事项');
  return { row, actor };
}

/** Today in China by the server clock: the day overdue is decided on. */
export const todayOf = (deps: Deps): string => chinaToday(deps.clock());

export const isOverdue = (row: repo.RectificationRow, today: string): boolean =>
  rectification.isRectificationOverdue(row.status, row.deadline, today);

/**
 * One step after the notice (feedback, close, re-open), in one transaction: the row is locked, the
 * version the user saw must still be current, the policy and segregation of duties decide; the status,
 * the step with its text and evidence, and the audit record are written together or not at all.
 */
export async function stepRectification(
  deps: Deps,
  ctx: RequestContext,
  id: string,
  input: RectificationStepRequest,
  textPath: 'body.text' | 'body.opinion',
) {
  return deps.db.transaction(async (tx) => {
    const { row, actor } = await authoriseRectification(tx, ctx, id, true);
    if (row.version !== input.version) {
      throw new AppError('VERSION_CONFLICT', '整改事项在你打开之后已有变化，请刷新查看最新内容后再操作', { currentVersion: row.version });
    }
    const decision = policy.decideRectificationStep(
      input.action,
      { status: row.status, issuedBy: row.issuedBy, answeredBy: await repo.lastAnswerer(tx, id) },
      actor,
      input.text,
    );
    if (!decision.ok) throw refused(decision.refusal, textPath);
    const { transition } = decision;
    await repo.setStatus(tx, id, transition.to, transition.to === 'closed' ? deps.clock() : null);
    const evidence = (input.evidence ?? []).map((entry) => ({
      description: entry.description,
      ...(entry.link ? { link: entry.link } : {}),
    }));
    await repo.insertStep(tx, {
      rectificationId: id,
      action: transition.action,
      fromStatus: transition.from,
      toStatus: transition.to,
      actorId: ctx.principal.userId,
      text: input.text?.trim() ?? null,
      evidence,
      at: deps.clock(),
    });
    await recordAudit(tx, ctx, {
      entityType: 'rectification',
      entityId: id,
      action: `rectification.${transition.action}`,
      organisationId: row.organisationId,
      before: { status: transition.from },
      after: { status: transition.to, text: input.text?.trim() ?? null, evidence },
    });
    return {
      status: transition.to,
      statusLabel: rectification.RECTIFICATION_STATUS_LABEL[transition.to],
      version: row.version + 1,
    };
  });
}
