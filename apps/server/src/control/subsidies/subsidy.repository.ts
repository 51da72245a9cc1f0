import { and, asc, desc, eq, ilike, or, type SQL, sql } from 'drizzle-orm';
import { type Queryable, ref } from '../../db/connect.ts';
import { containsPattern } from '../../db/like.ts';
import { budgetLines, organisations, subsidyFollowUps, subsidyGrants, subsidyRecipients, users } from '../../db/schema.ts';
import { inScope, type Scope } from '../../policies/scope.ts';
import { OPEN_STATUSES, PAID_STATUSES, paymentSum } from '../budget/budget.repository.ts';

export type RecipientRow = typeof subsidyRecipients.$inferSelect;
export type GrantRow = typeof subsidyGrants.$inferSelect;
export type FollowUpRow = typeof subsidyFollowUps.$inferSelect;

// ── recipients ────────────────────────────────────────────────────────────────────────────────

export async function findRecipients(db: Queryable, search?: string) {
  const pattern = search ? containsPattern(search) : undefined;
  return db
    .select({
      recipient: subsidyRecipients,
      grantCount: sql<number>`(select count(*)::int from subsidy_grants g where g.recipient_id = ${ref(subsidyRecipients.id)})`,
    })
    .from(subsidyRecipients)
    .where(pattern ? or(ilike(subsidyRecipients.name, pattern), ilike(subsidyRecipients.uscc, pattern)) : undefined)
    .orderBy(asc(subsidyRecipients.name));
}

export async function getRecipient(db: Queryable, id: string): Promise<RecipientRow | undefined> {
  const [row] = await db.select().from(subsidyRecipients).where(eq(subsidyRecipients.id, id));
  return row;
}

export async function findRecipientByUscc(db: Queryable, uscc: string): Promise<RecipientRow | undefined> {
  const [row] = await db.select().from(subsidyRecipients).where(eq(subsidyRecipients.uscc, uscc));
  return row;
}

export async function insertRecipient(db: Queryable, values: typeof subsidyRecipients.$inferInsert): Promise<RecipientRow> {
  const [row] = await db.insert(subsidyRecipients).values(values).returning();
  if (!row) throw new Error('recipient insert returned nothing');
  return row;
}

// ── grants ────────────────────────────────────────────────────────────────────────────────────

export interface GrantFilter {
  readonly scope: Scope;
  readonly fiscalYear?: number | undefined;
  readonly organisationId?: string | undefined;
  readonly recipientId?: string | undefined;
  readonly id?: string | undefined;
  /** Part of the recipient, its 统一社会信用代码, the programme or the line, as typed (literal). */
  readonly q?: string | undefined;
}

const followUps = (condition: SQL) =>
  sql<number>`(select count(*)::int from subsidy_follow_ups f where f.grant_id = ${ref(subsidyGrants.id)} and ${condition})`;

/** Grants with recipient, line, money paid and committed, and their follow-ups counted against `today`. */
export async function findGrants(db: Queryable, filter: GrantFilter, today: string) {
  const conditions: SQL[] = [];
  const scoped = inScope(subsidyGrants.organisationId, filter.scope);
  if (scoped) conditions.push(scoped);
  if (filter.fiscalYear) conditions.push(eq(budgetLines.fiscalYear, filter.fiscalYear));
  if (filter.organisationId) conditions.push(eq(subsidyGrants.organisationId, filter.organisationId));
  if (filter.recipientId) conditions.push(eq(subsidyGrants.recipientId, filter.recipientId));
  if (filter.id) conditions.push(eq(subsidyGrants.id, filter.id));
  if (filter.q) {
    const pattern = containsPattern(filter.q);
    const matched = or(
      ilike(subsidyRecipients.name, pattern),
      ilike(subsidyRecipients.uscc, pattern),
      ilike(subsidyGrants.programme, pattern),
      ilike(budgetLines.code, pattern),
      ilike(budgetLines.name, pattern),
    );
    if (matched) conditions.push(matched);
  }
  return db
    .select({
      grant: subsidyGrants,
      organisationName: organisations.name,
      recipientName: subsidyRecipients.name,
      recipientUscc: subsidyRecipients.uscc,
      fiscalYear: budgetLines.fiscalYear,
      lineCode: budgetLines.code,
      lineName: budgetLines.name,
      paid: paymentSum('grant_id', subsidyGrants.id, PAID_STATUSES),
      committed: paymentSum('grant_id', subsidyGrants.id, OPEN_STATUSES),
      total: followUps(sql`true`),
      done: followUps(sql`f.result <> 'pending'`),
      pending: followUps(sql`f.result = 'pending'`),
      overdue: followUps(sql`f.result = 'pending' and f.due_on < ${today}::date`),
      abnormal: followUps(sql`f.result = 'abnormal'`),
      abnormalOperation: followUps(sql`f.abnormal_operation`),
    })
    .from(subsidyGrants)
    .innerJoin(organisations, eq(organisations.id, subsidyGrants.organisationId))
    .innerJoin(subsidyRecipients, eq(subsidyRecipients.id, subsidyGrants.recipientId))
    .innerJoin(budgetLines, eq(budgetLines.id, subsidyGrants.budgetLineId))
    .where(conditions.length ? and(...conditions) : undefined)
    .orderBy(desc(subsidyGrants.awardedOn), asc(subsidyRecipients.name));
}

export type GrantListRow = Awaited<ReturnType<typeof findGrants>>[number];

export async function getGrant(db: Queryable, id: string): Promise<GrantRow | undefined> {
  const [row] = await db.select().from(subsidyGrants).where(eq(subsidyGrants.id, id));
  return row;
}

export async function insertGrant(db: Queryable, values: typeof subsidyGrants.$inferInsert): Promise<GrantRow> {
  const [row] = await db.insert(subsidyGrants).values(values).returning();
  if (!row) throw new Error('grant insert returned nothing');
  return row;
}

// ── follow-ups ────────────────────────────────────────────────────────────────────────────────

export async function findFollowUps(db: Queryable, grantId: string) {
  return db
    .select({ followUp: subsidyFollowUps, performedByName: users.displayName })
    .from(subsidyFollowUps)
    .leftJoin(users, eq(users.id, subsidyFollowUps.performedBy))
    .where(eq(subsidyFollowUps.grantId, grantId))
    .orderBy(asc(subsidyFollowUps.dueOn));
}

/** Pending checks past their due date, oldest first: what the web app warns about. */
export async function findOverdueFollowUps(db: Queryable, filter: { scope: Scope; organisationId?: string | undefined }, today: string) {
  const conditions: SQL[] = [eq(subsidyFollowUps.result, 'pending'), sql`${subsidyFollowUps.dueOn} < ${today}::date`];
  const scoped = inScope(subsidyGrants.organisationId, filter.scope);
  if (scoped) conditions.push(scoped);
  if (filter.organisationId) conditions.push(eq(subsidyGrants.organisationId, filter.organisationId));
  return db
    .select({
      followUp: subsidyFollowUps,
      grant: subsidyGrants,
      organisationName: organisations.name,
      recipientName: subsidyRecipients.name,
      daysOverdue: sql<number>`(${today}::date - ${subsidyFollowUps.dueOn})::int`,
    })
    .from(subsidyFollowUps)
    .innerJoin(subsidyGrants, eq(subsidyGrants.id, subsidyFollowUps.grantId))
    .innerJoin(subsidyRecipients, eq(subsidyRecipients.id, subsidyGrants.recipientId))
    .innerJoin(organisations, eq(organisations.id, subsidyGrants.organisationId))
    .where(and(...conditions))
    .orderBy(asc(subsidyFollowUps.dueOn), asc(subsidyRecipients.name));
}

export async function getFollowUp(db: Queryable, id: string): Promise<FollowUpRow | undefined> {
  const [row] = await db.select().from(subsidyFollowUps).where(eq(subsidyFollowUps.id, id));
  return row;
}

export async function insertFollowUp(db: Queryable, values: typeof subsidyFollowUps.$inferInsert): Promise<FollowUpRow> {
  const [row] = await db.insert(subsidyFollowUps).values(values).returning();
  if (!row) throw new Error('follow-up insert returned nothing');
  return row;
}

/** Records the check's result, only while it is pending and at the version the user saw. */
export async function recordFollowUp(
  db: Queryable,
  id: string,
  expectedVersion: number,
  values: Pick<FollowUpRow, 'result' | 'abnormalOperation' | 'finding' | 'performedOn' | 'performedBy'>,
): Promise<FollowUpRow | undefined> {
  const [row] = await db
    .update(subsidyFollowUps)
    .set({ ...values, version: sql`${subsidyFollowUps.version} + 1` })
    .where(and(eq(subsidyFollowUps.id, id), eq(subsidyFollowUps.version, expectedVersion), eq(subsidyFollowUps.result, 'pending')))
    .returning();
  return row;
}
