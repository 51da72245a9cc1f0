import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LEDGER_COLUMNS, LEDGER_KINDS } from './columns.ts';

/**
 * docs/ledger-import.md lists every column as a table row `| 列标题 | 必填/可选 | 填写说明 |`, word
 * for word with columns.ts. Cells are compared trimmed: a formatter may pad the table.
 */
const doc = readFileSync(new URL('../../../../docs/ledger-import.md', import.meta.url), 'utf8');
const tableRows = doc
  .split('\n')
  .filter((line) => line.trim().startsWith('|'))
  .map((line) =>
    line
      .trim()
      .slice(1, -1)
      .split('|')
      .map((cell) => cell.trim())
      .join(' | '),
  );

describe('docs/ledger-import.md', () => {
  it.each(LEDGER_KINDS)('documents every %s column as the template does', (kind) => {
    const expected = LEDGER_COLUMNS[kind].map((column) => `${column.header} | ${column.required ? '必填' : '可选'} | ${column.hint}`);
    expect(expected.filter((row) => !tableRows.includes(row))).toEqual([]);
  });
});
