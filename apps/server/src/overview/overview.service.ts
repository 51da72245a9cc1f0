import type { Overview, OverviewAnomaly, OverviewDepartment, OverviewPoint, OverviewQuery } from '@jixiao/contract';
import { type Evaluation, type Fraction, formatPercent, formatPoints, overview, policy, workflow } from '@jixiao/core';
import type { Deps, RequestContext } from '../context.ts';
import type { ComputedActualColumn } from '../db/schema.ts';
import { forbidden, notFound } from '../errors.ts';
import { loadAggregate, scoreAggregate } from '../evaluations/evaluation-aggregate.ts';
import type { Aggregate } from '../evaluations/evaluation-mapping.ts';
import type { OrganisationRow } from '../organisations/organisation.repository.ts';
import type { Scope } from '../policies/scope.ts';
import { type LightCounts, monitoringReader } from '../ports/monitoring-reader.ts';
import { surveyReader } from '../ports/survey-reader.ts';
import { chinaToday } from '../time.ts';
import * as repo from './overview.repository.ts';

type Status = workflow.EvaluationStatus;
const STATUSES: readonly Status[] = ['draft', 'returned', 'submitted', 'department_approved', 'finance_approved', 'published'];
const OPTIONS = overview.DEFAULT_ANOMALY_OPTIONS;
const { overviewPolicy } = policy;

/** The roots of the overview: where the principal holds a post that reads it (admin: everything). */
function overviewScope(ctx: RequestContext): Scope {
  const grants = ctx.principal.roles;
  if (grants.some((grant) => grant.role === 'admin')) return 'all';
  const roots = grants.filter((grant) => policy.holdsAny([grant.role], overviewPolicy.posts.read)).map((grant) => grant.organisationId);
  if (roots.length === 0) throw forbidden('总览仅供财政审核人、部门审核人和审计人员查看');
  return [...new Set(roots)];
}

const percent = (value: Fraction | undefined): string | null => (value ? formatPercent(value) : null);
const score = (value: number | undefined): string | null => (value === undefined ? null : formatPoints(value));
/** Handed in by the unit: the bureau's figures (scores, anomalies) are read from these only. */
export const handedIn = (status: Status) => !workflow.isEditable(status);

export interface Loaded {
  readonly row: Awaited<ReturnType<typeof repo.findYearEvaluations>>[number];
  readonly department: OrganisationRow;
  readonly unit: OrganisationRow;
  readonly name: string;
}

/** The nearest department at or above an organisation (a unit's parent department, or the department itself). */
function departmentResolver(organisations: readonly OrganisationRow[]) {
  const byId = new Map(organisations.map((organisation) => [organisation.id, organisation]));
  return (id: string): OrganisationRow | undefined => {
    let current = byId.get(id);
    while (current && current.kind !== 'department') current = current.parentId ? byId.get(current.parentId) : undefined;
    return current;
  };
}

/**
 * Scores a handed-in evaluation from the parts loaded in bulk: the figures frozen at submission when
 * there is a snapshot, the surveys' figures read in one batch otherwise. Only an evaluation without a
 * snapshot that reads the ledger live is loaded on its own (older data; none once submitted in the app).
 */
export async function scoreHandedIn(
  deps: Deps,
  entries: readonly Loaded[],
  parts: Awaited<ReturnType<typeof repo.findYearParts>>,
  childCount: ReadonlyMap<string, number>,
  organisationsById: ReadonlyMap<string, OrganisationRow>,
): Promise<Map<string, { scored: Evaluation; aggregate: Aggregate }>> {
  const group = <T extends { evaluationId: string }>(rows: readonly T[]) => {
    const map = new Map<string, T[]>();
    for (const row of rows) map.set(row.evaluationId, [...(map.get(row.evaluationId) ?? []), row]);
    return map;
  };
  const indicatorsOf = group(parts.indicatorRows);
  const goalsOf = group(parts.goalRows);
  const managementOf = group(parts.managementRows);
  const live = entries.filter(({ row }) => !row.evaluation.ledgerSnapshot);
  const satisfaction = live.flatMap(({ row }) =>
    (indicatorsOf.get(row.evaluation.id) ?? []).filter((i) => i.level1 === 'satisfaction' && !i.bindingMetric).map((i) => i.id),
  );
  const surveyed = satisfaction.length > 0 ? await surveyReader().actualsFor(deps.db, satisfaction) : new Map();
  const result = new Map<string, { scored: Evaluation; aggregate: Aggregate }>();
  for (const { row } of entries) {
    const evaluation = row.evaluation;
    const indicatorRows = indicatorsOf.get(evaluation.id) ?? [];
    const managementRows = managementOf.get(evaluation.id) ?? [];
    const readsLedger =
      evaluation.budgetSource === 'ledger' || indicatorRows.some((i) => i.bindingMetric) || managementRows.some((m) => m.bindingMetric);
    let aggregate: Aggregate;
    if (!evaluation.ledgerSnapshot && readsLedger) {
      aggregate = await loadAggregate(deps.db, evaluation, deps.clock());
    } else {
      const organisation = organisationsById.get(evaluation.organisationId);
      if (!organisation) continue;
      const snapshot = evaluation.ledgerSnapshot;
      const computedActuals = new Map<string, ComputedActualColumn>(snapshot ? Object.entries(snapshot.actuals) : []);
      if (!snapshot)
        for (const indicator of indicatorRows) {
          const entry = surveyed.get(indicator.id);
          if (entry)
            computedActuals.set(indicator.id, {
              actual: entry.actual,
              source: entry.source,
              text: entry.text,
              survey: { valid: entry.valid, planned: entry.planned },
            });
        }
      aggregate = {
        evaluation,
        organisation,
        project: row.projectName ? { name: row.projectName, code: row.projectCode ?? '', category: row.category ?? '' } : undefined,
        goals: goalsOf.get(evaluation.id) ?? [],
        indicators: indicatorRows,
        management: managementRows,
        subordinateUnitCount: childCount.get(evaluation.organisationId) ?? 0,
        computedActuals,
        computedManagement: new Map(Object.entries(snapshot?.management ?? {})),
        ledgerBudget: snapshot?.budget ?? undefined,
      };
    }
    result.set(evaluation.id, { scored: scoreAggregate(aggregate), aggregate });
  }
  return result;
}

/** The anomaly rules' input from a scored evaluation. */
export function anomalyInput(scored: Evaluation, aggregate: Aggregate): overview.AnomalyInput {
  const items = new Map(scored.items.filter((item) => item.kind === 'indicator').map((item) => [item.id, item]));
  const { evaluation } = aggregate;
  const budget = aggregate.ledgerBudget;
  const blocking = scored.findings.some((finding) => finding.blocking);
  return {
    selfScore: blocking ? null : scored.total.final,
    adjustedFen: budget ? budget.adjusted : evaluation.adjustedFen,
    executedFen: budget ? budget.executed : evaluation.executedFen,
    executionReasonGiven: Boolean(evaluation.executionReason?.trim()),
    indicators: aggregate.indicators.map((row) => {
      const item = items.get(row.code);
      return {
        name: row.name,
        level1: row.level1 as overview.AnomalyIndicator['level1'],
        level2: row.level2,
        direction: row.direction as overview.AnomalyIndicator['direction'],
        actual: aggregate.computedActuals?.get(row.id)?.actual ?? row.actual,
        notApplicable: row.notApplicable,
        explained: Boolean(row.deviationReason?.trim()),
        weight: item?.weight ?? 0,
        score: item?.final ?? null,
      };
    }),
    findingCodes: scored.findings.map((finding) => finding.code),
  };
}

/** Bump when the facts' shape, the anomaly options or the checks behind the findings change: rows of another format are recomputed. */
export const OVERVIEW_FACTS_FORMAT = 2;

/** An evaluation as the overview lists it: the slim row, with its department and unit. */
interface Listed {
  readonly head: Awaited<ReturnType<typeof repo.findYearEvaluationHeads>>[number];
  readonly department: OrganisationRow;
  readonly unit: OrganisationRow;
  readonly name: string;
}

/**
 * The facts of each handed-in evaluation: read from the cache where it is current, otherwise loaded whole
 * (in bulk, for the misses only), scored and stored. Only project evaluations with frozen ledger figures
 * are stored: they change only with their revision. A department's own evaluation also depends on how
 * many units it has, and one without a snapshot on the live ledger, so those are always computed.
 */
async function factsOf(
  deps: Deps,
  handed: readonly Listed[],
  facts: Awaited<ReturnType<typeof repo.findFacts>>,
  context: {
    scope: Scope;
    fiscalYear: number;
    childCount: ReadonlyMap<string, number>;
    organisationsById: ReadonlyMap<string, OrganisationRow>;
  },
): Promise<Map<string, overview.OverviewFacts>> {
  const cacheable = (head: Listed['head']) => head.kind === 'project' && head.frozen;
  const current = new Map(facts.filter((fact) => fact.format === OVERVIEW_FACTS_FORMAT).map((fact) => [fact.evaluationId, fact]));
  const result = new Map<string, overview.OverviewFacts>();
  const misses = new Map<string, Listed>();
  for (const entry of handed) {
    const fact = current.get(entry.head.id);
    if (fact && fact.revision === entry.head.revision && cacheable(entry.head)) result.set(entry.head.id, fact.input);
    else misses.set(entry.head.id, entry);
  }
  if (misses.size === 0) return result;
  const ids = [...misses.keys()];
  const [rows, parts] = await Promise.all([
    repo.findEvaluationsIn(deps.db, context.scope, context.fiscalYear, ids),
    repo.findYearParts(deps.db, context.scope, context.fiscalYear, ids),
  ]);
  const loaded = rows.flatMap((row): Loaded[] => {
    const listed = misses.get(row.evaluation.id);
    return listed ? [{ row, department: listed.department, unit: listed.unit, name: listed.name }] : [];
  });
  const scored = await scoreHandedIn(deps, loaded, parts, context.childCount, context.organisationsById);
  const fresh = [];
  for (const { row } of loaded) {
    const { id, revision } = row.evaluation;
    const found = scored.get(id);
    if (!found) continue;
    const computed = overview.overviewFacts(anomalyInput(found.scored, found.aggregate), OPTIONS);
    result.set(id, computed);
    const head = misses.get(id)?.head;
    if (head && cacheable(head)) fresh.push({ evaluationId: id, revision, format: OVERVIEW_FACTS_FORMAT, input: computed });
  }
  if (fresh.length > 0) await repo.saveFacts(deps.db, fresh);
  return result;
}

/**
 * How much of a large district one response carries: the anomaly list is paged, the scatter keeps every
 * 高分低支 point and an even sample of the rest, and the unit drill-down of every department is left to a
 * department's own overview when the year holds more evaluations than a page can show at once.
 */
export const OVERVIEW_LIMITS = { anomalyPageSize: 50, points: 2_000, drillDownEvaluations: 2_000 } as const;

/** Every flagged point, then an even sample of the others up to the limit, in their original order. */
export function samplePoints(points: readonly OverviewPoint[], limit: number): OverviewPoint[] {
  if (points.length <= limit) return [...points];
  const flagged = points.filter((point) => point.highScoreLowSpending);
  const others = points.filter((point) => !point.highScoreLowSpending);
  const room = Math.max(0, limit - flagged.length);
  const step = others.length / Math.max(room, 1);
  const kept = new Set<OverviewPoint>(flagged);
  for (let index = 0; index < room && index * step < others.length; index += 1) {
    const point = others[Math.floor(index * step)];
    if (point) kept.add(point);
  }
  return points.filter((point) => kept.has(point));
}

function matches(entry: Listed, q: string | undefined): boolean {
  if (!q) return true;
  const needle = q.toLowerCase();
  return [entry.department.name, entry.unit.name, entry.name].some((text) => text.toLowerCase().includes(needle));
}

/** 总览: a fiscal year over the departments the reader's roles reach (docs/finance-bureau.md "Overview"). */
export async function getOverview(deps: Deps, ctx: RequestContext, query: OverviewQuery): Promise<Overview> {
  const scope = overviewScope(ctx);
  const [organisations, years, round] = await Promise.all([
    repo.findScopedOrganisations(deps.db, scope),
    repo.findYears(deps.db, scope),
    monitoringReader().latestRound(deps.db, scope),
  ]);
  const departmentOptions = organisations.filter((o) => o.kind === 'department').map((o) => ({ id: o.id, name: o.name }));
  if (query.departmentId && !departmentOptions.some((option) => option.id === query.departmentId)) throw notFound('部门');
  const fiscalYear = query.fiscalYear ?? years[0] ?? null;
  const thresholds = {
    executionReasonBelowPercent: OPTIONS.executionReasonBelowPercent,
    highScoreFloor: OPTIONS.highScoreFloor,
    lowSpendingBelowPercent: OPTIONS.lowSpendingBelowPercent,
  };
  const departmentOf = departmentResolver(organisations);
  const lightsOf = new Map<string, LightCounts>();
  const lightTotals: LightCounts = { red: 0, yellow: 0, blue: 0, green: 0, none: 0 };
  for (const [organisationId, counts] of round?.byOrganisation ?? []) {
    const department = departmentOf(organisationId);
    if (!department) continue;
    const sum = lightsOf.get(department.id) ?? { red: 0, yellow: 0, blue: 0, green: 0, none: 0 };
    for (const light of Object.keys(counts) as (keyof LightCounts)[]) {
      sum[light] += counts[light];
      lightTotals[light] += counts[light];
    }
    lightsOf.set(department.id, sum);
  }
  const monitoring = round
    ? { taskId: round.taskId, title: round.title, fiscalYear: round.fiscalYear, cutoffDate: round.cutoffDate, totals: lightTotals }
    : null;
  const base = { years, departmentOptions, thresholds, monitoring };
  const page = query.anomalyPage ?? 1;
  if (fiscalYear === null) return { ...base, fiscalYear, ...emptyFigures() };

  const [year, rows, facts, budgeted] = await Promise.all([
    repo.getFiscalYear(deps.db, fiscalYear),
    repo.findYearEvaluationHeads(deps.db, scope, fiscalYear),
    repo.findFacts(deps.db, scope, fiscalYear),
    repo.findBudgetedProjects(deps.db, scope, fiscalYear),
  ]);
  const organisationsById = new Map(organisations.map((organisation) => [organisation.id, organisation]));
  const childCount = new Map<string, number>();
  for (const organisation of organisations)
    if (organisation.parentId && organisation.kind === 'unit')
      childCount.set(organisation.parentId, (childCount.get(organisation.parentId) ?? 0) + 1);

  const entries: Listed[] = [];
  for (const head of rows) {
    const unit = organisationsById.get(head.organisationId);
    const department = departmentOf(head.organisationId);
    if (!unit || !department) continue;
    if (query.departmentId && department.id !== query.departmentId) continue;
    const name = head.projectName ?? `${unit.name}部门整体支出`;
    const entry = { head, department, unit, name };
    if (matches(entry, query.q)) entries.push(entry);
  }
  const factsById = await factsOf(
    deps,
    entries.filter(({ head }) => handedIn(head.status)),
    facts,
    { scope, fiscalYear, childCount, organisationsById },
  );

  const deadlines = { submit: year?.submitDeadline ?? null, review: year?.reviewDeadline ?? null, finance: year?.financeDeadline ?? null };
  const today = chinaToday(deps.clock());
  const anomalies: OverviewAnomaly[] = [];
  const points: OverviewPoint[] = [];
  const perDepartment = new Map<string, { entries: Listed[]; scores: number[]; overdue: number; anomalies: number }>();
  const selfScores = new Map<string, number>();
  const anomalyCount = new Map<string, number>();
  for (const entry of entries) {
    const figures = perDepartment.get(entry.department.id) ?? { entries: [], scores: [], overdue: 0, anomalies: 0 };
    perDepartment.set(entry.department.id, figures);
    figures.entries.push(entry);
    if (overview.overdueStep(entry.head.status, deadlines, today)) figures.overdue += 1;
    const input = factsById.get(entry.head.id);
    if (!input) continue;
    if (input.selfScore !== null) {
      figures.scores.push(input.selfScore);
      selfScores.set(entry.head.id, input.selfScore);
    }
    const found = overview.anomaliesOf(input, OPTIONS);
    anomalyCount.set(entry.head.id, found.length);
    figures.anomalies += found.length;
    for (const anomaly of found)
      anomalies.push({
        evaluationId: entry.head.id,
        evaluationName: entry.name,
        departmentId: entry.department.id,
        departmentName: entry.department.name,
        unitId: entry.unit.id,
        unitName: entry.unit.name,
        ...anomaly,
      });
    const rate = overview.executionBasisPoints(input.executedFen, input.adjustedFen);
    if (rate !== undefined && input.selfScore !== null)
      points.push({
        evaluationId: entry.head.id,
        name: entry.name,
        departmentName: entry.department.name,
        executionBasisPoints: rate,
        selfScore: input.selfScore,
        highScoreLowSpending: found.some((anomaly) => anomaly.code === 'HIGH_SCORE_LOW_SPENDING'),
      });
  }

  const drillDown = Boolean(query.departmentId) || entries.length <= OVERVIEW_LIMITS.drillDownEvaluations;
  const budgetedByDepartment = new Map<string, Set<string>>();
  for (const project of budgeted) {
    const department = departmentOf(project.organisationId);
    if (!department) continue;
    budgetedByDepartment.set(department.id, (budgetedByDepartment.get(department.id) ?? new Set()).add(project.id));
  }
  const shownDepartments = departmentOptions.filter(
    (option) =>
      (!query.departmentId || option.id === query.departmentId) &&
      (perDepartment.has(option.id) || (!query.q && budgetedByDepartment.has(option.id))),
  );
  const departments = shownDepartments.map((option): OverviewDepartment & { scoreValue: number | undefined } => {
    const figures = perDepartment.get(option.id) ?? { entries: [], scores: [], overdue: 0, anomalies: 0 };
    const progress = Object.fromEntries(STATUSES.map((status) => [status, 0])) as Record<Status, number>;
    for (const { head } of figures.entries) progress[head.status] += 1;
    const budgetedIds = budgetedByDepartment.get(option.id) ?? new Set<string>();
    const evaluatedProjects = figures.entries.filter(
      ({ head }) => head.projectId && budgetedIds.has(head.projectId) && handedIn(head.status),
    ).length;
    const average = overview.averageScore(figures.scores);
    const units = new Map<string, OverviewDepartment['units'][number]>();
    for (const { unit, head, name } of drillDown ? figures.entries : []) {
      const current = units.get(unit.id) ?? { unitId: unit.id, name: unit.name, evaluations: [] };
      const id = head.id;
      current.evaluations.push({
        evaluationId: id,
        name,
        status: head.status,
        selfScore: score(selfScores.get(id) ?? undefined),
        anomalies: anomalyCount.get(id) ?? 0,
      });
      units.set(unit.id, current);
    }
    return {
      departmentId: option.id,
      name: option.name,
      progress,
      evaluations: figures.entries.length,
      submitted: figures.entries.filter(({ head }) => handedIn(head.status)).length,
      budgetedProjects: budgetedIds.size,
      evaluatedProjects,
      coverage: percent(overview.coverage(evaluatedProjects, budgetedIds.size)),
      overdue: figures.overdue,
      averageScore: score(average),
      excellentGoodRate: percent(overview.excellentGoodRate(overview.scoreDistribution(figures.scores))),
      anomalies: figures.anomalies,
      rank: null,
      lights: lightsOf.get(option.id) ?? null,
      units: [...units.values()],
      scoreValue: average,
    };
  });
  const ranks = new Map(overview.rank(departments, (d) => d.scoreValue).map(({ entry, rank }) => [entry.departmentId, rank]));
  const allScores = [...perDepartment.values()].flatMap((figures) => figures.scores);
  const distribution = overview.scoreDistribution(allScores);
  const sum = (pick: (d: OverviewDepartment) => number) => departments.reduce((total, d) => total + pick(d), 0);
  return {
    ...base,
    fiscalYear,
    deadlines,
    totals: {
      departments: departments.length,
      evaluations: sum((d) => d.evaluations),
      submitted: sum((d) => d.submitted),
      overdue: sum((d) => d.overdue),
      coverage: percent(
        overview.coverage(
          sum((d) => d.evaluatedProjects),
          sum((d) => d.budgetedProjects),
        ),
      ),
      averageScore: score(overview.averageScore(allScores)),
      excellentGoodRate: percent(overview.excellentGoodRate(distribution)),
      anomalies: anomalies.length,
    },
    distribution,
    departments: departments.map(({ scoreValue: _score, ...department }) => ({
      ...department,
      rank: ranks.get(department.departmentId) ?? null,
    })),
    points: samplePoints(points, OVERVIEW_LIMITS.points),
    pointsTotal: points.length,
    anomalies: anomalies.slice((page - 1) * OVERVIEW_LIMITS.anomalyPageSize, page * OVERVIEW_LIMITS.anomalyPageSize),
    anomalyPage: { page, pageSize: OVERVIEW_LIMITS.anomalyPageSize, total: anomalies.length },
    unitsShown: drillDown,
  };
}

function emptyFigures() {
  return {
    deadlines: { submit: null, review: null, finance: null },
    totals: {
      departments: 0,
      evaluations: 0,
      submitted: 0,
      overdue: 0,
      coverage: null,
      averageScore: null,
      excellentGoodRate: null,
      anomalies: 0,
    },
    distribution: { 优: 0, 良: 0, 中: 0, 差: 0 },
    departments: [],
    points: [],
    pointsTotal: 0,
    anomalies: [],
    anomalyPage: { page: 1, pageSize: OVERVIEW_LIMITS.anomalyPageSize, total: 0 },
    unitsShown: true,
  };
}
