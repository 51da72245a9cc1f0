import { workflow } from '@jixiao/core';
import { recordAudit } from '../../audit/audit.repository.ts';
import type { Deps, RequestContext } from '../../context.ts';
import { readAll } from '../../db/connect.ts';
import { AppError, refused } from '../../errors.ts';
import { recordEvaluationActuals } from '../../library/library-usage.ts';
import { publishReport } from '../../reports/publish.ts';
import * as repo from '../evaluation.repository.ts';
import { lastDepartmentApprover } from '../evaluation.service.ts';
import { authorise } from '../evaluation-access.ts';
import { cacheScore, ledgerSnapshotOf, loadAggregate, refreshScore, scoreAggregate } from '../evaluation-aggregate.ts';
import { notifyPreparers } from '../evaluation-notices.ts';

export interface TransitionInput {
  readonly action: workflow.WorkflowAction;
  readonly comment?: string | undefined;
  /** The revision the user saw. */
  readonly revision: number;
}

/**
 * Moves an evaluation one step through 草稿 → 单位提交 → 部门审核 → 财政复核 → 已公开, in one
 * transaction: the row is locked, the revision the user saw must still be current, the policy and
 * segregation of duties are checked, the history, the audit log and (on publication) the frozen
 * report are written together or not at all.
 */
export async function transitionEvaluation(deps: Deps, ctx: RequestContext, evaluationId: string, input: TransitionInput) {
  // 撤回公开 has its own command (withdraw-publication.ts): it takes the report off the public site.
  if (input.action === 'withdraw') throw new AppError('INVALID_TRANSITION', '撤回公开请使用“撤回公开”操作，并填写撤回理由');
  return deps.db.transaction(async (tx) => {
    const { evaluation, roles } = await authorise(tx, ctx, evaluationId, 'read', true);
    if (evaluation.revision !== input.revision) {
      throw new AppError('VERSION_CONFLICT', '自评内容在你打开之后已有变化，请刷新查看最新内容后再操作', {
        currentRevision: evaluation.revision,
      });
    }
    const [contributors, history] = await readAll(tx, [
      () => repo.findContributors(tx, evaluationId),
      () => repo.findTransitions(tx, evaluationId),
    ]);
    const decision = workflow.decideTransition(
      input.action,
      {
        status: evaluation.status,
        preparers: contributors,
        departmentApprover: lastDepartmentApprover(history.map((row) => row.transition)),
      },
      { userId: ctx.principal.userId, roles },
      input.comment,
    );
    if (!decision.ok) throw refused(decision.refusal);
    const transition = decision.transition;
    const aggregate = await loadAggregate(tx, evaluation);
    if (input.action === 'submit' || input.action === 'approve') {
      // Nothing with an error-level finding (a missing reason, an unscored indicator) goes up the chain.
      const errors = scoreAggregate(aggregate).findings.filter((entry) => entry.severity === 'error');
      if (errors.length > 0) {
        throw new AppError(
          'VALIDATION_FAILED',
          `自评还有 ${errors.length} 个错误，修正后才能${workflow.ACTION_LABEL[input.action]}`,
          errors.map((entry) => ({
            path: entry.subject.id ? `${entry.subject.kind}:${entry.subject.id}` : entry.subject.kind,
            message: entry.message,
          })),
        );
      }
    }
    await repo.setEvaluationStatus(tx, evaluationId, transition.to);
    await repo.touchEvaluationRevisionOnly(tx, evaluationId);
    // Payments since the last edit may have moved the ledger figures; the cached total follows what is now shown.
    if (input.action === 'submit') {
      await repo.addContributor(tx, evaluationId, ctx.principal.userId);
      // The aggregate was loaded while still editable, so its ledger figures are the live ones of this moment:
      // they become the snapshot, and its score is the one the snapshot gives.
      await repo.saveLedgerSnapshot(tx, evaluationId, ledgerSnapshotOf(aggregate));
      await cacheScore(tx, aggregate);
    } else if (workflow.isEditable(transition.to)) {
      await repo.saveLedgerSnapshot(tx, evaluationId, null);
      await refreshScore(tx, evaluationId);
    }
    await repo.insertTransition(tx, {
      evaluationId,
      action: transition.action,
      fromStatus: transition.from,
      toStatus: transition.to,
      actorId: ctx.principal.userId,
      comment: input.comment?.trim() || null,
    });
    await notifyPreparers(tx, aggregate, contributors, transition, input.comment, ctx.principal.userId);
    if (input.action === 'publish') {
      await publishReport(tx, ctx, aggregate);
      await recordEvaluationActuals(tx, evaluationId);
    }
    await recordAudit(tx, ctx, {
      entityType: 'evaluation',
      entityId: evaluationId,
      action: `workflow.${transition.action}`,
      organisationId: evaluation.organisationId,
      before: { status: transition.from },
      after: { status: transition.to, comment: input.comment ?? null, stage: transition.stage },
    });
    return { status: transition.to, statusLabel: workflow.STATUS_LABEL[transition.to] };
  });
}
