import type { control } from '@jixiao/core';
import { and, eq, inArray, ne, type SQL, sql } from 'drizzle-orm';
import { type Queryable, queryRows, readAll } from '../../db/connect.ts';
import { budgetAdjustments, budgetLines, paymentPlans, paymentRequests, procurements } from '../../db/schema.ts';
import { inScope } from '../../policies/scope.ts';
import { PAID_STATUSES, statusList } from '../budget/budget.repository.ts';

export interface LedgerScope {
  /** The organisation and everything below it. */
  readonly organisationId: string;
  readonly fiscalYear: number;
  readonly projectId?: string | undefined;
  readonly budgetLineIds?: readonly string[] | undefined;
}

/** Loads the ledger of a scope for the pure computations in @jixiao/core (control/ledger.ts). */
export async function loadLedger(db: Queryable, scope: LedgerScope): Promise<control.Ledger> {
  const conditions: SQL[] = [eq(budgetLines.fiscalYear, scope.fiscalYear)];
  const scoped = inScope(budgetLines.organisationId, [scope.organisationId]);
  if (scoped) conditions.push(scoped);
  if (scope.projectId) conditions.push(eq(budgetLines.projectId, scope.projectId));
  if (scope.budgetLineIds) conditions.push(inArray(budgetLines.id, [...scope.budgetLineIds]));
  const lines = await db
    .select()
    .from(budgetLines)
    .where(and(...conditions));
  const ids = lines.map((line) => line.id);
  if (ids.length === 0) return { fiscalYear: scope.fiscalYear, lines: [], payments: [], plans: [], adjustments: [], procurements: [] };
  const [payments, plans, adjustments, purchases] = await readAll(db, [
    () =>
      db
        .select({
          id: paymentRequests.id,
          budgetLineId: paymentRequests.budgetLineId,
          amount: paymentRequests.amountFen,
          status: paymentRequests.status,
          paidOn: paymentRequests.paidOn,
          dueOn: paymentRequests.dueOn,
        })
        .from(paymentRequests)
        .where(and(inArray(paymentRequests.budgetLineId, ids), ne(paymentRequests.status, 'rejected'))),
    () => db.select().from(paymentPlans).where(inArray(paymentPlans.budgetLineId, ids)),
    () =>
      db
        .select()
        .from(budgetAdjustments)
        .where(and(inArray(budgetAdjustments.budgetLineId, ids), eq(budgetAdjustments.status, 'approved'))),
    () =>
      db
        .select({
          id: procurements.id,
          budgetLineId: procurements.budgetLineId,
          estimated: procurements.estimatedFen,
          result: procurements.resultFen,
        })
        .from(procurements)
        .where(and(inArray(procurements.budgetLineId, ids), inArray(procurements.status, ['approved', 'awarded']))),
  ]);
  return {
    fiscalYear: scope.fiscalYear,
    lines: lines.map((line) => ({
      id: line.id,
      code: line.code,
      name: line.name,
      spendingType: line.spendingType,
      initial: line.initialFen,
      carryOver: line.carryOverFen,
      adjustments: line.adjustmentsFen,
    })),
    // A payment counts as paid only once paid or archived; open requests keep their due date (still owed).
    payments: payments.map((payment) => ({
      id: payment.id,
      budgetLineId: payment.budgetLineId,
      amount: payment.amount,
      paidOn: payment.status === 'paid' || payment.status === 'archived' ? payment.paidOn : null,
      dueOn: payment.dueOn,
    })),
    plans: plans.map((plan) => ({ budgetLineId: plan.budgetLineId, month: plan.month, amount: plan.amountFen })),
    adjustments: adjustments.map((entry) => ({ id: entry.id, budgetLineId: entry.budgetLineId, amount: entry.amountFen })),
    procurements: purchases,
  };
}

/** 执行情况 by unit and month: one GROUP BY over the paid payments of a year, names joined after summing. */
export async function rollup(db: Queryable, fiscalYear: number, roots: readonly string[] | 'all') {
  const scoped = inScope(sql`r.organisation_id`, roots) ?? sql`true`;
  return queryRows<{ organisationId: string; organisationName: string; month: number; paidFen: number }>(
    db,
    sql`with sums as (
          select r.organisation_id, extract(month from r.paid_on)::int as month, sum(r.amount_fen)::bigint as paid
          from payment_requests r
          where r.status in (${statusList(PAID_STATUSES)}) and r.paid_on >= ${`${fiscalYear}-01-01`}::date and r.paid_on < ${`${fiscalYear + 1}-01-01`}::date and ${scoped}
          group by 1, 2)
        select s.organisation_id as "organisationId", o.name as "organisationName", s.month, s.paid as "paidFen"
        from sums s join organisations o on o.id = s.organisation_id
        order by o.name, s.month`,
  );
}
