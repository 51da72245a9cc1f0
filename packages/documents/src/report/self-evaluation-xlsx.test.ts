import { readFileSync } from 'node:fs';
import { buildSelfEvaluationTable, evaluateWorkbook, parseWorkbookJson, type SelfEvaluationTable } from '@jixiao/core';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { docxToPdfText, isLibreOfficeSkipped } from '../testing/libreoffice.ts';
import { writeSelfEvaluationXlsx } from './self-evaluation-xlsx.ts';

function exampleTable(path: string): SelfEvaluationTable {
  const parsed = parseWorkbookJson(readFileSync(new URL(`../../../../examples/${path}`, import.meta.url), 'utf8'));
  if (!parsed.ok) throw new Error(`${path} is not a valid workbook`);
  return buildSelfEvaluationTable(parsed.value.input, evaluateWorkbook(parsed.value).evaluation);
}

/** Each row's cells as text, a merged range once. */
async function rowsOf(bytes: Uint8Array): Promise<string[][]> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes.buffer as ArrayBuffer);
  const rows: string[][] = [];
  book.worksheets[0]?.eachRow((row) => {
    const cells: string[] = [];
    row.eachCell((cell) => {
      if (!cell.isMerged || cell.master === cell) cells.push(String(cell.value ?? ''));
    });
    rows.push(cells);
  });
  return rows;
}

const TIMEOUT_MS = 300_000;
const squash = (text: string) => text.replace(/\s+/gu, '');

describe('部门整体 / 项目支出绩效自评表 (.xlsx)', () => {
  it('reads back with the header block, every indicator row exactly and the total with its grade', async () => {
    const table = exampleTable('panyu-2024/panyu-2024.json');
    const rows = await rowsOf(await writeSelfEvaluationXlsx(table));
    expect(rows[0]).toEqual(['部门整体支出绩效自评表']);
    expect(rows[1]).toEqual(['（2024年度）']);
    expect(rows[2]).toEqual(['部门名称', '广州市番禺区科技工业商务和信息化局']);
    expect(rows[3]?.[1]).toContain(`执行率 ${table.budget.rate}`);
    expect(rows.find((row) => row[0] === '年度总体目标')?.[1]).toContain(table.goals[0]);
    const header = rows.findIndex((row) => row[0] === '一级指标');
    expect(rows[header]).toEqual([
      '一级指标',
      '二级指标',
      '三级指标',
      '年度指标值',
      '实际完成值',
      '分值',
      '得分',
      '偏差原因分析及改进措施',
    ]);
    const body = rows.slice(header + 1, header + 1 + table.rows.length);
    expect(body.map((row) => [row[2], row[5], row[6]])).toEqual(table.rows.map((row) => [row.name, row.weight, row.score]));
    expect(rows[header + 1 + table.rows.length]).toEqual(['合计', '', '', '', '', '100.00', '99.52', '评价等级：优']);
  });

  it('prints 调整后指标值 beside the original when a target was adjusted, and the project name for a project', async () => {
    const base = exampleTable('project-2024/digital-training-2024.json');
    const first = base.rows[0];
    if (!first) throw new Error('no rows');
    const table = { ...base, adjusted: true, rows: [{ ...first, adjustedTarget: '≥10期' }, ...base.rows.slice(1)] };
    const rows = await rowsOf(await writeSelfEvaluationXlsx(table));
    expect(rows[0]).toEqual(['项目支出绩效自评表']);
    expect(rows[2]).toEqual(['项目名称', base.projectName]);
    const header = rows.findIndex((row) => row[0] === '一级指标');
    expect(rows[header]?.slice(3, 5)).toEqual(['年度指标值', '调整后指标值']);
    expect(rows[header + 1]?.slice(3, 5)).toEqual([first.target, '≥10期']);
  });

  it.skipIf(isLibreOfficeSkipped)(
    'opens in LibreOffice Calc',
    async () => {
      const table = exampleTable('panyu-2024/panyu-2024.json');
      const text = squash(await docxToPdfText(await writeSelfEvaluationXlsx(table), 'xlsx'));
      const first = table.rows[0]?.name ?? '';
      expect(['部门整体支出绩效自评表', '偏差原因分析及改进措施', squash(first), '99.52'].filter((part) => !text.includes(part))).toEqual(
        [],
      );
    },
    TIMEOUT_MS,
  );
});
