// The evaluation workbook as .xlsx: template, writer and parser (docs/workbook-xlsx.md).
export { formatXlsxIssue, type XlsxIssue } from './issues.ts';
export { readWorkbookJson } from './read-json.ts';
export { readWorkbookXlsx, type XlsxReadResult } from './read-xlsx.ts';
export { writeWorkbookTemplate, writeWorkbookXlsx } from './write-xlsx.ts';
