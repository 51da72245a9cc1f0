import { and, asc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { Queryable } from '../db/connect.ts';
import { controlSettings, exAnteAssessments, organisations, projects } from '../db/schema.ts';
import { inScope, type Scope } from '../policies/scope.ts';

export type ExAnteRow = typeof exAnteAssessments.$inferSelect;

const withNames = {
  assessment: exAnteAssessments,
  organisationName: organisations.name,
  projectCode: projects.code,
  projectName: projects.name,
};

/** Assessments in the scope, with their unit's and project's names. */
export async function findAssessments(
  db: Queryable,
  filter: { scope: Scope; organisationId?: string | undefined; fiscalYear?: number | undefined; id?: string | undefined },
) {
  const conditions: SQL[] = [];
  const scoped = inScope(exAnteAssessments.organisationId, filter.scope);
  if (scoped) conditions.push(scoped);
  if (filter.organisationId) conditions.push(eq(exAnteAssessments.organisationId, filter.organisationId));
  if (filter.fiscalYear) conditions.push(eq(exAnteAssessments.fiscalYear, filter.fiscalYear));
  if (filter.id) conditions.push(eq(exAnteAssessments.id, filter.id));
  return db
    .select(withNames)
    .from(exAnteAssessments)
    .innerJoin(organisations, eq(organisations.id, exAnteAssessments.organisationId))
    .innerJoin(projects, eq(projects.id, exAnteAssessments.projectId))
    .where(conditions.length ? and(...conditions) : undefined)
    .orderBy(asc(exAnteAssessments.fiscalYear), asc(organisations.code), asc(projects.code));
}

export async function insertAssessment(db: Queryable, values: typeof exAnteAssessments.$inferInsert): Promise<ExAnteRow> {
  const [row] = await db.insert(exAnteAssessments).values(values).returning();
  if (!row) throw new Error('insert returned no row');
  return row;
}

/** Locks the assessment for the rest of the transaction (grading and concluding are read-modify-write). */
export async function lockAssessment(db: Queryable, id: string): Promise<ExAnteRow | undefined> {
  const [row] = await db.select().from(exAnteAssessments).where(eq(exAnteAssessments.id, id)).for('update');
  return row;
}

/** Writes if the version is still the one read; false when it moved. */
export async function updateAssessment(
  db: Queryable,
  id: string,
  version: number,
  values: Partial<Pick<ExAnteRow, 'entries' | 'opinion' | 'conclusion' | 'totalPoints' | 'concludedBy' | 'concludedAt'>>,
): Promise<boolean> {
  const rows = await db
    .update(exAnteAssessments)
    .set({ ...values, updatedAt: new Date(), version: sql`${exAnteAssessments.version} + 1` })
    .where(and(eq(exAnteAssessments.id, id), eq(exAnteAssessments.version, version)))
    .returning({ id: exAnteAssessments.id });
  return rows.length > 0;
}

/**
 * The conclusion of a project's assessment for a year, read with a share lock: a budget line created
 * in the same transaction cannot race a conclusion being written (the conclusion waits, or is seen).
 */
export async function conclusionFor(db: Queryable, projectId: string, fiscalYear: number) {
  const [row] = await db
    .select({ conclusion: exAnteAssessments.conclusion })
    .from(exAnteAssessments)
    .where(and(eq(exAnteAssessments.projectId, projectId), eq(exAnteAssessments.fiscalYear, fiscalYear)))
    .for('share');
  return row?.conclusion ?? undefined;
}

/** The concluded assessments of some projects, by project id and year (the ledger import's batch form of conclusionFor). */
export async function conclusionsFor(db: Queryable, projectIds: readonly string[]) {
  if (projectIds.length === 0) return new Map<string, 'support' | 'adjust' | 'reject'>();
  const rows = await db
    .select({ projectId: exAnteAssessments.projectId, fiscalYear: exAnteAssessments.fiscalYear, conclusion: exAnteAssessments.conclusion })
    .from(exAnteAssessments)
    .where(and(inArray(exAnteAssessments.projectId, [...new Set(projectIds)]), sql`${exAnteAssessments.conclusion} is not null`))
    .for('share');
  return new Map(rows.flatMap((row) => (row.conclusion ? [[`${row.projectId}:${row.fiscalYear}`, row.conclusion] as const] : [])));
}

/** The deployment's overrides of the assessment scheme: `exAnte` in the control settings row, if any. */
export async function findSchemeOverrides(db: Queryable): Promise<Record<string, unknown>> {
  const [row] = await db.select({ config: controlSettings.config }).from(controlSettings).where(eq(controlSettings.id, 1));
  const overrides = row?.config.exAnte;
  return overrides && typeof overrides === 'object' ? (overrides as Record<string, unknown>) : {};
}
