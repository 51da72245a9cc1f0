import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { PAYMENT_COLUMNS } from './columns.ts';
import { writeLedgerXlsx } from './ledger-xlsx.ts';
import { readLedgerRows } from './read-ledger.ts';

/** Enough Chinese text that many of the zip's 16 KiB chunks end inside a three-byte character. */
const ROWS = 6_000;
const purposeOf = (index: number) => `第${index}笔：番禺区中小企业数字化转型培训及服务券兑付（含“揭榜挂帅”配套）`;
const values = (index: number): Record<string, string> => ({
  unitCode: 'PY-KGSX-01',
  budgetLineCode: 'JB-1',
  payeeName: `广州市番禺区某某科技有限公司第${index}分公司`,
  amountFen: '1.00',
  invoiceNumber: `F${index}`,
  purpose: purposeOf(index),
  expenseType: '基本支出',
  paidOn: '2024-03-05',
});
const rows = Array.from({ length: ROWS }, (_, index) => PAYMENT_COLUMNS.map((column) => values(index)[column.key] ?? null));

describe('Chinese text split between zip chunks (exceljs #2063, #2084)', () => {
  it('reads inline strings (streaming writer) without a replacement character', async () => {
    const result = await readLedgerRows('payments', 'p.xlsx', await writeLedgerXlsx('payments', rows));
    expect(result.issues).toEqual([]);
    expect(result.rows.filter((row, index) => row.purpose !== purposeOf(index) || row.payeeName.includes('\ufffd'))).toEqual([]);
  });

  it('reads shared strings (Excel, LibreOffice) without a replacement character', async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('支付明细');
    sheet.addRow(PAYMENT_COLUMNS.map((column) => column.header));
    for (const row of rows) sheet.addRow(row);
    const result = await readLedgerRows('payments', 'p.xlsx', new Uint8Array(await book.xlsx.writeBuffer()));
    expect(result.issues).toEqual([]);
    expect(result.rows.filter((row, index) => row.purpose !== purposeOf(index))).toEqual([]);
  });
});
