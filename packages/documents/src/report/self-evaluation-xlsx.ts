import type { SelfEvaluationTable } from '@jixiao/core';
import ExcelJS from 'exceljs';

const THIN: Partial<ExcelJS.Borders> = {
  top: { style: 'thin' },
  left: { style: 'thin' },
  bottom: { style: 'thin' },
  right: { style: 'thin' },
};

/**
 * 部门整体支出绩效自评表 / 项目支出绩效自评表 in the layout the MOF forms print (财预〔2020〕10号 附件):
 * the title and 年度, the header block (单位, 预算数 / 执行数 / 执行率 in 万元, 总体目标 and 完成情况), then
 * one row per 三级指标 with 年度指标值, 实际完成值, 分值, 得分 and 偏差原因分析及改进措施, and the total
 * row with the grade. Every cell is text, so each figure reads back exactly as published.
 */
/** One indicator line's cells in the table's column order (原/调整后指标值 both when any line was adjusted): the .xlsx and the PDF print the same. */
export function selfEvaluationCells(table: SelfEvaluationTable, line: SelfEvaluationTable['rows'][number]): string[] {
  return [
    line.level1,
    line.level2,
    line.name,
    line.target,
    ...(table.adjusted ? [line.adjustedTarget] : []),
    line.actual,
    line.weight,
    line.score,
    line.reason,
  ];
}

export async function writeSelfEvaluationXlsx(table: SelfEvaluationTable): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  book.creator = 'Jixiao 绩效';
  const ws = book.addWorksheet(table.title, {
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  const columns = [
    { title: '一级指标', width: 12 },
    { title: '二级指标', width: 14 },
    { title: '三级指标', width: 30 },
    { title: '年度指标值', width: 16 },
    ...(table.adjusted ? [{ title: '调整后指标值', width: 16 }] : []),
    { title: '实际完成值', width: 16 },
    { title: '分值', width: 8 },
    { title: '得分', width: 12 },
    { title: '偏差原因分析及改进措施', width: 36 },
  ];
  const width = columns.length;
  ws.columns = columns.map((column) => ({ width: column.width }));
  let at = 0;
  const style = (cell: ExcelJS.Cell, bold: boolean) => {
    cell.border = THIN;
    cell.alignment = { wrapText: true, vertical: 'middle' };
    if (bold) cell.font = { bold: true };
  };
  const row = (cells: readonly string[], bold = false) => {
    at += 1;
    const line = ws.getRow(at);
    cells.forEach((value, column) => {
      const cell = line.getCell(column + 1);
      cell.value = value;
      style(cell, bold);
    });
  };
  /** A label in the first two columns and its value across the rest, as the header block is printed. */
  const field = (label: string, value: string) => {
    at += 1;
    ws.mergeCells(at, 1, at, 2);
    ws.mergeCells(at, 3, at, width);
    const line = ws.getRow(at);
    line.getCell(1).value = label;
    line.getCell(3).value = value;
    for (let column = 1; column <= width; column += 1) style(line.getCell(column), column === 1);
  };
  const banner = (text: string, size: number) => {
    at += 1;
    ws.mergeCells(at, 1, at, width);
    const cell = ws.getRow(at).getCell(1);
    cell.value = text;
    cell.font = { bold: true, size };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  };

  banner(`${table.title}`, 16);
  banner(`（${table.fiscalYear}年度）`, 11);
  if (table.projectName !== null) field('项目名称', table.projectName);
  field(table.kind === 'department' ? '部门名称' : '实施单位', table.organisation);
  field(
    '预算执行情况（万元）',
    `全年预算数 ${table.budget.adjusted}（年初预算数 ${table.budget.initial}）；全年执行数 ${table.budget.executed}；执行率 ${table.budget.rate ?? '—'}`,
  );
  field('年度总体目标', table.goals.map((goal, index) => (table.goals.length > 1 ? `${index + 1}. ${goal}` : goal)).join('\n'));
  field('总体完成情况', table.completion);
  row(
    columns.map((column) => column.title),
    true,
  );
  for (const line of table.rows) row(selfEvaluationCells(table, line));
  row(['合计', '', '', '', ...(table.adjusted ? [''] : []), '', table.totalWeight, table.total, `评价等级：${table.grade}`], true);
  at += 1;
  ws.mergeCells(at, 1, at, width);
  ws.getRow(at).getCell(1).value =
    '注：计分规则与评价等级依据《财政部关于印发〈项目支出绩效评价管理办法〉的通知》（财预〔2020〕10号）；本表为公开时冻结的自评结果。';
  ws.getRow(at).getCell(1).alignment = { wrapText: true };
  return new Uint8Array(await book.xlsx.writeBuffer());
}
