import type { CellContent, Converted } from '../workbook/cells.ts';
import type { LedgerColumn } from './columns.ts';
import type { HeaderLayout } from './header.ts';
import type { LedgerIssue } from './issues.ts';
import type { SourceRow } from './source-rows.ts';

const BLANK: CellContent = { kind: 'blank' };

/** One data row being read: each column's cell through its reader, every problem kept as an issue. */
export class RowCells {
  readonly issues: LedgerIssue[] = [];
  readonly source: SourceRow;
  readonly layout: HeaderLayout;
  readonly #required: ReadonlySet<string>;

  constructor(source: SourceRow, layout: HeaderLayout, columns: readonly LedgerColumn[]) {
    this.source = source;
    this.layout = layout;
    this.#required = new Set(columns.filter((column) => column.required).map((column) => column.key));
  }

  /** The column's value, or undefined after recording why (or because the optional cell is blank). */
  take<T>(key: string, read: (cell: CellContent) => Converted<T>): T | undefined {
    const position = this.layout.positions.get(key);
    const cell = position === undefined ? BLANK : (this.source.cells[position - 1] ?? BLANK);
    const result = read(cell);
    if (!result.ok) {
      this.problem(key, result.message);
      return undefined;
    }
    if (result.value === undefined && this.#required.has(key)) this.problem(key, '必填，不能为空');
    return result.value;
  }

  problem(key: string, message: string): void {
    this.issues.push({ row: this.source.row, column: this.layout.labels[key] ?? key, message });
  }
}
