import { readFileSync } from 'node:fs';
import { parseWorkbook } from '@jixiao/core';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { labelsOf, NARRATIVE_CHOICES } from './labels.ts';
import { BASIC_SHEET, BUDGET_SHEET, type FieldType, GOALS_SHEET, INDICATORS_SHEET, MANAGEMENT_SHEET, SHEET_ORDER } from './sheets.ts';
import { EXAMPLES, type ExampleName, exampleJson, repoUrl } from './testing.ts';
import { readWorkbookXlsx, writeWorkbookTemplate } from './xlsx.ts';

/** The committed .xlsx files and docs/workbook-xlsx.md are derived from code; these tests keep them from drifting. */

async function cellValues(bytes: Uint8Array): Promise<Record<string, unknown[]>> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes.slice().buffer);
  return Object.fromEntries(book.worksheets.map((ws) => [ws.name, ws.getSheetValues()]));
}

describe('the committed example workbooks', () => {
  it.each<ExampleName>(['panyu', 'project'])(
    'the %s .xlsx reads as the same Workbook as its JSON (rerun scripts/build-example-workbooks.ts after changing the JSON)',
    async (name) => {
      const result = await readWorkbookXlsx(new Uint8Array(readFileSync(repoUrl(`${EXAMPLES[name]}.xlsx`))));
      if (!result.ok) throw new Error(JSON.stringify(result.issues, null, 2));
      const direct = parseWorkbook(exampleJson(name));
      if (!direct.ok) throw new Error(`${name} example is not valid`);
      expect(result.workbook).toEqual(direct.value);
    },
  );

  it('examples/template.xlsx holds what writeWorkbookTemplate writes today', async () => {
    const committed = await cellValues(new Uint8Array(readFileSync(repoUrl('examples/template.xlsx'))));
    expect(committed).toEqual(await cellValues(await writeWorkbookTemplate()));
  });
});

describe('docs/workbook-xlsx.md', () => {
  const doc = readFileSync(repoUrl('docs/workbook-xlsx.md'), 'utf8');
  const choiceLabels = (type: FieldType) => (type.kind === 'choice' ? labelsOf(type.choices) : []);

  it('names every sheet, column, row, dropdown label and JSON field', () => {
    const keyValue = [BASIC_SHEET, BUDGET_SHEET].flatMap((sheet) =>
      sheet.rows.flatMap((def) => [def.label, `\`${def.field}\``, ...choiceLabels(def.type)]),
    );
    const tables = [GOALS_SHEET, INDICATORS_SHEET, MANAGEMENT_SHEET].flatMap((sheet) =>
      sheet.columns.flatMap((def) => [
        `| ${def.label} |`,
        ...(def.field === null ? [] : [`\`${sheet.arrayPath}[].${def.field}\``]),
        ...choiceLabels(def.type),
      ]),
    );
    const expected = [...SHEET_ORDER, ...keyValue, ...tables, ...labelsOf(NARRATIVE_CHOICES)];
    expect(expected.filter((text) => !doc.includes(text))).toEqual([]);
  });
});
