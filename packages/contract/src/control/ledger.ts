import { control } from '@jixiao/core';
import { z } from 'zod';
import { Int32, IsoDate, Money, Uuid, YearText } from '../common.ts';

/** The scope of a ledger view: a unit's year, narrowed to a project or one budget line. */
export const LedgerQuery = z.object({
  organisationId: Uuid,
  fiscalYear: YearText,
  projectId: Uuid.optional(),
  budgetLineId: Uuid.optional(),
  asOf: IsoDate.optional(),
  costControl: z.enum(['deviation', 'ratio']).optional(),
});

export const METRIC_TERMS = ['numerator', 'denominator'] as const;
export const DrillQuery = LedgerQuery.extend({ metric: z.enum(control.LEDGER_METRICS), term: z.enum(METRIC_TERMS) });
export const RollupQuery = z.object({ fiscalYear: YearText });

const MetricTerm = z.object({ label: z.string(), amount: Money, count: Int32 });

/** One computed indicator with its formula and the official source of its definition. */
export const LedgerMetricView = z.object({
  metric: z.enum(control.LEDGER_METRICS),
  label: z.string(),
  /** "94.00" (no % sign); null when the denominator is zero. */
  percent: z.string().nullable(),
  formula: z.string(),
  source: z.string(),
  numerator: MetricTerm,
  denominator: MetricTerm,
});

export const MonthProgressView = z.object({
  month: Int32,
  paid: Money,
  cumulativePaid: Money,
  planned: Money,
  cumulativePlanned: Money,
  /** Percentages as "65.07"; absent when the budget (or the plan) is zero. */
  spendingProgress: z.string().optional(),
  timeProgress: z.string(),
  planProgress: z.string().optional(),
  deviationFromTime: z.string().optional(),
});

export const LedgerOverview = z.object({
  asOf: z.string(),
  metrics: z.array(LedgerMetricView),
  monthly: z.array(MonthProgressView),
});

/** The records summed into one side of an indicator. */
export const DrillDown = z.object({
  metric: LedgerMetricView,
  term: z.object({ label: z.string(), amount: Money }),
  payments: z.array(z.object({ id: Uuid, budgetLineId: Uuid, amount: Money, paidOn: z.string().nullable(), dueOn: z.string().nullable() })),
  budgetLines: z.array(z.object({ id: Uuid, code: z.string(), name: z.string(), budget: Money, initial: Money })),
  adjustments: z.array(z.object({ id: Uuid, budgetLineId: Uuid, amount: Money })),
  procurements: z.array(z.object({ id: Uuid, estimated: Money, result: Money.nullable() })),
});

export const RollupRow = z.object({
  organisationId: Uuid,
  organisationName: z.string(),
  month: Int32,
  /** The same sum in fen, for charts that add and scale it. */
  paidFen: z.number().int(),
  paid: Money,
});

export const Rollup = z.object({ rows: z.array(RollupRow) });

export type LedgerMetric = control.LedgerMetric;
export type LedgerQuery = z.infer<typeof LedgerQuery>;
export type MetricTermKey = (typeof METRIC_TERMS)[number];
export type LedgerMetricView = z.infer<typeof LedgerMetricView>;
export type MonthProgressView = z.infer<typeof MonthProgressView>;
export type LedgerOverview = z.infer<typeof LedgerOverview>;
export type DrillDown = z.infer<typeof DrillDown>;
export type RollupRow = z.infer<typeof RollupRow>;
export type Rollup = z.infer<typeof Rollup>;
