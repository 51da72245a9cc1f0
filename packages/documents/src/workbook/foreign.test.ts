import { readFileSync } from 'node:fs';
import { parseWorkbook } from '@jixiao/core';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { rewriteTargets, sourceFolder } from './normalise-package.ts';
import { exampleJson, issueLines, withoutEmpties } from './testing.ts';
import { readWorkbookXlsx, writeWorkbookXlsx } from './xlsx.ts';

/**
 * Workbooks saved by programs other than ours must read as what they show. The committed fixtures
 * come from test/fixtures/build-foreign-fixtures.sh (openpyxl and LibreOffice); the hand-written
 * package is built here from the sheet XML alone.
 */

const fixture = (name: string) => new Uint8Array(readFileSync(new URL(`../../test/fixtures/${name}`, import.meta.url)));

async function readJson(bytes: Uint8Array): Promise<unknown> {
  const result = await readWorkbookXlsx(bytes);
  if (!result.ok) throw new Error(`refused:\n${result.issues.map((issue) => issue.message).join('\n')}`);
  return withoutEmpties(result.json);
}

const projectJson = () => withoutEmpties(exampleJson('project'));

describe('workbooks written by other programs', () => {
  it.each([['openpyxl-resaved.xlsx'], ['libreoffice-resaved.xlsx']])('%s reads as the example it was saved from', async (name) => {
    expect(await readJson(fixture(name))).toEqual(projectJson());
  });

  it('openpyxl-typed.xlsx: numbers, a % format, a date and full-width digits typed by a script read as the example', async () => {
    expect(await readJson(fixture('openpyxl-typed.xlsx'))).toEqual(projectJson());
  });

  it('the blank template re-saved by openpyxl is read, and refused only for what is blank', async () => {
    const lines = await issueLines(fixture('openpyxl-blank-template.xlsx'));
    expect(lines).toContain('基本信息!B3（预算年度）：必填');
    expect(lines.join('\n')).not.toMatch(/无法打开|损坏/);
  });

  it('a minimal package written by hand (inline strings, shared strings, no styles, no theme) reads as the example', async () => {
    expect(await readJson(await handWritten(await writeWorkbookXlsx(exampleJson('project'))))).toEqual(projectJson());
  });

  it('a file that is not a zip is still refused as not a workbook', async () => {
    const lines = await issueLines(new TextEncoder().encode('not a workbook'));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^无法打开 \.xlsx 文件（文件损坏或不是 Excel 工作簿）：/);
  });
});

describe('absolute relationship targets are made relative to their source part', () => {
  it.each([
    ['xl/worksheets/_rels/sheet1.xml.rels', 'xl/worksheets'],
    ['xl/_rels/workbook.xml.rels', 'xl'],
    ['_rels/.rels', ''],
  ])('%s belongs to the folder "%s"', (rels, folder) => {
    expect(sourceFolder(rels)).toBe(folder);
  });

  it.each([
    ['/xl/worksheets/sheet1.xml', 'xl', 'worksheets/sheet1.xml'],
    ['/xl/comments/comment1.xml', 'xl/worksheets', '../comments/comment1.xml'],
    ['/xl/workbook.xml', '', 'xl/workbook.xml'],
    ['styles.xml', 'xl', 'styles.xml'],
  ])('%s from %s → %s', (target, folder, expected) => {
    const xml = `<Relationship Id="r1" Type="t" Target="${target}"/>`;
    expect(rewriteTargets(xml, folder)).toBe(`<Relationship Id="r1" Type="t" Target="${expected}"/>`);
  });

  it('an external hyperlink is left as it is', () => {
    const xml = '<Relationship Id="r1" Type="t" Target="/docs/a.html" TargetMode="External"/>';
    expect(rewriteTargets(xml, 'xl/worksheets')).toBe(xml);
  });
});

/**
 * The smallest package Excel accepts, written by hand from the cells of `bytes`: odd-numbered
 * sheets keep their text as inline strings (t="inlineStr"), even-numbered ones in a shared strings
 * part; numbers as plain <v>; no styles.xml, theme or document properties.
 */
async function handWritten(bytes: Uint8Array): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes.slice().buffer);
  const shared: string[] = [];
  const zip = new JSZip();
  const sheets = book.worksheets.map((sheet, index) => {
    const inline = index % 2 === 0;
    const rows: string[] = [];
    sheet.eachRow((row, rowNumber) => {
      const cells: string[] = [];
      row.eachCell((cell) => {
        const value = cell.value;
        if (typeof value === 'number') cells.push(`<c r="${cell.address}"><v>${value}</v></c>`);
        else if (value !== null && value !== undefined) {
          const text = escapeXml(cell.text);
          if (inline) cells.push(`<c r="${cell.address}" t="inlineStr"><is><t>${text}</t></is></c>`);
          else cells.push(`<c r="${cell.address}" t="s"><v>${shared.push(text) - 1}</v></c>`);
        }
      });
      rows.push(`<row r="${rowNumber}">${cells.join('')}</row>`);
    });
    zip.file(`xl/worksheets/sheet${index + 1}.xml`, `${XML}<worksheet xmlns="${MAIN}"><sheetData>${rows.join('')}</sheetData></worksheet>`);
    return sheet.name;
  });
  zip.file(
    'xl/sharedStrings.xml',
    `${XML}<sst xmlns="${MAIN}" count="${shared.length}" uniqueCount="${shared.length}">${shared.map((text) => `<si><t>${text}</t></si>`).join('')}</sst>`,
  );
  zip.file(
    'xl/workbook.xml',
    `${XML}<workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets>${sheets
      .map((name, index) => `<sheet name="${escapeXml(name)}" sheetId="${index + 1}" r:id="rId${index + 1}"/>`)
      .join('')}</sheets></workbook>`,
  );
  zip.file(
    'xl/_rels/workbook.xml.rels',
    `${XML}<Relationships xmlns="${PKG_REL}">${sheets
      .map((_, index) => `<Relationship Id="rId${index + 1}" Type="${REL}/worksheet" Target="worksheets/sheet${index + 1}.xml"/>`)
      .join('')}<Relationship Id="rIdS" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
  );
  zip.file(
    '_rels/.rels',
    `${XML}<Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
  );
  zip.file(
    '[Content_Types].xml',
    `${XML}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>${sheets
      .map(
        (_, index) =>
          `<Override PartName="/xl/worksheets/sheet${index + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
      )
      .join(
        '',
      )}<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>`,
  );
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

const XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';

const escapeXml = (text: string) => text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');

// parseWorkbook is imported so a change to the example that makes it invalid fails here by name.
it('the project example is a valid workbook', () => {
  expect(parseWorkbook(exampleJson('project')).ok).toBe(true);
});
