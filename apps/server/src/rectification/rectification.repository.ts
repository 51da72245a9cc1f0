import { and, asc, desc, eq, ilike, inArray, ne, or, sql } from 'drizzle-orm';
import type { Queryable } from '../db/connect.ts';
import { containsPattern } from '../db/like.ts';
import { organisations, rectificationSteps, rectifications, users } from '../db/schema.ts';
import { inScope, type Scope } from '../policies/scope.ts';

export type RectificationRow = typeof rectifications.$inferSelect;
export type RectificationInsert = typeof rectifications.$inferInsert;
export type RectificationStepRow = typeof rectificationSteps.$inferSelect;

export interface RectificationFilter {
  readonly scope: Scope;
  readonly fiscalYear?: number | undefined;
  readonly status?: RectificationRow['status'] | undefined;
  readonly organisationId?: string | undefined;
  /** Only open items (not closed). */
  readonly open?: boolean | undefined;
  /** Part of the problem, the source's title, the owner or the unit's name, as typed (literal). */
  readonly q?: string | undefined;
}

const matches = (q: string) => {
  const pattern = containsPattern(q);
  return or(
    ilike(rectifications.problem, pattern),
    ilike(rectifications.sourceTitle, pattern),
    ilike(rectifications.ownerName, pattern),
    ilike(organisations.name, pattern),
  );
};

/** The notices inside the scope with their unit's name, in one query; overdue is decided by the caller's clock. */
export async function findRectifications(db: Queryable, filter: RectificationFilter) {
  return db
    .select({ rectification: rectifications, organisationName: organisations.name })
    .from(rectifications)
    .innerJoin(organisations, eq(organisations.id, rectifications.organisationId))
    .where(
      and(
        inScope(rectifications.organisationId, filter.scope),
        filter.fiscalYear === undefined ? undefined : eq(rectifications.fiscalYear, filter.fiscalYear),
        filter.status === undefined ? undefined : eq(rectifications.status, filter.status),
        filter.organisationId === undefined ? undefined : eq(rectifications.organisationId, filter.organisationId),
        filter.open ? ne(rectifications.status, 'closed') : undefined,
        filter.q === undefined ? undefined : matches(filter.q),
      ),
    )
    .orderBy(asc(rectifications.deadline), desc(rectifications.issuedAt));
}

export async function getRectification(db: Queryable, id: string, lock = false): Promise<RectificationRow | undefined> {
  const query = db.select().from(rectifications).where(eq(rectifications.id, id));
  const [row] = lock ? await query.for('update') : await query;
  return row;
}

/** The open notice on the same source and unit, if one exists (one item is noticed once). */
export async function findOpenDuplicate(
  db: Queryable,
  key: { sourceKind: RectificationRow['sourceKind']; sourceId: string; organisationId: string },
): Promise<RectificationRow | undefined> {
  const [row] = await db
    .select()
    .from(rectifications)
    .where(
      and(
        eq(rectifications.sourceKind, key.sourceKind),
        eq(rectifications.sourceId, key.sourceId),
        eq(rectifications.organisationId, key.organisationId),
        ne(rectifications.status, 'closed'),
      ),
    );
  return row;
}

export async function insertRectification(db: Queryable, row: RectificationInsert): Promise<RectificationRow> {
  const [created] = await db.insert(rectifications).values(row).returning();
  if (!created) throw new Error('insert into rectifications returned no row');
  return created;
}

/** Moves the locked row to its next status, bumping the version. */
export async function setStatus(db: Queryable, id: string, status: RectificationRow['status'], closedAt: Date | null): Promise<void> {
  await db
    .update(rectifications)
    .set({ status, closedAt, updatedAt: sql`now()`, version: sql`${rectifications.version} + 1` })
    .where(eq(rectifications.id, id));
}

export async function insertStep(db: Queryable, row: typeof rectificationSteps.$inferInsert): Promise<void> {
  await db.insert(rectificationSteps).values(row);
}

/** The history of a notice, oldest first, with each actor's name. */
export async function findSteps(db: Queryable, id: string) {
  return db
    .select({ step: rectificationSteps, actorName: users.displayName })
    .from(rectificationSteps)
    .innerJoin(users, eq(users.id, rectificationSteps.actorId))
    .where(eq(rectificationSteps.rectificationId, id))
    .orderBy(asc(rectificationSteps.at), asc(rectificationSteps.id));
}

/** Who submitted the feedback now waiting: the latest feedback step's actor. */
export async function lastAnswerer(db: Queryable, id: string): Promise<string | undefined> {
  const [row] = await db
    .select({ actorId: rectificationSteps.actorId })
    .from(rectificationSteps)
    .where(and(eq(rectificationSteps.rectificationId, id), eq(rectificationSteps.action, 'feedback')))
    .orderBy(desc(rectificationSteps.at), desc(rectificationSteps.id))
    .limit(1);
  return row?.actorId;
}

/** The latest feedback's actor for each of many notices (the to-do list's segregation check), in one query. */
export async function lastAnswerers(db: Queryable, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: rectificationSteps.rectificationId, actorId: rectificationSteps.actorId })
    .from(rectificationSteps)
    .where(and(inArray(rectificationSteps.rectificationId, [...ids]), eq(rectificationSteps.action, 'feedback')))
    .orderBy(asc(rectificationSteps.at), asc(rectificationSteps.id));
  return new Map(rows.map((row) => [row.id, row.actorId]));
}

export async function userName(db: Queryable, id: string): Promise<string> {
  const [row] = await db.select({ name: users.displayName }).from(users).where(eq(users.id, id));
  return row?.name ?? '';
}
