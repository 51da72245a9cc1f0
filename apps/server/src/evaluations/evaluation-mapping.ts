import {
  type Direction,
  type EvaluationInput,
  type FundingSourceRow,
  formatDecimal,
  formatPoints,
  formatYuan,
  type Indicator,
  type Level1,
  type Level2,
  type OwnManagementItem,
  parseDecimal,
  type QualitativeBand,
  type SchemeOverrides,
  type Workbook,
  type WorkbookJson,
} from '@jixiao/core';
import type { ComputedActualColumn, evaluations, goals, indicators, managementEntries, OwnManagementColumn } from '../db/schema.ts';
import type { OrganisationRow } from '../organisations/organisation.repository.ts';
import type { EvaluationRow, GoalRow, IndicatorRow, ManagementRow } from './evaluation.repository.ts';

/** Everything one evaluation consists of, as loaded from the database. */
export interface Aggregate {
  readonly evaluation: EvaluationRow;
  readonly organisation: OrganisationRow;
  readonly project?: { name: string; code: string; category: string } | undefined;
  readonly goals: readonly GoalRow[];
  readonly indicators: readonly IndicatorRow[];
  readonly management: readonly ManagementRow[];
  readonly subordinateUnitCount: number;
  /** Actuals of indicators bound to a ledger metric, by indicator id. */
  readonly computedActuals?: ReadonlyMap<string, ComputedActualColumn> | undefined;
  /** Formula inputs of 管理效率 items bound to the ledger, by catalogue code. */
  readonly computedManagement?: ReadonlyMap<string, LedgerManagement> | undefined;
  /** Budget figures from the ledger, when the evaluation takes them from there. */
  readonly ledgerBudget?:
    | { readonly initial: number; readonly carryOver: number; readonly adjusted: number; readonly executed: number }
    | undefined;
}

/** A 管理效率 item's inputs as the ledger gives them (fen), and how they were computed. */
export interface LedgerManagement {
  readonly amounts: Readonly<Record<string, number>>;
  readonly source: string;
}

const decimal = (text: string | null) => (text === null ? undefined : parseDecimal(text));
const adjustment = (score: number | null, reason: string | null) => (score === null || !reason ? undefined : { score, reason });

function ownItem(column: OwnManagementColumn | null, target: string | null): OwnManagementItem | undefined {
  if (!column) return undefined;
  return { ...column, direction: column.direction as Direction, target: decimal(target) };
}

/**
 * 资金来源 rows in core's shape. With ledger figures the totals come from the budget lines, which know
 * no 资金来源: the typed rows would then be checked against totals they were never given beside.
 */
function fundingSources(aggregate: Aggregate): FundingSourceRow[] | undefined {
  const rows = aggregate.evaluation.fundingSources;
  if (aggregate.ledgerBudget || rows.length === 0) return undefined;
  return rows.map((row) => ({ source: row.source, initial: row.initialFen, adjusted: row.adjustedFen, executed: row.executedFen }));
}

/** The core's evaluation input, built from the rows: the same scoring as the CLI, on live data. */
export function toEvaluationInput(aggregate: Aggregate): EvaluationInput {
  const { evaluation, organisation } = aggregate;
  const goalCode = new Map(aggregate.goals.map((goal) => [goal.id, goal.code]));
  return {
    kind: evaluation.kind,
    fiscalYear: evaluation.fiscalYear,
    organisation: {
      name: organisation.name,
      subordinateUnitCount: aggregate.subordinateUnitCount,
      preparer: evaluation.preparerName ?? '',
      phone: evaluation.preparerPhone ?? '',
      filledOn: evaluation.filledOn ?? new Date().toISOString().slice(0, 10),
    },
    project: aggregate.project
      ? { name: aggregate.project.name, code: aggregate.project.code, category: aggregate.project.category, unit: organisation.name }
      : undefined,
    goals: aggregate.goals.map((goal) => ({ id: goal.code, text: goal.text, summary: goal.summary ?? undefined })),
    indicators: aggregate.indicators.map((row): Indicator => {
      const computed = aggregate.computedActuals?.get(row.id);
      return {
        id: row.code,
        goalId: row.goalId ? goalCode.get(row.goalId) : undefined,
        level1: (row.level1 as Level1 | null) ?? undefined,
        level2: (row.level2 as Level2 | null) ?? undefined,
        name: row.name,
        direction: row.direction as Direction,
        target: decimal(row.target),
        unit: row.unit ?? undefined,
        actual: computed ? parseDecimal(computed.actual) : decimal(row.actual),
        actualSource: computed?.source,
        targetText: row.targetText ?? undefined,
        // A computed actual replaces the typed wording, which may describe a different figure.
        actualText: computed ? (computed.text ?? `实际${computed.actual}${row.unit ?? ''}（由台账计算）`) : (row.actualText ?? undefined),
        // null: this in-app evaluation's 满意度 indicator has no survey behind it (a quality warning).
        surveySample: computed?.survey ?? (row.level1 === 'satisfaction' ? null : undefined),
        lastYearActual: decimal(row.lastYearActual),
        adjustedTarget: decimal(row.adjustedTarget),
        adjustedTargetText: row.adjustedTargetText ?? undefined,
        scoreCoefficient: decimal(row.scoreCoefficient),
        isCore: row.isCore || undefined,
        weight: row.weight ?? undefined,
        notApplicable: row.notApplicable,
        deviationReason: row.deviationReason ?? undefined,
        dataSource: row.dataSource ?? undefined,
        band: (row.band as QualitativeBand | null) ?? undefined,
        qualitativeScore: row.qualitativeScore ?? undefined,
        adjustment: adjustment(row.adjustmentScore, row.adjustmentReason),
        illustrative: row.illustrative,
      };
    }),
    budget: {
      initial: aggregate.ledgerBudget?.initial ?? evaluation.initialFen,
      carryOver: aggregate.ledgerBudget?.carryOver ?? evaluation.carryOverFen,
      adjusted: aggregate.ledgerBudget?.adjusted ?? evaluation.adjustedFen,
      executed: aggregate.ledgerBudget?.executed ?? evaluation.executedFen,
      executionReason: evaluation.executionReason ?? undefined,
      executionAdjustment: adjustment(evaluation.executionAdjustmentScore, evaluation.executionAdjustmentReason),
      illustrative: evaluation.budgetIllustrative,
      sources: fundingSources(aggregate),
      declaredExecutionScore: evaluation.declaredExecutionScore ?? undefined,
    },
    management: aggregate.management.map((row) => ({
      code: row.code,
      amounts: { ...row.amounts, ...aggregate.computedManagement?.get(row.code)?.amounts },
      target: decimal(row.target),
      weight: row.weight ?? undefined,
      notApplicable: row.notApplicable,
      band: (row.band as QualitativeBand | null) ?? undefined,
      qualitativeScore: row.score ?? undefined,
      deviationReason: row.deviationReason ?? undefined,
      adjustment: adjustment(row.adjustmentScore, row.adjustmentReason),
      note: row.note ?? undefined,
      illustrative: row.illustrative,
      rate: decimal(row.rate),
      declaredScore: row.declaredScore ?? undefined,
      own: ownItem(row.own, row.target),
    })),
    declaredTotal: evaluation.declaredTotal ?? undefined,
    narrative: {
      conclusion: evaluation.narrative.conclusion,
      dutyIntro: evaluation.narrative.dutyIntro,
      management: evaluation.narrative.management,
      problems: evaluation.narrative.problems,
      measures: evaluation.narrative.measures,
    },
  };
}

export function schemeOverridesOf(evaluation: EvaluationRow): SchemeOverrides {
  return evaluation.schemeOverrides as SchemeOverrides;
}

const points = (value: number | null | undefined) => (value === null || value === undefined ? undefined : formatPoints(value));
const text = (value: string | null) => value ?? undefined;

/**
 * The scheme with the workbook's overrides, so an export re-imports with the same rules (a form's
 * `completionWords`, `qualitativeScales` …). Weights are stored in hundredths and written as points.
 */
function schemeJson(evaluation: EvaluationRow): NonNullable<WorkbookJson['scheme']> {
  const overrides = schemeOverridesOf(evaluation);
  // The import tolerance is not a workbook field: a workbook never sets it, so an export must not either.
  const { totalTolerance: _tolerance, ...options } = overrides.options ?? {};
  const levelWeights = overrides.levelWeights
    ? Object.fromEntries(Object.entries(overrides.levelWeights).map(([level, weight]) => [level, points(weight)]))
    : undefined;
  return {
    id: evaluation.schemeId as 'mof-2020-project' | 'department-overall',
    ...(levelWeights && Object.values(levelWeights).some((weight) => weight !== undefined) ? { levelWeights } : {}),
    ...(overrides.executionWeight !== undefined ? { executionWeight: points(overrides.executionWeight) } : {}),
    ...(options && Object.keys(options).length > 0 ? { options: options as NonNullable<WorkbookJson['scheme']>['options'] } : {}),
  };
}

/** The evaluation as a workbook (JSON form) for export; `readWorkbookXlsx` / `parseWorkbook` read it back. */
export function toWorkbookJson(aggregate: Aggregate): WorkbookJson {
  const input = toEvaluationInput(aggregate);
  const { evaluation } = aggregate;
  return {
    format: 'jixiao-evaluation-workbook',
    version: 1,
    kind: input.kind,
    fiscalYear: input.fiscalYear,
    scheme: schemeJson(evaluation),
    organisation: {
      ...input.organisation,
      subordinateUnits: input.organisation.subordinateUnits ? [...input.organisation.subordinateUnits] : undefined,
    },
    project: input.project
      ? { name: input.project.name, code: input.project.code, category: input.project.category, unit: input.project.unit }
      : undefined,
    goals: input.goals.map((goal) => ({ id: goal.id, text: goal.text, summary: goal.summary })),
    indicators: aggregate.indicators.map((row) => ({
      id: row.code,
      goalId: input.indicators.find((entry) => entry.id === row.code)?.goalId,
      level1: (row.level1 as Level1 | null) ?? undefined,
      level2: (row.level2 as Level2 | null) ?? undefined,
      name: row.name,
      direction: row.direction as Direction,
      target: text(row.target),
      unit: text(row.unit),
      actual: text(row.actual),
      targetText: text(row.targetText),
      actualText: text(row.actualText),
      lastYearActual: text(row.lastYearActual),
      adjustedTarget: text(row.adjustedTarget),
      adjustedTargetText: text(row.adjustedTargetText),
      scoreCoefficient: text(row.scoreCoefficient),
      isCore: row.isCore || undefined,
      weight: points(row.weight),
      notApplicable: row.notApplicable || undefined,
      deviationReason: text(row.deviationReason),
      dataSource: text(row.dataSource),
      band: (row.band as QualitativeBand | null) ?? undefined,
      qualitativeScore: points(row.qualitativeScore),
      adjustment:
        row.adjustmentScore !== null && row.adjustmentReason
          ? { score: formatPoints(row.adjustmentScore), reason: row.adjustmentReason }
          : undefined,
      illustrative: row.illustrative || undefined,
    })),
    budget: {
      initial: formatYuan(evaluation.initialFen),
      carryOver: formatYuan(evaluation.carryOverFen),
      adjusted: formatYuan(evaluation.adjustedFen),
      executed: formatYuan(evaluation.executedFen),
      executionReason: text(evaluation.executionReason),
      executionAdjustment:
        evaluation.executionAdjustmentScore !== null && evaluation.executionAdjustmentReason
          ? { score: formatPoints(evaluation.executionAdjustmentScore), reason: evaluation.executionAdjustmentReason }
          : undefined,
      illustrative: evaluation.budgetIllustrative || undefined,
      sources: evaluation.fundingSources.length
        ? evaluation.fundingSources.map((row) => ({
            source: row.source,
            initial: formatYuan(row.initialFen),
            adjusted: formatYuan(row.adjustedFen),
            executed: formatYuan(row.executedFen),
          }))
        : undefined,
      declaredScore: points(evaluation.declaredExecutionScore),
    },
    management: aggregate.management.map((row) => ({
      code: row.code,
      // A bound item exports the ledger's figures, so the workbook scores as the evaluation does.
      amounts: exportedAmounts({ ...row.amounts, ...aggregate.computedManagement?.get(row.code)?.amounts }),
      target: row.target === null ? undefined : formatDecimal(parseDecimal(row.target) ?? { units: 0n, scale: 0 }),
      weight: points(row.weight),
      notApplicable: row.notApplicable || undefined,
      band: (row.band as QualitativeBand | null) ?? undefined,
      score: points(row.score),
      deviationReason: text(row.deviationReason),
      adjustment:
        row.adjustmentScore !== null && row.adjustmentReason
          ? { score: formatPoints(row.adjustmentScore), reason: row.adjustmentReason }
          : undefined,
      note: text(row.note),
      illustrative: row.illustrative || undefined,
      rate: text(row.rate),
      declaredScore: points(row.declaredScore),
      own: row.own ?? undefined,
    })),
    declaredTotal: points(evaluation.declaredTotal),
    narrative: evaluation.narrative,
    notes: text(evaluation.notes),
  };
}

function exportedAmounts(amounts: Readonly<Record<string, number>>): Record<string, string> | undefined {
  const entries = Object.entries(amounts);
  return entries.length ? Object.fromEntries(entries.map(([key, fen]) => [key, formatYuan(fen)])) : undefined;
}

const decimalText = (value: ReturnType<typeof parseDecimal>) => (value ? formatDecimal(value) : null);

/** The own item without its target, which the entry's own `target` column keeps. */
function ownColumn({ target: _target, ...own }: OwnManagementItem): OwnManagementColumn {
  return own;
}

/** Rows for an imported workbook; goal ids are resolved by the caller once goals exist. */
export function fromWorkbook(workbook: Workbook) {
  const input = workbook.input;
  const header: Partial<typeof evaluations.$inferInsert> = {
    schemeId: workbook.schemeId ?? (input.kind === 'department' ? 'department-overall' : 'mof-2020-project'),
    schemeOverrides: JSON.parse(JSON.stringify(workbook.schemeOverrides)),
    initialFen: input.budget.initial,
    carryOverFen: input.budget.carryOver,
    adjustedFen: input.budget.adjusted,
    executedFen: input.budget.executed,
    executionReason: input.budget.executionReason ?? null,
    executionAdjustmentScore: input.budget.executionAdjustment?.score ?? null,
    executionAdjustmentReason: input.budget.executionAdjustment?.reason ?? null,
    budgetIllustrative: input.budget.illustrative ?? false,
    fundingSources: (input.budget.sources ?? []).map((row) => ({
      source: row.source,
      initialFen: row.initial,
      adjustedFen: row.adjusted,
      executedFen: row.executed,
    })),
    declaredExecutionScore: input.budget.declaredExecutionScore ?? null,
    preparerName: input.organisation.preparer,
    preparerPhone: input.organisation.phone,
    filledOn: input.organisation.filledOn,
    declaredTotal: input.declaredTotal ?? null,
    narrative: {
      conclusion: input.narrative.conclusion,
      dutyIntro: input.narrative.dutyIntro,
      management: input.narrative.management,
      problems: [...input.narrative.problems],
      measures: [...input.narrative.measures],
    },
    notes: workbook.notes ?? null,
  };
  const goalRows = input.goals.map((goal, index) => ({
    code: goal.id,
    position: index + 1,
    text: goal.text,
    summary: goal.summary ?? null,
  }));
  const indicatorRows = input.indicators.map((indicator, index) => ({
    goalCode: indicator.goalId,
    row: {
      position: index + 1,
      code: indicator.id,
      level1: indicator.level1 ?? null,
      level2: indicator.level2 ?? null,
      name: indicator.name,
      direction: indicator.direction,
      target: decimalText(indicator.target),
      unit: indicator.unit ?? null,
      actual: decimalText(indicator.actual),
      targetText: indicator.targetText ?? null,
      actualText: indicator.actualText ?? null,
      lastYearActual: decimalText(indicator.lastYearActual),
      adjustedTarget: decimalText(indicator.adjustedTarget),
      adjustedTargetText: indicator.adjustedTargetText ?? null,
      scoreCoefficient: decimalText(indicator.scoreCoefficient),
      isCore: indicator.isCore ?? false,
      weight: indicator.weight ?? null,
      notApplicable: indicator.notApplicable ?? false,
      deviationReason: indicator.deviationReason ?? null,
      dataSource: indicator.dataSource ?? null,
      band: indicator.band ?? null,
      qualitativeScore: indicator.qualitativeScore ?? null,
      adjustmentScore: indicator.adjustment?.score ?? null,
      adjustmentReason: indicator.adjustment?.reason ?? null,
      illustrative: indicator.illustrative ?? false,
    } satisfies Omit<typeof indicators.$inferInsert, 'evaluationId'>,
  }));
  const managementRows = input.management.map(
    (entry) =>
      ({
        code: entry.code,
        amounts: { ...(entry.amounts ?? {}) },
        target: decimalText(entry.target),
        weight: entry.weight ?? null,
        notApplicable: entry.notApplicable ?? false,
        band: entry.band ?? null,
        score: entry.qualitativeScore ?? null,
        deviationReason: entry.deviationReason ?? null,
        adjustmentScore: entry.adjustment?.score ?? null,
        adjustmentReason: entry.adjustment?.reason ?? null,
        note: entry.note ?? null,
        illustrative: entry.illustrative ?? false,
        rate: decimalText(entry.rate),
        declaredScore: entry.declaredScore ?? null,
        own: entry.own ? ownColumn(entry.own) : null,
      }) satisfies Omit<typeof managementEntries.$inferInsert, 'evaluationId'>,
  );
  return {
    header,
    goals: goalRows satisfies Omit<typeof goals.$inferInsert, 'evaluationId'>[],
    indicators: indicatorRows,
    management: managementRows,
  };
}
