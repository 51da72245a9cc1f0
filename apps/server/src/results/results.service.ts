import type { AppliedResult, ListResultsQuery, ResultDecisionView, ResultItem, ResultList } from '@jixiao/contract';
import {
  configureScheme,
  formatPoints,
  formatYuan,
  formatYuanGrouped,
  policy,
  results,
  type SchemeId,
  type SchemeOverrides,
  sumFen,
} from '@jixiao/core';
import type { Deps, RequestContext } from '../context.ts';
import type { Queryable } from '../db/connect.ts';
import { forbidden, notFound } from '../errors.ts';
import { findOrganisations } from '../organisations/organisation.repository.ts';
import { actorsOver } from '../policies/access.ts';
import type { Scope } from '../policies/scope.ts';
import * as repo from './results.repository.ts';

// 结果应用 (docs/finance-bureau.md "结果应用"): the year's results with their suggestions, and what the
// next year reads of a decision. The decision itself is commands/decide-result.ts.

/** Whose results a reader sees: the roots where they hold a reading post (roles reach down the tree). */
export function resultsScope(ctx: RequestContext): Scope {
  const grants = ctx.principal.roles;
  if (grants.some((grant) => grant.role === 'admin')) return 'all';
  const roots = grants
    .filter((grant) => policy.holdsAny([grant.role], policy.resultsPolicy.posts.read))
    .map((grant) => grant.organisationId);
  if (roots.length === 0) throw forbidden('结果应用仅供财政审核人、部门审核人和审计人员查看');
  return [...new Set(roots)];
}

/** This year's budget of the project: the figures frozen at submission where the unit read the ledger, else the 全年预算数 entered, else the project's budget. */
export function budgetOf(row: repo.ResultRow): number {
  return row.evaluation.ledgerSnapshot?.budget?.adjusted || row.evaluation.adjustedFen || row.projectBudgetFen;
}

/** The suggestion of one row, from the re-review total where one exists; undefined when the evaluation has no score. */
export function suggestionOf(row: repo.ResultRow, rereviewTotal: number | undefined, reducePercent: number) {
  const total = rereviewTotal ?? row.evaluation.totalScore;
  if (total === null) return undefined;
  const scheme = configureScheme(row.evaluation.schemeId as SchemeId, row.evaluation.schemeOverrides as SchemeOverrides);
  const source: results.ScoreSource = rereviewTotal === undefined ? 'self' : 'rereview';
  const budgetFen = budgetOf(row);
  const suggestion = results.suggestApplication({ total, source, budgetFen }, { reducePercent, gradeFloors: scheme.options.gradeFloors });
  return { ...suggestion, total, source, budgetFen };
}

function decisionView(row: repo.ResultDecisionRow, decidedByName: string): ResultDecisionView {
  return {
    decision: row.decision,
    decisionLabel: results.RESULT_DECISION_LABEL[row.decision],
    treatment: row.treatment,
    treatmentLabel: results.RESULT_TREATMENT_LABEL[row.treatment],
    decidedAmount: formatYuan(row.decidedFen),
    reason: row.reason,
    decidedByName,
    decidedAt: row.decidedAt.toISOString(),
    version: row.version,
  };
}

/** 结果应用: a year's finance-approved project evaluations, each with its suggestion and the bureau's decision. */
export async function listResults(deps: Deps, ctx: RequestContext, query: ListResultsQuery): Promise<ResultList> {
  const scope = resultsScope(ctx);
  const reducePercent = deps.config.JIXIAO_RESULT_REDUCE_PERCENT;
  const years = await repo.findResultYears(deps.db, scope);
  const fiscalYear = query.fiscalYear ?? years[0] ?? null;
  const empty = { fiscalYear, years, reducePercent, departments: [], items: [], byGrade: gradeTotals([]) };
  if (fiscalYear === null) return empty;
  const [rows, rereviewed] = await Promise.all([
    repo.findResultRows(deps.db, { fiscalYear, scope }),
    repo.findRereviewTotals(deps.db, fiscalYear),
  ]);
  const departments = [...new Map(rows.map((row) => [row.departmentId, { id: row.departmentId, name: row.departmentName }])).values()];
  if (query.departmentId && !departments.some((department) => department.id === query.departmentId)) {
    const all = await findOrganisations(deps.db);
    if (!all.some((organisation) => organisation.id === query.departmentId)) throw notFound('部门');
  }
  const actorOf = await actorsOver(
    deps.db,
    ctx.principal,
    rows.map((row) => row.evaluation.organisationId),
  );
  const items: ResultItem[] = [];
  const amounts: GradeAmounts[] = [];
  for (const row of rows) {
    if (query.departmentId && row.departmentId !== query.departmentId) continue;
    const suggestion = suggestionOf(row, rereviewed.get(row.evaluation.id), reducePercent);
    if (!suggestion) continue;
    if (query.grade && suggestion.grade !== query.grade) continue;
    if (query.undecided !== undefined && (row.decision === null) !== (query.undecided === 'true')) continue;
    const mayDecide = policy.holdsAny(actorOf(row.evaluation.organisationId).posts, policy.resultsPolicy.posts.decide);
    items.push({
      evaluationId: row.evaluation.id,
      organisationId: row.evaluation.organisationId,
      organisationName: row.organisationName,
      departmentName: row.departmentName,
      projectCode: row.projectCode,
      projectName: row.projectName,
      fiscalYear: row.evaluation.fiscalYear,
      scoreSource: suggestion.source,
      scoreSourceLabel: results.SCORE_SOURCE_LABEL[suggestion.source],
      total: formatPoints(suggestion.total),
      selfTotal: formatPoints(row.evaluation.totalScore ?? 0),
      grade: suggestion.grade,
      treatment: suggestion.treatment,
      treatmentLabel: suggestion.treatmentLabel,
      budget: formatYuan(suggestion.budgetFen),
      suggestedAmount: formatYuan(suggestion.suggestedFen),
      explanation: suggestion.explanation,
      basis: suggestion.basis,
      decision: row.decision ? decisionView(row.decision, row.decidedByName ?? '') : null,
      permissions: { decide: mayDecide && row.decision === null },
    });
    amounts.push({
      grade: suggestion.grade,
      budgetFen: suggestion.budgetFen,
      suggestedFen: suggestion.suggestedFen,
      plannedFen: row.decision?.decidedFen ?? suggestion.suggestedFen,
    });
  }
  return { fiscalYear, years, reducePercent, departments, items, byGrade: gradeTotals(amounts) };
}

interface GradeAmounts {
  readonly grade: ResultItem['grade'];
  readonly budgetFen: number;
  readonly suggestedFen: number;
  readonly plannedFen: number;
}

/** The amounts by grade, summed in fen: this year's budget, the suggestions, and the plan (decided where decided). */
function gradeTotals(amounts: readonly GradeAmounts[]): ResultList['byGrade'] {
  return (['优', '良', '中', '差'] as const).map((grade) => {
    const ofGrade = amounts.filter((entry) => entry.grade === grade);
    const sum = (pick: (entry: GradeAmounts) => number) => sumFen(ofGrade.map(pick));
    return {
      grade,
      count: ofGrade.length,
      budget: formatYuan(sum((entry) => entry.budgetFen)),
      suggestedAmount: formatYuan(sum((entry) => entry.suggestedFen)),
      plannedAmount: formatYuan(sum((entry) => entry.plannedFen)),
    };
  });
}

/**
 * 上年度评价结果应用: the bureau's decision on the same project (same unit and project code) of the year
 * before, for the next year's target declaration and budget lines (through ports/result-reader.ts).
 */
export async function appliedResultFor(
  db: Queryable,
  key: { organisationId: string; projectCode: string; fiscalYear: number },
): Promise<AppliedResult | null> {
  const row = await repo.findPreviousDecision(db, key);
  if (!row) return null;
  const treatmentLabel = results.RESULT_TREATMENT_LABEL[row.treatment];
  const reason = row.reason ? `；理由：${row.reason}` : '';
  return {
    evaluationId: row.evaluationId,
    fiscalYear: row.fiscalYear,
    projectName: row.projectName,
    grade: row.grade,
    total: formatPoints(row.total),
    treatment: row.treatment,
    treatmentLabel,
    decidedAmount: formatYuan(row.decidedFen),
    reason: row.reason,
    note: `${row.fiscalYear} 年度绩效评价结果：${row.grade}（${formatPoints(row.total)} 分），财政局决定${treatmentLabel}，${row.fiscalYear + 1} 年度安排 ${formatYuanGrouped(row.decidedFen)} 元${reason}`,
  };
}

/** The same, for a budget line that names its project by id. */
export async function appliedResultForProject(db: Queryable, projectId: string): Promise<AppliedResult | null> {
  const project = await repo.projectOf(db, projectId);
  if (!project) return null;
  return appliedResultFor(db, { organisationId: project.organisationId, projectCode: project.code, fiscalYear: project.fiscalYear });
}

/**
 * The to-dos of 结果应用: every year's finance-approved project evaluations without a decision, over the
 * organisations where the user holds the deciding post (财政审核人).
 */
export async function undecidedResults(deps: Deps, ctx: RequestContext) {
  const roots = ctx.principal.roles
    .filter((grant) => policy.holdsAny([grant.role], policy.resultsPolicy.posts.decide))
    .map((grant) => grant.organisationId);
  if (roots.length === 0) return [];
  const scope: Scope = [...new Set(roots)];
  const years = await repo.findResultYears(deps.db, scope);
  const reducePercent = deps.config.JIXIAO_RESULT_REDUCE_PERCENT;
  const undecided = [];
  for (const fiscalYear of years) {
    const [rows, rereviewed] = await Promise.all([
      repo.findResultRows(deps.db, { fiscalYear, scope, undecided: true }),
      repo.findRereviewTotals(deps.db, fiscalYear),
    ]);
    for (const row of rows) {
      const suggestion = suggestionOf(row, rereviewed.get(row.evaluation.id), reducePercent);
      if (!suggestion) continue;
      undecided.push({
        evaluationId: row.evaluation.id,
        projectName: row.projectName,
        organisationName: row.organisationName,
        fiscalYear,
        grade: suggestion.grade,
        treatmentLabel: suggestion.treatmentLabel,
      });
    }
  }
  return undecided;
}
