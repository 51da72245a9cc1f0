import type { ControlViolation } from './config.ts';

/**
 * 统一社会信用代码 (unified social credit code), GB 32100-2015: 18 characters from a 31-character
 * alphabet (digits and capital letters without I, O, S, V, Z). Character 18 is a check character:
 * C18 = 31 − (Σ Ci × Wi mod 31), with 31 written as 0. Positions 3–8 are the administrative
 * division code (digits). The 9-character organisation code inside (positions 9–17) carries its own
 * GB 11714 check character, which issuing authorities did not always satisfy for older codes, so it
 * is not enforced here.
 */
export const USCC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;

export type UsccProblem = 'length' | 'character' | 'division' | 'check';

export const USCC_MESSAGE: Readonly<Record<UsccProblem, string>> = {
  length: '统一社会信用代码应为 18 位',
  character: '统一社会信用代码含有不允许的字符（只能是数字和除 I、O、S、V、Z 外的大写字母）',
  division: '统一社会信用代码第 3–8 位（登记管理机关行政区划码）应为数字',
  check: '统一社会信用代码校验位不正确',
};

/** The check character for the first 17 characters, or undefined if one is not in the alphabet. */
export function usccCheckCharacter(first17: string): string | undefined {
  let sum = 0;
  for (let index = 0; index < 17; index += 1) {
    const value = USCC_ALPHABET.indexOf(first17.charAt(index));
    if (value < 0) return undefined;
    sum += value * (WEIGHTS[index] ?? 0);
  }
  const check = 31 - (sum % 31);
  return USCC_ALPHABET.charAt(check === 31 ? 0 : check);
}

/** Validates a code; lower case and surrounding spaces are normalised first. */
export function validateUscc(input: string): { ok: true; code: string } | { ok: false; problem: UsccProblem; message: string } {
  const code = input.trim().toUpperCase();
  const fail = (problem: UsccProblem) => ({ ok: false as const, problem, message: USCC_MESSAGE[problem] });
  if (code.length !== 18) return fail('length');
  for (const char of code) if (!USCC_ALPHABET.includes(char)) return fail('character');
  if (!/^\d{6}$/.test(code.slice(2, 8))) return fail('division');
  if (usccCheckCharacter(code.slice(0, 17)) !== code.charAt(17)) return fail('check');
  return { ok: true, code };
}

/**
 * IC_USCC_INVALID for a party's code: the code normalised (upper case, no surrounding spaces) with the
 * violation, if any, naming the field and the party ("供应商的统一社会信用代码校验位不正确").
 */
export function checkUscc(field: string, party: string, text: string): { code: string; violations: ControlViolation[] } {
  const checked = validateUscc(text);
  if (checked.ok) return { code: checked.code, violations: [] };
  return { code: text.trim().toUpperCase(), violations: [{ code: 'IC_USCC_INVALID', field, message: `${party}的${checked.message}` }] };
}
