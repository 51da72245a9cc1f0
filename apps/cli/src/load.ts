import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import type { FieldIssue, Finding, Workbook } from '@jixiao/core';
import { formatXlsxIssue, readWorkbookJson, readWorkbookXlsx, type XlsxIssue } from '@jixiao/documents';

/**
 * One reason the input was refused, as `evaluate --json` prints it for scripts: `text` is the line
 * shown on stderr; the other members say where (JSON path, or sheet/row/column of an .xlsx) and,
 * for a finding of the scorer, its code and subject.
 */
export interface Problem {
  readonly text: string;
  readonly message: string;
  readonly path?: string | undefined;
  readonly sheet?: string | undefined;
  readonly row?: number | undefined;
  readonly column?: string | undefined;
  readonly header?: string | undefined;
  readonly code?: string | undefined;
  readonly subject?: Finding['subject'] | undefined;
}

export type LoadResult = { ok: true; workbook: Workbook } | { ok: false; problems: Problem[] };

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

/** Reads a workbook from .json or .xlsx (recognised by content, so a misnamed file still loads). */
export async function loadWorkbook(path: string): Promise<LoadResult> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const message = code === 'ENOENT' ? `找不到文件：${path}` : `无法读取文件 ${path}：${String(error)}`;
    return { ok: false, problems: [{ text: message, message }] };
  }
  const isZip = ZIP_MAGIC.every((byte, index) => bytes[index] === byte);
  if (isZip || extname(path).toLowerCase() === '.xlsx') {
    const result = await readWorkbookXlsx(new Uint8Array(bytes));
    return result.ok ? { ok: true, workbook: result.workbook } : { ok: false, problems: result.issues.map(xlsxProblem) };
  }
  const result = readWorkbookJson(new Uint8Array(bytes));
  return result.ok ? { ok: true, workbook: result.value } : { ok: false, problems: result.issues.map(jsonProblem) };
}

function xlsxProblem(issue: XlsxIssue): Problem {
  const { sheet, row, column, header, path, message } = issue;
  return { text: formatXlsxIssue(issue), message, path, sheet: sheet || undefined, row, column, header };
}

function jsonProblem(issue: FieldIssue): Problem {
  return { text: issue.path ? `${issue.path}：${issue.message}` : issue.message, message: issue.message, path: issue.path || undefined };
}

export function findingProblem(entry: Finding): Problem {
  return { text: entry.message, message: entry.message, code: entry.code, subject: entry.subject };
}
