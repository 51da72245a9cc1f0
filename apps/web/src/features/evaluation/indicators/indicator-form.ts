import type { LedgerMetric } from '@jixiao/contract';
import type { Band, Direction, Indicator, IndicatorFields, Level1, Level2 } from '../../../api/types.ts';

/** The editor's values: every IndicatorFields field, decimals and points as strings. */
export interface IndicatorFormValues {
  code?: string;
  goalId: string | null;
  level1: Level1 | null;
  level2: Level2 | null;
  name: string;
  direction: Direction;
  target: string | null;
  unit: string | null;
  actual: string | null;
  targetText: string | null;
  actualText: string | null;
  lastYearActual: string | null;
  adjustedTarget: string | null;
  adjustedTargetText: string | null;
  scoreCoefficient: string | null;
  isCore: boolean;
  weight: string | null;
  notApplicable: boolean;
  deviationReason: string | null;
  dataSource: string | null;
  band: Band | null;
  qualitativeScore: string | null;
  /** 数据来源: the ledger metric the actual is computed from (null: typed by hand), and the budget lines it covers (none: all). */
  bindingMetric: LedgerMetric | null;
  bindingLineIds: string[];
}

/** A new indicator's starting values (from the 指标库 when one was picked). */
export type IndicatorDraft = Partial<IndicatorFormValues> & Pick<IndicatorFormValues, 'level1' | 'level2' | 'name' | 'direction'>;

export function toFormValues(indicator: Indicator | IndicatorDraft): IndicatorFormValues {
  const binding = 'binding' in indicator ? indicator.binding : null;
  return {
    code: indicator.code ?? undefined,
    goalId: indicator.goalId ?? null,
    level1: indicator.level1,
    level2: indicator.level2,
    name: indicator.name,
    direction: indicator.direction,
    target: indicator.target ?? null,
    unit: indicator.unit ?? null,
    actual: indicator.actual ?? null,
    targetText: indicator.targetText ?? null,
    actualText: indicator.actualText ?? null,
    lastYearActual: indicator.lastYearActual ?? null,
    adjustedTarget: indicator.adjustedTarget ?? null,
    adjustedTargetText: indicator.adjustedTargetText ?? null,
    scoreCoefficient: indicator.scoreCoefficient ?? null,
    isCore: indicator.isCore ?? false,
    weight: indicator.weight ?? null,
    notApplicable: indicator.notApplicable ?? false,
    deviationReason: indicator.deviationReason ?? null,
    dataSource: indicator.dataSource ?? null,
    band: indicator.band ?? null,
    qualitativeScore: indicator.qualitativeScore ?? null,
    bindingMetric: binding?.metric ?? null,
    bindingLineIds: [...(binding?.budgetLineIds ?? [])],
  };
}

const text = (value: string | null | undefined) => {
  const trimmed = value?.trim() ?? '';
  return trimmed === '' ? null : trimmed;
};

/**
 * The request body: blank texts become null (cleared), and fields that do not apply to the
 * direction are cleared too, as the server requires (a 定性 indicator has no numeric target, a
 * quantitative one no band; the adjusted target likewise). The binding is always sent: null unbinds.
 */
export function toIndicatorFields(values: IndicatorFormValues): IndicatorFields {
  const qualitative = values.direction === 'qualitative';
  return {
    code: text(values.code) ?? undefined,
    goalId: values.goalId ?? null,
    level1: values.level1 ?? null,
    level2: values.level1 ? values.level2 : null,
    name: values.name.trim(),
    direction: values.direction,
    target: qualitative ? null : text(values.target),
    unit: text(values.unit),
    actual: text(values.actual),
    targetText: text(values.targetText),
    actualText: text(values.actualText),
    lastYearActual: text(values.lastYearActual),
    adjustedTarget: qualitative ? null : text(values.adjustedTarget),
    adjustedTargetText: text(values.adjustedTargetText),
    scoreCoefficient: text(values.scoreCoefficient),
    isCore: values.isCore,
    weight: text(values.weight),
    notApplicable: values.notApplicable,
    deviationReason: text(values.deviationReason),
    dataSource: text(values.dataSource),
    band: qualitative ? values.band : null,
    qualitativeScore: qualitative ? text(values.qualitativeScore) : null,
    // No lines chosen means every line of the evaluation's unit (or project).
    binding: values.bindingMetric
      ? { metric: values.bindingMetric, ...(values.bindingLineIds.length > 0 ? { budgetLineIds: values.bindingLineIds } : {}) }
      : null,
  };
}
