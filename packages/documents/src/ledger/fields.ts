import { control, type Fen, parseYuan, toHalfWidth } from '@jixiao/core';
import { type CellContent, type Converted, readDate, readInteger, readMoney, readText } from '../workbook/cells.ts';

/**
 * Readers for one ledger cell. Each returns the value (undefined for a blank cell) or the Chinese
 * reason it cannot be used; whether a blank is allowed is the row's business.
 */
const ok = <T>(value: T | undefined): Converted<T> => ({ ok: true, value });
const refuse = (message: string): Converted<never> => ({ ok: false, message });

export function text(cell: CellContent, maxLength: number): Converted<string> {
  const read = readText(cell);
  if (!read.ok || read.value === undefined) return read;
  return read.value.length > maxLength ? refuse(`最多 ${maxLength} 个字，读到 ${read.value.length} 个字`) : read;
}

/** Codes (单位编码, 指标编码, 发票号): text, half-width, no inner spaces a copy-paste may have added. */
export function code(cell: CellContent): Converted<string> {
  const read = text(cell, 100);
  if (!read.ok || read.value === undefined) return read;
  return ok(toHalfWidth(read.value).replaceAll(/\s/g, ''));
}

/**
 * Money in yuan to integer fen, exactly: the workbook's money rule (at most two decimals, never
 * rounded; “一百万” refused; a numeric cell only if its value round-trips) and then core's parseYuan.
 * `positive` refuses 0 as well as negatives (a payment of nothing is a mistake).
 */
export function money(cell: CellContent, sign: 'positive' | 'non-negative'): Converted<Fen> {
  const read = readMoney(cell);
  if (!read.ok) return read;
  if (read.value === undefined) return ok(undefined);
  const parsed = parseYuan(read.value);
  if (!parsed.ok) return refuse(`金额超出系统能精确计算的范围，读到“${read.value}”`);
  if (sign === 'positive' && parsed.value <= 0) return refuse(`金额应大于 0，读到“${read.value}”`);
  if (parsed.value < 0) return refuse(`金额不能为负数，读到“${read.value}”`);
  return ok(parsed.value);
}

/** A time of day after the date (“2024-03-05 00:00:00”), as finance systems export it, is dropped. */
const TIME_SUFFIX = /\s+\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?$/;

/** YYYY-MM-DD from a date cell or from 2024-03-05, 2024/3/5, 2024.3.5 or 2024年3月5日. */
export function date(cell: CellContent): Converted<string> {
  return readDate(cell.kind === 'text' ? { kind: 'text', text: cell.text.replace(TIME_SUFFIX, '') } : cell);
}

/** The years a ledger may hold; outside them the value is a typing mistake (24, 20224). */
const FIRST_YEAR = 2000;
const LAST_YEAR = 2099;

export function year(cell: CellContent): Converted<number> {
  const read = readInteger(cell);
  if (!read.ok || read.value === undefined) return read;
  return read.value < FIRST_YEAR || read.value > LAST_YEAR
    ? refuse(`年度应为 ${FIRST_YEAR}–${LAST_YEAR} 之间的四位年份，读到“${read.value}”`)
    : read;
}

export type SpendingType = 'basic' | 'project';

const SPENDING_TYPES: Readonly<Record<string, SpendingType>> = { 基本支出: 'basic', 基本: 'basic', 项目支出: 'project', 项目: 'project' };

export function spendingType(cell: CellContent): Converted<SpendingType> {
  const read = readText(cell);
  if (!read.ok) return read;
  if (read.value === undefined) return ok(undefined);
  const type = SPENDING_TYPES[read.value.replaceAll(/\s/g, '')];
  return type ? ok(type) : refuse(`应为“基本支出”或“项目支出”，读到“${read.value}”`);
}

/** 统一社会信用代码, checked with its check character (GB 32100-2015); kept in capitals. */
export function uscc(cell: CellContent): Converted<string> {
  const read = readText(cell);
  if (!read.ok || read.value === undefined) return read;
  const checked = control.validateUscc(toHalfWidth(read.value));
  return checked.ok ? ok(checked.code) : refuse(`${checked.message}，读到“${read.value}”`);
}
