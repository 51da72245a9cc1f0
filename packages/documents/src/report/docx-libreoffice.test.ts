import { readFileSync } from 'node:fs';
import { buildReportModel, evaluateWorkbook, parseWorkbookJson, type ReportModel } from '@jixiao/core';
import { describe, expect, it } from 'vitest';
import { docxToPdfText, isLibreOfficeSkipped } from '../testing/libreoffice.ts';
import { renderDocx } from './docx.ts';

const EXAMPLES = [
  { name: 'Panyu department 2024', path: 'examples/panyu-2024/panyu-2024.json', total: '99.52' },
  { name: 'digital training project 2024', path: 'examples/project-2024/digital-training-2024.json', total: '91.08' },
];

function exampleReport(path: string): ReportModel {
  const parsed = parseWorkbookJson(readFileSync(new URL(`../../../../${path}`, import.meta.url), 'utf8'));
  if (!parsed.ok) throw new Error(`${path} is not a valid workbook`);
  return buildReportModel(parsed.value.input, evaluateWorkbook(parsed.value).evaluation);
}

// A cold LibreOffice start on a fresh profile takes a few seconds idle and up to a minute on a busy
// two-core machine; the helper kills soffice after 240 s, the test gives up after 300.
const TIMEOUT_MS = 300_000;

describe.each(EXAMPLES)('LibreOffice opens the .docx of $name', ({ path, total }) => {
  it.skipIf(isLibreOfficeSkipped)(
    `converts it to a PDF that shows the title, the total ${total} and the indicators`,
    async () => {
      const model = exampleReport(path);
      // pdftotext breaks lines inside table cells, so compare without whitespace.
      const text = (await docxToPdfText(await renderDocx(model))).replace(/\s+/gu, '');
      const scoreTable = model.blocks.find((block) => block.type === 'table');
      const names = (scoreTable?.rows ?? []).map((row) => row[2] ?? '').filter((name) => name !== '');
      expect(names.length).toBeGreaterThanOrEqual(10);
      const expected = [model.title, `${total}分`, '附表1：绩效指标评分表', ...names.slice(0, 3), ...names.slice(-2)];
      expect(expected.filter((part) => !text.includes(part.replace(/\s+/gu, '')))).toEqual([]);
    },
    TIMEOUT_MS,
  );
});
