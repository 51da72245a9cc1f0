import ExcelJS from 'exceljs';
import { type DeclarationSheet, declarationForm } from './declaration-form.ts';

const THIN: Partial<ExcelJS.Borders> = {
  top: { style: 'thin' },
  left: { style: 'thin' },
  bottom: { style: 'thin' },
  right: { style: 'thin' },
};
const WRAP: Partial<ExcelJS.Alignment> = { wrapText: true, vertical: 'middle' };
/** Label cells span two columns, as on the printed form. */
const LABEL_COLUMNS = 2;

/**
 * The 绩效目标申报表 as one worksheet in the printed form's layout: the title, the header block, the funds
 * in 万元, the goals, then the indicator table with 一级 / 二级 merged down. Every cell is text, so the
 * figures read back exactly as printed.
 */
export async function writeDeclarationXlsx(sheet: DeclarationSheet): Promise<Uint8Array> {
  const form = declarationForm(sheet);
  const book = new ExcelJS.Workbook();
  book.creator = 'Jixiao 绩效';
  const ws = book.addWorksheet(form.title, { pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1 } });
  const width = form.columns.length;
  ws.columns = form.columns.map((column) => ({ width: column.width }));
  let at = 0;
  const line = (cells: readonly string[], merges: readonly (readonly [from: number, to: number])[]) => {
    at += 1;
    const row = ws.getRow(at);
    for (const [index, [from, to]] of merges.entries()) {
      const cell = row.getCell(from);
      cell.value = cells[index] ?? '';
      if (to > from) ws.mergeCells(at, from, at, to);
      for (let column = from; column <= to; column += 1) {
        row.getCell(column).border = THIN;
        row.getCell(column).alignment = WRAP;
      }
    }
    return row;
  };
  const banner = (text: string, font: Partial<ExcelJS.Font>) => {
    const row = line([text], [[1, width]]);
    row.getCell(1).font = font;
    row.getCell(1).alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    for (let column = 1; column <= width; column += 1) row.getCell(column).border = {};
  };
  const field = (label: string, value: string) => {
    const row = line(
      [label, value],
      [
        [1, LABEL_COLUMNS],
        [LABEL_COLUMNS + 1, width],
      ],
    );
    row.getCell(1).font = { bold: true };
    const lines = value.split('\n').length + Math.floor(value.length / 120);
    if (lines > 1) row.height = 16 * lines;
  };

  banner(form.title, { bold: true, size: 16 });
  banner(form.subtitle, { size: 12 });
  if (form.note) banner(form.note, { bold: true, color: { argb: 'FFC00000' } });
  for (const [label, value] of form.header) field(label, value);
  const fundsTop = at + 1;
  for (const [label, value] of form.funds) {
    // The label column is merged over the three rows below, once they are written.
    const row = line(
      ['资金情况（万元）', label, value],
      [
        [1, 1],
        [LABEL_COLUMNS + 1, LABEL_COLUMNS + 2],
        [LABEL_COLUMNS + 3, width],
      ],
    );
    row.getCell(1).font = { bold: true };
  }
  ws.mergeCells(fundsTop, 1, at, LABEL_COLUMNS);
  for (const [label, value] of form.goals) field(label, value);
  banner('绩效指标', { bold: true, size: 12 });
  const head = line(
    form.columns.map((column) => column.title),
    form.columns.map((_, index) => [index + 1, index + 1] as const),
  );
  head.font = { bold: true };
  head.eachCell((cell) => {
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  });
  const first = at + 1;
  for (const cells of form.rows) {
    line(
      cells,
      cells.map((_, index) => [index + 1, index + 1] as const),
    );
  }
  mergeRuns(ws, first, at, [1, 2]);
  if (form.opinions.length > 0) field('审核意见', form.opinions.join('\n'));
  return new Uint8Array(await book.xlsx.writeBuffer());
}

/** Merges equal consecutive cells of the given columns, a column only within the runs of the one to its left. */
function mergeRuns(ws: ExcelJS.Worksheet, first: number, last: number, columns: readonly number[]): void {
  let bounds: [number, number][] = [[first, last]];
  for (const column of columns) {
    const next: [number, number][] = [];
    for (const [from, to] of bounds) {
      let start = from;
      for (let row = from + 1; row <= to + 1; row += 1) {
        const same = row <= to && String(ws.getCell(row, column).value ?? '') === String(ws.getCell(start, column).value ?? '');
        if (same) continue;
        if (row - 1 > start) ws.mergeCells(start, column, row - 1, column);
        next.push([start, row - 1]);
        start = row;
      }
    }
    bounds = next;
  }
}
