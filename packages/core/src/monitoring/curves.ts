import { compareFraction, type Fraction, fraction, ONE, ZERO } from '../numbers/decimal.ts';
import type { Fen } from '../numbers/money.ts';
import type { ExpectedCurve, ExpectedCurveKind, MoneyInput } from './model.ts';
import { decimalShare, minus, plus, shareOf, shareText, times } from './share.ts';

/**
 * Expected progress (序时进度 and its better-informed variants): a cumulative share at each month end,
 * read at the cut-off by days within its month. Interpolating inside the month rather than over the
 * days of the year keeps every month end exactly at the curve's point (end of July = 7 ÷ 12), which
 * is how the forms print 序时进度; a leap year only changes February's day count.
 */
export interface Curve {
  readonly kind: ExpectedCurveKind;
  /** 12 cumulative shares, January first. */
  readonly monthEnds: readonly Fraction[];
}

/** Where the cut-off falls: its month (1–12) and the share of that month's days elapsed. */
export interface Cutoff {
  readonly month: number;
  readonly dayShare: Fraction;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** The cut-off inside the fiscal year; a date before it is the year's start, after it the year's end. */
export function cutoffOf(fiscalYear: number, asOf: string): Cutoff {
  const match = ISO_DATE.exec(asOf);
  const [year, month, day] = match ? [Number(match[1]), Number(match[2]), Number(match[3])] : [Number.NaN, 0, 0];
  if (!match || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month))
    throw new RangeError(`截止日期“${asOf}”不是有效日期（应为 YYYY-MM-DD）`);
  if (year < fiscalYear) return { month: 1, dayShare: ZERO };
  if (year > fiscalYear) return { month: 12, dayShare: ONE };
  return { month, dayShare: fraction(BigInt(day), BigInt(daysInMonth(year, month))) };
}

/** The month whose end the cut-off has reached: end of July or any day of August → 7. */
export function completedMonths(cutoff: Cutoff): number {
  return compareFraction(cutoff.dayShare, ONE) === 0 ? cutoff.month : cutoff.month - 1;
}

export function curveAt(curve: Curve, cutoff: Cutoff): Fraction {
  const before = cutoff.month === 1 ? ZERO : (curve.monthEnds[cutoff.month - 2] ?? ZERO);
  const end = curve.monthEnds[cutoff.month - 1] ?? ONE;
  return plus(before, times(minus(end, before), cutoff.dayShare));
}

export const LINEAR: Curve = {
  kind: 'linear',
  monthEnds: Array.from({ length: 12 }, (_, index) => fraction(BigInt(index + 1), 12n)),
};

/** 用款计划 as cumulative plan ÷ annual plan; undefined when there is no usable plan (then linear). */
export function planCurve(planByMonth: readonly Fen[] | undefined): Curve | undefined {
  if (planByMonth?.length !== 12 || planByMonth.some((amount) => amount < 0)) return undefined;
  const total = planByMonth.reduce((sum, amount) => sum + amount, 0);
  if (total <= 0) return undefined;
  let cumulative = 0;
  return {
    kind: 'plan',
    monthEnds: planByMonth.map((amount) => {
      cumulative += amount;
      return shareOf(cumulative, total);
    }),
  };
}

/** An indicator's monthly profile; undefined unless 12 non-decreasing shares between 0 and 1. */
export function profileCurve(profile: readonly string[] | undefined): Curve | undefined {
  if (profile?.length !== 12) return undefined;
  const monthEnds: Fraction[] = [];
  let previous = ZERO;
  for (const text of profile) {
    const share = decimalShare(text);
    if (!share || compareFraction(share, previous) < 0 || compareFraction(share, ONE) > 0) return undefined;
    monthEnds.push(share);
    previous = share;
  }
  return { kind: 'profile', monthEnds };
}

export function moneyCurve(money: MoneyInput): Curve {
  return planCurve(money.planByMonthFen) ?? LINEAR;
}

/**
 * Several sources' curves as one, each weighted by its 调整预算数, so a project with a planned fiscal
 * source and an unplanned other source expects what both together should have spent. `plan` as soon
 * as one budgeted source has a plan.
 */
export function budgetCurve(money: readonly MoneyInput[]): Curve {
  const budgeted = money.filter((source) => source.adjustedBudgetFen > 0);
  const total = budgeted.reduce((sum, source) => sum + source.adjustedBudgetFen, 0);
  if (total === 0) return LINEAR;
  const curves = budgeted.map((source) => ({ weight: shareOf(source.adjustedBudgetFen, total), curve: moneyCurve(source) }));
  if (curves.every(({ curve }) => curve.kind === 'linear')) return LINEAR;
  return {
    kind: 'plan',
    monthEnds: LINEAR.monthEnds.map((_, index) =>
      curves.reduce((sum, { weight, curve }) => plus(sum, times(weight, curve.monthEnds[index] ?? ONE)), ZERO),
    ),
  };
}

const LINEAR_TEXT: readonly string[] = LINEAR.monthEnds.map(shareText);

export function describeCurve(curve: Curve, cutoff: Cutoff): ExpectedCurve {
  return {
    curve: curve.kind,
    byMonth: curve === LINEAR ? LINEAR_TEXT : curve.monthEnds.map(shareText),
    linear: LINEAR_TEXT,
    atCutoff: shareText(curveAt(curve, cutoff)),
    linearAtCutoff: shareText(curveAt(LINEAR, cutoff)),
  };
}
