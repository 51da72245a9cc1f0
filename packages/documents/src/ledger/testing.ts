import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { LEDGER_COLUMNS, LEDGER_SHEET, type LedgerKind } from './columns.ts';

/** Test plumbing for the ledger reader: fixture files, GB18030 bytes, and small .csv / .xlsx files built from rows. */

export const fixture = (name: string) => new Uint8Array(readFileSync(new URL(`./fixtures/${name}`, import.meta.url)));

export const headersOf = (kind: LedgerKind) => LEDGER_COLUMNS[kind].map((column) => column.header);

let gb18030: Map<string, number[]> | undefined;

/**
 * Encodes text as GB18030 two-byte sequences (GBK's range; ASCII stays one byte), the way Chinese
 * finance software writes CSV. Node can decode GB18030 but not encode it, so the table is built by
 * decoding every two-byte sequence once.
 */
export function encodeGb18030(text: string): Uint8Array {
  if (!gb18030) {
    gb18030 = new Map();
    const decoder = new TextDecoder('gb18030');
    for (let lead = 0x81; lead <= 0xfe; lead += 1) {
      for (let trail = 0x40; trail <= 0xfe; trail += 1) {
        if (trail === 0x7f) continue;
        const char = decoder.decode(new Uint8Array([lead, trail]));
        if (char.length === 1 && char !== '\ufffd' && !gb18030.has(char)) gb18030.set(char, [lead, trail]);
      }
    }
  }
  const bytes: number[] = [];
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    if (code < 0x80) bytes.push(code);
    else {
      const pair = gb18030.get(char);
      if (!pair) throw new Error(`no GB18030 two-byte code for ${char}`);
      bytes.push(...pair);
    }
  }
  return new Uint8Array(bytes);
}

/** A CSV line per row; fields with a comma, quote or line break are quoted. */
export function csvText(rows: readonly (readonly (string | number)[])[], lineBreak = '\r\n'): string {
  const quote = (field: string | number) => {
    const text = String(field);
    return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
  };
  return rows.map((row) => row.map(quote).join(',')).join(lineBreak) + lineBreak;
}

export type XlsxValue = string | number | Date | null;

/** An .xlsx with the kind's sheet name and the given rows (row 1 = headers); dates become date cells. */
export async function xlsxOf(kind: LedgerKind, rows: readonly (readonly XlsxValue[])[]): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet(LEDGER_SHEET[kind]);
  for (const values of rows) {
    const row = sheet.addRow([...values]);
    values.forEach((value, index) => {
      if (value instanceof Date) row.getCell(index + 1).numFmt = 'yyyy-mm-dd';
    });
  }
  return new Uint8Array(await book.xlsx.writeBuffer());
}
