import { formatScaled, parseDecimal, roundHalfUp } from './decimal.ts';

/**
 * Money is an integer number of fen (分). JSON carries it as a decimal yuan string ("12345.67").
 * A JS number holds integers exactly up to 2^53 fen ≈ 90 trillion yuan, far above any budget a
 * department handles; `assertFen` guards the bound so an overflow is an error, not a rounding.
 */
export type Fen = number;

export function assertFen(value: number): Fen {
  if (!Number.isSafeInteger(value)) throw new RangeError(`amount out of exact range: ${value}`);
  return value;
}

export type MoneyParseError = 'not-a-number' | 'too-many-decimals' | 'out-of-range';

/** Parses yuan text ("1,234.56", "-3", "１２.５") into fen; more than 2 decimals is an error, never rounded. */
export function parseYuan(text: string): { ok: true; value: Fen } | { ok: false; error: MoneyParseError } {
  const value = parseDecimal(text);
  if (!value) return { ok: false, error: 'not-a-number' };
  if (value.scale > 2) {
    const excess = value.units % 10n ** BigInt(value.scale - 2);
    if (excess !== 0n) return { ok: false, error: 'too-many-decimals' };
  }
  const fen = value.scale <= 2 ? value.units * 10n ** BigInt(2 - value.scale) : value.units / 10n ** BigInt(value.scale - 2);
  if (fen > BigInt(Number.MAX_SAFE_INTEGER) || fen < -BigInt(Number.MAX_SAFE_INTEGER)) {
    return { ok: false, error: 'out-of-range' };
  }
  return { ok: true, value: Number(fen) };
}

/** "1234567.8" style text with two decimals, no grouping: the interchange form of money. */
export function formatYuan(fen: Fen): string {
  return formatScaled(fen, 2);
}

/** Display form with thousands separators: 123456789 → "1,234,567.89". */
export function formatYuanGrouped(fen: Fen): string {
  const text = formatYuan(fen);
  const negative = text.startsWith('-');
  const [whole = '0', cents = '00'] = (negative ? text.slice(1) : text).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${negative ? '-' : ''}${grouped}.${cents}`;
}

/** 万元 with two decimals for report prose; display only, never stored. */
export function formatWanYuan(fen: Fen): string {
  // 1 万元 = 1,000,000 fen; two decimals of 万元 = 100 yuan = 10,000 fen.
  return formatScaled(roundHalfUp(BigInt(fen), 10_000n), 2);
}

/** 万元 exactly (1 fen = 0.000001 万元), at least two decimals: 120000000 → "120.00", 123456789 → "123.456789". */
export function formatWanYuanExact(fen: Fen): string {
  return formatScaled(fen, 6).replace(/(\.\d\d\d*?)0+$/u, '$1');
}

export function sumFen(values: Iterable<Fen>): Fen {
  let total = 0;
  for (const value of values) total += value;
  return assertFen(total);
}
