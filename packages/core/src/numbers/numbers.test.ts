import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareDecimal, divide, formatDecimal, formatPercent, parseDecimal, roundHalfUp } from './decimal.ts';
import { formatWanYuan, formatYuan, formatYuanGrouped, parseYuan } from './money.ts';
import { allocateEvenly, formatPoints, parsePoints, scorePoints } from './points.ts';

describe('parseDecimal', () => {
  it.each([
    ['23.39', '23.39'],
    ['-45.81', '-45.81'],
    ['+3', '3'],
    ['2,684', '2684'],
    ['１３.９８', '13.98'],
    [' 100.50 ', '100.5'],
    ['0.000', '0'],
  ])('%s → %s', (input, expected) => {
    const value = parseDecimal(input);
    expect(value && formatDecimal(value)).toBe(expected);
  });

  it.each(['', 'abc', '1.2.3', '1e5', '--1', '.5', '5.'])('rejects %j', (input) => {
    expect(parseDecimal(input)).toBeUndefined();
  });

  it('compares across scales without floats', () => {
    const a = parseDecimal('0.1');
    const b = parseDecimal('0.10');
    const c = parseDecimal('0.1000001');
    if (!a || !b || !c) throw new Error('parse');
    expect(compareDecimal(a, b)).toBe(0);
    expect(compareDecimal(a, c)).toBe(-1);
  });
});

describe('roundHalfUp', () => {
  it.each([
    [5n, 2n, 3n],
    [-5n, 2n, -3n],
    [4n, 3n, 1n],
    [1005n, 1000n, 1n],
    [1n, 2n, 1n],
    [1n, 3n, 0n],
    [10n, -4n, -3n],
  ])('%s/%s → %s', (num, den, expected) => {
    expect(roundHalfUp(num, den)).toBe(expected);
  });

  it('rounds the classic 1.005 case exactly, where floats fail', () => {
    const value = parseDecimal('1.005');
    if (!value) throw new Error('parse');
    // 1.005 × 100 = 100.5 → 101 hundredths; Math.round(1.005 * 100) gives 100.
    expect(roundHalfUp(value.units * 100n, 10n ** BigInt(value.scale))).toBe(101n);
  });
});

describe('formatPercent', () => {
  it('formats exact fractions to two decimals', () => {
    const a = parseDecimal('95.47');
    const b = parseDecimal('100');
    if (!a || !b) throw new Error('parse');
    expect(formatPercent(divide(a, b))).toBe('95.47%');
    expect(formatPercent({ num: 2339n, den: 2000n })).toBe('116.95%');
    expect(formatPercent({ num: -453n, den: 10000n })).toBe('-4.53%');
  });
});

describe('money', () => {
  it.each([
    ['1234.56', 123456],
    ['1,234.5', 123450],
    ['-3', -300],
    ['0.01', 1],
    ['12.300', 1230],
  ])('parses %s yuan as %s fen', (text, fen) => {
    expect(parseYuan(text)).toEqual({ ok: true, value: fen });
  });

  it('refuses more than two significant decimals rather than rounding', () => {
    expect(parseYuan('1.005')).toEqual({ ok: false, error: 'too-many-decimals' });
    expect(parseYuan('abc')).toEqual({ ok: false, error: 'not-a-number' });
    expect(parseYuan('99999999999999999999')).toEqual({ ok: false, error: 'out-of-range' });
  });

  it('formats fen', () => {
    expect(formatYuan(123456)).toBe('1234.56');
    expect(formatYuan(-5)).toBe('-0.05');
    expect(formatYuanGrouped(123456789)).toBe('1,234,567.89');
    expect(formatWanYuan(1234_5678_00)).toBe('1234.57');
  });

  it('round-trips any safe amount through text', () => {
    fc.assert(
      fc.property(fc.integer({ min: -Number.MAX_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER }), (fen) => {
        expect(parseYuan(formatYuan(fen))).toEqual({ ok: true, value: fen });
      }),
    );
  });
});

describe('points', () => {
  it('parses weights to hundredths', () => {
    expect(parsePoints('5')).toBe(500);
    expect(parsePoints('2.31')).toBe(231);
    expect(parsePoints('2.305')).toBe(231);
    expect(parsePoints('-1')).toBeUndefined();
  });

  it('scores with one rounding, half up', () => {
    expect(scorePoints(500, { num: 95n, den: 100n })).toBe(475);
    expect(scorePoints(1000, { num: 2n, den: 3n })).toBe(667);
    expect(scorePoints(231, { num: 1n, den: 2n })).toBe(116);
    expect(formatPoints(9952)).toBe('99.52');
  });

  it('shares a level weight evenly and exactly: 30 over 13 indicators', () => {
    const shares = allocateEvenly(3000, 13);
    expect(shares.filter((share) => share === 231)).toHaveLength(10);
    expect(shares.filter((share) => share === 230)).toHaveLength(3);
    expect(shares.reduce((a, b) => a + b, 0)).toBe(3000);
  });

  it('allocations always add up to the total and differ by at most 0.01', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000 }), fc.integer({ min: 1, max: 500 }), (total, count) => {
        const shares = allocateEvenly(total, count);
        expect(shares.reduce((a, b) => a + b, 0)).toBe(total);
        expect(Math.max(...shares) - Math.min(...shares)).toBeLessThanOrEqual(1);
      }),
    );
  });
});
