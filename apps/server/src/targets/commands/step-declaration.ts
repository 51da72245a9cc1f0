import type { DeclarationStepRequest } from '@jixiao/contract';
import { policy, type targets } from '@jixiao/core';
import { recordAudit } from '../../audit/audit.repository.ts';
import type { Deps, RequestContext } from '../../context.ts';
import { readAll, type Tx } from '../../db/connect.ts';
import { AppError, type FieldDetail, refused, validationFailed } from '../../errors.ts';
import { recordApprovedUsage } from '../../library/library-usage.ts';
import { notify } from '../../notifications/notify.ts';
import * as repo from '../declaration.repository.ts';
import { authoriseDeclaration } from '../declaration-access.ts';
import { declarationCheckContext } from '../declaration-checks.ts';
import { checkFindings, departmentApprover, findingKey } from '../declaration-presenter.ts';

/**
 * One step of 填报 → 部门审核 → 财政审核 → 批复, in one transaction: the row is locked, the version the
 * user saw must still be current, the policy and segregation of duties are checked; a submission must
 * pass the declaration checks (errors block, each warning needs a reason), the finance bureau gives an
 * opinion on every indicator; the history, the opinions, the approved version and the audit record
 * are written together or not at all.
 */
export async function stepDeclaration(deps: Deps, ctx: RequestContext, id: string, input: DeclarationStepRequest) {
  return deps.db.transaction(async (tx) => {
    const { declaration, actor } = await authoriseDeclaration(tx, ctx, id, 'read', true);
    if (declaration.version !== input.version) {
      throw new AppError('VERSION_CONFLICT', '申报表在你打开之后已有变化，请刷新查看最新内容后再操作', {
        currentVersion: declaration.version,
      });
    }
    const [contributors, history, indicators] = await readAll(tx, [
      () => repo.findContributors(tx, id),
      () => repo.findTransitions(tx, id),
      () => repo.findIndicators(tx, id),
    ]);
    const decision = policy.decideDeclarationStep(
      input.action,
      { status: declaration.status, preparers: contributors, departmentApprover: departmentApprover(history) },
      actor,
      input.comment,
    );
    if (!decision.ok) throw refused(decision.refusal);
    const { transition } = decision;
    const ids = new Set(indicators.map((line) => line.id));
    let warningReasons = declaration.warningReasons;
    if (input.action === 'submit') {
      warningReasons = checkSubmission(
        declaration,
        indicators,
        input.reasons ?? {},
        await declarationCheckContext(tx, declaration, indicators),
      );
      await repo.addContributor(tx, id, ctx.principal.userId);
    } else {
      checkOpinions(input, transition.stage, ids);
    }
    await repo.updateDeclaration(tx, id, { status: transition.to, warningReasons });
    const row = await repo.insertTransition(tx, {
      declarationId: id,
      action: transition.action,
      fromStatus: transition.from,
      toStatus: transition.to,
      stage: transition.stage,
      actorId: ctx.principal.userId,
      comment: input.comment?.trim() || null,
    });
    await repo.insertOpinions(
      tx,
      (input.opinions ?? [])
        .filter((opinion) => opinion.verdict || opinion.text?.trim())
        .map((opinion) => ({
          transitionId: row.id,
          indicatorId: opinion.indicatorId,
          verdict: opinion.verdict ?? null,
          text: opinion.text?.trim() || null,
        })),
    );
    if (transition.to === 'approved') {
      await freeze(tx, ctx, declaration, indicators);
      await recordApprovedUsage(tx, declaration, indicators, deps.clock());
    }
    await notifyDeclarers(tx, declaration, contributors, transition, input.comment, ctx.principal.userId);
    await recordAudit(tx, ctx, {
      entityType: 'declaration',
      entityId: id,
      action: `workflow.${transition.action}`,
      organisationId: declaration.organisationId,
      before: { status: transition.from },
      after: { status: transition.to, stage: transition.stage, comment: input.comment ?? null, opinions: input.opinions ?? [] },
    });
    return { status: transition.to, statusLabel: policy.DECLARATION_STATUS_LABEL[transition.to], version: declaration.version + 1 };
  });
}

/**
 * Tells the declaration's preparers that a review returned or approved it (部门审核通过, or 批复), with
 * the comment it carried, in the step's transaction; a submission makes a to-do instead.
 */
async function notifyDeclarers(
  tx: Tx,
  declaration: repo.DeclarationRow,
  preparers: ReadonlySet<string>,
  transition: policy.DeclarationTransition,
  comment: string | undefined,
  actorId: string,
): Promise<void> {
  if (transition.action === 'submit') return;
  const name = declaration.projectName
    ? `${declaration.projectName}（项目支出绩效目标申报表）`
    : `${declaration.fiscalYear} 年度部门整体支出绩效目标申报表`;
  const returned = transition.action === 'return';
  const what = returned ? '已退回，请按审核意见修改后重新提交' : transition.stage === 'finance' ? '已批复' : '部门审核通过，待财政审核';
  await notify(
    tx,
    [...preparers],
    {
      kind: returned ? 'declaration.returned' : 'declaration.approved',
      title: `${name} ${what}`,
      body: comment,
      link: `/declarations/${declaration.id}`,
    },
    actorId,
  );
}

/** Errors block the submission; every warning kept needs the preparer's reason. Answers the reasons kept. */
function checkSubmission(
  declaration: repo.DeclarationRow,
  indicators: readonly repo.DeclaredIndicatorRow[],
  reasons: Readonly<Record<string, string>>,
  context: targets.DeclarationCheckContext,
): Record<string, string> {
  const problems: FieldDetail[] = [];
  if (indicators.length === 0) problems.push({ path: 'indicators', message: '申报表还没有绩效指标，至少填写一项后才能提交' });
  if (!declaration.overallGoal.trim()) problems.push({ path: 'overallGoal', message: '总体目标为空，填写后才能提交' });
  const findings = checkFindings(declaration, indicators, context);
  const kept: Record<string, string> = {};
  for (const finding of findings) {
    const key = findingKey(finding);
    const where = finding.subject.id ? `${finding.subject.kind}:${finding.subject.id}` : finding.subject.kind;
    if (finding.severity === 'error') problems.push({ path: where, message: finding.message });
    else if (finding.severity === 'warning') {
      const reason = reasons[key]?.trim();
      if (reason) kept[key] = reason;
      else problems.push({ path: `reasons.${key}`, message: `请说明保留该提示的理由：${finding.message}` });
    }
  }
  if (problems.length > 0) {
    const errors = problems.filter((problem) => !problem.path.startsWith('reasons.')).length;
    throw validationFailed(
      problems,
      errors > 0 ? `申报表还有 ${errors} 个错误，修正后才能提交` : `申报表有 ${problems.length} 条提示尚未说明理由，说明后才能提交`,
    );
  }
  return kept;
}

/** The finance bureau's review: a verdict on every indicator, and no approval over a 不通过. */
function checkOpinions(input: DeclarationStepRequest, stage: policy.DeclarationStage, ids: ReadonlySet<string>): void {
  const problems: FieldDetail[] = [];
  const given = new Map<string, NonNullable<DeclarationStepRequest['opinions']>[number]>();
  (input.opinions ?? []).forEach((opinion, index) => {
    if (!ids.has(opinion.indicatorId))
      problems.push({ path: `body.opinions[${index}].indicatorId`, message: `意见所指的指标 ${opinion.indicatorId} 不在本申报表中` });
    given.set(opinion.indicatorId, opinion);
  });
  if (stage === 'finance') {
    for (const id of ids) {
      if (!given.get(id)?.verdict)
        problems.push({ path: `opinions.${id}`, message: '财政审核须对每项指标给出意见：通过、修改后通过或不通过' });
    }
    const failed = [...given.values()].filter((opinion) => opinion.verdict === 'fail').length;
    if (input.action === 'approve' && failed > 0) {
      problems.push({ path: 'body.action', message: `有 ${failed} 项指标的意见为“不通过”，不能批复，请退回单位修改` });
    }
  }
  if (problems.length > 0) throw validationFailed(problems);
}

/** 批复: the approved targets as version 1, the base the year-end evaluation opens from. */
async function freeze(tx: Tx, ctx: RequestContext, declaration: repo.DeclarationRow, indicators: readonly repo.DeclaredIndicatorRow[]) {
  await repo.insertVersion(tx, {
    declarationId: declaration.id,
    number: 1,
    snapshot: { declaration, indicators },
    approvedBy: ctx.principal.userId,
  });
}
