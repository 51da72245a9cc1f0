import { and, asc, desc, eq, ilike, inArray, or, sql } from 'drizzle-orm';
import type { Queryable } from '../db/connect.ts';
import { containsPattern } from '../db/like.ts';
import {
  declarationContributors,
  declarationOpinions,
  declarationTransitions,
  declarationVersions,
  declaredIndicators,
  organisations,
  targetDeclarations,
  users,
} from '../db/schema.ts';
import { inScope, type Scope } from '../policies/scope.ts';

export type DeclarationRow = typeof targetDeclarations.$inferSelect;
export type DeclaredIndicatorRow = typeof declaredIndicators.$inferSelect;
export type DeclaredIndicatorInsert = typeof declaredIndicators.$inferInsert;

export interface DeclarationFilter {
  readonly scope: Scope;
  readonly fiscalYear?: number | undefined;
  readonly status?: DeclarationRow['status'] | undefined;
  readonly kind?: DeclarationRow['kind'] | undefined;
  readonly organisationId?: string | undefined;
  /** Part of the project's name or code, or of the unit's name, as typed (literal). */
  readonly q?: string | undefined;
}

const indicatorCount = sql<number>`(select count(*)::int from ${declaredIndicators} where ${declaredIndicators.declarationId} = ${targetDeclarations.id})`;

const matches = (q: string) => {
  const pattern = containsPattern(q);
  return or(
    ilike(targetDeclarations.projectName, pattern),
    ilike(targetDeclarations.projectCode, pattern),
    ilike(organisations.name, pattern),
  );
};

/** The declarations inside the scope, with their unit's name and indicator count, in one query. */
export async function findDeclarations(db: Queryable, filter: DeclarationFilter) {
  return db
    .select({ declaration: targetDeclarations, organisationName: organisations.name, indicatorCount })
    .from(targetDeclarations)
    .innerJoin(organisations, eq(organisations.id, targetDeclarations.organisationId))
    .where(
      and(
        inScope(targetDeclarations.organisationId, filter.scope),
        filter.fiscalYear === undefined ? undefined : eq(targetDeclarations.fiscalYear, filter.fiscalYear),
        filter.status === undefined ? undefined : eq(targetDeclarations.status, filter.status),
        filter.kind === undefined ? undefined : eq(targetDeclarations.kind, filter.kind),
        filter.organisationId === undefined ? undefined : eq(targetDeclarations.organisationId, filter.organisationId),
        filter.q === undefined ? undefined : matches(filter.q),
      ),
    )
    .orderBy(
      asc(targetDeclarations.fiscalYear),
      asc(targetDeclarations.kind),
      asc(targetDeclarations.projectCode),
      asc(targetDeclarations.id),
    );
}

export async function getDeclaration(db: Queryable, id: string, lock = false): Promise<DeclarationRow | undefined> {
  const query = db.select().from(targetDeclarations).where(eq(targetDeclarations.id, id));
  const [row] = lock ? await query.for('update') : await query;
  return row;
}

export async function getOrganisationName(db: Queryable, id: string): Promise<string> {
  const [row] = await db.select({ name: organisations.name }).from(organisations).where(eq(organisations.id, id));
  return row?.name ?? '';
}

export async function insertDeclaration(db: Queryable, values: typeof targetDeclarations.$inferInsert): Promise<DeclarationRow> {
  const [row] = await db.insert(targetDeclarations).values(values).returning();
  if (!row) throw new Error('declaration insert returned nothing');
  return row;
}

/** Writes the header and bumps the version; the caller has locked the row and checked the version. */
export async function updateDeclaration(db: Queryable, id: string, values: Partial<typeof targetDeclarations.$inferInsert>): Promise<void> {
  await db
    .update(targetDeclarations)
    .set({ ...values, updatedAt: new Date(), version: sql`${targetDeclarations.version} + 1` })
    .where(eq(targetDeclarations.id, id));
}

export async function findIndicators(db: Queryable, declarationId: string): Promise<DeclaredIndicatorRow[]> {
  return db
    .select()
    .from(declaredIndicators)
    .where(eq(declaredIndicators.declarationId, declarationId))
    .orderBy(asc(declaredIndicators.position));
}

/** Replaces the indicator table: lines with a known id keep it, the others are new, the missing ones go. */
export async function replaceIndicators(db: Queryable, declarationId: string, rows: readonly DeclaredIndicatorInsert[]): Promise<void> {
  await db.delete(declaredIndicators).where(eq(declaredIndicators.declarationId, declarationId));
  if (rows.length > 0) await db.insert(declaredIndicators).values(rows.map((row) => ({ ...row, declarationId })));
}

export async function findContributors(db: Queryable, declarationId: string): Promise<Set<string>> {
  const rows = await db
    .select({ userId: declarationContributors.userId })
    .from(declarationContributors)
    .where(eq(declarationContributors.declarationId, declarationId));
  return new Set(rows.map((row) => row.userId));
}

export async function addContributor(db: Queryable, declarationId: string, userId: string): Promise<void> {
  await db.insert(declarationContributors).values({ declarationId, userId }).onConflictDoNothing();
}

export type TransitionRow = typeof declarationTransitions.$inferSelect;

export async function findTransitions(db: Queryable, declarationId: string) {
  return db
    .select({ transition: declarationTransitions, actorName: users.displayName })
    .from(declarationTransitions)
    .innerJoin(users, eq(users.id, declarationTransitions.actorId))
    .where(eq(declarationTransitions.declarationId, declarationId))
    .orderBy(asc(declarationTransitions.at), asc(declarationTransitions.id));
}

export async function insertTransition(db: Queryable, values: typeof declarationTransitions.$inferInsert): Promise<TransitionRow> {
  const [row] = await db.insert(declarationTransitions).values(values).returning();
  if (!row) throw new Error('transition insert returned nothing');
  return row;
}

export async function insertOpinions(db: Queryable, rows: readonly (typeof declarationOpinions.$inferInsert)[]): Promise<void> {
  if (rows.length > 0) await db.insert(declarationOpinions).values([...rows]);
}

export async function findOpinions(db: Queryable, transitionIds: readonly string[]) {
  if (transitionIds.length === 0) return [];
  return db
    .select()
    .from(declarationOpinions)
    .where(inArray(declarationOpinions.transitionId, [...transitionIds]));
}

export async function insertVersion(db: Queryable, values: typeof declarationVersions.$inferInsert): Promise<void> {
  await db.insert(declarationVersions).values(values);
}

/** The latest approved version of a declaration, with the approver's name. */
export async function latestVersion(db: Queryable, declarationId: string) {
  const [row] = await db
    .select({ version: declarationVersions, approvedByName: users.displayName })
    .from(declarationVersions)
    .innerJoin(users, eq(users.id, declarationVersions.approvedBy))
    .where(eq(declarationVersions.declarationId, declarationId))
    .orderBy(desc(declarationVersions.number))
    .limit(1);
  return row;
}

/** The approved declaration of a project, or of a department's year, for opening the year-end evaluation. */
export async function findApprovedFor(
  db: Queryable,
  target: { projectId: string } | { organisationId: string; fiscalYear: number },
): Promise<DeclarationRow | undefined> {
  const where =
    'projectId' in target
      ? eq(targetDeclarations.projectId, target.projectId)
      : and(
          eq(targetDeclarations.kind, 'department'),
          eq(targetDeclarations.organisationId, target.organisationId),
          eq(targetDeclarations.fiscalYear, target.fiscalYear),
        );
  const [row] = await db
    .select()
    .from(targetDeclarations)
    .where(and(where, eq(targetDeclarations.status, 'approved')));
  return row;
}
