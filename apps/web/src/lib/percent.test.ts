import { describe, expect, it } from 'vitest';
import { moneyRatioPercent } from './money.ts';
import { percentBelow, percentPointsDiff } from './percent.ts';

describe('percentPointsDiff', () => {
  it.each([
    ['94.00', '65.07', '28.93'],
    ['65.07', '94.00', '-28.93'],
    ['-4.53', '-6.00', '1.47'],
    ['100', '91.67', '8.33'],
    ['0.1', '0.05', '0.05'],
    ['50.00', '50.00', '0.00'],
  ])('%s − %s = %s', (a, b, expected) => {
    expect(percentPointsDiff(a, b)).toBe(expected);
  });

  it('refuses what is not a decimal', () => {
    expect(percentPointsDiff('94%', '1')).toBeNull();
    expect(percentPointsDiff('', '1')).toBeNull();
  });
});

describe('moneyRatioPercent', () => {
  it('gives the department execution rate before and after a payment of 12,345.67', () => {
    expect(moneyRatioPercent('300800000.00', '320000000.00', 2)).toBe('94.00');
    expect(moneyRatioPercent('300800000.00', '320000000.00', 4)).toBe('94.0000');
    // 300,812,345.67 ÷ 320,000,000.00 = 0.940038580… → 94.0039 %
    expect(moneyRatioPercent('300812345.67', '320000000.00', 4)).toBe('94.0039');
  });

  it('rounds half away from zero', () => {
    expect(moneyRatioPercent('1', '8', 1)).toBe('12.5');
    expect(moneyRatioPercent('1', '16', 1)).toBe('6.3');
    expect(moneyRatioPercent('-1', '16', 1)).toBe('-6.3');
    expect(moneyRatioPercent('2', '3', 0)).toBe('67');
  });

  it('handles negative numerators (成本控制率) and zero', () => {
    expect(moneyRatioPercent('-19200000.00', '320000000.00', 2)).toBe('-6.00');
    expect(moneyRatioPercent('0', '5', 2)).toBe('0.00');
    expect(moneyRatioPercent('-0.001', '5', 2)).toBeNull();
  });

  it('is null without a usable denominator', () => {
    expect(moneyRatioPercent('1', '0', 2)).toBeNull();
    expect(moneyRatioPercent('1', 'abc', 2)).toBeNull();
  });
});

describe('percentBelow', () => {
  it('compares exactly', () => {
    expect(percentBelow('65.07', '91.67')).toBe(true);
    expect(percentBelow('94.00', '94')).toBe(false);
    expect(percentBelow('-6.00', '0')).toBe(true);
    expect(percentBelow('x', '1')).toBe(false);
  });
});
