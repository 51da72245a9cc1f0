import {
  compareFraction,
  type Decimal,
  type Fraction,
  formatDecimal,
  formatScaled,
  fraction,
  parseDecimal,
  roundHalfUp,
  toFraction,
} from '../numbers/decimal.ts';
import { type Fen, formatYuanGrouped } from '../numbers/money.ts';

/**
 * Exact arithmetic on shares; the monitoring rules never leave fractions until they format. Results
 * are reduced because curves sum twelve months over several sources and would otherwise grow.
 */
export function times(a: Fraction, b: Fraction): Fraction {
  return reduced(a.num * b.num, a.den * b.den);
}

export function over(a: Fraction, b: Fraction): Fraction {
  return reduced(a.num * b.den, a.den * b.num);
}

export function plus(a: Fraction, b: Fraction): Fraction {
  return reduced(a.num * b.den + b.num * a.den, a.den * b.den);
}

function reduced(num: bigint, den: bigint): Fraction {
  const value = fraction(num, den);
  let [a, b] = [value.num < 0n ? -value.num : value.num, value.den];
  while (b !== 0n) [a, b] = [b, a % b];
  return a > 1n ? { num: value.num / a, den: value.den / a } : value;
}

export function minus(a: Fraction, b: Fraction): Fraction {
  return plus(a, { num: -b.num, den: b.den });
}

export function shareOf(part: Fen, whole: Fen): Fraction {
  return fraction(BigInt(part), BigInt(whole));
}

export function isPositive(value: Fraction): boolean {
  return value.num > 0n;
}

export function minFraction(a: Fraction, b: Fraction): Fraction {
  return compareFraction(a, b) <= 0 ? a : b;
}

export function decimalShare(text: string): Fraction | undefined {
  const value = parseDecimal(text);
  return value ? toFraction(value) : undefined;
}

/** A share as a percentage with two decimals and no sign: 0.72 → "72.00". */
export function percentFigure(value: Fraction): string {
  return formatScaled(roundHalfUp(value.num * 10_000n, value.den), 2);
}

/** A share as decimal text with four decimals: 7/12 → "0.5833". */
export function shareText(value: Fraction): string {
  return formatScaled(roundHalfUp(value.num * 10_000n, value.den), 4);
}

/**
 * Rule-table figures are a handful of texts read for every light of every project, so their parsed and
 * formatted forms are kept (bounded: a finance bureau's page assesses a thousand projects at once).
 */
function memo<T>(compute: (text: string) => T): (text: string) => T {
  const cache = new Map<string, T>();
  return (text) => {
    let value = cache.get(text);
    if (value === undefined) {
      if (cache.size > 256) cache.clear();
      value = compute(text);
      cache.set(text, value);
    }
    return value;
  };
}

/** `decimalShare` of a rule-table figure, cached. */
export const ruleShare = memo((text: string) => decimalShare(text) ?? null);

/** A rule-table share as the shortest percentage: "0.6" → "60%", "0.125" → "12.5%". */
export const bandPercent = memo(percentOfShareText);

function percentOfShareText(text: string): string {
  const value = parseDecimal(text);
  if (!value) return text;
  const hundredfold: Decimal = { units: value.units * 100n, scale: value.scale };
  return `${formatDecimal(hundredfold)}%`;
}

export function yuan(fen: Fen): string {
  return `${formatYuanGrouped(fen)} 元`;
}

export function yuanEn(fen: Fen): string {
  return `${formatYuanGrouped(fen)} yuan`;
}
