import { type BudgetLineRow, readBudgetLineRow } from './budget-line-row.ts';
import { DUPLICATE_KEY, LEDGER_COLUMNS, type LedgerColumn, type LedgerKind } from './columns.ts';
import { type HeaderLayout, readHeader } from './header.ts';
import { columnLetter, IssueList, type LedgerIssue } from './issues.ts';
import { type PaymentRow, readPaymentRow } from './payment-row.ts';
import { RowCells } from './row-cells.ts';
import { detectFormat, type SourceFormat, type SourceRow, sourceRows } from './source-rows.ts';

export interface LedgerRowOf {
  'budget-lines': BudgetLineRow;
  payments: PaymentRow;
}

export interface LedgerReadResult<Row> {
  /** The rows that are valid on their own; with any issue the import as a whole is refused. */
  readonly rows: Row[];
  /** The issues kept (up to the list's cap), in row order. */
  readonly issues: LedgerIssue[];
  /** How many more issues there were beyond the cap. */
  readonly omittedIssues: number;
  /** Non-blank data rows read, valid or not. */
  readonly rowCount: number;
  readonly format: SourceFormat | undefined;
  /** “金额（E列）” by column key, so checks made later (against the database) name the same cells. */
  readonly columns: Readonly<Record<string, string>>;
}

export interface ReadLedgerOptions {
  /** Collects into this list (the caller goes on adding the database's issues); a new one by default. */
  readonly issues?: IssueList;
  /** Called every PROGRESS_EVERY rows with the number of rows read so far. */
  readonly onProgress?: (rowsRead: number) => void | Promise<void>;
}

const PROGRESS_EVERY = 5_000;
/** Rows read between two yields to the event loop, so a long file does not hold up other requests. */
const YIELD_EVERY = 1_000;

const READ_ROW: { readonly [K in LedgerKind]: (cells: RowCells) => LedgerRowOf[K] | undefined } = {
  'budget-lines': readBudgetLineRow,
  payments: readPaymentRow,
};

/**
 * Reads a ledger file (.xlsx or .csv) into rows and issues, with no database (style.md rule 10).
 * Every row is checked and every problem collected: a wrong or missing header, a bad date, text in
 * an amount, a third decimal, an invalid 统一社会信用代码, a row repeating an earlier one.
 */
export async function readLedgerRows<K extends LedgerKind>(
  kind: K,
  filename: string,
  bytes: Uint8Array,
  options: ReadLedgerOptions = {},
): Promise<LedgerReadResult<LedgerRowOf[K]>> {
  const issues = options.issues ?? new IssueList();
  const columns = LEDGER_COLUMNS[kind];
  const result = (rows: LedgerRowOf[K][], rowCount: number, format: SourceFormat | undefined, layout?: HeaderLayout) => ({
    rows,
    issues: issues.items,
    omittedIssues: issues.omitted,
    rowCount,
    format,
    columns: layout?.labels ?? Object.fromEntries(columns.map((column) => [column.key, column.header])),
  });

  const detected = detectFormat(filename, bytes);
  if ('problem' in detected) {
    issues.add({ row: 0, column: '', message: detected.problem });
    return result([], 0, undefined);
  }
  const reading = new Reading(kind, columns, issues, options.onProgress);
  try {
    for await (const source of sourceRows(detected.format, bytes)) await reading.accept(source);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    issues.add({ row: 0, column: '', message: `无法读取文件（文件损坏，或不是 Excel 工作簿 / CSV 文本）：${detail}` });
    return result([], reading.rowCount, detected.format);
  }
  reading.finish();
  return result(reading.rows, reading.rowCount, detected.format, reading.layout);
}

/** The state of one pass over a file: the header once found, then each data row in turn. */
class Reading<K extends LedgerKind> {
  layout: HeaderLayout | undefined;
  readonly rows: LedgerRowOf[K][] = [];
  rowCount = 0;
  readonly #firstRowOfKey = new Map<string, number>();
  readonly kind: K;
  readonly columns: readonly LedgerColumn[];
  readonly issues: IssueList;
  readonly onProgress: ReadLedgerOptions['onProgress'];

  constructor(kind: K, columns: readonly LedgerColumn[], issues: IssueList, onProgress: ReadLedgerOptions['onProgress']) {
    this.kind = kind;
    this.columns = columns;
    this.issues = issues;
    this.onProgress = onProgress;
  }

  async accept(source: SourceRow): Promise<void> {
    if (source.cells.every((cell) => cell.kind === 'blank') && !source.problem) return;
    if (!this.layout) {
      const header = readHeader(source, this.columns);
      this.layout = header.layout;
      for (const issue of header.issues) this.issues.add(issue);
      return;
    }
    this.rowCount += 1;
    this.readRow(source, this.layout);
    if (this.rowCount % YIELD_EVERY === 0) await new Promise((resolve) => setImmediate(resolve));
    if (this.onProgress && this.rowCount % PROGRESS_EVERY === 0) await this.onProgress(this.rowCount);
  }

  finish(): void {
    if (!this.layout) {
      this.issues.add({ row: 1, column: '', message: '文件是空的：第 1 行应为列标题，从第 2 行起每行一条记录' });
    } else if (this.rowCount === 0) {
      this.issues.add({ row: 2, column: '', message: '文件中没有数据：第 1 行是列标题，从第 2 行起每行一条记录' });
    }
  }

  private readRow(source: SourceRow, layout: HeaderLayout): void {
    const cells = new RowCells(source, layout, this.columns);
    if (source.problem) this.issues.add({ row: source.row, column: '', message: source.problem });
    source.cells.forEach((cell, index) => {
      if (cell.kind !== 'blank' && !layout.headed.has(index + 1)) {
        cells.issues.push({
          row: source.row,
          column: `${columnLetter(index + 1)}列`,
          message: '这一列没有列标题，却填了内容；请删除内容或补上列标题',
        });
      }
    });
    const row = READ_ROW[this.kind](cells);
    for (const issue of cells.issues) this.issues.add(issue);
    if (!row || source.problem) return;
    const key = this.duplicateKey(row);
    const first = this.#firstRowOfKey.get(key);
    if (first !== undefined) {
      const fields = DUPLICATE_KEY[this.kind];
      const headers = fields.map((field) => this.columns.find((column) => column.key === field)?.header ?? field);
      this.issues.add({
        row: source.row,
        column: fields.map((field) => layout.labels[field] ?? field).join('、'),
        message: `与第 ${first} 行重复：${headers.join('、')}都相同`,
      });
      return;
    }
    this.#firstRowOfKey.set(key, source.row);
    this.rows.push(row);
  }

  private duplicateKey(row: LedgerRowOf[K]): string {
    const values = row as unknown as Readonly<Record<string, unknown>>;
    return DUPLICATE_KEY[this.kind].map((field) => String(values[field])).join('\u0000');
  }
}
