import { Money } from '@jixiao/contract';
import { formatScaled, pow10, roundHalfUp } from '@jixiao/core';

/**
 * Money arrives from the API as a decimal yuan string ("1234567.5", "-20"). It is formatted and
 * compared as text or integer fen (bigint), never as a JS float, so what the user sees is exactly
 * what the server stores.
 */

const isMoney = (text: string) => Money.safeParse(text).success;

/** "1234567.5" → "1,234,567.50"; anything that is not a money string is returned unchanged. */
export function formatMoney(text: string): string {
  const trimmed = text.trim();
  if (!isMoney(trimmed)) return text;
  const negative = trimmed.startsWith('-');
  const [whole = '0', cents = ''] = (negative ? trimmed.slice(1) : trimmed).split('.');
  const grouped = whole.replace(/^0+(?=\d)/, '').replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const sign = negative && /[1-9]/.test(whole + cents) ? '-' : '';
  return `${sign}${grouped}.${cents.padEnd(2, '0')}`;
}

/**
 * What a user typed into a money field, as the API's money string: separators and spaces removed,
 * full-width digits and points accepted. Returns null when it is not an amount with at most two decimals.
 */
export function parseMoneyInput(input: string): string | null {
  const normalised = input
    .replace(/[０-９]/g, (digit) => String.fromCharCode(digit.charCodeAt(0) - 0xfee0))
    .replace(/[．。]/g, '.')
    .replace(/[,，\s]/g, '');
  return isMoney(normalised) ? normalised : null;
}

/** A money string as integer fen: exact, for ratios and comparisons. */
export function toFen(text: string): bigint | null {
  const trimmed = text.trim();
  if (!isMoney(trimmed)) return null;
  const negative = trimmed.startsWith('-');
  const [whole = '0', cents = ''] = (negative ? trimmed.slice(1) : trimmed).split('.');
  const fen = BigInt(whole) * 100n + BigInt(cents.padEnd(2, '0'));
  return negative ? -fen : fen;
}

/**
 * numerator ÷ denominator of two money strings, as a percentage with `places` decimals, rounded
 * half away from zero by the core's one rounding rule: ("300812345.67", "320000000.00", 4) → "94.0039".
 * Exact, in integer fen. Null when a figure is not money or the denominator is zero.
 */
export function moneyRatioPercent(numerator: string, denominator: string, places: number): string | null {
  const top = toFen(numerator);
  const bottom = toFen(denominator);
  if (top === null || bottom === null || bottom === 0n) return null;
  return formatScaled(roundHalfUp(top * 100n * pow10(places), bottom), places);
}

/**
 * Budget execution rate (预算执行率 = 执行数 ÷ 全年预算数) as a percentage with two decimals,
 * rounded half up: "95.47%". Null when the adjusted budget is zero or a figure is not money.
 */
export function executionRatePercent(executed: string, adjusted: string): string | null {
  const denominator = toFen(adjusted);
  if (denominator === null || denominator <= 0n) return null;
  const rate = moneyRatioPercent(executed, adjusted, 2);
  return rate === null ? null : `${rate}%`;
}

/** Integer fen as the API's money string: 12345n → "123.45", -5n → "-0.05". */
export function fromFen(fen: bigint): string {
  const negative = fen < 0n;
  const magnitude = negative ? -fen : fen;
  return `${negative ? '-' : ''}${magnitude / 100n}.${String(magnitude % 100n).padStart(2, '0')}`;
}

/** Σ of money strings, exact; anything that is not money counts as nothing. */
export function sumMoney(values: readonly (string | null | undefined)[]): string {
  return fromFen(values.reduce((total, value) => total + (value ? (toFen(value) ?? 0n) : 0n), 0n));
}

/** a − b of money strings, exact; null when either is not money. */
export function subtractMoney(a: string, b: string): string | null {
  const left = toFen(a);
  const right = toFen(b);
  return left === null || right === null ? null : fromFen(left - right);
}

/** Compares money strings exactly: negative, zero or positive like a − b; null when either is not money. */
export function compareMoney(a: string, b: string): number | null {
  const left = toFen(a);
  const right = toFen(b);
  if (left === null || right === null) return null;
  return left === right ? 0 : left < right ? -1 : 1;
}

/** Full-width digits, points and minus (an IME left on) as ASCII; separators and spaces dropped. */
function asciiAmount(input: string): string {
  return input
    .replace(/[０-９]/g, (digit) => String.fromCharCode(digit.charCodeAt(0) - 0xfee0))
    .replace(/[．。]/g, '.')
    .replace(/[－—]/g, '-')
    .replace(/[,，\s]/g, '');
}

/**
 * A money field's text as the user goes on typing: thousands separators in the whole part, the decimals
 * exactly as typed ("1234." stays "1,234." so the point can be followed by digits). Only what can be part of
 * an amount is kept: a leading minus, digits, one point.
 */
export function groupMoneyTyping(input: string): string {
  const ascii = asciiAmount(input);
  const sign = ascii.startsWith('-') ? '-' : '';
  const body = ascii.replace(/[^\d.]/g, '');
  const point = body.indexOf('.');
  const whole = point === -1 ? body : body.slice(0, point);
  const decimals = point === -1 ? '' : `.${body.slice(point + 1).replace(/\./g, '')}`;
  return `${sign}${whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}${decimals}`;
}

/**
 * A money field's text once the value is settled (shown, or the field left): "288000000" reads
 * "288,000,000.00". A value with more than two decimals keeps them, grouped, so the form's rule can say
 * what is wrong instead of the field rounding it away.
 */
export function formatMoneyField(value: string): string {
  const ascii = asciiAmount(value);
  return isMoney(ascii) ? formatMoney(ascii) : groupMoneyTyping(ascii);
}

/** What the money field hands on while typing: the text without separators, full-width made ASCII. */
export function ungroupMoney(input: string): string {
  return asciiAmount(input);
}

/** The units large amounts can be read in: 元 as stored, 万元 (÷ 10 000) where budgets run to 亿. */
export const MONEY_UNITS = ['yuan', 'wan'] as const;
export type MoneyUnit = (typeof MONEY_UNITS)[number];

/**
 * A money string in the chosen unit, exact: 元 with two decimals; 万元 with as many decimals as the fen need
 * (at least two, at most six, since one fen is 0.000001 万元), so "320000000.00" → "32,000.00" and
 * "12345.67" → "1.234567" — nothing is rounded away by switching the unit.
 */
export function formatMoneyIn(text: string, unit: MoneyUnit): string {
  if (unit === 'yuan') return formatMoney(text);
  const fen = toFen(text);
  if (fen === null) return text;
  const negative = fen < 0n;
  const magnitude = negative ? -fen : fen;
  const whole = (magnitude / 1_000_000n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const decimals = (magnitude % 1_000_000n)
    .toString()
    .padStart(6, '0')
    .replace(/0{1,4}$/, '');
  return `${negative ? '-' : ''}${whole}.${decimals.padEnd(2, '0')}`;
}

/** A figure in a unit back to the API's yuan string, exact; null when it is not an amount that unit can hold in fen. */
export function parseMoneyIn(text: string, unit: MoneyUnit): string | null {
  const ascii = asciiAmount(text);
  if (unit === 'yuan') return isMoney(ascii) ? ascii : null;
  const match = /^(-?)(\d+)(?:\.(\d{0,6}))?$/.exec(ascii);
  if (!match) return null;
  const fen = BigInt(match[2] ?? '0') * 1_000_000n + BigInt((match[3] ?? '').padEnd(6, '0'));
  return fromFen(match[1] === '-' ? -fen : fen);
}
