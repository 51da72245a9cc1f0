import { type Block, chineseDate, parseDecimal } from '@jixiao/core';
import { renderDocx } from '../report/docx.ts';

/** One form of the report, as the server's form detail gives it (labels already in Chinese). */
export interface MonitoringReportForm {
  readonly title: string;
  readonly organisationName: string;
  readonly kind: 'project' | 'department';
  readonly lightLabel: string;
  readonly adjusted: string;
  readonly spent: string;
  readonly executionRate: string | null;
  readonly timeProgress: string;
  readonly budgetLightLabel: string;
  readonly budgetExplanation: string;
  readonly indicators: readonly {
    readonly level1: string;
    readonly name: string;
    readonly target: string;
    readonly actual: string;
    readonly forecast: string;
    readonly lightLabel: string;
    readonly light: string;
    readonly explanation: string;
    readonly reasons: string;
    readonly likelihood: string;
    readonly measures: string;
  }[];
  readonly warnings: readonly string[];
}

export interface MonitoringReportSheet {
  readonly departmentName: string;
  readonly taskTitle: string;
  readonly fiscalYear: number;
  readonly cutoffDate: string;
  readonly cutoffMonth: number;
  readonly forms: readonly MonitoringReportForm[];
}

const NEEDS_ACTION = new Set(['red', 'yellow']);

/** "52.50" → 52.5 for a chart bar; a missing rate draws nothing. */
function percentValue(text: string | null): number {
  const value = text === null ? null : parseDecimal(text);
  return value ? Number(value.units) / 10 ** value.scale : 0;
}

/**
 * 部门绩效运行监控报告 as .docx, in the structure finance bureaus ask for (财预〔2019〕136号 on 绩效运行监控):
 * 一、基本情况; 二、预算执行情况 with a chart of each project's 执行率 against 序时进度; 三、绩效目标实现情况;
 * 四、存在的问题及原因 (every red or yellow light with its explanation, and the consistency warnings);
 * 五、下一步措施 (the 纠偏措施 the units wrote). Laid out by the report renderer, so it prints like the 自评报告.
 */
export async function writeMonitoringReportDocx(sheet: MonitoringReportSheet): Promise<Uint8Array> {
  const month = sheet.cutoffMonth;
  const title = `${sheet.departmentName}${sheet.fiscalYear}年度绩效运行监控报告`;
  const projects = sheet.forms.filter((form) => form.kind === 'project');
  const flagged = sheet.forms.flatMap((form) => form.indicators.filter((row) => NEEDS_ACTION.has(row.light)).map((row) => ({ form, row })));
  const counts = new Map<string, number>();
  for (const form of sheet.forms) counts.set(form.lightLabel, (counts.get(form.lightLabel) ?? 0) + 1);
  const problems: Block[] = [
    ...sheet.forms
      .filter((form) => form.budgetLightLabel === '红灯' || form.budgetLightLabel === '黄灯')
      .map((form): Block => ({ type: 'paragraph', text: `${form.title}：预算执行${form.budgetLightLabel}。${form.budgetExplanation}` })),
    ...flagged.map(
      ({ form, row }): Block => ({
        type: 'paragraph',
        text: `${form.title}“${row.name}”：${row.lightLabel}。${row.explanation}${row.reasons ? `偏差原因：${row.reasons}。` : ''}`,
      }),
    ),
    ...sheet.forms.flatMap((form) => form.warnings.map((warning): Block => ({ type: 'paragraph', text: `${form.title}：${warning}` }))),
  ];
  const measures = flagged.filter(({ row }) => row.measures);
  const blocks: Block[] = [
    { type: 'title', text: title },
    {
      type: 'fields',
      rows: [
        ['主管部门', sheet.departmentName],
        ['监控任务', sheet.taskTitle],
        ['监控时点', `截至${chineseDate(sheet.cutoffDate)}`],
        ['监控范围', `项目 ${projects.length} 个、部门整体 ${sheet.forms.length - projects.length} 个`],
      ],
    },
    { type: 'heading', level: 1, text: '一、基本情况' },
    {
      type: 'paragraph',
      text: `按照${sheet.taskTitle}的要求，本部门对截至 ${month} 月底的预算执行和绩效目标实现情况开展了“双监控”，共填报绩效运行监控表 ${sheet.forms.length} 份。预警结果：${[...counts].map(([label, count]) => `${label} ${count} 份`).join('，')}。`,
    },
    { type: 'heading', level: 1, text: '二、预算执行情况' },
    {
      type: 'table',
      caption: `表1：截至 ${month} 月底预算执行情况（元）`,
      columns: [
        { title: '项目', width: 4 },
        { title: '调整预算数', width: 2, align: 'right' },
        { title: `1—${month}月支出数`, width: 2, align: 'right' },
        { title: '执行率', width: 1.2, align: 'right' },
        { title: '序时进度', width: 1.2, align: 'right' },
        { title: '预警', width: 1, align: 'center' },
      ],
      rows: sheet.forms.map((form) => [
        form.title,
        form.adjusted,
        form.spent,
        form.executionRate === null ? '—' : `${form.executionRate}%`,
        `${form.timeProgress}%`,
        form.budgetLightLabel,
      ]),
    },
    {
      type: 'chart',
      title: `图1：各项目执行率（%，序时进度 ${sheet.forms[0]?.timeProgress ?? '—'}%）`,
      bars: sheet.forms.map((form) => ({ label: form.title, value: percentValue(form.executionRate), max: 100 })),
    },
    { type: 'heading', level: 1, text: '三、绩效目标实现情况' },
    ...sheet.forms.flatMap((form, index): Block[] => [
      { type: 'heading', level: 2, text: `（${index + 1}）${form.title}` },
      {
        type: 'table',
        caption: `表${index + 2}：${form.title}绩效指标完成情况`,
        columns: [
          { title: '一级指标', width: 1.5 },
          { title: '三级指标', width: 3.5 },
          { title: '年度指标值', width: 2 },
          { title: `1—${month}月实际完成值`, width: 2 },
          { title: '全年预计完成值', width: 2 },
          { title: '预警', width: 1, align: 'center' },
          { title: '完成目标可能性', width: 1.5 },
        ],
        rows: form.indicators.map((row) => [row.level1, row.name, row.target, row.actual, row.forecast, row.lightLabel, row.likelihood]),
        mergeColumns: [0],
      },
    ]),
    { type: 'heading', level: 1, text: '四、存在的问题及原因' },
    ...(problems.length > 0
      ? problems
      : [{ type: 'paragraph' as const, text: '截至监控时点，预算执行和绩效目标均未发现需要预警的偏差。' }]),
    { type: 'heading', level: 1, text: '五、下一步措施' },
    ...(measures.length > 0
      ? measures.map(({ form, row }): Block => ({ type: 'paragraph', text: `${form.title}“${row.name}”：${row.measures}` }))
      : [{ type: 'paragraph' as const, text: '继续按计划推进项目实施和资金支付，按月跟踪绩效目标完成情况。' }]),
    {
      type: 'note',
      text: '说明：绩效运行监控依据《中央部门预算绩效运行监控管理暂行办法》（财预〔2019〕136号）开展；预警灯按本级监控规则表判定，预算执行看执行率与序时进度之比，绩效指标看实际完成值与按进度应完成值之比。',
    },
  ];
  return renderDocx({
    title,
    blocks,
    meta: { organisation: sheet.departmentName, fiscalYear: sheet.fiscalYear, kind: 'department', total: '', grade: '' },
  });
}
