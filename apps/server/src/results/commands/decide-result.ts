import type { DecideResult } from '@jixiao/contract';
import { policy, results } from '@jixiao/core';
import { eq } from 'drizzle-orm';
import { recordAudit } from '../../audit/audit.repository.ts';
import type { Deps, RequestContext } from '../../context.ts';
import { evaluations } from '../../db/schema.ts';
import { AppError, alreadyExists, notFound, rethrowUnique, validationFailed } from '../../errors.ts';
import { actorOver } from '../../policies/access.ts';
import { isOutOfScope } from '../../policies/scope.ts';
import { money } from '../../shared/fields.ts';
import * as repo from '../results.repository.ts';
import { suggestionOf } from '../results.service.ts';

const FIELD_PATH = { decision: 'body.decision', decidedFen: 'body.decidedAmount', reason: 'body.reason' } as const;

/**
 * 结果应用决定, in one transaction: the evaluation must be a finance-approved project evaluation within
 * the decider's reach; only the bureau's 财政审核人 decides; the suggestion is recomputed from the
 * current scores (the re-review's where completed) so the decision is checked against what the bureau
 * saw; a decision that departs from it needs its reason; one decision per evaluation (a unique index
 * settles two deciders racing). The decision and its audit record are written together.
 */
export async function decideResult(deps: Deps, ctx: RequestContext, evaluationId: string, input: DecideResult) {
  return deps.db.transaction(async (tx) => {
    const [evaluation] = await tx
      .select({
        organisationId: evaluations.organisationId,
        fiscalYear: evaluations.fiscalYear,
        kind: evaluations.kind,
        status: evaluations.status,
      })
      .from(evaluations)
      .where(eq(evaluations.id, evaluationId))
      .for('update');
    if (!evaluation) throw notFound('绩效自评');
    const actor = await actorOver(tx, ctx.principal, evaluation.organisationId);
    if (isOutOfScope(ctx.principal, actor.posts)) throw notFound('绩效自评');
    if (!policy.holdsAny(actor.posts, policy.resultsPolicy.posts.decide)) {
      throw new AppError('FORBIDDEN', '结果应用决定须由财政局的财政审核人作出');
    }
    const [row] = await repo.findResultRows(tx, { fiscalYear: evaluation.fiscalYear, scope: 'all', evaluationId });
    if (!row) {
      const why = evaluation.kind === 'project' ? '尚未经财政审核' : '是部门整体支出绩效自评，结果应用按项目决定';
      throw validationFailed([{ path: 'params.evaluationId', message: `该自评${why}，不能作结果应用决定` }]);
    }
    if (row.decision) {
      throw alreadyExists(
        'params.evaluationId',
        `“${row.projectName}”的结果应用已于 ${row.decision.decidedAt.toISOString().slice(0, 10)} 决定（${results.RESULT_TREATMENT_LABEL[row.decision.treatment]}），每个项目每年只作一次决定`,
      );
    }
    const rereviewed = (await repo.findRereviewTotals(tx, evaluation.fiscalYear)).get(evaluationId);
    const reducePercent = deps.config.JIXIAO_RESULT_REDUCE_PERCENT;
    const suggestion = suggestionOf(row, rereviewed, reducePercent);
    if (!suggestion) throw validationFailed([{ path: 'params.evaluationId', message: '该自评尚无得分，不能作结果应用决定' }]);
    const decidedFen = money('body.decidedAmount', input.decidedAmount) ?? 0;
    const reason = input.reason?.trim() ?? '';
    const issues = results.checkDecision({ suggestion, decision: input.decision, decidedFen, treatment: input.treatment, reason });
    if (issues.length > 0) {
      throw validationFailed(
        issues.map((issue) => ({ path: FIELD_PATH[issue.field], message: issue.message })),
        issues[0]?.message,
      );
    }
    const created = await repo
      .insertDecision(tx, {
        evaluationId,
        organisationId: row.evaluation.organisationId,
        fiscalYear: row.evaluation.fiscalYear,
        projectCode: row.projectCode,
        projectName: row.projectName,
        scoreSource: suggestion.source,
        total: suggestion.total,
        grade: suggestion.grade,
        budgetFen: suggestion.budgetFen,
        suggestedTreatment: suggestion.treatment,
        suggestedFen: suggestion.suggestedFen,
        reducePercent,
        decision: input.decision,
        treatment: input.treatment,
        decidedFen,
        reason: reason || null,
        decidedBy: ctx.principal.userId,
        decidedAt: deps.clock(),
      })
      .catch((error: unknown) => rethrowUnique(error, 'params.evaluationId', '该项目的结果应用已有决定，每个项目每年只作一次决定'));
    await recordAudit(tx, ctx, {
      entityType: 'result-decision',
      entityId: created.id,
      action: 'result.decide',
      organisationId: created.organisationId,
      after: {
        projectName: created.projectName,
        amountFen: created.decidedFen,
        grade: created.grade,
        suggested: results.RESULT_TREATMENT_LABEL[created.suggestedTreatment],
        suggestedFen: created.suggestedFen,
        decision: results.RESULT_DECISION_LABEL[created.decision],
        treatment: results.RESULT_TREATMENT_LABEL[created.treatment],
        reason: created.reason,
      },
    });
    return created;
  });
}
