import { control, monitoring } from '@jixiao/core';
import type { Queryable } from '../db/connect.ts';
import type { MonitoringComputedActual, MonitoringIndicatorColumn, MonitoringMoneyColumn } from '../db/schema.ts';
import { ledgerReader } from '../ports/ledger-reader.ts';
import { type ApprovedTargets, approvedTargetsFor } from '../targets/approved-targets.ts';
import type { DeclarationRow } from '../targets/declaration.repository.ts';
import * as repo from './monitoring.repository.ts';
import { activeRuleSet } from './rules/rules.service.ts';

/**
 * The figures of a monitoring form. Money comes from the ledger (read through the LedgerReader port, so
 * monitoring never imports internal control): per 资金来源, 年初预算数 is the lines' initial budget,
 * 调整预算数 the budget after carry-over and approved adjustments, 截至 X 月底支出数 the payments made in
 * the year up to the cut-off; the 用款计划 gives the expected curve. The indicators are the latest approved
 * version's, so an approved 调整 shows its adjusted 指标值 with the original beside it.
 */

/** Who the form is about: the project's lines, or the department's whole ledger (its own and its units'). */
export interface FormSubject {
  readonly organisationId: string;
  readonly fiscalYear: number;
  readonly projectId: string | null;
}

const months = () => Array.from({ length: 12 }, () => 0);

export async function ledgerMoney(
  db: Queryable,
  subject: FormSubject,
  cutoff: string,
  declaration: DeclarationRow | null,
): Promise<MonitoringMoneyColumn[]> {
  const ledger = await ledgerReader().load(db, {
    organisationId: subject.organisationId,
    fiscalYear: subject.fiscalYear,
    ...(subject.projectId ? { projectId: subject.projectId } : {}),
  });
  const { lines } = ledger;
  if (lines.length === 0) return declaredMoney(declaration);
  const sources = await repo.fundingSourcesOf(
    db,
    lines.map((line) => line.id),
  );
  const year = String(subject.fiscalYear);
  const bySource = new Map<string, MonitoringMoneyColumn>();
  const lineSource = new Map(lines.map((line) => [line.id, sources.get(line.id) ?? '其他资金']));
  for (const line of lines) {
    const source = lineSource.get(line.id) ?? '其他资金';
    const row = bySource.get(source) ?? {
      source,
      initialFen: 0,
      adjustedFen: 0,
      spentFen: 0,
      forecastFen: null,
      budgetLineIds: [],
      planByMonthFen: months(),
      paidByMonthFen: months(),
    };
    row.initialFen += line.initial;
    row.adjustedFen += control.lineBudget(line);
    row.budgetLineIds.push(line.id);
    bySource.set(source, row);
  }
  for (const plan of ledger.plans) {
    const row = bySource.get(lineSource.get(plan.budgetLineId) ?? '');
    if (row && plan.month >= 1 && plan.month <= 12)
      row.planByMonthFen[plan.month - 1] = (row.planByMonthFen[plan.month - 1] ?? 0) + plan.amount;
  }
  for (const payment of ledger.payments) {
    if (!payment.paidOn?.startsWith(year) || payment.paidOn > cutoff) continue;
    const row = bySource.get(lineSource.get(payment.budgetLineId) ?? '');
    if (!row) continue;
    row.spentFen += payment.amount;
    const month = Number(payment.paidOn.slice(5, 7));
    row.paidByMonthFen[month - 1] = (row.paidByMonthFen[month - 1] ?? 0) + payment.amount;
  }
  return [...bySource.values()];
}

/** Without budget lines in the ledger the declared funds stand in (nothing spent can be shown); the form says so. */
function declaredMoney(declaration: DeclarationRow | null): MonitoringMoneyColumn[] {
  if (!declaration) return [];
  const row = (source: string, fen: number): MonitoringMoneyColumn => ({
    source,
    initialFen: fen,
    adjustedFen: fen,
    spentFen: 0,
    forecastFen: null,
    budgetLineIds: [],
    planByMonthFen: months(),
    paidByMonthFen: months(),
  });
  return [row('财政拨款', declaration.fundsFiscalFen), row('其他资金', declaration.fundsOtherFen)].filter((entry) => entry.adjustedFen > 0);
}

/**
 * The 1–X 月实际完成值 the system knows itself, by declared line: a line named as one of the ledger's rates
 * (core `ledgerBindingOf`) is computed from the subject's ledger as of the cut-off, with its formula and the
 * figures used. The ledger is read only when some line is bound.
 */
export async function computedActuals(
  db: Queryable,
  subject: FormSubject,
  cutoff: string,
  targets: ApprovedTargets | undefined,
): Promise<Map<string, MonitoringComputedActual>> {
  const result = new Map<string, MonitoringComputedActual>();
  const bound = (targets?.indicators ?? []).flatMap((line) => {
    const metric = monitoring.ledgerBindingOf(line);
    return metric ? [{ line, metric }] : [];
  });
  if (bound.length === 0) return result;
  const ledger = await ledgerReader().load(db, {
    organisationId: subject.organisationId,
    fiscalYear: subject.fiscalYear,
    ...(subject.projectId ? { projectId: subject.projectId } : {}),
  });
  for (const { line, metric } of bound) {
    const figure = control.computeMetric(metric, ledger, { ...control.DEFAULT_LEDGER_OPTIONS, asOf: cutoff });
    // A zero denominator (no budget, nothing due yet) leaves the line to the unit rather than inventing 0 %.
    if (figure.percent === undefined) continue;
    result.set(line.id, {
      kind: 'ledger',
      actual: figure.percent,
      rule: `${figure.label} = ${figure.numerator.label} ÷ ${figure.denominator.label}，按截至 ${cutoff} 的预算执行台账计算`,
      formula: figure.formula,
      budgetLineIds: ledger.lines.map((entry) => entry.id),
      surveyId: null,
    });
  }
  return result;
}

/** The approved lines as the form's indicator rows, keeping what the unit typed for each line still there. */
export function indicatorRows(
  targets: ApprovedTargets | undefined,
  typed: readonly MonitoringIndicatorColumn[] = [],
  computed: ReadonlyMap<string, MonitoringComputedActual> = new Map(),
): MonitoringIndicatorColumn[] {
  const before = new Map(typed.map((row) => [row.indicatorId, row]));
  return (targets?.indicators ?? []).map((line) => {
    const kept = before.get(line.id);
    const known = computed.get(line.id);
    return {
      indicatorId: line.id,
      level1: line.level1,
      level2: line.level2,
      name: line.name,
      nature: line.nature,
      direction: line.direction,
      unit: line.unit,
      target: line.target,
      targetText: line.targetText,
      originalTarget: line.original ? (line.original.target ?? line.original.targetText) : null,
      // A computed actual is the system's, not the unit's: it replaces whatever was typed.
      actualToDate: known ? known.actual : (kept?.actualToDate ?? null),
      actualText: known ? null : (kept?.actualText ?? null),
      forecastYearEnd: kept?.forecastYearEnd ?? null,
      reasons: kept?.reasons ?? [],
      reasonText: kept?.reasonText ?? null,
      likelihood: kept?.likelihood ?? null,
      measures: kept?.measures ?? null,
      computed: known ?? null,
    };
  });
}

export async function approvedTargetsOf(db: Queryable, subject: FormSubject): Promise<ApprovedTargets | undefined> {
  return subject.projectId
    ? approvedTargetsFor(db, { projectId: subject.projectId })
    : approvedTargetsFor(db, { organisationId: subject.organisationId, fiscalYear: subject.fiscalYear });
}

const some = (text: string | null): string | undefined => (text?.trim() ? text.trim() : undefined);

/**
 * A rate or a level ("合格率 ≥ 95%", "满意度 ≥ 90%") is met at any time of the year, not accrued: it is held
 * to the full target. Counts and amounts accrue and are prorated by the expected curve (the core's default).
 */
const isRate = (row: MonitoringIndicatorColumn): boolean => row.unit?.trim() === '%';

/** The core's input for a form's rows at the task's cut-off. */
export function monitoringInput(
  fiscalYear: number,
  asOf: string,
  money: readonly MonitoringMoneyColumn[],
  indicators: readonly MonitoringIndicatorColumn[],
): monitoring.MonitoringInput {
  return {
    fiscalYear,
    asOf,
    money: money.map((row) => ({
      source: row.source,
      label: row.source,
      initialBudgetFen: row.initialFen,
      adjustedBudgetFen: row.adjustedFen,
      spentToDateFen: row.spentFen,
      ...(row.planByMonthFen.some((amount) => amount > 0) ? { planByMonthFen: row.planByMonthFen } : {}),
      paidByMonthFen: row.paidByMonthFen,
      ...(row.forecastFen === null ? {} : { forecastYearEndFen: row.forecastFen }),
    })),
    indicators: indicators.map((row) => ({
      id: row.indicatorId,
      name: row.name,
      level1: row.level1 as monitoring.IndicatorInput['level1'],
      level2: row.level2 as monitoring.IndicatorInput['level2'],
      nature: row.nature,
      direction: row.direction as monitoring.IndicatorInput['direction'],
      target: some(row.target),
      targetText: some(row.targetText),
      unit: some(row.unit),
      actualToDate: some(row.actualToDate),
      actualText: some(row.actualText),
      forecastYearEnd: some(row.forecastYearEnd),
      ...(isRate(row) ? { proRata: false } : {}),
    })),
  };
}

/** The rule table of the task and the assessment of the rows under it. */
export async function assess(
  db: Queryable,
  task: Pick<repo.TaskRow, 'region' | 'fiscalYear' | 'cutoffDate'>,
  money: readonly MonitoringMoneyColumn[],
  indicators: readonly MonitoringIndicatorColumn[],
): Promise<{ rules: monitoring.MonitoringRuleSet; assessment: monitoring.ProjectAssessment }> {
  const rules = await activeRuleSet(db, task.region, task.fiscalYear);
  return { rules, assessment: monitoring.assessProject(monitoringInput(task.fiscalYear, task.cutoffDate, money, indicators), rules) };
}
