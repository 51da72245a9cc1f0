import { control, DEFAULT_MANAGEMENT_CATALOGUE, type Fen, type ManagementItemDefinition } from '@jixiao/core';

/**
 * 管理效率 items that take their figures from the ledger. A bound item keeps its own formula
 * (e.g. 政府采购执行率 = 实际政府采购金额 ÷ 政府采购预算金额) and the ledger fills its inputs from the
 * numerator and denominator of one metric, so the score, the report and the drill-down all read the
 * same records. Only ratio items can be bound; where the item divides by a budget figure, that figure
 * is the evaluation's own (from the ledger when `budgetSource` is ledger), and only the metric with
 * that same denominator fits.
 */
const METRIC_FOR_BUDGET_DENOMINATOR: Readonly<Record<string, control.LedgerMetric>> = {
  'budget:carry-over-base': 'carry-over-rate',
  'budget:initial': 'adjustment-rate',
  'budget:adjusted': 'execution-rate',
  'budget:executed': 'december-share',
};

export function managementDefinition(code: string): ManagementItemDefinition | undefined {
  return DEFAULT_MANAGEMENT_CATALOGUE.find((entry) => entry.code === code);
}

/** Why an item cannot take its figures from a metric, in the words shown to the preparer; undefined when it can. */
export function managementBindingProblem(definition: ManagementItemDefinition, metric: control.LedgerMetric): string | undefined {
  const formula = definition.formula;
  if (formula.kind !== 'ratio') return `“${definition.name}”不是按金额计算的比率指标，不能从台账取数`;
  const required = METRIC_FOR_BUDGET_DENOMINATOR[formula.denominator];
  if (required && required !== metric)
    return `“${definition.name}”以预算数为分母，只能取台账的“${control.LEDGER_METRIC_LABEL[required]}”，不能取“${control.LEDGER_METRIC_LABEL[metric]}”`;
  return undefined;
}

/** The item's formula inputs filled from a metric: its numerator, and its denominator unless that is a budget figure. */
export function ledgerAmounts(definition: ManagementItemDefinition, result: control.MetricResult): Record<string, Fen> | undefined {
  const formula = definition.formula;
  if (formula.kind !== 'ratio') return undefined;
  const [numerator, denominator] = ledgerFilledInputs(definition);
  const amounts: Record<string, Fen> = {};
  if (numerator) amounts[numerator] = result.numerator.amount;
  if (denominator) amounts[denominator] = result.denominator.amount;
  return amounts;
}

/** The inputs of an item that a binding fills (the amount keys of its numerator and non-budget denominator). */
export function ledgerFilledInputs(definition: ManagementItemDefinition): string[] {
  const formula = definition.formula;
  if (formula.kind !== 'ratio') return [];
  return [formula.numerator, ...(formula.denominator.startsWith('budget:') ? [] : [formula.denominator])];
}
