import { and, desc, eq, ilike, like, or, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Queryable } from '../../db/connect.ts';
import { containsPattern } from '../../db/like.ts';
import { budgetLines, organisations, procurements, users } from '../../db/schema.ts';
import { inScope, type Scope } from '../../policies/scope.ts';

export type ProcurementRow = typeof procurements.$inferSelect;

export interface ProcurementFilter {
  readonly scope: Scope;
  readonly fiscalYear?: number | undefined;
  readonly organisationId?: string | undefined;
  readonly status?: ProcurementRow['status'] | undefined;
  readonly id?: string | undefined;
  /** Part of the code, title, supplier or line name, as typed (literal). */
  readonly q?: string | undefined;
}

const drafter = alias(users, 'drafter');
const approver = alias(users, 'approver');

/** Procurements with their line, organisation and people, newest first; the fiscal year is the line's. */
export async function findProcurements(db: Queryable, filter: ProcurementFilter) {
  const conditions: SQL[] = [];
  const scoped = inScope(procurements.organisationId, filter.scope);
  if (scoped) conditions.push(scoped);
  if (filter.fiscalYear) conditions.push(eq(budgetLines.fiscalYear, filter.fiscalYear));
  if (filter.organisationId) conditions.push(eq(procurements.organisationId, filter.organisationId));
  if (filter.status) conditions.push(eq(procurements.status, filter.status));
  if (filter.id) conditions.push(eq(procurements.id, filter.id));
  if (filter.q) {
    const pattern = containsPattern(filter.q);
    const matched = or(
      ilike(procurements.code, pattern),
      ilike(procurements.title, pattern),
      ilike(procurements.supplierName, pattern),
      ilike(budgetLines.name, pattern),
    );
    if (matched) conditions.push(matched);
  }
  return db
    .select({
      procurement: procurements,
      organisationName: organisations.name,
      fiscalYear: budgetLines.fiscalYear,
      lineCode: budgetLines.code,
      lineName: budgetLines.name,
      draftedByName: drafter.displayName,
      approvedByName: approver.displayName,
    })
    .from(procurements)
    .innerJoin(organisations, eq(organisations.id, procurements.organisationId))
    .innerJoin(budgetLines, eq(budgetLines.id, procurements.budgetLineId))
    .innerJoin(drafter, eq(drafter.id, procurements.draftedBy))
    .leftJoin(approver, eq(approver.id, procurements.approvedBy))
    .where(conditions.length ? and(...conditions) : undefined)
    .orderBy(desc(procurements.createdAt), desc(procurements.code));
}

export type ProcurementListRow = Awaited<ReturnType<typeof findProcurements>>[number];

/** The row, locked for the rest of the transaction when a step changes it. */
export async function getProcurement(db: Queryable, id: string, lock = false): Promise<ProcurementRow | undefined> {
  const query = db.select().from(procurements).where(eq(procurements.id, id));
  const [row] = lock ? await query.for('update') : await query;
  return row;
}

export async function insertProcurement(db: Queryable, values: typeof procurements.$inferInsert): Promise<ProcurementRow> {
  const [row] = await db.insert(procurements).values(values).returning();
  if (!row) throw new Error('procurement insert returned nothing');
  return row;
}

/** Optimistic concurrency: applies only while the row still has the version the user read. */
export async function updateProcurement(
  db: Queryable,
  id: string,
  expectedVersion: number,
  values: Partial<typeof procurements.$inferInsert>,
): Promise<ProcurementRow | undefined> {
  const [row] = await db
    .update(procurements)
    .set({ ...values, version: sql`${procurements.version} + 1` })
    .where(and(eq(procurements.id, id), eq(procurements.version, expectedVersion)))
    .returning();
  return row;
}

/** The highest number among the organisation's codes of the form `${prefix}NNN` (0 when none). */
export async function lastCodeNumber(db: Queryable, organisationId: string, prefix: string): Promise<number> {
  const [row] = await db
    .select({ value: sql<number>`coalesce(max(substring(${procurements.code} from ${`^${prefix}(\\d+)$`})::int), 0)` })
    .from(procurements)
    .where(and(eq(procurements.organisationId, organisationId), like(procurements.code, `${prefix}%`)));
  return Number(row?.value ?? 0);
}
