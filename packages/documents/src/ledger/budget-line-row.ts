import type { Fen } from '@jixiao/core';
import * as fields from './fields.ts';
import type { RowCells } from './row-cells.ts';

/** 预算指标: one row of a budget-lines file, valid on its own (the database checks come later). */
export interface BudgetLineRow {
  readonly row: number;
  readonly unitCode: string;
  readonly fiscalYear: number;
  readonly code: string;
  readonly name: string;
  readonly spendingType: fields.SpendingType;
  readonly fundingSource: string;
  readonly projectCode: string | undefined;
  readonly initialFen: Fen;
  readonly carryOverFen: Fen;
}

export function readBudgetLineRow(cells: RowCells): BudgetLineRow | undefined {
  const unitCode = cells.take('unitCode', fields.code);
  const fiscalYear = cells.take('fiscalYear', fields.year);
  const code = cells.take('code', fields.code);
  const name = cells.take('name', (cell) => fields.text(cell, 200));
  const spendingType = cells.take('spendingType', fields.spendingType);
  const fundingSource = cells.take('fundingSource', (cell) => fields.text(cell, 100));
  const projectCode = cells.take('projectCode', fields.code);
  const initialFen = cells.take('initialFen', (cell) => fields.money(cell, 'non-negative'));
  // A blank 上年结转 means nothing was carried over.
  const carryOverFen = cells.take('carryOverFen', (cell) => fields.money(cell, 'non-negative')) ?? 0;
  if (spendingType === 'basic' && projectCode !== undefined) {
    cells.problem('projectCode', `基本支出指标不对应项目，项目编码应留空（读到“${projectCode}”）`);
  }
  if (
    cells.issues.length > 0 ||
    unitCode === undefined ||
    fiscalYear === undefined ||
    code === undefined ||
    name === undefined ||
    spendingType === undefined ||
    fundingSource === undefined ||
    initialFen === undefined
  ) {
    return undefined;
  }
  return { row: cells.source.row, unitCode, fiscalYear, code, name, spendingType, fundingSource, projectCode, initialFen, carryOverFen };
}
