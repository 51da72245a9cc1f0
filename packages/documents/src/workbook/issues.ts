/** One problem found in an .xlsx workbook, located the way a preparer finds it: sheet, row, column. */
export interface XlsxIssue {
  readonly sheet: string;
  readonly row?: number;
  /** Column letter, e.g. "F". */
  readonly column?: string;
  /** The column's Chinese header, or the 项目 of a key/value row. */
  readonly header?: string;
  /** The JSON path the cell maps to, e.g. "indicators[3].target". */
  readonly path?: string;
  /** Chinese, says why. */
  readonly message: string;
}

/**
 * One line per issue: `绩效指标!G5（目标值）：应为数字，如 "23.39" 或 "-4.53"`. Without a cell it
 * names what it can: `绩效指标（目标值）：…`, `绩效指标 第 5 行：…`, `绩效指标：…`, or the message alone.
 */
export function formatXlsxIssue(issue: XlsxIssue): string {
  const header = issue.header ? `（${issue.header}）` : '';
  if (!issue.sheet) return issue.message;
  if (issue.row !== undefined && issue.column) return `${issue.sheet}!${issue.column}${issue.row}${header}：${issue.message}`;
  if (issue.row !== undefined) return `${issue.sheet} 第 ${issue.row} 行${header}：${issue.message}`;
  return `${issue.sheet}${header}：${issue.message}`;
}
