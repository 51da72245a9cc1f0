import type { MonthProgressView } from '@jixiao/contract';
import { chartValue } from '../../../components/echarts.ts';
import { compareMoney, fromFen, toFen } from '../../../lib/money.ts';
import { percentPointsDiff } from '../../../lib/percent.ts';

/**
 * Chart data for 预算执行, built from the ledger's monthly figures. Bar heights are numbers (display
 * only); every figure a person reads (tooltips, labels) stays the API's exact string.
 */

export interface MonthBar {
  readonly month: number;
  readonly value: number;
  /** The API's money string, for tooltips. */
  readonly text: string;
  /** Paid above that month's payment plan: drawn in a warning colour, so a year-end rush stands out. */
  readonly abovePlan: boolean;
}

export interface MonthlyBars {
  readonly paid: readonly MonthBar[];
  readonly planned: readonly MonthBar[];
  /** The month with the largest payment, or null when nothing was paid. */
  readonly peakMonth: number | null;
}

export function monthlyBars(monthly: readonly MonthProgressView[]): MonthlyBars {
  let peak: { month: number; fen: bigint } | null = null;
  for (const month of monthly) {
    const fen = toFen(month.paid) ?? 0n;
    if (fen > 0n && (peak === null || fen > peak.fen)) peak = { month: month.month, fen };
  }
  return {
    paid: monthly.map((month) => ({
      month: month.month,
      value: chartValue(month.paid),
      text: month.paid,
      abovePlan: (compareMoney(month.paid, month.planned) ?? 0) > 0,
    })),
    planned: monthly.map((month) => ({ month: month.month, value: chartValue(month.planned), text: month.planned, abovePlan: false })),
    peakMonth: peak?.month ?? null,
  };
}

export interface ProgressLines {
  /** 支出进度: cumulative paid ÷ budget, % (null where the budget is zero). */
  readonly spending: readonly (number | null)[];
  /** 序时进度 m ÷ 12, %. */
  readonly time: readonly number[];
  /** 计划进度: cumulative plan ÷ budget, %. */
  readonly plan: readonly (number | null)[];
  /** The steepest month-on-month rise of spending progress, in percentage points ("28.93"): a year-end rush shows here. */
  readonly steepest: { readonly month: number; readonly points: string } | null;
}

const percentValue = (text: string | undefined) => (text === undefined ? null : chartValue(text));

export function progressLines(monthly: readonly MonthProgressView[]): ProgressLines {
  let steepest: ProgressLines['steepest'] = null;
  let previous = '0.00';
  for (const month of monthly) {
    if (month.spendingProgress === undefined) continue;
    const rise = percentPointsDiff(month.spendingProgress, previous);
    if (rise !== null && (steepest === null || chartValue(rise) > chartValue(steepest.points)))
      steepest = { month: month.month, points: rise };
    previous = month.spendingProgress;
  }
  return {
    spending: monthly.map((month) => percentValue(month.spendingProgress)),
    time: monthly.map((month) => chartValue(month.timeProgress)),
    plan: monthly.map((month) => percentValue(month.planProgress)),
    steepest,
  };
}

/**
 * 用款计划 spread evenly over twelve months, exactly: each month gets budget ÷ 12 in whole fen and
 * the first months one fen more until the remainder is used ("320000000.00" → 26,666,666.67 × 8 and
 * 26,666,666.66 × 4), so the plan adds up to the budget to the fen. Null for a negative or malformed budget.
 */
export function evenPlan(budget: string): string[] | null {
  const total = toFen(budget);
  if (total === null || total < 0n) return null;
  const base = total / 12n;
  const remainder = Number(total % 12n);
  return Array.from({ length: 12 }, (_, index) => fromFen(base + (index < remainder ? 1n : 0n)));
}
