import ExcelJS from 'exceljs';

export interface SurveySheet {
  readonly name: string;
  readonly headers: readonly string[];
  readonly rows: readonly (readonly (string | number | null)[])[];
  /** Column widths in characters, by position; 14 when absent. */
  readonly widths?: readonly number[] | undefined;
}

/**
 * A survey's tables as one .xlsx: every response (one column per question), or the printable list of
 * invitation codes. Headers bold and frozen; cells are text or numbers as given, never formulas.
 */
export async function writeSurveyXlsx(sheets: readonly SurveySheet[]): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  for (const sheet of sheets) {
    const worksheet = workbook.addWorksheet(sheet.name, { views: [{ state: 'frozen', ySplit: 1 }] });
    worksheet.columns = sheet.headers.map((header, index) => ({ header, width: sheet.widths?.[index] ?? 14 }));
    worksheet.getRow(1).font = { bold: true };
    for (const row of sheet.rows) worksheet.addRow([...row]);
  }
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
