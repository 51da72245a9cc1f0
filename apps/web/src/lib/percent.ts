import { toFen } from './money.ts';

/**
 * Percentages from the API are decimal strings ("94.00", "-4.53"). They are compared and
 * subtracted as scaled integers, never as floats, so a difference shown is exactly the difference
 * of the figures shown.
 */

const DECIMAL = /^([+-]?)(\d+)(?:\.(\d+))?$/;

function scaled(text: string, places: number): bigint | null {
  const match = DECIMAL.exec(text.trim());
  if (!match) return null;
  const fraction = match[3] ?? '';
  if (fraction.length > places) return null;
  const magnitude = BigInt(`${match[2]}${fraction.padEnd(places, '0')}`);
  return match[1] === '-' ? -magnitude : magnitude;
}

function formatScaled(value: bigint, places: number): string {
  const negative = value < 0n;
  const digits = String(negative ? -value : value).padStart(places + 1, '0');
  const whole = digits.slice(0, digits.length - places);
  const fraction = digits.slice(digits.length - places);
  return `${negative ? '-' : ''}${whole}${places > 0 ? `.${fraction}` : ''}`;
}

/** Places after the point of a decimal string ("94.00" → 2, "7" → 0). */
const placesOf = (text: string) => DECIMAL.exec(text.trim())?.[3]?.length ?? 0;

/**
 * a − b in percentage points, with as many decimals as the more precise of the two:
 * "94.00" − "65.07" = "28.93". Null when either is not a decimal.
 */
export function percentPointsDiff(a: string, b: string): string | null {
  const places = Math.max(placesOf(a), placesOf(b));
  const left = scaled(a, places);
  const right = scaled(b, places);
  if (left === null || right === null) return null;
  return formatScaled(left - right, places);
}

/**
 * numerator ÷ denominator of two money strings, as a percentage with `places` decimals, rounded
 * half away from zero: ("300812345.67", "320000000.00", 4) → "94.0039". Exact, in integer fen.
 * Null when a figure is not money or the denominator is zero.
 */
export function moneyRatioPercent(numerator: string, denominator: string, places: number): string | null {
  const top = toFen(numerator);
  const bottom = toFen(denominator);
  if (top === null || bottom === null || bottom === 0n) return null;
  // percent × 10^places = top × 100 × 10^places ÷ bottom
  const scale = 100n * 10n ** BigInt(places);
  const negative = top < 0n !== bottom < 0n && top !== 0n;
  const magnitudeTop = (top < 0n ? -top : top) * scale;
  const magnitudeBottom = bottom < 0n ? -bottom : bottom;
  const rounded = (magnitudeTop * 2n + magnitudeBottom) / (magnitudeBottom * 2n);
  return formatScaled(negative && rounded > 0n ? -rounded : rounded, places);
}

/** Whether a percentage string is below another ("65.07" < "91.67"); false when either is not a decimal. */
export function percentBelow(a: string, b: string): boolean {
  const places = Math.max(placesOf(a), placesOf(b));
  const left = scaled(a, places);
  const right = scaled(b, places);
  return left !== null && right !== null && left < right;
}
