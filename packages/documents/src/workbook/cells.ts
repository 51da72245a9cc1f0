import { normaliseNumberText, toHalfWidth } from '@jixiao/core';
import type { CellValue } from 'exceljs';

/**
 * What a cell holds once exceljs's many value shapes (rich text, hyperlinks, formulas with cached
 * results, shared strings) are reduced to what a preparer typed or saw.
 */
export type CellContent =
  | { readonly kind: 'blank' }
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'number'; readonly value: number; readonly isPercent: boolean }
  | { readonly kind: 'date'; readonly date: Date }
  | { readonly kind: 'boolean'; readonly value: boolean }
  | { readonly kind: 'invalid'; readonly message: string };

const BLANK: CellContent = { kind: 'blank' };

export function cellContent(value: CellValue, numFmt: string | undefined): CellContent {
  if (value === null || value === undefined) return BLANK;
  if (typeof value === 'string') return textContent(value);
  if (typeof value === 'number') return { kind: 'number', value, isPercent: numFmt?.includes('%') ?? false };
  if (typeof value === 'boolean') return { kind: 'boolean', value };
  if (value instanceof Date) return { kind: 'date', date: value };
  if ('error' in value) return { kind: 'invalid', message: `单元格为错误值 ${value.error}` };
  if ('richText' in value) return textContent(value.richText.map((run) => run.text).join(''));
  if ('hyperlink' in value) return textContent(String(value.text));
  // A formula's cached result is what the preparer saw; without one (a file saved by a tool that does not calculate) there is nothing to read.
  if (value.result === undefined) return { kind: 'invalid', message: '公式没有计算结果，请改为直接填写数值' };
  return cellContent(value.result, numFmt);
}

function textContent(text: string): CellContent {
  const trimmed = text.trim();
  return trimmed ? { kind: 'text', text: trimmed } : BLANK;
}

/** Every reader returns the JSON value (undefined for a blank cell) or why the cell cannot be used. */
export type Converted<T> = { readonly ok: true; readonly value: T | undefined } | { readonly ok: false; readonly message: string };

const ok = <T>(value: T | undefined): Converted<T> => ({ ok: true, value });
const refuse = (message: string): Converted<never> => ({ ok: false, message });

/** Excel keeps at most 15 significant digits of a number (stack-notes.md gotcha 14). */
const EXCEL_SIGNIFICANT_DIGITS = 15;

/**
 * The rule for numeric cells: a double read from a cell becomes decimal text only when nothing can
 * have been lost. `String(value)` is the shortest text that reads back as the same double; it is
 * accepted when it has at most 15 significant digits and at most 15 integer digits, because Excel
 * stores no more. More digits mean a binary artefact (a formula giving 0.30000000000000004) or a
 * value Excel already cut short (1234567890123456 typed, 1234567890123450 stored); both are refused
 * instead of guessed at. Exponent forms (1e-7) are expanded first. No rounding happens here.
 */
export function excelNumberText(value: number): string | undefined {
  if (!Number.isFinite(value)) return undefined;
  const text = expandExponent(String(value));
  const unsigned = text.replace(/^-/, '');
  const [whole = '', fraction = ''] = unsigned.split('.');
  const significant = (whole + fraction).replace(/^0+/, '').replace(/0+$/, '');
  const integerDigits = whole.replace(/^0+/, '').length;
  if (significant.length > EXCEL_SIGNIFICANT_DIGITS || integerDigits > EXCEL_SIGNIFICANT_DIGITS) return undefined;
  return text;
}

/** "1.5e-7" → "0.00000015", "1.5e+21" → "1500000000000000000000"; other text unchanged. */
function expandExponent(text: string): string {
  const match = /^(-?)(\d+)(?:\.(\d+))?e([+-]\d+)$/.exec(text);
  if (!match) return text;
  const [, sign = '', whole = '', fraction = '', exponent = '0'] = match;
  return sign + shiftPoint(whole, fraction, Number(exponent));
}

/** Moves the decimal point of whole.fraction by `places` (positive: right), exactly, as text. */
function shiftPoint(whole: string, fraction: string, places: number): string {
  const digits = whole + fraction;
  const point = whole.length + places;
  const padded = point > digits.length ? digits.padEnd(point, '0') : point < 0 ? digits.padStart(digits.length - point, '0') : digits;
  const at = Math.max(point, 0);
  const integer = padded.slice(0, at).replace(/^0+(?=\d)/, '') || '0';
  const decimals = padded.slice(at).replace(/0+$/, '');
  return decimals ? `${integer}.${decimals}` : integer;
}

function numberText(value: number): Converted<string> {
  const text = excelNumberText(value);
  return text === undefined
    ? refuse(
        `数值超出 Excel 能精确保存的 ${EXCEL_SIGNIFICANT_DIGITS} 位有效数字（读到 ${String(value)}），请把单元格设为文本格式后重新填写`,
      )
    : ok(text);
}

/** Plain text; a number or date cell in a text column is read as the text it shows. */
export function readText(cell: CellContent): Converted<string> {
  switch (cell.kind) {
    case 'blank':
      return ok(undefined);
    case 'text':
      return ok(cell.text);
    case 'number':
      return numberText(cell.value);
    case 'date':
      return ok(isoDate(cell.date));
    case 'boolean':
      return ok(cell.value ? '是' : '否');
    case 'invalid':
      return refuse(cell.message);
  }
}

const DECIMAL_TEXT = /^([+-]?)(\d+)(?:\.(\d+))?$/;

/**
 * Money (元) becomes the JSON's decimal string. The rule: at most two decimals (分); a third
 * non-zero decimal is refused, never rounded, because a rounded amount no longer matches the
 * accounts. Trailing zeros beyond the second decimal ("1.500") are dropped, which loses nothing.
 * A trailing 元 and grouping commas are accepted; any other text (“一百万”, “12万”) is refused.
 */
export function readMoney(cell: CellContent): Converted<string> {
  const text = readText(cell);
  if (!text.ok || text.value === undefined) return text;
  const normalised = normaliseNumberText(text.value).replace(/元$/, '');
  const match = DECIMAL_TEXT.exec(normalised);
  if (!match) return refuse(`应为金额（元），只填数字，如 1234.56；读到“${text.value}”`);
  const [, sign = '', whole = '', fraction = ''] = match;
  if (/[1-9]/.test(fraction.slice(2))) {
    return refuse(`金额最多两位小数（元，精确到分），读到“${text.value}”；系统不做四舍五入，请核对后重填`);
  }
  const cents = fraction.slice(0, 2);
  return ok(`${sign === '-' ? '-' : ''}${whole}${cents ? `.${cents}` : ''}`);
}

/**
 * Indicator values and points become decimal text for core to validate (its message names the
 * expected form). A numeric cell shown as a percentage (0.9547 shown as 95.47%) is read as the
 * percentage the preparer saw, 95.47, and so is the text "95.47%": values are plain percent numbers.
 */
export function readDecimal(cell: CellContent): Converted<string> {
  if (cell.kind === 'number' && cell.isPercent) {
    const text = numberText(cell.value);
    if (!text.ok || text.value === undefined) return text;
    const negative = text.value.startsWith('-');
    const [whole = '', fraction = ''] = text.value.replace(/^-/, '').split('.');
    return ok(`${negative ? '-' : ''}${shiftPoint(whole, fraction, 2)}`);
  }
  const text = readText(cell);
  if (!text.ok || text.value === undefined) return text;
  return ok(normaliseNumberText(text.value).replace(/%$/, ''));
}

/** Points (分值, 得分): decimal text; core checks the form and the two-decimal limit. */
export function readPoints(cell: CellContent): Converted<string> {
  const text = readText(cell);
  if (!text.ok || text.value === undefined) return text;
  return ok(normaliseNumberText(text.value).replace(/分$/, ''));
}

/** Whole numbers (预算年度, 单位数量, percent thresholds); “2024年” is read as 2024. */
export function readInteger(cell: CellContent): Converted<number> {
  const text = readText(cell);
  if (!text.ok) return text;
  if (text.value === undefined) return ok(undefined);
  const normalised = normaliseNumberText(text.value).replace(/年$/, '');
  if (!/^[+-]?\d+$/.test(normalised)) return refuse(`应为整数，读到“${text.value}”`);
  const value = Number(normalised);
  return Number.isSafeInteger(value) ? ok(value) : refuse(`整数过大，读到“${text.value}”`);
}

const DATE_TEXT = [/^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/, /^(\d{4})年(\d{1,2})月(\d{1,2})日?$/];

/**
 * Dates become YYYY-MM-DD. A real date cell is read by its calendar day (exceljs gives UTC
 * midnight); text may be 2025-06-20, 2025/6/20 or 2025年6月20日. An Excel serial number without a
 * date format is refused: it could be anything.
 */
export function readDate(cell: CellContent): Converted<string> {
  if (cell.kind === 'date') return ok(isoDate(cell.date));
  if (cell.kind !== 'text') {
    return cell.kind === 'number' || cell.kind === 'boolean'
      ? refuse(`应为日期，如 2025-06-20 或 2025年6月20日；读到“${String(cell.value)}”`)
      : readText(cell);
  }
  const text = toHalfWidth(cell.text).replaceAll(/\s/g, '');
  for (const pattern of DATE_TEXT) {
    const match = pattern.exec(text);
    if (!match) continue;
    const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
    const date = new Date(Date.UTC(year, month - 1, day));
    if (date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day) return ok(isoDate(date));
  }
  return refuse(`应为日期，如 2025-06-20 或 2025年6月20日；读到“${cell.text}”`);
}

function isoDate(date: Date): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${String(date.getUTCFullYear()).padStart(4, '0')}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
}

/** Names in one cell, separated by 、 (also ，,；; or line breaks, which people use as often). */
export function readList(cell: CellContent): Converted<string[]> {
  const text = readText(cell);
  if (!text.ok) return text;
  if (text.value === undefined) return ok(undefined);
  return ok(
    text.value
      .split(LIST_SEPARATORS)
      .map((item) => item.trim())
      .filter(Boolean),
  );
}

export const LIST_SEPARATORS = /[、，,；;\n]/;
