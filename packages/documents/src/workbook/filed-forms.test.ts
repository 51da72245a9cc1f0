import { readFileSync } from 'node:fs';
import { buildReportModel, evaluateWorkbook, formatPoints, parseWorkbook, type Workbook, type WorkbookJson } from '@jixiao/core';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { renderDocx } from '../report/docx.ts';
import { renderHtml } from '../report/html.ts';
import { editXlsx, exampleJson, sheetOf } from './testing.ts';
import { readWorkbookXlsx, writeWorkbookXlsx } from './xlsx.ts';

/**
 * A Guangdong-style project form with the columns filed forms carry (调整指标值, 得分系数, 是否核心指标,
 * graded qualitative targets, a task reported as 按期完成), in JSON and as a typed .xlsx.
 */
const fixture = (name: string) => new URL(`../../test/fixtures/${name}`, import.meta.url);
const formJson = () => JSON.parse(readFileSync(fixture('guangdong-style-project-2024.json'), 'utf8')) as WorkbookJson;

function parsed(json: WorkbookJson): Workbook {
  const result = parseWorkbook(json);
  if (!result.ok) throw new Error(JSON.stringify(result.issues, null, 2));
  return result.value;
}

async function readXlsx(bytes: Uint8Array): Promise<Workbook> {
  const result = await readWorkbookXlsx(bytes);
  if (!result.ok) throw new Error(JSON.stringify(result.issues, null, 2));
  return result.workbook;
}

describe('a filed provincial form', () => {
  const workbook = parsed(formJson());
  const { evaluation } = evaluateWorkbook(workbook);
  const item = (id: string) => evaluation.items.find((entry) => entry.id === id);

  it('reads the new fields from JSON', () => {
    const o1 = workbook.input.indicators[0];
    expect([o1?.adjustedTarget, o1?.scoreCoefficient, o1?.isCore]).toEqual([{ units: 1200n, scale: 0 }, { units: 1n, scale: 0 }, true]);
    // "按期完成" where a number is expected is kept as the actual's wording.
    expect(workbook.input.indicators[2]).toMatchObject({ actual: undefined, actualText: '按期完成' });
    expect(workbook.schemeOverrides.options?.qualitativeScales).toEqual([
      ['高', '较高', '一般', '低'],
      ['显著', '较显著', '一般', '不显著'],
      ['是', '否'],
    ]);
  });

  it('scores it as the form did: 95.30, every published score and coefficient agreeing', () => {
    expect(formatPoints(evaluation.total.final)).toBe('95.30');
    expect(evaluation.items.map((entry) => [entry.id, entry.final === null ? null : formatPoints(entry.final)])).toEqual([
      ['O1', '15.00'],
      ['O2', '9.80'],
      ['O3', '10.00'],
      ['O4', '15.00'],
      ['E1', '10.00'],
      ['E2', '6.00'],
      ['E3', '10.00'],
      ['S1', '10.00'],
      ['execution', '9.50'],
    ]);
    expect(evaluation.findings.filter((entry) => entry.severity === 'error')).toEqual([]);
    expect(item('O1')?.explanation.text).toBe('1260 ≥ 1200 → 满分 15.00');
    expect(item('E2')?.explanation.rule).toBe('qualitative.grade');
  });

  it('is refused by default where the form writes 按期完成 for a number', () => {
    const json = formJson();
    json.scheme = { id: 'mof-2020-project' };
    const codes = evaluateWorkbook(parsed(json)).evaluation.findings.map((entry) => entry.code);
    expect(codes).toContain('COMPLETION_WORD_ACTUAL');
  });

  it('catches a published coefficient that does not match the rules', () => {
    const json = formJson();
    const o2 = json.indicators[1] as Record<string, unknown>;
    o2.scoreCoefficient = '1';
    const messages = evaluateWorkbook(parsed(json)).evaluation.findings.map((entry) => entry.message);
    expect(messages).toContain('指标“充电设施验收合格率”填报得分 10.00 与按规则计算的 9.80 不符');
  });

  it('refuses a coefficient outside 0–1 when read, naming the indicator and the value', () => {
    const json = formJson();
    (json.indicators[1] as Record<string, unknown>).scoreCoefficient = '98';
    const result = parseWorkbook(json);
    expect(result.ok ? [] : result.issues.map((issue) => issue.message)).toEqual([
      '指标 O2“充电设施验收合格率”的得分系数：读到“98”，得分系数应在 0 到 1 之间，如 0.8 表示得分为分值的 80%',
    ]);
  });

  it('reports both targets in the table, and the adjusted one in the analysis', () => {
    const model = buildReportModel(workbook.input, evaluation);
    const html = renderHtml(model);
    expect(html).toContain('原指标值');
    expect(html).toContain('调整后指标值');
    expect(html).toContain('≥1500个');
    expect(html).toContain('≥1200个');
    expect(html).toContain('新建公共充电桩数量不少于1500个（调整为不少于1200个（2024年7月经市财政局批准调整））');
    // 是否核心指标 is not a column of the official tables the report reproduces.
    expect(html).not.toContain('核心指标');
  });

  it('prints both targets in the .docx table too', async () => {
    const zip = await JSZip.loadAsync(await renderDocx(buildReportModel(workbook.input, evaluation)));
    const document = (await zip.file('word/document.xml')?.async('string')) ?? '';
    expect(document).toContain('原指标值');
    expect(document).toContain('调整后指标值');
    expect(document).toContain('≥1200个');
  });

  it('reads the typed .xlsx (调整指标值 next to 目标值, numbers in number cells) as the same workbook', async () => {
    const fromXlsx = await readXlsx(new Uint8Array(readFileSync(fixture('guangdong-style-project-2024.xlsx'))));
    expect(fromXlsx).toEqual(workbook);
  });

  it('writes the fields to .xlsx and reads them back unchanged', async () => {
    expect(await readXlsx(await writeWorkbookXlsx(formJson()))).toEqual(workbook);
  });

  it('still reads a form without the optional columns (no adjustment approved, no coefficient)', async () => {
    const bytes = await editXlsx(await writeWorkbookXlsx(exampleJson('project')), (book) => {
      const ws = sheetOf(book, '绩效指标');
      const first = Array.from({ length: ws.columnCount }, (_, index) => ws.getCell(1, index + 1).text).indexOf('调整指标值');
      ws.spliceColumns(first + 1, 4);
    });
    expect(await readXlsx(bytes)).toEqual(parsed(exampleJson('project')));
  });
});
