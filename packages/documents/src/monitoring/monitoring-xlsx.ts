import ExcelJS from 'exceljs';

/** One form of the 绩效运行监控表 as printed: every figure already formatted by the caller. */
export interface MonitoringSheetForm {
  readonly title: string;
  readonly organisationName: string;
  readonly statusLabel: string;
  readonly lightLabel: string;
  readonly money: readonly {
    readonly source: string;
    readonly initial: string;
    readonly adjusted: string;
    readonly spent: string;
    readonly executionRate: string;
    readonly timeProgress: string;
    readonly forecast: string;
    readonly lightLabel: string;
  }[];
  readonly indicators: readonly {
    readonly level1: string;
    readonly level2: string;
    readonly name: string;
    readonly target: string;
    readonly actual: string;
    readonly forecast: string;
    readonly lightLabel: string;
    readonly reasons: string;
    readonly likelihood: string;
    readonly measures: string;
  }[];
}

export interface MonitoringSheet {
  readonly title: string;
  /** 截至 X 月底, as printed in the headings. */
  readonly cutoffMonth: number;
  readonly cutoffDate: string;
  readonly forms: readonly MonitoringSheetForm[];
}

const THIN: Partial<ExcelJS.Borders> = {
  top: { style: 'thin' },
  left: { style: 'thin' },
  bottom: { style: 'thin' },
  right: { style: 'thin' },
};
const WIDTH = 10;

/**
 * The 绩效运行监控表 of a task (or one department's forms), one worksheet per form in the layout of the
 * 一体化 systems: the header, the 资金 table per funding source, then the indicator table with the
 * deviation analysis. Every cell is text, so the figures read back exactly as shown.
 */
export async function writeMonitoringXlsx(sheet: MonitoringSheet): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  book.creator = 'Jixiao 绩效';
  const names = new Set<string>();
  for (const [index, form] of sheet.forms.entries()) {
    // Worksheet names: at most 31 characters, no []:*?/\ and unique.
    let name = `${index + 1} ${form.title}`.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31);
    while (names.has(name)) name = `${name.slice(0, 28)}_${names.size}`;
    names.add(name);
    const ws = book.addWorksheet(name, { pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1 } });
    ws.columns = [14, 12, 22, 14, 14, 14, 12, 12, 14, 30].map((width) => ({ width }));
    let at = 0;
    const row = (cells: readonly string[], bold = false) => {
      at += 1;
      const line = ws.getRow(at);
      cells.forEach((value, column) => {
        const cell = line.getCell(column + 1);
        cell.value = value;
        cell.border = THIN;
        cell.alignment = { wrapText: true, vertical: 'middle' };
        if (bold) cell.font = { bold: true };
      });
      return line;
    };
    const banner = (text: string, size = 12) => {
      at += 1;
      ws.mergeCells(at, 1, at, WIDTH);
      const cell = ws.getRow(at).getCell(1);
      cell.value = text;
      cell.font = { bold: true, size };
      cell.alignment = { horizontal: size > 12 ? 'center' : 'left', vertical: 'middle', wrapText: true };
    };
    banner(`绩效运行监控表（截至 ${sheet.cutoffMonth} 月底）`, 16);
    banner(
      `${sheet.title}　项目（部门）名称：${form.title}　填报单位：${form.organisationName}　状态：${form.statusLabel}　预警：${form.lightLabel}`,
    );
    banner('一、预算执行情况（元）');
    row(
      ['资金来源', '年初预算数', '调整预算数', `截至 ${sheet.cutoffMonth} 月底支出数`, '执行率', '序时进度', '全年预计执行数', '预警'],
      true,
    );
    for (const money of form.money)
      row([
        money.source,
        money.initial,
        money.adjusted,
        money.spent,
        money.executionRate,
        money.timeProgress,
        money.forecast,
        money.lightLabel,
      ]);
    banner('二、绩效指标完成情况');
    row(
      [
        '一级指标',
        '二级指标',
        '三级指标',
        '年度指标值',
        `1—${sheet.cutoffMonth} 月实际完成值`,
        '全年预计完成值',
        '预警',
        '偏差原因',
        '完成目标可能性',
        '纠偏措施',
      ],
      true,
    );
    for (const line of form.indicators)
      row([
        line.level1,
        line.level2,
        line.name,
        line.target,
        line.actual,
        line.forecast,
        line.lightLabel,
        line.reasons,
        line.likelihood,
        line.measures,
      ]);
    banner(`数据截至 ${sheet.cutoffDate}；支出数取自预算执行台账，预警规则见系统“预警规则”（依据财预〔2019〕136号开展双监控）。`, 10);
  }
  if (sheet.forms.length === 0) book.addWorksheet('监控表').getCell('A1').value = '所选范围内没有监控表';
  return new Uint8Array(await book.xlsx.writeBuffer());
}
