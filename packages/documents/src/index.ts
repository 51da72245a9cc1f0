// Public API of @jixiao/documents: bytes in, bytes out. No database, no network.

export {
  type OrganisationImport,
  readOrganisationImport,
  type SheetIssue,
  type UnitRow,
  type UserRow,
  writeOrganisationTemplate,
} from './admin/organisation-import.ts';
export { type ExAnteReportSheet, writeExAnteDocx } from './control/ex-ante-docx.ts';
export { type SelfAssessmentSheet, writeSelfAssessmentXlsx } from './control/self-assessment-xlsx.ts';
export type { BudgetLineRow } from './ledger/budget-line-row.ts';
export {
  BUDGET_LINE_COLUMNS,
  LEDGER_COLUMNS,
  LEDGER_KINDS,
  type LedgerColumn,
  type LedgerKind,
  PAYMENT_COLUMNS,
} from './ledger/columns.ts';
export { IssueList, type LedgerIssue, MAX_STORED_ISSUES } from './ledger/issues.ts';
export { type LedgerCellValue, writeLedgerIssuesXlsx, writeLedgerTemplate, writeLedgerXlsx } from './ledger/ledger-xlsx.ts';
export type { PaymentRow } from './ledger/payment-row.ts';
export { type LedgerReadResult, type LedgerRowOf, type ReadLedgerOptions, readLedgerRows } from './ledger/read-ledger.ts';
export { type MonitoringReportForm, type MonitoringReportSheet, writeMonitoringReportDocx } from './monitoring/monitoring-report-docx.ts';
export { type MonitoringSheet, type MonitoringSheetForm, writeMonitoringXlsx } from './monitoring/monitoring-xlsx.ts';
export { renderDocx } from './report/docx.ts';
export { type HtmlOptions, REPORT_CSS, renderHtml } from './report/html.ts';
export { renderSelfEvaluationHtml } from './report/self-evaluation-html.ts';
export { writeSelfEvaluationXlsx } from './report/self-evaluation-xlsx.ts';
export { type SurveySheet, writeSurveyXlsx } from './surveys/survey-xlsx.ts';
export { writeDeclarationDocx } from './targets/declaration-docx.ts';
export type { DeclarationSheet, DeclarationSheetLine, SheetOpinion } from './targets/declaration-form.ts';
export { writeDeclarationXlsx } from './targets/declaration-xlsx.ts';
export {
  formatXlsxIssue,
  readWorkbookJson,
  readWorkbookXlsx,
  writeWorkbookTemplate,
  writeWorkbookXlsx,
  type XlsxIssue,
  type XlsxReadResult,
} from './workbook/xlsx.ts';
