import type { control } from '@jixiao/core';
import { type AuditEntry, recordAudit } from '../audit/audit.repository.ts';
import type { RequestContext } from '../context.ts';
import type { Queryable } from '../db/connect.ts';
import { type AppError, validationFailed } from '../errors.ts';
import { type ControlRefusal, refuseIfViolated } from './control-access.ts';

/**
 * The request → decision step that 合同结清/终止, 资产处置 and 预算调整 share: someone asks with a
 * reason (a pending row), someone else decides it with an opinion; the decision is refused when the
 * decider is the requester (the entity's verdict), approval may carry further checks and effects, and
 * each step writes its rows and its audit entry in the caller's transaction. The entity's own lookup,
 * locking and post checks stay with the caller, which knows its lock order (line-lock.ts).
 */

export type StepStatus = 'requested' | 'approved' | 'rejected';

export interface RequestAdapter<Row, Entity> {
  /** Writes the pending row, requested by the principal. */
  readonly insert: (requestedBy: string) => Promise<Row>;
  /** Moves the entity on (its version, its status); undefined when its version moved meanwhile. */
  readonly touch?: (() => Promise<Entity | undefined>) | undefined;
  readonly conflict: () => AppError;
  readonly audit: (row: Row, entity: Entity | undefined) => AuditEntry;
}

export async function requestStep<Row, Entity = never>(
  tx: Queryable,
  ctx: RequestContext,
  adapter: RequestAdapter<Row, Entity>,
): Promise<Row> {
  const row = await adapter.insert(ctx.principal.userId);
  const entity = adapter.touch ? await adapter.touch() : undefined;
  if (adapter.touch && entity === undefined) throw adapter.conflict();
  await recordAudit(tx, ctx, adapter.audit(row, entity));
  return row;
}

export interface Decision {
  readonly approve: boolean;
  readonly status: Exclude<StepStatus, 'requested'>;
  readonly decidedBy: string;
  /** The decider's opinion, trimmed; null when none was given. */
  readonly opinion: string | null;
}

export interface DecisionAdapter<Decided> {
  /** Who a refusal is recorded against. */
  readonly subject: ControlRefusal['subject'];
  /** The answer when the pending row was decided already. */
  readonly notPending: () => AppError;
  /** Set when a rejection must give its reason: the field and the message naming it. */
  readonly opinionRequired?: { readonly path: string; readonly message: string } | undefined;
  /** The decider-is-not-the-requester verdict of the entity's rule (core's, or its segregation rule). */
  readonly separation: (requestedBy: string, deciderId: string) => readonly control.ControlViolation[];
  /** What an approval checks again and does before the decision is written (may refuse). */
  readonly onApprove?: (() => Promise<void>) | undefined;
  /** Writes the decision and the entity's new state; undefined when a version moved meanwhile. */
  readonly write: (decision: Decision) => Promise<Decided | undefined>;
  readonly conflict: () => AppError;
  readonly audit: (decided: Decided, decision: Decision) => AuditEntry;
}

export async function decideStep<Decided>(
  tx: Queryable,
  ctx: RequestContext,
  pending: { readonly status: StepStatus; readonly requestedBy: string },
  body: { readonly approve: boolean; readonly opinion?: string | null | undefined },
  adapter: DecisionAdapter<Decided>,
): Promise<Decided> {
  if (pending.status !== 'requested') throw adapter.notPending();
  const opinion = body.opinion?.trim() || null;
  if (!body.approve && !opinion && adapter.opinionRequired) throw validationFailed([adapter.opinionRequired]);
  refuseIfViolated(adapter.subject, adapter.separation(pending.requestedBy, ctx.principal.userId));
  if (body.approve) await adapter.onApprove?.();
  const decision: Decision = {
    approve: body.approve,
    status: body.approve ? 'approved' : 'rejected',
    decidedBy: ctx.principal.userId,
    opinion,
  };
  const decided = await adapter.write(decision);
  if (decided === undefined) throw adapter.conflict();
  await recordAudit(tx, ctx, adapter.audit(decided, decision));
  return decided;
}
