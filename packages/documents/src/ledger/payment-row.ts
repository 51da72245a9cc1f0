import type { Fen } from '@jixiao/core';
import * as fields from './fields.ts';
import type { RowCells } from './row-cells.ts';

/** 支付明细: one paid payment of an existing ledger, valid on its own (the database checks come later). */
export interface PaymentRow {
  readonly row: number;
  readonly unitCode: string;
  readonly budgetLineCode: string;
  readonly payeeName: string;
  readonly payeeUscc: string | undefined;
  readonly amountFen: Fen;
  readonly invoiceNumber: string;
  readonly purpose: string;
  readonly expenseType: fields.SpendingType;
  /** YYYY-MM-DD */
  readonly dueOn: string | undefined;
  /** YYYY-MM-DD; its year picks the budget line's year. */
  readonly paidOn: string;
}

export function readPaymentRow(cells: RowCells): PaymentRow | undefined {
  const unitCode = cells.take('unitCode', fields.code);
  const budgetLineCode = cells.take('budgetLineCode', fields.code);
  const payeeName = cells.take('payeeName', (cell) => fields.text(cell, 200));
  const payeeUscc = cells.take('payeeUscc', fields.uscc);
  const amountFen = cells.take('amountFen', (cell) => fields.money(cell, 'positive'));
  const invoiceNumber = cells.take('invoiceNumber', fields.code);
  const purpose = cells.take('purpose', (cell) => fields.text(cell, 500));
  const expenseType = cells.take('expenseType', fields.spendingType);
  const dueOn = cells.take('dueOn', fields.date);
  const paidOn = cells.take('paidOn', fields.date);
  if (
    cells.issues.length > 0 ||
    unitCode === undefined ||
    budgetLineCode === undefined ||
    payeeName === undefined ||
    amountFen === undefined ||
    invoiceNumber === undefined ||
    purpose === undefined ||
    expenseType === undefined ||
    paidOn === undefined
  ) {
    return undefined;
  }
  return {
    row: cells.source.row,
    unitCode,
    budgetLineCode,
    payeeName,
    payeeUscc,
    amountFen,
    invoiceNumber,
    purpose,
    expenseType,
    dueOn,
    paidOn,
  };
}
