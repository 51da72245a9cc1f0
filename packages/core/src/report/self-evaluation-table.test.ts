import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { evaluateWorkbook } from '../scoring/evaluate-workbook.ts';
import { parseWorkbookJson } from '../workbook/parse.ts';
import { buildReportModel } from './build.ts';
import { buildSelfEvaluationTable } from './self-evaluation-table.ts';

function table(path: string) {
  const parsed = parseWorkbookJson(readFileSync(new URL(`../../../../examples/${path}`, import.meta.url), 'utf8'));
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  const { evaluation } = evaluateWorkbook(parsed.value);
  return { input: parsed.value.input, evaluation, table: buildSelfEvaluationTable(parsed.value.input, evaluation) };
}

describe('the published self-evaluation table', () => {
  it('is the 部门整体支出绩效自评表 of the Panyu report, with its total, grade and header block', () => {
    const { input, table: sheet } = table('panyu-2024/panyu-2024.json');
    expect(sheet.title).toBe('部门整体支出绩效自评表');
    expect(sheet.organisation).toBe('广州市番禺区科技工业商务和信息化局');
    expect(sheet.projectName).toBeNull();
    expect(sheet.total).toBe('99.52');
    expect(sheet.grade).toBe('优');
    expect(sheet.goals).toEqual(input.goals.map((goal) => goal.text));
    expect(sheet.completion).toContain('99.52分');
    expect(sheet.budget.rate).toMatch(/%$/);
  });

  it('has the rows of the report’s 附表1, in the same order and wording', () => {
    const { input, evaluation, table: sheet } = table('panyu-2024/panyu-2024.json');
    const model = buildReportModel(input, evaluation);
    const appendix = model.blocks.find((block) => block.type === 'table' && block.caption.startsWith('附表1'));
    if (appendix?.type !== 'table') throw new Error('no 附表1');
    expect(sheet.rows.map((row) => [row.level1, row.level2, row.name, row.weight, row.score])).toEqual(
      appendix.rows.slice(0, -1).map((row) => [row[0], row[1], row[2], row.at(-3), row.at(-2)]),
    );
  });

  it('gives each 一级指标 its score against its weight in hundredths, adding up to the total', () => {
    const { evaluation, table: sheet } = table('project-2024/digital-training-2024.json');
    expect(sheet.title).toBe('项目支出绩效自评表');
    expect(sheet.projectName).not.toBeNull();
    for (const part of sheet.parts) {
      expect(Number.isInteger(part.score)).toBe(true);
      expect(part.score).toBeGreaterThanOrEqual(0);
      expect(part.score).toBeLessThanOrEqual(part.weight);
    }
    expect(sheet.parts.reduce((sum, part) => sum + part.weight, 0)).toBe(evaluation.totalWeight);
  });
});
