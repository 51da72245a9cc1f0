import { readFileSync } from 'node:fs';
import {
  buildReportModel,
  configureScheme,
  defaultSchemeFor,
  type Evaluation,
  evaluate,
  formatPoints,
  parseWorkbook,
  reportText,
  type Workbook,
  type WorkbookJson,
} from '@jixiao/core';
import { describe, expect, it } from 'vitest';
import { repoUrl } from './testing.ts';
import { readWorkbookXlsx } from './xlsx.ts';

/**
 * Fixture forms laid out as other provinces print them (examples/forms, docs/scoring.md 各地表格): each
 * reads the same from its JSON and from its .xlsx (written by scripts/build-example-workbooks.ts), is
 * scored, checked and reported.
 */
const FORMS = {
  flat: 'examples/forms/flat-county-2024',
  free: 'examples/forms/free-levels-2024',
  sources: 'examples/forms/funding-sources-2024',
  department: 'examples/forms/department-own-items-2024',
} as const;

type FormName = keyof typeof FORMS;

function fromJson(name: FormName): Workbook {
  const parsed = parseWorkbook(JSON.parse(readFileSync(repoUrl(`${FORMS[name]}.json`), 'utf8')) as WorkbookJson);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues, null, 2));
  return parsed.value;
}

function scored(workbook: Workbook): { evaluation: Evaluation; report: string } {
  const scheme = configureScheme(workbook.schemeId ?? defaultSchemeFor(workbook.input.kind), workbook.schemeOverrides);
  const evaluation = evaluate(workbook.input, scheme);
  return { evaluation, report: reportText(buildReportModel(workbook.input, evaluation)) };
}

const summary = (evaluation: Evaluation) => ({
  total: formatPoints(evaluation.total.final),
  grade: evaluation.grade.final,
  parts: evaluation.parts.map((part) => `${part.label} ${formatPoints(part.final)}/${formatPoints(part.weight)}`),
  findings: evaluation.findings.map((entry) => entry.code),
});

describe('forms of other provinces', () => {
  it.each(Object.keys(FORMS) as FormName[])('the %s form reads the same from its .xlsx as from its JSON', async (name) => {
    const result = await readWorkbookXlsx(new Uint8Array(readFileSync(repoUrl(`${FORMS[name]}.xlsx`))));
    if (!result.ok) throw new Error(JSON.stringify(result.issues, null, 2));
    expect(result.workbook).toEqual(fromJson(name));
  });

  it('a flat county form: 90 points over indicators without levels, coverage not judged, a published mistake caught', () => {
    const { evaluation, report } = scored(fromJson('flat'));
    expect(summary(evaluation)).toEqual({
      total: '98.90',
      grade: '优',
      parts: ['绩效指标 89.29/90.00', '预算执行率 9.61/10.00'],
      findings: ['COVERAGE_NOT_CHECKED', 'SCORE_MISMATCH'],
    });
    expect(report).toContain('设置了5个绩效指标');
    expect(report).toContain('绩效指标完成情况');
    expect(report).toContain('绩效指标\t—\t路面技术状况优良率');
  });

  it('a form whose levels share the 90 points freely: each level weighs the sum of its indicators', () => {
    const { evaluation } = scored(fromJson('free'));
    expect(summary(evaluation)).toEqual({
      total: '99.00',
      grade: '优',
      parts: ['产出指标 60.00/60.00', '效益指标 19.00/20.00', '满意度指标 10.00/10.00', '预算执行率 10.00/10.00'],
      findings: [],
    });
  });

  it('a form with the four funding sources: execution on the total, each source shown with its rate', () => {
    const workbook = fromJson('sources');
    expect(workbook.input.budget).toMatchObject({ initial: 7_500_000_00, adjusted: 8_200_000_00, executed: 7_812_000_00 });
    const { evaluation, report } = scored(workbook);
    expect(evaluation.items.find((item) => item.kind === 'execution')?.completionPercent).toBe('95.27%');
    expect(summary(evaluation).findings).not.toContain('FUNDING_SOURCE_SUM_MISMATCH');
    expect(summary(evaluation).findings).not.toContain('ITEM_SCORE_MISMATCH');
    expect(report).toContain(
      [
        '预算资金执行情况（万元）',
        '资金来源\t年初预算数\t全年预算数\t全年执行数\t执行率',
        '年度资金总额\t750.00\t820.00\t781.20\t95.27%',
        '本年财政拨款\t600.00\t650.00\t639.20\t98.34%',
        '财政专户管理资金\t100.00\t100.00\t80.00\t80.00%',
        '单位资金\t50.00\t50.00\t50.00\t100.00%',
        '其他资金\t0.00\t20.00\t12.00\t60.00%',
      ].join('\n'),
    );
  });

  it('a department form with its own 管理效率 items as rates, its own grade floor, and the published scores agreeing', () => {
    const { evaluation, report } = scored(fromJson('department'));
    expect(summary(evaluation)).toEqual({
      total: '99.16',
      grade: '优',
      parts: ['产出指标 30.00/30.00', '效益指标 20.00/20.00', '满意度指标 10.00/10.00', '管理效率 39.16/40.00'],
      findings: [],
    });
    const management = evaluation.items.filter((item) => item.kind === 'management');
    expect(management.map((item) => [item.name, item.actual, formatPoints(item.final ?? 0)])).toEqual([
      ['预算执行率', '96.31%', '9.63'],
      ['结转结余率', '3.83%', '5.00'],
      ['政府采购执行率', '97.75%', '4.89'],
      ['资金支付及时足额率', '95.47%', '7.64'],
      ['部门成本控制率', '-4.53%', '6.00'],
      ['审计整改资金到位率', '100.00%', '6.00'],
    ]);
    expect(report).toContain('资金支付及时足额率95.47%（目标≥100%），得7.64分（分值8.00分），主要原因是个别项目验收滞后，支付顺延');
  });
});
