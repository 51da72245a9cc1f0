import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { INSTRUCTIONS_SHEET, LEDGER_COLUMNS, LEDGER_SHEET, LEDGER_TITLE, type LedgerKind } from './columns.ts';
import type { LedgerIssue } from './issues.ts';

/** Excel's text format: codes keep their leading zeros and amounts stay exactly as typed. */
const TEXT_FORMAT = '@';
const DATE_FORMAT = 'yyyy-mm-dd';
const REQUIRED_FILL = 'FFFCE4D6';
const OPTIONAL_FILL = 'FFDDEBF7';

const GENERAL_RULES = [
  '第 1 行为列标题，不要修改；列的顺序可以调整，可选列可以删除。从第 2 行起每行一条记录，空行跳过。',
  '金额单位为元，最多两位小数（精确到分），不四舍五入；可写千分位逗号，不能写“万元”或中文数字。',
  '日期写 2024-03-05、2024/3/5 或 2024年3月5日，也可以用 Excel 的日期单元格。',
  '也可以导入 CSV（UTF-8 或财务软件导出的 GBK/GB18030 编码均可），列标题相同。',
  '导入前逐行检查全部内容；有任何问题则整份文件都不导入，并列出每个问题的行号、列和原因。',
];

/** The blank template of a ledger import: the data sheet (headers only) and a 填写说明 sheet from the same column table. */
export async function writeLedgerTemplate(kind: LedgerKind): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  book.creator = 'Jixiao 绩效';
  book.title = LEDGER_TITLE[kind];
  const columns = LEDGER_COLUMNS[kind];
  const sheet = book.addWorksheet(LEDGER_SHEET[kind], { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((column) => ({
    header: column.header,
    width: Math.max(14, column.header.length * 2 + 4),
    style: { numFmt: column.isDate ? DATE_FORMAT : TEXT_FORMAT },
  }));
  columns.forEach((column, index) => {
    const cell = sheet.getRow(1).getCell(index + 1);
    cell.font = { bold: true };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: column.required ? REQUIRED_FILL : OPTIONAL_FILL } };
    cell.note = column.hint;
  });

  const help = book.addWorksheet(INSTRUCTIONS_SHEET);
  help.columns = [
    { header: '列标题', width: 26 },
    { header: '是否必填', width: 10 },
    { header: '填写说明', width: 90 },
  ];
  help.getRow(1).font = { bold: true };
  for (const column of columns) help.addRow([column.header, column.required ? '必填' : '可选', column.hint]);
  help.addRow([]);
  for (const rule of GENERAL_RULES) help.addRow(['', '', rule]);
  return new Uint8Array(await book.xlsx.writeBuffer());
}

/** Every problem of a refused import as a workbook (行号, 列, 说明), for the person who fixes the file. */
export async function writeLedgerIssuesXlsx(issues: readonly LedgerIssue[], omitted: number): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  book.creator = 'Jixiao 绩效';
  const sheet = book.addWorksheet('错误清单', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = [
    { header: '行号', width: 8 },
    { header: '列', width: 30 },
    { header: '说明', width: 100 },
  ];
  sheet.getRow(1).font = { bold: true };
  for (const issue of issues) sheet.addRow([issue.row === 0 ? '整个文件' : issue.row, issue.column, issue.message]);
  if (omitted > 0) sheet.addRow(['', '', `另有 ${omitted} 处问题未列出（只保存前 ${issues.length} 处）；请先改正以上问题后重新导入`]);
  return new Uint8Array(await book.xlsx.writeBuffer());
}

export type LedgerCellValue = string | number | Date | null;

/**
 * A filled ledger file in the import's format (row 1 the headers, then one row each), written with
 * exceljs's streaming writer so 100,000 rows never sit in memory as a workbook. Numbers become
 * number cells and Dates date cells, as a spreadsheet program would save them.
 */
export async function writeLedgerXlsx(kind: LedgerKind, rows: readonly (readonly LedgerCellValue[])[]): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  const stream = new PassThrough();
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: false });
  const sheet = book.addWorksheet(LEDGER_SHEET[kind]);
  sheet.addRow(LEDGER_COLUMNS[kind].map((column) => column.header)).commit();
  for (const values of rows) {
    const row = sheet.addRow([...values]);
    values.forEach((value, index) => {
      if (value instanceof Date) row.getCell(index + 1).numFmt = 'yyyy-mm-dd';
    });
    row.commit();
  }
  sheet.commit();
  await book.commit();
  return new Uint8Array(Buffer.concat(chunks));
}
