import { adjustment, policy } from '@jixiao/core';
import { recordAudit } from '../../audit/audit.repository.ts';
import type { Deps, RequestContext } from '../../context.ts';
import type { Tx } from '../../db/connect.ts';
import { AppError, refused } from '../../errors.ts';
import * as repo from '../adjustment.repository.ts';
import { authoriseAdjustment, factsOf } from '../adjustment-access.ts';

export interface StepInput {
  readonly action: adjustment.AdjustmentAction;
  readonly version: number;
  readonly opinion?: string | undefined;
}

/** What a step writes besides the status and its history: the submission's checks, the approval's version. */
export type StepEffect = (
  tx: Tx,
  row: repo.AdjustmentRow,
  transition: adjustment.AdjustmentTransition,
) => Promise<Partial<typeof import('../../db/schema.ts').targetAdjustments.$inferInsert> | undefined>;

/**
 * One step of 提交 → 部门审核 → 财政审批, in one transaction: the request locked, the version the user saw
 * still current, the policy and segregation of duties deciding; the status, the step with its opinion,
 * whatever the step writes (`effect`) and the audit record are written together or not at all.
 */
export async function stepAdjustment(deps: Deps, ctx: RequestContext, id: string, input: StepInput, effect?: StepEffect) {
  return deps.db.transaction(async (tx) => {
    const { row, actor } = await authoriseAdjustment(tx, ctx, id, true);
    if (row.version !== input.version) {
      throw new AppError('VERSION_CONFLICT', '调整申请在你打开之后已有变化，请刷新查看最新内容后再操作', { currentVersion: row.version });
    }
    const decision = policy.decideAdjustmentStep(input.action, factsOf(row, await repo.findSteps(tx, id)), actor, input.opinion);
    if (!decision.ok) throw refused(decision.refusal, 'body.opinion');
    const { transition } = decision;
    const written = (await effect?.(tx, row, transition)) ?? {};
    const closed = !adjustment.isAdjustmentOpen(transition.to);
    await repo.updateAdjustment(tx, id, { ...written, status: transition.to, ...(closed ? { decidedAt: deps.clock() } : {}) });
    await repo.insertStep(tx, {
      adjustmentId: id,
      action: transition.action,
      fromStatus: transition.from,
      toStatus: transition.to,
      stage: transition.stage,
      actorId: ctx.principal.userId,
      opinion: input.opinion?.trim() || null,
      at: deps.clock(),
    });
    await recordAudit(tx, ctx, {
      entityType: 'target-adjustment',
      entityId: id,
      action: `adjustment.${transition.action}`,
      organisationId: row.organisationId,
      before: { status: transition.from },
      after: { status: transition.to, stage: transition.stage, opinion: input.opinion?.trim() ?? null, ...written },
    });
    return {
      status: transition.to,
      statusLabel: adjustment.ADJUSTMENT_STATUS_LABEL[transition.to],
      version: row.version + 1,
      resultVersion: written.resultVersion ?? row.resultVersion,
    };
  });
}
