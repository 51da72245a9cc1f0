import { control, type Fen, formatYuanGrouped } from '@jixiao/core';
import type { PaymentRow } from '@jixiao/documents';
import type { Queryable } from '../../db/connect.ts';
import { type LineWithPosition, linePositions } from '../budget/budget.repository.ts';
import { lockLinePositions } from '../line-lock.ts';
import { type ImportInput, issueAt } from './import-input.ts';
import type { NewImportedPayment } from './ledger-insert.repository.ts';
import { findBudgetLines, findRecordedPayments, type LineFact, type LineKey, type UnitFact } from './ledger-lookup.repository.ts';
import { unitsInScope } from './unit-scope.ts';

/** Per budget line: what the database says and what the file adds, walking the rows in order. */
interface LineRunning {
  readonly fact: LineFact;
  readonly budget: Fen;
  readonly paid: Fen;
  readonly committed: Fen;
  fileTotal: Fen;
  /** The first row at which the file's running total passed the available balance, with its message. */
  firstOverspend?: { row: PaymentRow; message: string };
}

/**
 * Checks payment rows against the database: the unit within the importing organisation; a budget
 * line of that unit for the year of 支付日期; 支出类型 equal to the line's; no payment the unit
 * already has with the same payee, amount, invoice and date; and the file's running total per line
 * within the line's available balance (budget − paid − committed), by the workflow's own rule
 * (core's checkPayment). With `lock`, the lines are row-locked first so the balance checked is the
 * balance written against. Adds every problem to the input's issues; returns the rows to insert.
 */
export async function checkPayments(
  db: Queryable,
  input: ImportInput<PaymentRow>,
  options: { lock: boolean; config: control.ControlConfig },
): Promise<{ payments: NewImportedPayment[]; totalFen: Fen }> {
  const { units, problems, lines, positions, recorded } = await gatherFacts(db, input, options.lock);
  const running = new Map<string, LineRunning>();
  const payments: NewImportedPayment[] = [];
  let totalFen = 0;
  for (const row of input.rows) {
    const key = lineKeyOf(row, units);
    const unit = units.get(row.unitCode);
    if (!key || !unit) {
      issueAt(input, row, 'unitCode', problems.get(row.unitCode) ?? '单位不存在');
      continue;
    }
    const line = lines.get(keyText(key));
    if (!line) {
      issueAt(
        input,
        row,
        'budgetLineCode',
        `“${unit.name}”${key.fiscal_year} 年度没有指标编码为“${row.budgetLineCode}”的预算指标（年度取自支付日期 ${row.paidOn}）`,
      );
      continue;
    }
    let isValid = true;
    if (recorded.has(row.row)) {
      input.issues.add({
        row: row.row,
        column: ['payeeName', 'amountFen', 'invoiceNumber', 'paidOn'].map((field) => input.columns[field] ?? field).join('、'),
        message: '系统中已有收款人、金额、发票号、支付日期都相同的支付记录，可能已经导入过',
      });
      isValid = false;
    }
    const state = running.get(line.id) ?? startRunning(running, line, positions.get(line.id));
    // Which rules apply to an imported payment is core's (control/import.ts checkImportedPayment).
    const violations = control.checkImportedPayment(factsOf(row, state, input.userId), options.config);
    for (const violation of violations) {
      if (violation.code === 'IC_BASIC_PROJECT_MIXED') {
        issueAt(
          input,
          row,
          'expenseType',
          `${violation.message}（指标“${line.code}”为${line.spending_type === 'basic' ? '基本支出' : '项目支出'}）`,
        );
        isValid = false;
      } else if (!state.firstOverspend) {
        const prior = state.fileTotal;
        state.firstOverspend = {
          row,
          message: prior > 0 ? `${violation.message}（已支付含本文件此前各行 ${yuan(prior)}）` : violation.message,
        };
      }
    }
    state.fileTotal += row.amountFen;
    if (!isValid) continue;
    totalFen += row.amountFen;
    payments.push({
      organisationId: unit.id,
      budgetLineId: line.id,
      payeeName: row.payeeName,
      payeeUscc: row.payeeUscc ?? null,
      amountFen: row.amountFen,
      invoiceNumber: row.invoiceNumber,
      purpose: row.purpose,
      expenseType: row.expenseType,
      dueOn: row.dueOn ?? null,
      paidOn: row.paidOn,
    });
  }
  reportOverspending(input, running);
  return { payments, totalFen };
}

/** Everything the database knows that the rows are checked against, each in one query for all rows. */
async function gatherFacts(db: Queryable, input: ImportInput<PaymentRow>, lock: boolean) {
  const { rows } = input;
  const { units, problems } = await unitsInScope(
    db,
    input.organisationId,
    rows.map((row) => row.unitCode),
  );
  const lineKeys = uniqueKeys(rows.flatMap((row) => lineKeyOf(row, units) ?? []));
  const found = await findBudgetLines(db, lineKeys);
  const lineIds = found.map((line) => line.id);
  // Committing locks the lines (in id order, as every money step does) and reads their positions
  // after the lock, so the balance checked is the balance written against; a preview reads without.
  const positions = lock ? await lockLinePositions(db, lineIds) : await linePositions(db, lineIds);
  const lines = new Map(found.map((line) => [keyText(line), line]));
  const paymentKeys = rows.flatMap((row) => {
    const unit = units.get(row.unitCode);
    if (!unit) return [];
    const { payeeName, amountFen, invoiceNumber, paidOn } = row;
    return [
      {
        row: row.row,
        organisation_id: unit.id,
        payee_name: payeeName,
        amount_fen: amountFen,
        invoice_number: invoiceNumber,
        paid_on: paidOn,
      },
    ];
  });
  const recorded = new Set(await findRecordedPayments(db, paymentKeys));
  return { units, problems, lines, positions, recorded };
}

/** The budget line a payment is charged to: its unit's line with that code in the year of 支付日期. */
function lineKeyOf(row: PaymentRow, units: ReadonlyMap<string, UnitFact>): LineKey | undefined {
  const unit = units.get(row.unitCode);
  return unit && { organisation_id: unit.id, fiscal_year: yearOf(row), code: row.budgetLineCode };
}

/** One issue per overspent line, at the row where the file's running total first passed the balance, with the file's total excess. */
function reportOverspending(input: ImportInput<PaymentRow>, running: ReadonlyMap<string, LineRunning>): void {
  for (const state of running.values()) {
    if (!state.firstOverspend) continue;
    const available = control.availableOf(state.budget, state.paid, state.committed);
    const excess = state.fileTotal - available;
    issueAt(
      input,
      state.firstOverspend.row,
      'amountFen',
      `${state.firstOverspend.message}；本文件对指标“${state.fact.code}”合计支付 ${yuan(state.fileTotal)}，超出可用余额 ${yuan(excess)}，从这一行起累计超支`,
    );
  }
}

function startRunning(running: Map<string, LineRunning>, fact: LineFact, position: LineWithPosition | undefined): LineRunning {
  const state: LineRunning = {
    fact,
    budget: position?.budget ?? 0,
    paid: position?.paid ?? 0,
    committed: position?.committed ?? 0,
    fileTotal: 0,
  };
  running.set(fact.id, state);
  return state;
}

/** The row as the workflow would see it at 支付: the file's earlier rows on the line count as already paid. */
function factsOf(row: PaymentRow, state: LineRunning, userId: string): control.PaymentFacts {
  return {
    amount: row.amountFen,
    expenseType: row.expenseType,
    budgetLine: {
      spendingType: state.fact.spending_type,
      budget: state.budget,
      paid: state.paid + state.fileTotal,
      committedByOthers: state.committed,
    },
    payee: { name: row.payeeName, uscc: row.payeeUscc },
    people: { requester: userId, actor: userId },
    duplicates: 0,
    duplicateConfirmed: true,
  };
}

const yearOf = (row: PaymentRow) => Number(row.paidOn.slice(0, 4));
const yuan = (fen: Fen) => `${formatYuanGrouped(fen)} 元`;
const keyText = (key: LineKey) => `${key.organisation_id}\u0000${key.fiscal_year}\u0000${key.code}`;

function uniqueKeys(keys: readonly LineKey[]): LineKey[] {
  return [...new Map(keys.map((key) => [keyText(key), key])).values()];
}
