import { configureScheme, control, type Evaluation, evaluate, hasScoredItem, type SchemeId, workflow } from '@jixiao/core';
import { type Queryable, readAll } from '../db/connect.ts';
import type { ComputedActualColumn, LedgerSnapshot } from '../db/schema.ts';
import { notFound } from '../errors.ts';
import { getOrganisationWithChildCount } from '../organisations/organisation.repository.ts';
import { getProject } from '../organisations/project.repository.ts';
import { ledgerReader } from '../ports/ledger-reader.ts';
import { surveyReader } from '../ports/survey-reader.ts';
import * as repo from './evaluation.repository.ts';
import { type Aggregate, type LedgerManagement, schemeOverridesOf, toEvaluationInput } from './evaluation-mapping.ts';
import { ledgerAmounts, managementDefinition } from './management-ledger.ts';

// The evaluation aggregate: an evaluation with its parts and its ledger figures, loaded once, scored by core.

export async function loadAggregate(db: Queryable, evaluation: repo.EvaluationRow, now: Date = new Date()): Promise<Aggregate> {
  const [withCount, goals, indicatorRows, management, project] = await readAll(db, [
    () => getOrganisationWithChildCount(db, evaluation.organisationId, 'unit'),
    () => repo.findGoals(db, evaluation.id),
    () => repo.findIndicators(db, evaluation.id),
    () => repo.findManagement(db, evaluation.id),
    () => (evaluation.projectId ? getProject(db, evaluation.projectId) : Promise.resolve(undefined)),
  ]);
  if (!withCount) throw notFound('单位');
  const { computedActuals, computedManagement, ledgerBudget } = await ledgerFigures(db, evaluation, indicatorRows, management, now);
  return {
    evaluation,
    organisation: withCount.organisation,
    project,
    goals,
    indicators: indicatorRows,
    management,
    subordinateUnitCount: Number(withCount.children),
    computedActuals,
    computedManagement,
    ledgerBudget,
  };
}

/**
 * The figures an evaluation takes from the ledger: live while the unit can still edit it, and from then on
 * the snapshot taken at submission, so that reviewers approve, and the public reads, figures that later
 * payments do not move.
 */
async function ledgerFigures(
  db: Queryable,
  evaluation: repo.EvaluationRow,
  indicatorRows: readonly repo.IndicatorRow[],
  managementRows: readonly repo.ManagementRow[],
  now: Date,
) {
  const frozen = workflow.isEditable(evaluation.status) ? null : evaluation.ledgerSnapshot;
  if (frozen) {
    return {
      computedActuals: new Map(Object.entries(frozen.actuals)),
      computedManagement: new Map(Object.entries(frozen.management ?? {})),
      ledgerBudget: frozen.budget ?? undefined,
    };
  }
  const bound = indicatorRows.filter((row) => row.bindingMetric);
  const boundManagement = managementRows.filter((row) => row.bindingMetric);
  const computedActuals = new Map<string, ComputedActualColumn>();
  const computedManagement = new Map<string, LedgerManagement>();
  // 满意度 indicators fed by a survey take its figure, frozen with the ledger figures at submission.
  const satisfaction = indicatorRows.filter((row) => row.level1 === 'satisfaction' && !row.bindingMetric).map((row) => row.id);
  if (satisfaction.length > 0) {
    for (const [id, entry] of await surveyReader().actualsFor(db, satisfaction)) {
      computedActuals.set(id, {
        actual: entry.actual,
        source: entry.source,
        text: entry.text,
        survey: { valid: entry.valid, planned: entry.planned },
      });
    }
  }
  if (bound.length === 0 && boundManagement.length === 0 && evaluation.budgetSource !== 'ledger')
    return { computedActuals, computedManagement, ledgerBudget: undefined };
  // One load of the evaluation's ledger; an indicator or item bound to some lines reads its part of it.
  const reader = ledgerReader();
  const ledger = await reader.load(db, {
    organisationId: evaluation.organisationId,
    fiscalYear: evaluation.fiscalYear,
    projectId: evaluation.projectId ?? undefined,
  });
  const options = { ...control.DEFAULT_LEDGER_OPTIONS, asOf: reader.asOf(evaluation.fiscalYear, now) };
  const compute = (metric: string | null, lineIds: readonly string[] | undefined) =>
    control.computeMetric(metric as control.LedgerMetric, lineIds ? control.ledgerOfLines(ledger, lineIds) : ledger, options);
  for (const row of bound) {
    const result = compute(row.bindingMetric, row.bindingScope?.budgetLineIds);
    if (result.percent !== undefined) computedActuals.set(row.id, { actual: result.percent, source: `由台账计算：${result.formula}` });
  }
  for (const row of boundManagement) {
    const definition = managementDefinition(row.code);
    const result = compute(row.bindingMetric, row.bindingScope?.budgetLineIds);
    const amounts = definition ? ledgerAmounts(definition, result) : undefined;
    if (amounts) computedManagement.set(row.code, { amounts, source: `由台账计算：${result.formula}` });
  }
  const budget = evaluation.budgetSource === 'ledger' ? control.ledgerBudget(ledger, options.asOf) : undefined;
  return { computedActuals, computedManagement, ledgerBudget: budget?.hasLines ? budget : undefined };
}

/** What `ledgerFigures` returns for a submitted evaluation: the live figures of the moment, sources dated. */
export function ledgerSnapshotOf(aggregate: Aggregate, now: Date = new Date()): LedgerSnapshot {
  const day = now.toISOString().slice(0, 10);
  const actuals: LedgerSnapshot['actuals'] = {};
  for (const [id, entry] of aggregate.computedActuals ?? []) {
    const when = entry.survey ? `${day} 提交时的调查结果` : `${day} 提交时的台账数`;
    actuals[id] = { ...entry, source: `${entry.source}（${when}）` };
  }
  const management: NonNullable<LedgerSnapshot['management']> = {};
  for (const [code, entry] of aggregate.computedManagement ?? []) {
    management[code] = { amounts: { ...entry.amounts }, source: `${entry.source}（${day} 提交时的台账数）` };
  }
  const budget = aggregate.ledgerBudget;
  return {
    takenAt: now.toISOString(),
    actuals,
    management,
    budget: budget ? { initial: budget.initial, carryOver: budget.carryOver, adjusted: budget.adjusted, executed: budget.executed } : null,
  };
}

export function scoreAggregate(aggregate: Aggregate): Evaluation {
  const scheme = configureScheme(aggregate.evaluation.schemeId as SchemeId, schemeOverridesOf(aggregate.evaluation));
  return evaluate(toEvaluationInput(aggregate), scheme);
}

/** Re-scores inside the write's transaction, so the cached total never disagrees with the content. */
export async function refreshScore(db: Queryable, evaluationId: string): Promise<void> {
  const evaluation = await repo.getEvaluation(db, evaluationId);
  if (evaluation) await cacheScore(db, await loadAggregate(db, evaluation));
}

/** Caches the score of an aggregate the write has already loaded, as it stands in the transaction. */
export async function cacheScore(db: Queryable, aggregate: Aggregate): Promise<void> {
  const scored = scoreAggregate(aggregate);
  // No total while blocked, nor before anything is scored (a new draft reads 未评分, not 0.00 分 · 差).
  const unscored = scored.findings.some((entry) => entry.blocking) || !hasScoredItem(scored);
  const ledger = aggregate.ledgerBudget;
  await repo.saveScore(db, aggregate.evaluation.id, {
    totalScore: unscored ? null : scored.total.final,
    grade: unscored ? null : scored.grade.final,
    errorCount: scored.findings.filter((entry) => entry.severity === 'error').length,
    warningCount: scored.findings.filter((entry) => entry.severity === 'warning').length,
    // Budget figures taken from the ledger are mirrored into the row, for lists and the workbook export.
    ...(ledger && {
      initialFen: ledger.initial,
      carryOverFen: ledger.carryOver,
      adjustedFen: ledger.adjusted,
      executedFen: ledger.executed,
    }),
  });
}
