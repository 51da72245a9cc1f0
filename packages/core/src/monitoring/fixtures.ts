import { cutoffOf } from './curves.ts';
import type { IndicatorInput, MoneyInput, MonitoringInput, MonitoringRuleSet } from './model.ts';
import { defaultRuleSet } from './rule-set.ts';

/** Test inputs: a project at the end of July 2026, one fiscal source, one indicator of 1,200 a year. */
export const RATIO = defaultRuleSet('ratio', '440113', 2026);
export const MILESTONES = defaultRuleSet('milestones', '440113', 2026);

export const JULY_END = '2026-07-31';

export function fiscal(overrides: Partial<MoneyInput> = {}): MoneyInput {
  return {
    source: 'fiscal',
    label: '本年财政拨款',
    initialBudgetFen: 120_000_000,
    adjustedBudgetFen: 120_000_000,
    spentToDateFen: 70_000_000,
    ...overrides,
  };
}

export function quantity(overrides: Partial<IndicatorInput> = {}): IndicatorInput {
  return {
    id: 'i1',
    name: '培训人次',
    level1: 'output',
    level2: 'quantity',
    nature: 'quantitative',
    direction: '>=',
    target: '1200',
    unit: '人次',
    actualToDate: '700',
    ...overrides,
  };
}

export function project(overrides: Partial<MonitoringInput> = {}): MonitoringInput {
  return { fiscalYear: 2026, asOf: JULY_END, money: [fiscal()], indicators: [quantity()], ...overrides };
}

export function cutoff(asOf: string, fiscalYear = 2026) {
  return cutoffOf(fiscalYear, asOf);
}

export function withRules(overrides: Partial<MonitoringRuleSet>, base: MonitoringRuleSet = RATIO): MonitoringRuleSet {
  return { ...base, ...overrides };
}
