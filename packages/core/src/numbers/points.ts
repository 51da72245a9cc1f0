import { type Fraction, formatScaled, parseDecimal, roundHalfUp } from './decimal.ts';

/**
 * Points (分值 / 得分) are kept as integer hundredths of a point: 5.00 points = 500.
 *
 * Displayed scores are rounded to 0.01 (docs/rules.md §7 "round displayed scores to 2 dp", common practice);
 * keeping the rounded value as an integer means a total is an exact sum of what the table shows,
 * so "合计 ≠ Σ 分项" can never come from float drift.
 */
export type Points = number;

export const POINTS_SCALE = 100;

/** Whole points → Points: 50 → 5000. */
export function points(whole: number): Points {
  return Math.round(whole * POINTS_SCALE);
}

/**
 * The one scoring rounding rule: a score of W × num/den points is rounded half up (四舍五入) to
 * 0.01. Inputs are exact; there is no float step before the rounding.
 */
export function scorePoints(weight: Points, share: Fraction): Points {
  if (share.num === share.den) return weight;
  if (share.num === 0n) return 0;
  return Number(roundHalfUp(BigInt(weight) * share.num, share.den));
}

/** Parses a weight or score such as "5" or "2.31" into hundredths (the workbook schema allows at most two decimals). */
export function parsePoints(text: string): Points | undefined {
  const value = parseDecimal(text);
  if (!value || value.units < 0n) return undefined;
  return Number(roundHalfUp(value.units * BigInt(POINTS_SCALE), 10n ** BigInt(value.scale)));
}

export function formatPoints(value: Points): string {
  return formatScaled(value, 2);
}

/**
 * Splits `total` into `count` parts that differ by at most 0.01 and add up to `total` exactly
 * (largest-remainder method; the earlier parts get the extra hundredths). Used to share a level's
 * weight evenly among its indicators: 30 points over 13 indicators → ten of 2.31 and three of 2.30.
 */
export function allocateEvenly(total: Points, count: number): Points[] {
  if (count <= 0) return [];
  const base = Math.floor(total / count);
  const extra = total - base * count;
  return Array.from({ length: count }, (_, index) => base + (index < extra ? 1 : 0));
}
