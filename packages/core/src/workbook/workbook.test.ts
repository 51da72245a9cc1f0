import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
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

  it('names the JSON path and says why, in Chinese, for every problem at once', () => {
    const issues = issuesOf((workbook) => {
      workbook.indicators[3].target = '九十';
      workbook.budget.executed = 300800000.5;
      workbook.budget.initial = '1.005';
      workbook.organisation.filledOn = '2025/6/20';
      delete workbook.organisation.preparer;
      workbook.indicators[0].direction = '≥';
      workbook.indicators[1].weight = '-1';
    });
    expect(issues).toEqual(
      expect.arrayContaining([
        { path: 'indicators[3].target', message: '目标值：应为数字，如 "23.39" 或 "-4.53"' },
        { path: 'budget.executed', message: '全年执行数：应为文本' },
        { path: 'budget.initial', message: '年初预算数：应为金额文本（元），最多两位小数，如 "1234.56"' },
        { path: 'organisation.filledOn', message: '填报日期：应为日期，格式 YYYY-MM-DD' },
        { path: 'organisation.preparer', message: '填报人：必填' },
        { path: 'indicators[0].direction', message: '方向：应为以下之一：>=、>、<=、<、=、qualitative' },
        { path: 'indicators[1].weight', message: '分值：应为不小于 0、最多两位小数的分数，如 "5" 或 "2.31"' },
      ]),
    );
    expect(issues).toHaveLength(7);
  });

  it('refuses duplicate ids, misfiled levels, unknown fields and a project without its project', () => {
    const issues = issuesOf((workbook) => {
      workbook.indicators[1].id = workbook.indicators[0].id;
      workbook.indicators[2].level2 = 'economic';
      workbook.indicators[4].colour = 'red';
      workbook.kind = 'project';
    });
    expect(issues).toEqual(
      expect.arrayContaining([
        { path: 'indicators[1]', message: '绩效指标：指标编号“G1-1”与第 1 项重复' },
        { path: 'indicators[2].level2', message: '二级指标：二级指标 economic 不属于一级指标 output' },
        { path: 'indicators[4]', message: '绩效指标：不认识的字段：colour' },
        { path: 'project', message: '项目信息：项目支出自评必须填写项目信息' },
      ]),
    );
  });

  it('requires a reason for every adjustment', () => {
    const issues = issuesOf((workbook) => {
      workbook.indicators[0].adjustment = { score: '1' };
    });
    expect(issues).toEqual([{ path: 'indicators[0].adjustment.reason', message: '理由：必填' }]);
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
