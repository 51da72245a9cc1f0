import { parsePoints, parseYuan } from '@jixiao/core';
import { validationFailed } from '../errors.ts';

/** A points field of a request ("12.50" → 1250 hundredths); null and absent pass through. */
export const toPoints = (text: string | null | undefined) => (text === null || text === undefined ? text : (parsePoints(text) ?? null));

/** A free-text field: blank means cleared (null), absent means unchanged (undefined). */
export const emptyToNull = (text: string | null | undefined) =>
  text === undefined ? undefined : text === null || text.trim() === '' ? null : text.trim();

/** A money field of a request, in yuan, as integer fen; refused with the field's path when it is not an amount. */
export function money(path: string, text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const parsed = parseYuan(text);
  if (!parsed.ok) throw validationFailed([{ path, message: '金额格式不正确' }]);
  return parsed.value;
}

/** The fields of a row that a write set, for the audit record's before and after. */
export function pick<T extends object>(row: T, keys: object): Partial<T> {
  return Object.fromEntries(Object.keys(keys).map((key) => [key, (row as Record<string, unknown>)[key]])) as Partial<T>;
}
