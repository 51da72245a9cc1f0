import { monitoring, policy } from '@jixiao/core';
import { recordAudit } from '../../audit/audit.repository.ts';
import type { Deps, RequestContext } from '../../context.ts';
import type { Tx } from '../../db/connect.ts';
import { AppError, refused } from '../../errors.ts';
import * as repo from '../monitoring.repository.ts';
import { authoriseForm, factsOf } from '../monitoring-access.ts';

export interface StepInput {
  readonly action: monitoring.MonitoringFormAction;
  readonly version: number;
  readonly opinion?: string | undefined;
}

/** What a step writes besides the status and its history (the submission freezes the figures). */
export type StepEffect = (
  tx: Tx,
  row: repo.FormRow,
  task: repo.TaskRow,
  transition: monitoring.MonitoringFormTransition,
) => Promise<Partial<repo.FormInsert> | undefined>;

/**
 * One step of 提交 → 部门审核 → 财政审核, in one transaction: the form locked, the version the user saw
 * still current, the policy and segregation of duties deciding; the status, the step with its opinion,
 * whatever the step writes and the audit record are written together or not at all.
 */
export async function stepForm(deps: Deps, ctx: RequestContext, id: string, input: StepInput, effect?: StepEffect) {
  return deps.db.transaction(async (tx) => {
    const { row, task, actor } = await authoriseForm(tx, ctx, id, true);
    if (row.version !== input.version) {
      throw new AppError('VERSION_CONFLICT', '监控表在你打开之后已有变化，请刷新查看最新内容后再操作', { currentVersion: row.version });
    }
    const decision = policy.decideMonitoringStep(input.action, factsOf(row, await repo.findSteps(tx, id)), actor, input.opinion);
    if (!decision.ok) throw refused(decision.refusal, 'body.opinion');
    const { transition } = decision;
    const written = (await effect?.(tx, row, task, transition)) ?? {};
    await repo.updateForm(tx, id, { ...written, status: transition.to });
    await repo.insertSteps(tx, [
      {
        formId: id,
        action: transition.action,
        fromStatus: transition.from,
        toStatus: transition.to,
        stage: transition.stage,
        actorId: ctx.principal.userId,
        opinion: input.opinion?.trim() || null,
        at: deps.clock(),
      },
    ]);
    await recordAudit(tx, ctx, {
      entityType: 'monitoring-form',
      entityId: id,
      action: `monitoring.${transition.action}`,
      organisationId: row.organisationId,
      before: { status: transition.from },
      after: { status: transition.to, stage: transition.stage, opinion: input.opinion?.trim() ?? null, light: written.light ?? row.light },
    });
    return { status: transition.to, statusLabel: monitoring.MONITORING_FORM_STATUS_LABEL[transition.to], version: row.version + 1 };
  });
}
