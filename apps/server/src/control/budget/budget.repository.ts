import { control } from '@jixiao/core';
import { and, asc, Column, eq, inArray, is, type SQL, sql } from 'drizzle-orm';
import { type Queryable, ref } from '../../db/connect.ts';
import { budgetAdjustments, budgetLines, organisations, paymentPlans, projects } from '../../db/schema.ts';
import { inScope, type Scope } from '../../policies/scope.ts';

export type BudgetLineRow = typeof budgetLines.$inferSelect;

/** A line's budget (initial + carry-over + approved adjustments), by core's one definition. */
export const budgetOf = (line: BudgetLineRow) =>
  control.lineBudget({ initial: line.initialFen, carryOver: line.carryOverFen, adjustments: line.adjustmentsFen });

/** Statuses that hold money on a line: committed while open, spent once paid. */
export const OPEN_STATUSES = ['requested', 'reviewed', 'approved'] as const;
export const PAID_STATUSES = ['paid', 'archived'] as const;

export const statusList = (statuses: readonly string[]) =>
  sql.join(
    statuses.map((status) => sql`${status}`),
    sql`, `,
  );

/**
 * Payment requests on one record (its budget line, contract, milestone or grant) in the given statuses,
 * summed in fen: the one "paid / committed" SQL every position and list reads. `id` is the record's id
 * (a ref() to an outer column, or a parameter); `also` narrows the requests further.
 */
export const paymentSum = (
  column: 'budget_line_id' | 'contract_id' | 'milestone_id' | 'grant_id',
  id: Column | SQL,
  statuses: readonly string[],
  also: SQL = sql``,
) =>
  sql<number>`(select coalesce(sum(r.amount_fen), 0)::bigint from payment_requests r
    where r.${sql.raw(column)} = ${is(id, Column) ? ref(id) : id} and r.status in (${statusList(statuses)}) ${also})`;

const NONE = '00000000-0000-0000-0000-000000000000';

/** What a position leaves out: the request being decided, and its own contract or grant (see positionSql). */
export interface PositionExclusion {
  readonly requestId?: string | undefined;
  readonly contractId?: string | null | undefined;
  readonly grantId?: string | null | undefined;
}

/**
 * The one SQL definition of what a line has paid and committed (占用). Committed is what the line owes
 * beyond what it has paid: open payment requests not tied to a contract or grant, plus, for every
 * active contract and every grant on the line, its amount less what has been paid against it (their
 * open requests fall inside that). `exclude` leaves out the request being decided, and counts its own
 * contract or grant by its open requests only, since the request moves money inside that reservation.
 */
function positionSql(line: Column, exclude: PositionExclusion) {
  const request = sql`${exclude.requestId ?? NONE}::uuid`;
  const contract = sql`${exclude.contractId ?? NONE}::uuid`;
  const grant = sql`${exclude.grantId ?? NONE}::uuid`;
  const notRequest = sql`and r.id <> ${request}`;
  const owed = (table: 'contracts' | 'subsidy_grants', column: 'contract_id' | 'grant_id', excluded: SQL, also: SQL) =>
    sql`coalesce((select sum(greatest(x.amount_fen - ${paymentSum(column, sql`x.id`, PAID_STATUSES)}, 0))
      from ${sql.raw(table)} x where x.budget_line_id = ${ref(line)} and x.id <> ${excluded} ${also}), 0)`;
  return {
    paid: paymentSum('budget_line_id', line, PAID_STATUSES),
    committed: sql<number>`(${paymentSum('budget_line_id', line, OPEN_STATUSES, sql`and r.contract_id is null and r.grant_id is null ${notRequest}`)}
      + ${owed('contracts', 'contract_id', contract, sql`and x.status = 'active'`)}
      + ${paymentSum('contract_id', contract, OPEN_STATUSES, notRequest)}
      + ${owed('subsidy_grants', 'grant_id', grant, sql``)}
      + ${paymentSum('grant_id', grant, OPEN_STATUSES, notRequest)})::bigint`,
  };
}

/** A budget line with its position (budget, paid, committed, available: core's arithmetic). */
export type LineWithPosition = { readonly line: BudgetLineRow } & control.LinePosition;

function withPosition(line: BudgetLineRow, paid: number | string, committed: number | string): LineWithPosition {
  return {
    line,
    ...control.linePosition({
      initial: line.initialFen,
      carryOver: line.carryOverFen,
      adjustments: line.adjustmentsFen,
      paid: Number(paid),
      committed: Number(committed),
    }),
  };
}

/**
 * The position of each line, by id: the one query every step, import and list reads a line's money
 * through. Unlocked: a step that moves money locks first (line-lock.ts) and reads through here after.
 */
export async function linePositions(
  db: Queryable,
  ids: readonly string[],
  exclude: PositionExclusion = {},
): Promise<Map<string, LineWithPosition>> {
  if (ids.length === 0) return new Map();
  const { paid, committed } = positionSql(budgetLines.id, exclude);
  const rows = await db
    .select({ line: budgetLines, paid, committed })
    .from(budgetLines)
    .where(inArray(budgetLines.id, [...new Set(ids)]));
  return new Map(rows.map((row) => [row.line.id, withPosition(row.line, row.paid, row.committed)]));
}

/**
 * Each line with its ledger position (positionSql, core's arithmetic) and what is planned (用款计划).
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
  const rows = await db
    .select({
      line: budgetLines,
      organisationName: organisations.name,
      projectName: projects.name,
      planned: sql<number>`coalesce((select sum(p.amount_fen) from payment_plans p where p.budget_line_id = ${ref(budgetLines.id)}), 0)::bigint`,
      ...positionSql(budgetLines.id, {}),
    })
    .from(budgetLines)
    .innerJoin(organisations, eq(organisations.id, budgetLines.organisationId))
    .leftJoin(projects, eq(projects.id, budgetLines.projectId))
    .where(conditions.length ? and(...conditions) : undefined)
    .orderBy(asc(organisations.code), asc(budgetLines.code));
  return rows.map((row) => ({ ...row, position: withPosition(row.line, row.paid, row.committed) }));
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
