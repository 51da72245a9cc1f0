import getMiniDecimal from '@rc-component/mini-decimal';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatMoneyField, formatMoneyIn, fromFen, groupMoneyTyping, parseMoneyIn, parseMoneyInput, toFen, ungroupMoney } from './money.ts';

/** Any amount the API can hold (sixteen digits of yuan), as integer fen. */
const fen = fc.bigInt({ min: -(10n ** 18n - 1n), max: 10n ** 18n - 1n });

describe('the money field', () => {
  it('reads 288000000.00 as 288,000,000.00, settled and while typing', () => {
    expect(formatMoneyField('288000000.00')).toBe('288,000,000.00');
    expect(formatMoneyField('288000000')).toBe('288,000,000.00');
    expect(groupMoneyTyping('288000000.0')).toBe('288,000,000.0');
    expect(groupMoneyTyping('1234.')).toBe('1,234.');
    expect(groupMoneyTyping('１２３４５．６')).toBe('12,345.6');
    expect(groupMoneyTyping('-1234567')).toBe('-1,234,567');
  });

  it('keeps a third decimal for the form to refuse, instead of rounding it away', () => {
    expect(formatMoneyField('1234.567')).toBe('1,234.567');
    expect(parseMoneyInput(ungroupMoney('1,234.567'))).toBeNull();
  });

  it('format → parse is the identity on fen, settled and while typing', () => {
    fc.assert(
      fc.property(fen, (amount) => {
        const text = fromFen(amount);
        expect(toFen(parseMoneyInput(ungroupMoney(formatMoneyField(text))) ?? '')).toBe(amount);
        expect(toFen(parseMoneyInput(ungroupMoney(groupMoneyTyping(text))) ?? '')).toBe(amount);
      }),
    );
  });

  it('never passes through a float: the input’s decimal keeps every fen of a sixteen-digit amount', () => {
    // The field runs in string mode on this decimal; 9007199254740993 fen is past a double's exact range.
    fc.assert(
      fc.property(fen, (amount) => {
        const typed = ungroupMoney(groupMoneyTyping(fromFen(amount)));
        expect(toFen(parseMoneyInput(getMiniDecimal(typed).toString()) ?? '')).toBe(amount);
      }),
    );
    expect(getMiniDecimal(ungroupMoney('90,071,992,547,409.93')).toString()).toBe('90071992547409.93');
  });
});

describe('元 / 万元', () => {
  it.each([
    ['320000000.00', '32,000.00'],
    ['12345.67', '1.234567'],
    ['0.01', '0.000001'],
    ['50000', '5.00'],
    ['-123456.7', '-12.34567'],
    ['0', '0.00'],
  ])('%s 元 reads %s 万元', (yuan, wan) => {
    expect(formatMoneyIn(yuan, 'wan')).toBe(wan);
  });

  it('元 reads as stored, with separators', () => {
    expect(formatMoneyIn('320000000', 'yuan')).toBe('320,000,000.00');
  });

  it('converts exactly both ways: 万元 → 元 is the identity on fen', () => {
    fc.assert(
      fc.property(fen, (amount) => {
        for (const unit of ['yuan', 'wan'] as const)
          expect(toFen(parseMoneyIn(formatMoneyIn(fromFen(amount), unit), unit) ?? '')).toBe(amount);
      }),
    );
  });

  it('refuses a 万元 figure finer than a fen', () => {
    expect(parseMoneyIn('1.2345678', 'wan')).toBeNull();
    expect(parseMoneyIn('1.5', 'wan')).toBe('15000.00');
  });
});
