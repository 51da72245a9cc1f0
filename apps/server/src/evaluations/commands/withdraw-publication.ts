import { workflow } from '@jixiao/core';
import { recordAudit } from '../../audit/audit.repository.ts';
import type { Deps, RequestContext } from '../../context.ts';
import { readAll } from '../../db/connect.ts';
import { AppError, refused } from '../../errors.ts';
import { publicUrl } from '../../reports/publish.ts';
import { deletePublishedReport } from '../../reports/report.repository.ts';
import * as repo from '../evaluation.repository.ts';
import { lastDepartmentApprover } from '../evaluation.service.ts';
import { authorise } from '../evaluation-access.ts';
import { loadAggregate } from '../evaluation-aggregate.ts';
import { notifyPreparers } from '../evaluation-notices.ts';

export interface WithdrawInput {
  /** Why the report leaves the public site (required; it goes into the history, the audit log and the notice). */
  readonly reason: string;
  readonly revision: number;
}

/**
 * 撤回公开: takes a published report off the public site, in one transaction — the evaluation row is
 * locked and its revision checked, the workflow decides (the posts that publish, never a preparer, a
 * reason required), the frozen report is deleted so the public index and its address answer no more,
 * and the history, the audit entry (with the report's title and address) and the preparers' notice are
 * written with it. The evaluation returns to 财政复核通过 and may be published again.
 */
export async function withdrawPublication(deps: Deps, ctx: RequestContext, evaluationId: string, input: WithdrawInput) {
  return deps.db.transaction(async (tx) => {
    const { evaluation, roles } = await authorise(tx, ctx, evaluationId, 'read', true);
    if (evaluation.revision !== input.revision) {
      throw new AppError('VERSION_CONFLICT', '自评在你打开之后已有变化，请刷新查看最新状态后再操作', {
        currentRevision: evaluation.revision,
      });
    }
    const [contributors, history] = await readAll(tx, [
      () => repo.findContributors(tx, evaluationId),
      () => repo.findTransitions(tx, evaluationId),
    ]);
    const decision = workflow.decideTransition(
      'withdraw',
      {
        status: evaluation.status,
        preparers: contributors,
        departmentApprover: lastDepartmentApprover(history.map((row) => row.transition)),
      },
      { userId: ctx.principal.userId, roles },
      input.reason,
    );
    if (!decision.ok) {
      if (decision.refusal.kind === 'comment')
        throw new AppError('VALIDATION_FAILED', decision.refusal.message, [{ path: 'body.reason', message: decision.refusal.message }]);
      throw refused(decision.refusal);
    }
    const transition = decision.transition;
    const reason = input.reason.trim();
    const removed = await deletePublishedReport(tx, evaluationId);
    await repo.setEvaluationStatus(tx, evaluationId, transition.to);
    await repo.touchEvaluationRevisionOnly(tx, evaluationId);
    await repo.insertTransition(tx, {
      evaluationId,
      action: transition.action,
      fromStatus: transition.from,
      toStatus: transition.to,
      actorId: ctx.principal.userId,
      comment: reason,
    });
    await recordAudit(tx, ctx, {
      entityType: 'evaluation',
      entityId: evaluationId,
      action: 'workflow.withdraw',
      organisationId: evaluation.organisationId,
      before: {
        status: transition.from,
        ...(removed && {
          title: removed.title,
          url: publicUrl(removed.organisationCode, removed.fiscalYear, removed.projectCode),
          publishedAt: removed.publishedAt.toISOString(),
        }),
      },
      after: { status: transition.to, reason, stage: transition.stage },
    });
    await notifyPreparers(tx, await loadAggregate(tx, evaluation), contributors, transition, reason, ctx.principal.userId);
    return { status: transition.to, statusLabel: workflow.STATUS_LABEL[transition.to] };
  });
}
