import { toHalfWidth } from '@jixiao/core';
import { readText } from '../workbook/cells.ts';
import type { LedgerColumn } from './columns.ts';
import { columnLabel, columnLetter, type LedgerIssue } from './issues.ts';
import type { SourceRow } from './source-rows.ts';

/** Where each known column is in this file (1-based positions); columns may come in any order. */
export interface HeaderLayout {
  readonly positions: ReadonlyMap<string, number>;
  /** Positions with a header, known or not: content anywhere else would be silently lost. */
  readonly headed: ReadonlySet<number>;
  /** “金额（E列）” for each known column key. */
  readonly labels: Readonly<Record<string, string>>;
}

/** Spaces, full-width forms, a trailing * (required marker) and a trailing （元） do not make a header different. */
function normalise(header: string): string {
  return toHalfWidth(header)
    .replaceAll(/\s/g, '')
    .replace(/\*$/, '')
    .replace(/\(元\)$/, '');
}

/** Reads row 1 against the expected columns; every missing, unknown or repeated header is an issue. */
export function readHeader(row: SourceRow, columns: readonly LedgerColumn[]): { layout: HeaderLayout; issues: LedgerIssue[] } {
  const byHeader = new Map(columns.map((column) => [normalise(column.header), column]));
  const positions = new Map<string, number>();
  const headed = new Set<number>();
  const issues: LedgerIssue[] = [];
  const expected = columns.map((column) => column.header).join('、');
  row.cells.forEach((cell, index) => {
    const position = index + 1;
    const read = readText(cell);
    const found = read.ok ? read.value : undefined;
    if (found === undefined) return;
    headed.add(position);
    const column = byHeader.get(normalise(found));
    const at = `${columnLetter(position)}1`;
    if (!column) {
      issues.push({
        row: row.row,
        column: columnLabel(found, position),
        message: `不认识的列标题“${found}”（${at}）；列标题应为：${expected}`,
      });
      return;
    }
    const earlier = positions.get(column.key);
    if (earlier !== undefined) {
      issues.push({
        row: row.row,
        column: columnLabel(column.header, position),
        message: `列标题“${column.header}”重复：${columnLetter(earlier)}列和${columnLetter(position)}列，只能有一列`,
      });
      return;
    }
    positions.set(column.key, position);
  });
  for (const column of columns) {
    if (column.required && !positions.has(column.key)) {
      issues.push({ row: row.row, column: column.header, message: `缺少必填列“${column.header}”；第 1 行应为列标题：${expected}` });
    }
  }
  const labels = Object.fromEntries(columns.map((column) => [column.key, columnLabel(column.header, positions.get(column.key))]));
  return { layout: { positions, headed, labels }, issues };
}
