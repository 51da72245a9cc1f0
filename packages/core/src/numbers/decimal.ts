/**
 * Exact decimal numbers for indicator values (targets, actuals, weights).
 *
 * Indicator values arrive as decimal text ("23.39", "-45.81", "2,684"). Scoring divides one by
 * another, and a binary float would turn 1.005 into 1.00499…, so values are kept as
 * `units / 10^scale` with a bigint numerator and every ratio as an exact fraction. Only the final
 * rounding (see points.ts) leaves the exact world.
 */
export interface Decimal {
  /** value × 10^scale */
  readonly units: bigint;
  readonly scale: number;
}

/** An exact non-reduced fraction; the denominator is always positive. */
export interface Fraction {
  readonly num: bigint;
  readonly den: bigint;
}

import { normaliseNumberText } from './number-text.ts';

const DECIMAL_TEXT = /^([+-]?)(\d+)(?:\.(\d+))?$/;

/** Parses "1,234.5", "-45.81", "+3", "１２" (full-width digits). Returns undefined for anything else. */
export function parseDecimal(text: string): Decimal | undefined {
  const normalised = normaliseNumberText(text);
  const match = DECIMAL_TEXT.exec(normalised);
  if (!match) return undefined;
  const [, sign, whole = '0', fraction = ''] = match;
  const units = BigInt(whole + fraction) * (sign === '-' ? -1n : 1n);
  return { units, scale: fraction.length };
}

export function decimalFromInteger(value: number | bigint): Decimal {
  return { units: BigInt(value), scale: 0 };
}

const POW10: bigint[] = [];
export function pow10(exponent: number): bigint {
  let cached = POW10[exponent];
  if (cached === undefined) {
    cached = 10n ** BigInt(exponent);
    POW10[exponent] = cached;
  }
  return cached;
}

export function toFraction(value: Decimal): Fraction {
  return { num: value.units, den: pow10(value.scale) };
}

export function fraction(num: bigint, den: bigint): Fraction {
  if (den === 0n) throw new RangeError('fraction with zero denominator');
  return den < 0n ? { num: -num, den: -den } : { num, den };
}

/**
 * The two decimals at one common scale, so that comparing them and dividing one by the other need
 * no cross-multiplication (equal denominators cancel). Same values, fewer bigint temporaries.
 */
export function alignScale(a: Decimal, b: Decimal): [Decimal, Decimal] {
  if (a.scale === b.scale) return [a, b];
  const scale = Math.max(a.scale, b.scale);
  return [
    a.scale === scale ? a : { units: a.units * pow10(scale - a.scale), scale },
    b.scale === scale ? b : { units: b.units * pow10(scale - b.scale), scale },
  ];
}

export function divide(a: Decimal, b: Decimal): Fraction {
  // (a.units / 10^a.scale) / (b.units / 10^b.scale)
  return fraction(a.units * pow10(b.scale), b.units * pow10(a.scale));
}

/** Sign-aware comparison of two decimals: -1, 0 or 1. */
export function compareDecimal(a: Decimal, b: Decimal): -1 | 0 | 1 {
  const scale = Math.max(a.scale, b.scale);
  const left = a.units * pow10(scale - a.scale);
  const right = b.units * pow10(scale - b.scale);
  return left < right ? -1 : left > right ? 1 : 0;
}

export function compareFraction(a: Fraction, b: Fraction): -1 | 0 | 1 {
  if (a.den === b.den) return a.num < b.num ? -1 : a.num > b.num ? 1 : 0;
  const left = a.num * b.den;
  const right = b.num * a.den;
  return left < right ? -1 : left > right ? 1 : 0;
}

export function isZero(value: Decimal): boolean {
  return value.units === 0n;
}

export function isNegative(value: Decimal): boolean {
  return value.units < 0n;
}

export function negate(value: Decimal): Decimal {
  return { units: -value.units, scale: value.scale };
}

export function subtract(a: Decimal, b: Decimal): Decimal {
  const scale = Math.max(a.scale, b.scale);
  return { units: a.units * pow10(scale - a.scale) - b.units * pow10(scale - b.scale), scale };
}

export function add(a: Decimal, b: Decimal): Decimal {
  return subtract(a, negate(b));
}

export const ONE: Fraction = { num: 1n, den: 1n };
export const ZERO: Fraction = { num: 0n, den: 1n };

export function clampFraction(value: Fraction, low: Fraction, high: Fraction): Fraction {
  if (compareFraction(value, low) < 0) return low;
  if (compareFraction(value, high) > 0) return high;
  return value;
}

/**
 * Rounds num/den to an integer, half away from zero (四舍五入), exactly.
 * This is the only rounding primitive in the core; points.ts and percent formatting build on it.
 */
export function roundHalfUp(num: bigint, den: bigint): bigint {
  if (den < 0n) return roundHalfUp(-num, -den);
  const negative = num < 0n;
  const magnitude = negative ? -num : num;
  const rounded = (2n * magnitude + den) / (2n * den);
  return negative ? -rounded : rounded;
}

/** Plain decimal text without grouping: "23.39", "-45.81", "2684". Trailing zeros are dropped. */
export function formatDecimal(value: Decimal): string {
  if (value.scale === 0) return value.units.toString();
  const negative = value.units < 0n;
  const digits = (negative ? -value.units : value.units).toString().padStart(value.scale + 1, '0');
  const whole = digits.slice(0, -value.scale);
  const fractionDigits = digits.slice(-value.scale).replace(/0+$/, '');
  return `${negative ? '-' : ''}${whole}${fractionDigits ? `.${fractionDigits}` : ''}`;
}

/** A fraction as a percentage with exactly two decimals: 0.9547 → "95.47%". */
export function formatPercent(value: Fraction, decimals = 2): string {
  const hundredths = roundHalfUp(value.num * 100n * pow10(decimals), value.den);
  return `${formatScaled(hundredths, decimals)}%`;
}

/** An integer scaled by 10^decimals as fixed-point text: (4750, 2) → "47.50". */
export function formatScaled(value: bigint | number, decimals: number): string {
  const big = BigInt(value);
  const negative = big < 0n;
  const digits = (negative ? -big : big).toString().padStart(decimals + 1, '0');
  const body = decimals === 0 ? digits : `${digits.slice(0, -decimals)}.${digits.slice(-decimals)}`;
  return negative ? `-${body}` : body;
}
