import { and, asc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import { type Queryable, queryRows, ref } from '../../db/connect.ts';
import { budgetAdjustments, budgetLines, organisations, paymentPlans, projects } from '../../db/schema.ts';
import { inScope, type Scope } from '../../policies/scope.ts';

export type BudgetLineRow = typeof budgetLines.$inferSelect;

/** A line's budget: initial + carry-over + approved adjustments. */
export const budgetOf = (line: BudgetLineRow) => line.initialFen + line.carryOverFen + line.adjustmentsFen;

/** Statuses that hold money on a line: committed while open, spent once paid. */
export const OPEN_STATUSES = ['requested', 'reviewed', 'approved'] as const;
export const PAID_STATUSES = ['paid', 'archived'] as const;

/**
 * Each line with its ledger position: budget (initial + carry-over + approved adjustments), planned,
 * committed (open requests), paid, available = budget − paid − committed.
 */
export async function findLinesWithPosition(
  db: Queryable,
  filter: {
    scope: Scope;
    fiscalYear?: number | undefined;
    organisationId?: string | undefined;
    projectId?: string | undefined;
    ids?: readonly string[] | undefined;
  },
) {
  const conditions: SQL[] = [];
  const scoped = inScope(budgetLines.organisationId, filter.scope);
  if (scoped) conditions.push(scoped);
  if (filter.fiscalYear) conditions.push(eq(budgetLines.fiscalYear, filter.fiscalYear));
  if (filter.organisationId) conditions.push(eq(budgetLines.organisationId, filter.organisationId));
  if (filter.projectId) conditions.push(eq(budgetLines.projectId, filter.projectId));
  if (filter.ids) conditions.push(inArray(budgetLines.id, [...filter.ids]));
  return db
    .select({
      line: budgetLines,
      organisationName: organisations.name,
      projectName: projects.name,
      planned: sql<number>`coalesce((select sum(p.amount_fen) from payment_plans p where p.budget_line_id = ${ref(budgetLines.id)}), 0)::bigint`,
      // Same definition as linePosition: open standalone requests + what contracts and grants still owe.
      committed: sql<number>`(coalesce((select sum(r.amount_fen) from payment_requests r where r.budget_line_id = ${ref(budgetLines.id)} and r.status in ${OPEN} and r.contract_id is null and r.grant_id is null), 0)
        + coalesce((select sum(greatest(c.amount_fen - coalesce((select sum(p.amount_fen) from payment_requests p where p.contract_id = c.id and p.status in ${PAID}), 0), 0)) from contracts c where c.budget_line_id = ${ref(budgetLines.id)} and c.status = 'active'), 0)
        + coalesce((select sum(greatest(g.amount_fen - coalesce((select sum(p.amount_fen) from payment_requests p where p.grant_id = g.id and p.status in ${PAID}), 0), 0)) from subsidy_grants g where g.budget_line_id = ${ref(budgetLines.id)}), 0))::bigint`,
      paid: sql<number>`coalesce((select sum(r.amount_fen) from payment_requests r where r.budget_line_id = ${ref(budgetLines.id)} and r.status in ('paid', 'archived')), 0)::bigint`,
    })
    .from(budgetLines)
    .innerJoin(organisations, eq(organisations.id, budgetLines.organisationId))
    .leftJoin(projects, eq(projects.id, budgetLines.projectId))
    .where(conditions.length ? and(...conditions) : undefined)
    .orderBy(asc(organisations.code), asc(budgetLines.code));
}

/**
 * Locks the lines for the rest of the transaction, in id order: two steps that lock the same lines
 * always take them in the same order, so they wait for each other instead of deadlocking. Rows are
 * locked as the sorted result is produced (PostgreSQL puts LockRows above Sort).
 */
export async function lockLines(db: Queryable, ids: readonly string[]): Promise<BudgetLineRow[]> {
  if (ids.length === 0) return [];
  return db
    .select()
    .from(budgetLines)
    .where(inArray(budgetLines.id, [...new Set(ids)]))
    .orderBy(asc(budgetLines.id))
    .for('update');
}

export async function lockLine(db: Queryable, id: string): Promise<BudgetLineRow | undefined> {
  const [row] = await lockLines(db, [id]);
  return row;
}

export async function getLine(db: Queryable, id: string): Promise<BudgetLineRow | undefined> {
  const [row] = await db.select().from(budgetLines).where(eq(budgetLines.id, id));
  return row;
}

const OPEN = sql`('requested', 'reviewed', 'approved')`;
const PAID = sql`('paid', 'archived')`;
const NONE = '00000000-0000-0000-0000-000000000000';

/**
 * What a line has paid and what it has committed (占用). Committed is what the line owes beyond what
 * it has paid: open payment requests not tied to a contract or grant, plus, for every active
 * contract and every grant on the line, its amount less what has been paid against it (their open
 * requests fall inside that). `exclude` leaves out the request being decided, and counts its own
 * contract or grant by its open requests only, since the request moves money inside that reservation.
 */
export async function linePosition(
  db: Queryable,
  lineId: string,
  exclude: { requestId?: string | undefined; contractId?: string | null | undefined; grantId?: string | null | undefined } = {},
) {
  const request = exclude.requestId ?? NONE;
  const contract = exclude.contractId ?? NONE;
  const grant = exclude.grantId ?? NONE;
  const [row] = await queryRows<{ paid: number; committed: number }>(
    db,
    sql`select
      coalesce((select sum(amount_fen) from payment_requests where budget_line_id = ${lineId}::uuid and status in ${PAID}), 0)::bigint as paid,
      (coalesce((select sum(amount_fen) from payment_requests where budget_line_id = ${lineId}::uuid and status in ${OPEN} and contract_id is null and grant_id is null and id <> ${request}::uuid), 0)
       + coalesce((select sum(greatest(c.amount_fen - coalesce((select sum(r.amount_fen) from payment_requests r where r.contract_id = c.id and r.status in ${PAID}), 0), 0))
                   from contracts c where c.budget_line_id = ${lineId}::uuid and c.status = 'active' and c.id <> ${contract}::uuid), 0)
       + coalesce((select sum(amount_fen) from payment_requests where contract_id = ${contract}::uuid and status in ${OPEN} and id <> ${request}::uuid), 0)
       + coalesce((select sum(greatest(g.amount_fen - coalesce((select sum(r.amount_fen) from payment_requests r where r.grant_id = g.id and r.status in ${PAID}), 0), 0))
                   from subsidy_grants g where g.budget_line_id = ${lineId}::uuid and g.id <> ${grant}::uuid), 0)
       + coalesce((select sum(amount_fen) from payment_requests where grant_id = ${grant}::uuid and status in ${OPEN} and id <> ${request}::uuid), 0))::bigint as committed`,
  );
  return { paid: Number(row?.paid ?? 0), committed: Number(row?.committed ?? 0) };
}

export async function insertLine(db: Queryable, values: typeof budgetLines.$inferInsert): Promise<BudgetLineRow> {
  const [row] = await db.insert(budgetLines).values(values).returning();
  if (!row) throw new Error('budget line insert returned nothing');
  return row;
}

export async function addApprovedAdjustment(db: Queryable, lineId: string, amountFen: number): Promise<void> {
  await db
    .update(budgetLines)
    .set({ adjustmentsFen: sql`${budgetLines.adjustmentsFen} + ${amountFen}`, version: sql`${budgetLines.version} + 1` })
    .where(eq(budgetLines.id, lineId));
}

export async function findAdjustments(db: Queryable, lineId: string) {
  return db.select().from(budgetAdjustments).where(eq(budgetAdjustments.budgetLineId, lineId)).orderBy(asc(budgetAdjustments.requestedAt));
}

export async function getAdjustment(db: Queryable, id: string, lock = false) {
  const query = db.select().from(budgetAdjustments).where(eq(budgetAdjustments.id, id));
  const [row] = lock ? await query.for('update') : await query;
  return row;
}

export async function insertAdjustment(db: Queryable, values: typeof budgetAdjustments.$inferInsert) {
  const [row] = await db.insert(budgetAdjustments).values(values).returning();
  if (!row) throw new Error('adjustment insert returned nothing');
  return row;
}

export async function decideAdjustment(db: Queryable, id: string, values: Partial<typeof budgetAdjustments.$inferInsert>) {
  const [row] = await db.update(budgetAdjustments).set(values).where(eq(budgetAdjustments.id, id)).returning();
  return row;
}

export async function findPlan(db: Queryable, lineId: string) {
  return db.select().from(paymentPlans).where(eq(paymentPlans.budgetLineId, lineId)).orderBy(asc(paymentPlans.month));
}

export async function replacePlan(db: Queryable, lineId: string, months: readonly number[]): Promise<void> {
  await db.delete(paymentPlans).where(eq(paymentPlans.budgetLineId, lineId));
  await db.insert(paymentPlans).values(months.map((amountFen, index) => ({ budgetLineId: lineId, month: index + 1, amountFen })));
}

export async function bumpLineVersion(db: Queryable, lineId: string, expected: number): Promise<boolean> {
  const rows = await db
    .update(budgetLines)
    .set({ version: sql`${budgetLines.version} + 1` })
    .where(and(eq(budgetLines.id, lineId), eq(budgetLines.version, expected)))
    .returning({ id: budgetLines.id });
  return rows.length > 0;
}
