import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { parseWorkbookJson, type Workbook } from '@jixiao/core';
import { formatXlsxIssue, readWorkbookXlsx } from '@jixiao/documents';

export type LoadResult = { ok: true; workbook: Workbook } | { ok: false; errors: string[] };

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

/** Reads a workbook from .json or .xlsx (recognised by content, so a misnamed file still loads). */
export async function loadWorkbook(path: string): Promise<LoadResult> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return { ok: false, errors: [code === 'ENOENT' ? `找不到文件：${path}` : `无法读取文件 ${path}：${String(error)}`] };
  }
  const isZip = ZIP_MAGIC.every((byte, index) => bytes[index] === byte);
  if (isZip || extname(path).toLowerCase() === '.xlsx') {
    const result = await readWorkbookXlsx(new Uint8Array(bytes));
    return result.ok ? { ok: true, workbook: result.workbook } : { ok: false, errors: result.issues.map(formatXlsxIssue) };
  }
  const result = parseWorkbookJson(bytes.toString('utf8'));
  if (result.ok) return { ok: true, workbook: result.value };
  return { ok: false, errors: result.issues.map((issue) => (issue.path ? `${issue.path}：${issue.message}` : issue.message)) };
}
