import { readFileSync } from 'node:fs';
import type { WorkbookJson } from '@jixiao/core';
import ExcelJS, { type Cell, type Worksheet } from 'exceljs';
import { formatXlsxIssue } from './issues.ts';
import { readWorkbookXlsx } from './read-xlsx.ts';

/** Test plumbing shared by the workbook tests and the fixture generator (test/fixtures/build-fixtures.ts). */

export const EXAMPLES = {
  panyu: 'examples/panyu-2024/panyu-2024',
  project: 'examples/project-2024/digital-training-2024',
} as const;

export type ExampleName = keyof typeof EXAMPLES;

export const repoUrl = (path: string) => new URL(`../../../../${path}`, import.meta.url);

export function exampleJson(name: ExampleName): WorkbookJson {
  return JSON.parse(readFileSync(repoUrl(`${EXAMPLES[name]}.json`), 'utf8')) as WorkbookJson;
}

/** Opens .xlsx bytes with exceljs, lets `edit` change them the way a preparer would, and saves. */
export async function editXlsx(bytes: Uint8Array, edit: (book: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes.slice().buffer);
  edit(book);
  return new Uint8Array(await book.xlsx.writeBuffer());
}

export function sheetOf(book: ExcelJS.Workbook, name: string): Worksheet {
  const ws = book.getWorksheet(name);
  if (!ws) throw new Error(`the workbook has no sheet ${name}`);
  return ws;
}

/**
 * Gives one cell a number format. A loaded workbook shares one style object among all cells of a
 * style, so `cell.numFmt = …` would reformat every text cell at once; the cell gets its own copy.
 */
export function setNumFmt(cell: Cell, numFmt: string): void {
  cell.style = { ...cell.style, numFmt };
}

/** The formatted issue lines of a workbook that must be refused. */
export async function issueLines(bytes: Uint8Array): Promise<string[]> {
  const result = await readWorkbookXlsx(bytes);
  if (result.ok) throw new Error('expected the workbook to be refused');
  return result.issues.map(formatXlsxIssue);
}

/**
 * The JSON with what is not content removed: `$schema`, undefined members, empty arrays and empty
 * objects (an absent narrative and one with no problems say the same).
 */
export function withoutEmpties(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutEmpties);
  if (typeof value !== 'object' || value === null) return value;
  const entries = Object.entries(value)
    .filter(([key]) => key !== '$schema')
    .map(([key, member]) => [key, withoutEmpties(member)] as const)
    .filter(([, member]) => !isEmpty(member));
  return Object.fromEntries(entries);
}

function isEmpty(value: unknown): boolean {
  if (value === undefined) return true;
  if (Array.isArray(value)) return value.length === 0;
  return typeof value === 'object' && value !== null && Object.keys(value).length === 0;
}
