import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { zhErrorMap } from '../validation/zh-errors.ts';
import { workbookJsonSchema } from './json-schema.ts';
import { parseWorkbook, parseWorkbookJson } from './parse.ts';

const example = (path: string) => JSON.parse(readFileSync(new URL(`../../../../examples/${path}`, import.meta.url), 'utf8'));
const panyu = () => example('panyu-2024/panyu-2024.json');

function issuesOf(mutate: (workbook: ReturnType<typeof panyu>) => void) {
  const workbook = panyu();
  mutate(workbook);
  const result = parseWorkbook(workbook);
  if (result.ok) throw new Error('expected the workbook to be refused');
  return result.issues;
}

describe('the evaluation workbook', () => {
  it('parses both examples into exact domain values', () => {
    const result = parseWorkbook(panyu());
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    const { input } = result.value;
    expect(input.indicators).toHaveLength(22);
    expect(input.budget.adjusted).toBe(320_000_000_00);
    expect(input.indicators[0]?.actual).toEqual({ units: 2339n, scale: 2 });
    expect(input.organisation.subordinateUnitCount).toBe(6);
    expect(parseWorkbook(example('project-2024/digital-training-2024.json')).ok).toBe(true);
  });

  it('names the JSON path, the indicator by id and name, the value read and why, for every problem at once', () => {
    const issues = issuesOf((workbook) => {
      workbook.indicators[3].target = '九十';
      workbook.budget.executed = 300800000.5;
      workbook.budget.initial = '1.005';
      workbook.organisation.filledOn = '2025/6/20';
      delete workbook.organisation.preparer;
      workbook.indicators[0].direction = '≥';
      workbook.indicators[1].weight = '-1';
    });
    expect(issues.map(({ path, message }) => ({ path, message }))).toEqual(
      expect.arrayContaining([
        {
          path: 'indicators[3].target',
          message: '指标 G1-4“补贴或奖励资金及时足额率”的目标值：读到“九十”，应为数字，如 "23.39" 或 "-4.53"',
        },
        {
          path: 'budget.executed',
          message: '全年执行数：读到数字 300800000.5，金额请写成带引号的文本（元），如 "300800000.50"，以免小数失真',
        },
        { path: 'budget.initial', message: '年初预算数：读到“1.005”，金额最多两位小数（元，精确到分）；系统不做四舍五入，请核对后重填' },
        { path: 'organisation.filledOn', message: '填报日期：应为日期，格式 YYYY-MM-DD；读到“2025/6/20”，请写作 "2025-06-20"' },
        { path: 'organisation.preparer', message: '填报人：必填' },
        { path: 'indicators[0].direction', message: '指标 G1-1“产业扶持资金促进企业产生工业投资”的方向：读到“≥”，请写作 ">="' },
        { path: 'indicators[1].weight', message: '指标 G1-2“推动全区规上工业总产值”的分值：读到“-1”，分数不能为负数' },
      ]),
    );
    expect(issues).toHaveLength(7);
  });

  it('keeps the reason apart from the place, for readers that name the place themselves (an .xlsx cell)', () => {
    const [issue] = issuesOf((workbook) => {
      workbook.indicators[3].target = '九十';
    });
    expect(issue?.reason).toBe('读到“九十”，应为数字，如 "23.39" 或 "-4.53"');
  });

  it('refuses duplicate ids, misfiled levels, unknown fields and a project without its project', () => {
    const issues = issuesOf((workbook) => {
      workbook.indicators[1].id = workbook.indicators[0].id;
      workbook.indicators[2].level2 = 'economic';
      workbook.indicators[4].colour = 'red';
      workbook.kind = 'project';
    });
    expect(issues.map(({ path, message }) => ({ path, message }))).toEqual(
      expect.arrayContaining([
        { path: 'indicators[1]', message: '指标 G1-1“推动全区规上工业总产值”：指标编号“G1-1”与第 1 项重复' },
        {
          path: 'indicators[2].level2',
          message: '指标 G1-3“企业技术改造项目备案审批办理”的二级指标：二级指标 economic 不属于一级指标 output',
        },
        { path: 'indicators[4]', message: '指标 G1-5“项目资金成本控制”：不认识的字段：colour（请检查拼写）' },
        { path: 'project', message: '项目信息：项目支出自评必须填写项目信息' },
      ]),
    );
  });

  it('requires a reason for every adjustment', () => {
    const issues = issuesOf((workbook) => {
      workbook.indicators[0].adjustment = { score: '1' };
    });
    expect(issues.map(({ path, message }) => ({ path, message }))).toEqual([
      { path: 'indicators[0].adjustment.reason', message: '指标 G1-1“产业扶持资金促进企业产生工业投资”的评价人调整理由：必填' },
    ]);
  });
});

describe('each message says what was read and how to write it', () => {
  const G14 = '指标 G1-4“补贴或奖励资金及时足额率”';
  it.each<[string, (workbook: ReturnType<typeof panyu>) => void, string, string]>([
    [
      'a target with its wording',
      (w) => {
        w.indicators[3].target = '不少于20亿元';
      },
      'indicators[3].target',
      `${G14}的目标值：读到“不少于20亿元”，这一栏只填数字。请把方向填 ">="，数值填 "20"，单位填 "亿元"`,
    ],
    [
      'a target with a trailing 以上',
      (w) => {
        w.indicators[3].target = '90％以上';
      },
      'indicators[3].target',
      `${G14}的目标值：读到“90％以上”，这一栏只填数字。请把方向填 ">="，数值填 "90"，单位填 "%"`,
    ],
    [
      'a time limit',
      (w) => {
        w.indicators[3].target = '控制在3个工作日内';
      },
      'indicators[3].target',
      `${G14}的目标值：读到“控制在3个工作日内”，这一栏只填数字。请把方向填 "<="，数值填 "3"，单位填 "个工作日"`,
    ],
    [
      'a number with its unit',
      (w) => {
        w.indicators[3].actual = '20亿元';
      },
      'indicators[3].actual',
      `${G14}的实际完成值：读到“20亿元”，这一栏只填数字。请把数值填 "20"，单位填 "亿元"`,
    ],
    [
      'a number in words',
      (w) => {
        w.indicators[3].actual = '九十';
      },
      'indicators[3].actual',
      `${G14}的实际完成值：读到“九十”，应为数字，如 "23.39" 或 "-4.53"`,
    ],
    [
      'a direction in words',
      (w) => {
        w.indicators[3].direction = '不超过';
      },
      'indicators[3].direction',
      `${G14}的方向：读到“不超过”，请写作 "<="`,
    ],
    [
      'a direction written as 定性',
      (w) => {
        w.indicators[3].direction = '定性';
      },
      'indicators[3].direction',
      `${G14}的方向：读到“定性”，请写作 "qualitative"`,
    ],
    [
      'a direction holding the whole target',
      (w) => {
        w.indicators[3].direction = '≥95%';
      },
      'indicators[3].direction',
      `${G14}的方向：读到“≥95%”：方向填 ">="，目标值填 "95"，单位填 "%"`,
    ],
    [
      'an unknown direction',
      (w) => {
        w.indicators[3].direction = '约';
      },
      'indicators[3].direction',
      `${G14}的方向：读到“约”，应为 ">="、">"、"<="、"<"、"=" 或 "qualitative"（定性）之一`,
    ],
    [
      'a weight with three decimals',
      (w) => {
        w.indicators[3].weight = '2.345';
      },
      'indicators[3].weight',
      `${G14}的分值：读到“2.345”，分数最多两位小数（如 "2.31"），系统不做四舍五入，请核对后重填`,
    ],
    [
      'a weight in words',
      (w) => {
        w.indicators[3].weight = '五';
      },
      'indicators[3].weight',
      `${G14}的分值：读到“五”，应为不小于 0、最多两位小数的分数，如 "5" 或 "2.31"`,
    ],
    [
      'yes as text',
      (w) => {
        w.indicators[3].notApplicable = '是';
      },
      'indicators[3].notApplicable',
      `${G14}的不适用：应为是/否，读到“是”；请写作 true（是）或 false（否），不加引号`,
    ],
    [
      'an amount with grouping commas',
      (w) => {
        w.budget.adjusted = '320,000,000.00';
      },
      'budget.adjusted',
      '全年预算数：读到“320,000,000.00”，请写作 "320000000.00"（只填数字，单位为元，不加分隔符）',
    ],
    [
      'an amount in 万元',
      (w) => {
        w.budget.adjusted = '32000万元';
      },
      'budget.adjusted',
      '全年预算数：读到“32000万元”，金额以元为单位，请换算成元后只填数字，如 "1234.56"',
    ],
    [
      'a year in quotes',
      (w) => {
        w.fiscalYear = '2024';
      },
      'fiscalYear',
      '预算年度：应为数字，读到“2024”；请去掉引号，写作 2024',
    ],
    [
      'a date in Chinese',
      (w) => {
        w.organisation.filledOn = '2025年6月20日';
      },
      'organisation.filledOn',
      '填报日期：应为日期，格式 YYYY-MM-DD；读到“2025年6月20日”，请写作 "2025-06-20"',
    ],
    [
      'an unknown kind',
      (w) => {
        w.kind = 'dept';
      },
      'kind',
      '评价类型：应为以下之一：department、project，读到“dept”',
    ],
    [
      'an indicator without an id, named by position',
      (w) => {
        w.indicators[3].id = '';
      },
      'indicators[3].id',
      '第 4 个指标“补贴或奖励资金及时足额率”的编号：不能为空',
    ],
    [
      'a goal by its id',
      (w) => {
        w.goals[0].text = '';
      },
      'goals[0].text',
      '目标 G1 的目标内容：不能为空',
    ],
    [
      'a 管理效率 entry by its code',
      (w) => {
        w.management[0].weight = 'x';
      },
      'management[0].weight',
      `管理效率项目 ${panyu().management[0].code} 的分值：读到“x”，应为不小于 0、最多两位小数的分数，如 "5" 或 "2.31"`,
    ],
  ])('%s', (_, mutate, path, message) => {
    expect(issuesOf(mutate).map((issue) => ({ path: issue.path, message: issue.message }))).toEqual([{ path, message }]);
  });

  it.each<[string, string, string]>([
    ['90％', '90', 'a full-width percent sign'],
    ['１２３．５', '123.5', 'full-width digits'],
    ['1,234', '1234', 'grouping commas'],
    ['95.47%', '95.47', 'a percent sign'],
  ])('accepts %s as %s (%s), as the .xlsx reader does', (written, value) => {
    const workbook = panyu();
    workbook.indicators[3].actual = written;
    const result = parseWorkbook(workbook);
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    const parsed = parseWorkbook({
      ...panyu(),
      indicators: panyu().indicators.map((row: object, i: number) => (i === 3 ? { ...row, actual: value } : row)),
    });
    if (!parsed.ok) throw new Error('the canonical value is refused');
    expect(result.value.input.indicators[3]?.actual).toEqual(parsed.value.input.indicators[3]?.actual);
  });

  it('accepts a weight written as ５分', () => {
    const workbook = panyu();
    workbook.indicators[3].weight = '５分';
    const result = parseWorkbook(workbook);
    expect(result.ok && result.value.input.indicators[3]?.weight).toBe(500);
  });
});

describe('parsing JSON text', () => {
  it('the messages shared with the API do not repeat the value read: it may be a password', () => {
    const result = z.string().min(12).safeParse('hunter2', { error: zhErrorMap });
    expect(result.error?.issues.map((issue) => issue.message)).toEqual(['至少 12 个字符']);
  });

  it('reports JSON syntax errors', () => {
    const result = parseWorkbookJson('{"format": ');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues[0]?.message).toMatch(/^不是有效的 JSON：/);
  });

  it('publishes a JSON Schema that matches the zod schema (run scripts/generate-schema.ts after changing it)', () => {
    const committed = JSON.parse(readFileSync(new URL('../../../../docs/evaluation-workbook.schema.json', import.meta.url), 'utf8'));
    expect(committed).toEqual(workbookJsonSchema());
  });
});
