import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Indicator } from '../model.ts';
import { formatDecimal } from '../numbers/decimal.ts';
import { evaluateWorkbook } from '../scoring/evaluate-workbook.ts';
import { configureScheme } from '../scoring/scheme.ts';
import { evaluate } from '../scoring/score.ts';
import { buildIndicator, buildInput, dec } from '../testing/factories.ts';
import { parseWorkbookJson } from '../workbook/parse.ts';
import { buildReportModel } from './build.ts';
import { reportText } from './model.ts';
import { chineseDate, chineseNumber, indicatorSentence, punctuateList } from './sentence.ts';

function report(path: string) {
  const parsed = parseWorkbookJson(readFileSync(new URL(`../../../../examples/${path}`, import.meta.url), 'utf8'));
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  const { evaluation } = evaluateWorkbook(parsed.value);
  return { input: parsed.value.input, model: buildReportModel(parsed.value.input, evaluation) };
}

/** Golden files are reviewed like code; regenerate with UPDATE_GOLDEN=1 after an intended change. */
function expectGolden(name: string, actual: string) {
  const file = new URL(`./${name}.golden.txt`, import.meta.url);
  if (process.env.UPDATE_GOLDEN === '1' || !existsSync(file)) writeFileSync(file, `${actual}\n`);
  expect(actual).toBe(readFileSync(file, 'utf8').replace(/\n$/, ''));
}

describe('the Panyu report', () => {
  const { input, model } = report('panyu-2024/panyu-2024.json');
  const text = reportText(model);

  it('matches the reviewed golden text', () => {
    expectGolden('panyu-2024', text);
  });

  it('contains every goal, and every indicator with its target and actual', () => {
    for (const goal of input.goals) expect(text).toContain(goal.text);
    for (const indicator of input.indicators) {
      expect(text).toContain(indicator.name);
      if (indicator.target) expect(text).toContain(`${formatDecimal(indicator.target)}${indicator.unit ?? ''}`);
      if (indicator.actual) expect(text).toContain(`${formatDecimal(indicator.actual)}${indicator.unit ?? ''}`);
    }
  });

  it('follows the reference structure, header to appendix', () => {
    const headings = model.blocks
      .filter((block) => block.type === 'heading' && block.level < 3)
      .map((block) => (block.type === 'heading' ? block.text : ''));
    expect(headings).toEqual([
      '一、绩效自评情况',
      '（一）部门整体支出绩效目标',
      '（二）自评结论',
      '（三）履职效能分析',
      '（四）管理效率分析',
      '二、存在的主要问题',
      '三、下一步改进措施',
    ]);
    expect(model.blocks[1]).toEqual({
      type: 'fields',
      rows: [
        ['部门名称', '广州市番禺区科技工业商务和信息化局（公章）'],
        ['所属下级预算单位数量', '6个'],
        ['填报人', '吴晓东'],
        ['联系电话', '020-34611158'],
        ['填报日期', '2025年6月20日'],
      ],
    });
    expect(text).toContain('部门整体绩效自评分值为99.52分，评价等级为“优”。');
    expect(text).toContain('（1）产业扶持资金促进企业产生工业投资不少于20亿元，实际推动汽车产业相关企业完成工业投资23.39亿元；');
    expect(model.meta).toEqual({
      organisation: '广州市番禺区科技工业商务和信息化局',
      fiscalYear: 2024,
      kind: 'department',
      total: '99.52',
      grade: '优',
    });
  });

  it('marks illustrative figures', () => {
    expect(text).toContain('注：标注“*”的数据为示例数据，并非来自原始资料。');
    expect(text).toContain('预算执行率95.47%*（目标≥100%）');
  });
});

describe('the project report', () => {
  const { model } = report('project-2024/digital-training-2024.json');
  const text = reportText(model);

  it('matches the reviewed golden text', () => {
    expectGolden('digital-training-2024', text);
  });

  it('shows computed and adjusted totals and the not-applicable indicator', () => {
    expect(text).toContain('按评分规则计算得分为92.13分，经评价人调整后项目绩效自评分值为91.08分，评价等级为“优”。');
    expect(text).toContain('企业上云服务券发放家数不少于200家，本年度不适用');
    expect(text).toContain('9.00（计算10.00）');
  });
});

describe('sentences', () => {
  it.each([
    ['投资不少于20亿元，实际完成23.39亿元', { direction: '>=', target: dec('20'), actual: dec('23.39'), unit: '亿元' }],
    ['投资不低于90%，实际完成95.47%', { direction: '>=', target: dec('90'), actual: dec('95.47'), unit: '%' }],
    ['投资超过2500亿元，实际完成2684亿元', { direction: '>', target: dec('2500'), actual: dec('2684'), unit: '亿元' }],
    ['投资不超过3个工作日，实际为3个工作日', { direction: '<=', target: dec('3'), actual: dec('3'), unit: '个工作日' }],
    ['投资低于0%，实际为-45.81%', { direction: '<', target: dec('0'), actual: dec('-45.81'), unit: '%' }],
    ['投资达到100%，实际完成100%', { direction: '=', target: dec('100'), actual: dec('100'), unit: '%' }],
    ['投资不少于20亿元，实际完成值未填报', { direction: '>=', target: dec('20'), actual: undefined, unit: '亿元' }],
    [
      '投资：明显改善，有所改善',
      { direction: 'qualitative', target: undefined, actual: undefined, targetText: '明显改善', actualText: '有所改善' },
    ],
    ['投资控制在3个工作日内，实际3个工作日内', { direction: '<=', targetText: '控制在3个工作日内', actualText: '实际3个工作日内' }],
  ] as const)('%s', (sentence, overrides) => {
    expect(indicatorSentence(buildIndicator({ name: '投资', ...overrides }))).toBe(sentence);
  });

  it('formats dates, numbers and lists the 公文 way', () => {
    expect(chineseDate('2025-06-20')).toBe('2025年6月20日');
    expect([1, 4, 10, 12, 20, 23].map(chineseNumber)).toEqual(['一', '四', '十', '十二', '二十', '二十三']);
    expect(punctuateList(['甲。', '乙；', '丙'])).toEqual(['甲；', '乙；', '丙。']);
  });
});

describe('the report reads as an official document', () => {
  it.each([['panyu-2024/panyu-2024.json'], ['project-2024/digital-training-2024.json']])(
    '%s: no working wording, no internal rule id, and the basis cites 财预〔2020〕10号',
    (path) => {
      const text = reportText(report(path).model);
      for (const phrase of ['系统校验', '可配置', '精确小数运算', '§', '[S]', '[I]', 'missing-actual', 'weights.even-split']) {
        expect(text).not.toContain(phrase);
      }
      // The project's own account of the rules is for developers; a report never names it.
      expect(text).not.toMatch(/rules\.md/);
      expect(text).toContain('（财预〔2020〕10号）');
    },
  );
});

describe('the score table of a form with an approved 调整指标值', () => {
  const tableHeader = (input: ReturnType<typeof buildInput>) => {
    const lines = reportText(buildReportModel(input, evaluate(input, configureScheme('mof-2020-project')))).split('\n');
    const header = lines.findIndex((line) => line.startsWith('一级指标\t'));
    return { header: lines[header], first: lines[header + 1] };
  };

  it('shows 原指标值 and 调整后指标值 side by side', () => {
    const base = buildInput();
    const [first, ...rest] = base.indicators;
    const input = {
      ...base,
      indicators: [{ ...(first as Indicator), name: '新建充电桩', adjustedTarget: dec('80'), actual: dec('80') }, ...rest],
    };
    const { header, first: row } = tableHeader(input);
    expect(header).toBe('一级指标\t二级指标\t三级指标\t原指标值\t调整后指标值\t实际值\t分值\t得分\t偏差原因');
    expect(row).toBe('产出指标\t数量指标\t新建充电桩\t≥100个\t≥80个\t80个\t12.50\t12.50\t');
  });

  it('keeps the one 目标值 column when no adjustment was approved', () => {
    expect(tableHeader(buildInput()).header).toBe('一级指标\t二级指标\t三级指标\t目标值\t实际值\t分值\t得分\t偏差原因');
  });
});
