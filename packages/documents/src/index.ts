// Public API of @jixiao/documents: bytes in, bytes out. No database, no network.
export { renderDocx } from './report/docx.ts';
export { type HtmlOptions, REPORT_CSS, renderHtml } from './report/html.ts';
export {
  formatXlsxIssue,
  readWorkbookXlsx,
  writeWorkbookTemplate,
  writeWorkbookXlsx,
  type XlsxIssue,
  type XlsxReadResult,
} from './workbook/xlsx.ts';
export {
  type OrganisationImport,
  readOrganisationImport,
  type SheetIssue,
  type UnitRow,
  type UserRow,
  writeOrganisationTemplate,
} from './admin/organisation-import.ts';
