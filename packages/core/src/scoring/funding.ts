import { type Finding, finding } from '../checks/findings.ts';
import { type BudgetFigures, FUNDING_SOURCE_LABEL, type FundingSourceRow } from '../model.ts';
import { formatPercent, fraction } from '../numbers/decimal.ts';
import { type Fen, formatYuanGrouped } from '../numbers/money.ts';

/** The three budget columns a 资金来源 row carries, with the form's own headings. */
export const FUNDING_COLUMNS = [
  { key: 'initial', label: '年初预算数' },
  { key: 'adjusted', label: '全年预算数' },
  { key: 'executed', label: '全年执行数' },
] as const satisfies readonly { key: keyof FundingSourceRow; label: string }[];

/** One line of the execution table as the forms print it: the total first, then each source. */
export interface FundingLine {
  readonly label: string;
  readonly initial: Fen;
  readonly adjusted: Fen;
  readonly executed: Fen;
  /** 执行率 of that line, or undefined when its 全年预算数 is 0. */
  readonly rate: string | undefined;
}

/**
 * The execution table: 年度资金总额 and one line per 资金来源. The score is computed on the total
 * alone (the rate of the whole budget); the per-source rates are shown, never scored.
 */
export function fundingLines(budget: BudgetFigures): FundingLine[] {
  const line = (label: string, row: Pick<FundingSourceRow, 'initial' | 'adjusted' | 'executed'>): FundingLine => ({
    label,
    initial: row.initial,
    adjusted: row.adjusted,
    executed: row.executed,
    rate: row.adjusted > 0 ? formatPercent(fraction(BigInt(row.executed), BigInt(row.adjusted))) : undefined,
  });
  return [line('年度资金总额', budget), ...(budget.sources ?? []).map((row) => line(FUNDING_SOURCE_LABEL[row.source], row))];
}

/** The totals beside the source rows must be their sums, column by column; each disagreement names both. */
export function checkFundingSources(budget: BudgetFigures, findings: Finding[]): void {
  const rows = budget.sources ?? [];
  if (rows.length === 0) return;
  for (const column of FUNDING_COLUMNS) {
    const sum = rows.reduce((total, row) => total + row[column.key], 0);
    if (sum === budget[column.key]) continue;
    const terms = rows.map((row) => `${FUNDING_SOURCE_LABEL[row.source]} ${formatYuanGrouped(row[column.key])} 元`).join(' + ');
    findings.push(
      finding(
        'FUNDING_SOURCE_SUM_MISMATCH',
        { kind: 'budget', id: column.key, name: column.label },
        {
          column: column.label,
          total: formatYuanGrouped(budget[column.key]),
          sum: formatYuanGrouped(sum),
          terms,
          termsEn: rows.map((row) => `${row.source} ${formatYuanGrouped(row[column.key])}`).join(' + '),
        },
      ),
    );
  }
}
