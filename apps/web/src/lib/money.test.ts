import { describe, expect, it } from 'vitest';
import { compareMoney, executionRatePercent, formatMoney, fromFen, parseMoneyInput, subtractMoney, sumMoney, toFen } from './money.ts';

describe('formatMoney', () => {
  it.each([
    ['0', '0.00'],
    ['5', '5.00'],
    ['1234.5', '1,234.50'],
    ['1234567.89', '1,234,567.89'],
    ['-1234567.8', '-1,234,567.80'],
    ['-0.00', '0.00'],
    ['007', '7.00'],
    ['9999999999999999.99', '9,999,999,999,999,999.99'],
  ])('%s → %s', (input, expected) => {
    expect(formatMoney(input)).toBe(expected);
  });

  it('leaves what is not a money string unchanged', () => {
    expect(formatMoney('1.234')).toBe('1.234');
    expect(formatMoney('abc')).toBe('abc');
  });
});

describe('parseMoneyInput', () => {
  it.each([
    ['1,234.50', '1234.50'],
    [' 12 345 ', '12345'],
    ['１２３．４', '123.4'],
    ['-20', '-20'],
  ])('%j → %j', (input, expected) => {
    expect(parseMoneyInput(input)).toBe(expected);
  });

  it.each(['1.234', '', 'abc', '1e5', '12.3.4'])('refuses %j', (input) => {
    expect(parseMoneyInput(input)).toBeNull();
  });
});

describe('toFen', () => {
  it('is exact where floats are not', () => {
    expect(toFen('0.1')).toBe(10n);
    expect(toFen('9007199254740993.99')).toBe(900719925474099399n);
    expect(toFen('-1.05')).toBe(-105n);
  });
});

describe('executionRatePercent', () => {
  it.each([
    ['954700', '1000000', '95.47%'],
    ['1', '3', '33.33%'],
    ['2', '3', '66.67%'],
    // 0.005% exactly: half up.
    ['1', '20000', '0.01%'],
    ['1', '20001', '0.00%'],
    ['1200', '1000', '120.00%'],
    ['0', '5', '0.00%'],
  ])('%s ÷ %s = %s', (executed, adjusted, expected) => {
    expect(executionRatePercent(executed, adjusted)).toBe(expected);
  });

  it('has no rate without a budget', () => {
    expect(executionRatePercent('5', '0')).toBeNull();
    expect(executionRatePercent('x', '5')).toBeNull();
  });
});

describe('exact sums and differences', () => {
  it('converts fen back to money strings', () => {
    expect(fromFen(12345n)).toBe('123.45');
    expect(fromFen(-5n)).toBe('-0.05');
    expect(fromFen(0n)).toBe('0.00');
  });

  it('adds and subtracts without float drift', () => {
    expect(sumMoney(['0.1', '0.2'])).toBe('0.30');
    expect(sumMoney(['300800000.00', '12345.67'])).toBe('300812345.67');
    expect(sumMoney([null, 'x', '5'])).toBe('5.00');
    expect(subtractMoney('1500000.00', '12345.67')).toBe('1487654.33');
    expect(subtractMoney('1', 'x')).toBeNull();
  });

  it('compares exactly', () => {
    expect(compareMoney('1500000.00', '1500000')).toBe(0);
    expect(compareMoney('1500000.01', '1500000')).toBe(1);
    expect(compareMoney('-1', '0')).toBe(-1);
    expect(compareMoney('a', '0')).toBeNull();
  });
});
