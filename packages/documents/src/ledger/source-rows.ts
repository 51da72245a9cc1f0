import { Readable } from 'node:stream';
import { type CellContent, cellContent } from '../workbook/cells.ts';
import { INSTRUCTIONS_SHEET } from './columns.ts';
import { csvRecords } from './csv.ts';
import { decodeText } from './decode-text.ts';
import { utf8SafeWorkbookReader } from './utf8-safe-reader.ts';

/** One spreadsheet row as cells, column A first, whatever file it came from. */
export interface SourceRow {
  readonly row: number;
  readonly cells: readonly CellContent[];
  /** A file-format problem of this row (an unclosed quote in a CSV). */
  readonly problem?: string | undefined;
}

export type SourceFormat = 'xlsx' | 'csv';

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
/** Excel 97–2003 .xls and other OLE compound files. */
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0];

const startsWith = (bytes: Uint8Array, magic: readonly number[]) => magic.every((byte, index) => bytes[index] === byte);

/** The file's format by its content (an .xlsx renamed .csv is still read as .xlsx), or why it cannot be read. */
export function detectFormat(filename: string, bytes: Uint8Array): { format: SourceFormat } | { problem: string } {
  if (startsWith(bytes, ZIP_MAGIC)) return { format: 'xlsx' };
  if (startsWith(bytes, OLE_MAGIC)) return { problem: '不支持 Excel 97-2003 格式（.xls），请在 Excel 中另存为 .xlsx 或 CSV 后重新导入' };
  if (bytes.length === 0) return { problem: '文件是空的' };
  if (/\.(csv|txt)$/i.test(filename)) return { format: 'csv' };
  return { problem: `只能导入 .xlsx 或 .csv 文件，“${filename}”两者都不是` };
}

export function sourceRows(format: SourceFormat, bytes: Uint8Array): AsyncIterable<SourceRow> {
  return format === 'xlsx' ? xlsxRows(bytes) : csvRows(bytes);
}

async function* csvRows(bytes: Uint8Array): AsyncGenerator<SourceRow> {
  const { text } = decodeText(bytes);
  for (const record of csvRecords(text)) {
    yield {
      row: record.row,
      cells: record.fields.map((field) => cellContent(field, undefined)),
      problem: record.unterminated ? '引号未闭合：从这一格起到文件末尾的内容都被当成了一个单元格，请检查英文双引号是否成对' : undefined,
    };
  }
}

/**
 * Streams the first sheet other than 填写说明 row by row with exceljs's streaming reader (made
 * safe for characters split between zip chunks, utf8-safe-reader.ts), so a
 * 100,000-row workbook never becomes a DOM in memory. Styles are read because a date cell is a
 * number with a date format; shared strings are cached because cells refer to them by index.
 */
async function* xlsxRows(bytes: Uint8Array): AsyncGenerator<SourceRow> {
  const reader = utf8SafeWorkbookReader(Readable.from([Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)]), {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  for await (const sheet of reader) {
    // The streaming reader's sheets carry their name, though its type declarations leave it out.
    if ((sheet as unknown as { name?: string }).name === INSTRUCTIONS_SHEET) continue;
    for await (const row of sheet) {
      const cells: CellContent[] = [];
      row.eachCell({ includeEmpty: false }, (cell, column) => {
        cells[column - 1] = cellContent(cell.value, cell.numFmt);
      });
      yield { row: row.number, cells: Array.from(cells, (cell) => cell ?? BLANK) };
    }
    return;
  }
}

const BLANK: CellContent = { kind: 'blank' };
