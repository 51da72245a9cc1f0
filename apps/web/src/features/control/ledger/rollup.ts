import type { RollupRow } from '@jixiao/contract';
import { fromFen, moneyRatioPercent, toFen } from '../../../lib/money.ts';

/** One unit's payments by month (执行情况 by unit and month), with the year's total and December's share. */
export interface RollupUnit {
  readonly organisationId: string;
  readonly organisationName: string;
  /** Twelve money strings, January to December. */
  readonly months: readonly string[];
  readonly total: string;
  /** December ÷ the year, "30.77"; null when nothing was paid. */
  readonly decemberShare: string | null;
}

export interface RollupMatrix {
  readonly units: readonly RollupUnit[];
  readonly monthTotals: readonly string[];
  readonly total: string;
}

/** The rollup's rows (unit × month, only months with payments) as a full unit × 12-month matrix, exact in fen. */
export function rollupMatrix(rows: readonly RollupRow[]): RollupMatrix {
  const byUnit = new Map<string, { name: string; months: bigint[] }>();
  for (const row of rows) {
    if (row.month < 1 || row.month > 12) continue;
    const unit = byUnit.get(row.organisationId) ?? { name: row.organisationName, months: Array<bigint>(12).fill(0n) };
    unit.months[row.month - 1] = (unit.months[row.month - 1] ?? 0n) + (toFen(row.paid) ?? 0n);
    byUnit.set(row.organisationId, unit);
  }
  const monthTotals = Array<bigint>(12).fill(0n);
  const units = [...byUnit.entries()].map(([organisationId, unit]): RollupUnit => {
    unit.months.forEach((fen, index) => {
      monthTotals[index] = (monthTotals[index] ?? 0n) + fen;
    });
    const total = fromFen(unit.months.reduce((sum, fen) => sum + fen, 0n));
    return {
      organisationId,
      organisationName: unit.name,
      months: unit.months.map(fromFen),
      total,
      decemberShare: moneyRatioPercent(fromFen(unit.months[11] ?? 0n), total, 2),
    };
  });
  return {
    units: units.sort((a, b) => a.organisationName.localeCompare(b.organisationName, 'zh-CN')),
    monthTotals: monthTotals.map(fromFen),
    total: fromFen(monthTotals.reduce((sum, fen) => sum + fen, 0n)),
  };
}
