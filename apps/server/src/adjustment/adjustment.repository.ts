import { and, asc, desc, eq, inArray, notInArray, sql } from 'drizzle-orm';
import type { Queryable } from '../db/connect.ts';
import {
  declarationVersions,
  organisations,
  targetAdjustmentChanges,
  targetAdjustmentSteps,
  targetAdjustments,
  targetDeclarations,
  users,
} from '../db/schema.ts';
import { inScope, type Scope } from '../policies/scope.ts';

export type AdjustmentRow = typeof targetAdjustments.$inferSelect;
export type AdjustmentChangeRow = typeof targetAdjustmentChanges.$inferSelect;
export type AdjustmentChangeInsert = typeof targetAdjustmentChanges.$inferInsert;

export interface AdjustmentFilter {
  readonly scope: Scope;
  readonly fiscalYear?: number | undefined;
  readonly status?: AdjustmentRow['status'] | undefined;
  readonly organisationId?: string | undefined;
  readonly open?: boolean | undefined;
}

const CLOSED: AdjustmentRow['status'][] = ['approved', 'rejected'];

const changeCount = sql<number>`(select count(*)::int from ${targetAdjustmentChanges} where ${targetAdjustmentChanges.adjustmentId} = ${targetAdjustments.id})`;

/** The requests inside the scope with their unit, declaration title parts, requester and change count, in one query. */
export async function findAdjustments(db: Queryable, filter: AdjustmentFilter) {
  return db
    .select({
      adjustment: targetAdjustments,
      organisationName: organisations.name,
      projectName: targetDeclarations.projectName,
      createdByName: users.displayName,
      changeCount,
    })
    .from(targetAdjustments)
    .innerJoin(organisations, eq(organisations.id, targetAdjustments.organisationId))
    .innerJoin(targetDeclarations, eq(targetDeclarations.id, targetAdjustments.declarationId))
    .innerJoin(users, eq(users.id, targetAdjustments.createdBy))
    .where(
      and(
        inScope(targetAdjustments.organisationId, filter.scope),
        filter.fiscalYear === undefined ? undefined : eq(targetAdjustments.fiscalYear, filter.fiscalYear),
        filter.status === undefined ? undefined : eq(targetAdjustments.status, filter.status),
        filter.organisationId === undefined ? undefined : eq(targetAdjustments.organisationId, filter.organisationId),
        filter.open ? notInArray(targetAdjustments.status, CLOSED) : undefined,
      ),
    )
    .orderBy(desc(targetAdjustments.updatedAt), asc(targetAdjustments.id));
}

export async function getAdjustment(db: Queryable, id: string, lock = false): Promise<AdjustmentRow | undefined> {
  const query = db.select().from(targetAdjustments).where(eq(targetAdjustments.id, id));
  const [row] = lock ? await query.for('update') : await query;
  return row;
}

/** The open request of a declaration (one at a time), if any. */
export async function findOpenFor(db: Queryable, declarationId: string): Promise<AdjustmentRow | undefined> {
  const [row] = await db
    .select()
    .from(targetAdjustments)
    .where(and(eq(targetAdjustments.declarationId, declarationId), notInArray(targetAdjustments.status, CLOSED)));
  return row;
}

export async function insertAdjustment(db: Queryable, values: typeof targetAdjustments.$inferInsert): Promise<AdjustmentRow> {
  const [row] = await db.insert(targetAdjustments).values(values).returning();
  if (!row) throw new Error('adjustment insert returned nothing');
  return row;
}

/** Writes the request and bumps its version; the caller has locked the row and checked the version. */
export async function updateAdjustment(db: Queryable, id: string, values: Partial<typeof targetAdjustments.$inferInsert>): Promise<void> {
  await db
    .update(targetAdjustments)
    .set({ ...values, updatedAt: new Date(), version: sql`${targetAdjustments.version} + 1` })
    .where(eq(targetAdjustments.id, id));
}

export async function findChanges(db: Queryable, adjustmentId: string): Promise<AdjustmentChangeRow[]> {
  return db
    .select()
    .from(targetAdjustmentChanges)
    .where(eq(targetAdjustmentChanges.adjustmentId, adjustmentId))
    .orderBy(asc(targetAdjustmentChanges.position));
}

export async function replaceChanges(db: Queryable, adjustmentId: string, rows: readonly AdjustmentChangeInsert[]): Promise<void> {
  await db.delete(targetAdjustmentChanges).where(eq(targetAdjustmentChanges.adjustmentId, adjustmentId));
  if (rows.length > 0) await db.insert(targetAdjustmentChanges).values(rows.map((row) => ({ ...row, adjustmentId })));
}

export async function findSteps(db: Queryable, adjustmentId: string) {
  return (await findStepsOf(db, [adjustmentId])).get(adjustmentId) ?? [];
}

/** The steps of several adjustments in one query (the to-dos read every open one's), in order, by adjustment. */
export async function findStepsOf(db: Queryable, adjustmentIds: readonly string[]) {
  const rows =
    adjustmentIds.length === 0
      ? []
      : await db
          .select({ step: targetAdjustmentSteps, actorName: users.displayName })
          .from(targetAdjustmentSteps)
          .innerJoin(users, eq(users.id, targetAdjustmentSteps.actorId))
          .where(inArray(targetAdjustmentSteps.adjustmentId, [...adjustmentIds]))
          .orderBy(asc(targetAdjustmentSteps.at), asc(targetAdjustmentSteps.id));
  const byAdjustment = new Map<string, typeof rows>();
  for (const row of rows) byAdjustment.set(row.step.adjustmentId, [...(byAdjustment.get(row.step.adjustmentId) ?? []), row]);
  return byAdjustment;
}

export async function insertStep(db: Queryable, values: typeof targetAdjustmentSteps.$inferInsert): Promise<void> {
  await db.insert(targetAdjustmentSteps).values(values);
}

/** Every approved version of a declaration, oldest first, with the approver's name. */
export async function findVersions(db: Queryable, declarationId: string) {
  return db
    .select({ version: declarationVersions, approvedByName: users.displayName })
    .from(declarationVersions)
    .innerJoin(users, eq(users.id, declarationVersions.approvedBy))
    .where(eq(declarationVersions.declarationId, declarationId))
    .orderBy(asc(declarationVersions.number));
}

/** One approved version's snapshot. */
export async function getVersion(db: Queryable, declarationId: string, number: number) {
  const [row] = await db
    .select()
    .from(declarationVersions)
    .where(and(eq(declarationVersions.declarationId, declarationId), eq(declarationVersions.number, number)));
  return row;
}

/** The requests that wrote versions of a declaration, by id, with their changes (the version history). */
export async function findApprovedWithChanges(db: Queryable, declarationId: string) {
  return db
    .select({ change: targetAdjustmentChanges, adjustmentId: targetAdjustments.id })
    .from(targetAdjustmentChanges)
    .innerJoin(targetAdjustments, eq(targetAdjustments.id, targetAdjustmentChanges.adjustmentId))
    .where(and(eq(targetAdjustments.declarationId, declarationId), eq(targetAdjustments.status, 'approved')))
    .orderBy(asc(targetAdjustmentChanges.position));
}

export async function getUserName(db: Queryable, id: string): Promise<string> {
  const [row] = await db.select({ name: users.displayName }).from(users).where(eq(users.id, id));
  return row?.name ?? '';
}
