/**
 * Points (分值 / 得分) travel as decimal strings with at most two decimals. Sums are done in
 * integer hundredths so "2.31" × 10 + "2.30" × 3 is exactly "30.00".
 */
const POINTS = /^(\d+)(?:\.(\d{1,2}))?$/;

function toHundredths(points: string): number | null {
  const match = POINTS.exec(points.trim());
  if (!match) return null;
  return Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
}

function formatHundredths(hundredths: number): string {
  const sign = hundredths < 0 ? '-' : '';
  const magnitude = Math.abs(hundredths);
  return `${sign}${Math.floor(magnitude / 100)}.${String(magnitude % 100).padStart(2, '0')}`;
}

/** Σ of point strings; missing or malformed values count as nothing. */
export function sumPoints(values: readonly (string | null | undefined)[]): string {
  let total = 0;
  for (const value of values) total += value ? (toHundredths(value) ?? 0) : 0;
  return formatHundredths(total);
}

/** a ≤ b for point strings (a malformed value compares as not ≤). */
export function pointsAtMost(a: string, b: string): boolean {
  const left = toHundredths(a);
  const right = toHundredths(b);
  return left !== null && right !== null && left <= right;
}
