import { aliasedTable, and, count, desc, eq, ilike, ne, or, type SQL, sql } from 'drizzle-orm';
import type { Queryable } from '../../db/connect.ts';
import { containsPattern } from '../../db/like.ts';
import { budgetLines, contractMilestones, contracts, paymentRequests, subsidyGrants, subsidyRecipients, users } from '../../db/schema.ts';
import { inScope, type Scope } from '../../policies/scope.ts';
import { OPEN_STATUSES, PAID_STATUSES, paymentSum } from '../budget/budget.repository.ts';

export type PaymentRow = typeof paymentRequests.$inferSelect;

export async function getPayment(db: Queryable, id: string, lock = false): Promise<PaymentRow | undefined> {
  const query = db.select().from(paymentRequests).where(eq(paymentRequests.id, id));
  const [row] = lock ? await query.for('update') : await query;
  return row;
}

export async function insertPayment(db: Queryable, values: typeof paymentRequests.$inferInsert): Promise<PaymentRow> {
  const [row] = await db.insert(paymentRequests).values(values).returning();
  if (!row) throw new Error('payment insert returned nothing');
  return row;
}

export async function updatePayment(
  db: Queryable,
  id: string,
  expectedVersion: number,
  values: Partial<typeof paymentRequests.$inferInsert>,
): Promise<PaymentRow | undefined> {
  const [row] = await db
    .update(paymentRequests)
    .set({ ...values, version: sql`${paymentRequests.version} + 1` })
    .where(and(eq(paymentRequests.id, id), eq(paymentRequests.version, expectedVersion)))
    .returning();
  return row;
}

/** Earlier requests (not rejected) with the same payee, amount and invoice number within the window. */
export async function countDuplicates(
  db: Queryable,
  facts: { payeeName: string; amountFen: number; invoiceNumber: string | null; since: Date; excludeId?: string },
): Promise<number> {
  if (!facts.invoiceNumber) return 0;
  const conditions: SQL[] = [
    eq(paymentRequests.payeeName, facts.payeeName),
    eq(paymentRequests.amountFen, facts.amountFen),
    eq(paymentRequests.invoiceNumber, facts.invoiceNumber),
    ne(paymentRequests.status, 'rejected'),
    sql`${paymentRequests.requestedAt} >= ${facts.since.toISOString()}::timestamptz`,
  ];
  if (facts.excludeId) conditions.push(ne(paymentRequests.id, facts.excludeId));
  const [row] = await db
    .select({ value: count() })
    .from(paymentRequests)
    .where(and(...conditions));
  return Number(row?.value ?? 0);
}

/** The contract, locked, with what is paid and committed against it (excluding one request) and what is accepted. */
export async function contractPosition(db: Queryable, contractId: string, excludeRequestId?: string) {
  const [contract] = await db.select().from(contracts).where(eq(contracts.id, contractId)).for('update');
  if (!contract) return undefined;
  const exclude = excludeRequestId ? sql`and r.id <> ${excludeRequestId}::uuid` : sql``;
  const [money] = await db
    .select({
      paid: paymentSum('contract_id', contracts.id, PAID_STATUSES),
      committed: paymentSum('contract_id', contracts.id, OPEN_STATUSES, exclude),
    })
    .from(contracts)
    .where(eq(contracts.id, contractId));
  const [accepted] = await db
    .select({ value: sql<number>`coalesce(sum(amount_fen) filter (where accepted_at is not null), 0)::bigint` })
    .from(contractMilestones)
    .where(eq(contractMilestones.contractId, contractId));
  return { contract, paid: Number(money?.paid ?? 0), committed: Number(money?.committed ?? 0), accepted: Number(accepted?.value ?? 0) };
}

export async function getMilestone(db: Queryable, id: string) {
  const [row] = await db.select().from(contractMilestones).where(eq(contractMilestones.id, id));
  return row;
}

export async function getGrantWithRecipient(db: Queryable, id: string) {
  const [row] = await db
    .select({ grant: subsidyGrants, recipient: subsidyRecipients })
    .from(subsidyGrants)
    .innerJoin(subsidyRecipients, eq(subsidyRecipients.id, subsidyGrants.recipientId))
    .where(eq(subsidyGrants.id, id));
  return row;
}

const requester = aliasedTable(users, 'requester');
const reviewer = aliasedTable(users, 'reviewer');
const approver = aliasedTable(users, 'approver');
const payer = aliasedTable(users, 'payer');
const countersigner = aliasedTable(users, 'countersigner');

export interface PaymentListRow {
  readonly payment: PaymentRow;
  readonly lineCode: string;
  readonly lineName: string;
  readonly requester: string;
  readonly reviewer: string | null;
  readonly approver: string | null;
  readonly payer: string | null;
  readonly countersigner: string | null;
}

export async function findPayments(
  db: Queryable,
  filter: {
    scope: Scope;
    fiscalYear?: number | undefined;
    status?: PaymentRow['status'] | undefined;
    budgetLineId?: string | undefined;
    organisationId?: string | undefined;
    /** Part of the payee, purpose, invoice number or line, as typed (literal). */
    q?: string | undefined;
    ids?: readonly string[];
    limit: number;
    offset: number;
  },
): Promise<{ rows: PaymentListRow[]; total: number }> {
  const conditions: SQL[] = [];
  const scoped = inScope(paymentRequests.organisationId, filter.scope);
  if (scoped) conditions.push(scoped);
  if (filter.fiscalYear) conditions.push(eq(budgetLines.fiscalYear, filter.fiscalYear));
  if (filter.status) conditions.push(eq(paymentRequests.status, filter.status));
  if (filter.budgetLineId) conditions.push(eq(paymentRequests.budgetLineId, filter.budgetLineId));
  if (filter.organisationId) conditions.push(eq(paymentRequests.organisationId, filter.organisationId));
  if (filter.q) {
    const pattern = containsPattern(filter.q);
    const matched = or(
      ilike(paymentRequests.payeeName, pattern),
      ilike(paymentRequests.purpose, pattern),
      ilike(paymentRequests.invoiceNumber, pattern),
      ilike(budgetLines.code, pattern),
      ilike(budgetLines.name, pattern),
    );
    if (matched) conditions.push(matched);
  }
  if (filter.ids)
    conditions.push(
      filter.ids.length
        ? sql`${paymentRequests.id} in (${sql.join(
            filter.ids.map((id) => sql`${id}::uuid`),
            sql`, `,
          )})`
        : sql`false`,
    );
  const where = conditions.length ? and(...conditions) : undefined;
  const [rows, [total]] = await Promise.all([
    db
      .select({
        payment: paymentRequests,
        lineCode: budgetLines.code,
        lineName: budgetLines.name,
        requester: requester.displayName,
        reviewer: reviewer.displayName,
        approver: approver.displayName,
        payer: payer.displayName,
        countersigner: countersigner.displayName,
      })
      .from(paymentRequests)
      .innerJoin(budgetLines, eq(budgetLines.id, paymentRequests.budgetLineId))
      .innerJoin(requester, eq(requester.id, paymentRequests.requestedBy))
      .leftJoin(reviewer, eq(reviewer.id, paymentRequests.reviewedBy))
      .leftJoin(approver, eq(approver.id, paymentRequests.approvedBy))
      .leftJoin(payer, eq(payer.id, paymentRequests.paidBy))
      .leftJoin(countersigner, eq(countersigner.id, paymentRequests.countersignedBy))
      .where(where)
      .orderBy(desc(paymentRequests.requestedAt), desc(paymentRequests.id))
      .limit(filter.limit)
      .offset(filter.offset),
    db
      .select({ value: count() })
      .from(paymentRequests)
      .innerJoin(budgetLines, eq(budgetLines.id, paymentRequests.budgetLineId))
      .where(where),
  ]);
  return { rows, total: Number(total?.value ?? 0) };
}
