import { and, asc, desc, eq, exists, ilike, inArray, isNotNull, or, type SQL, sql } from 'drizzle-orm';
import { type Queryable, queryRows, ref } from '../db/connect.ts';
import { containsPattern } from '../db/like.ts';
import {
  attachments,
  evaluationContributors,
  evaluations,
  evaluationTransitions,
  fiscalYears,
  goals,
  indicators,
  type LedgerSnapshot,
  managementEntries,
  organisations,
  projects,
  users,
} from '../db/schema.ts';
import { inScope, type Scope } from '../policies/scope.ts';

export type EvaluationRow = typeof evaluations.$inferSelect;
export type GoalRow = typeof goals.$inferSelect;
export type IndicatorRow = typeof indicators.$inferSelect;
export type ManagementRow = typeof managementEntries.$inferSelect;

export interface EvaluationFilter {
  readonly scope: Scope;
  readonly fiscalYear?: number | undefined;
  readonly status?: EvaluationRow['status'] | undefined;
  readonly kind?: EvaluationRow['kind'] | undefined;
  readonly organisationId?: string | undefined;
  /** Part of the project's name or code or the unit's name, as typed (literal). */
  readonly q?: string | undefined;
}

const summaryColumns = {
  evaluation: evaluations,
  organisationName: organisations.name,
  organisationCode: organisations.code,
  projectName: projects.name,
  projectCode: projects.code,
  category: projects.category,
};

export async function findEvaluations(db: Queryable, filter: EvaluationFilter) {
  const conditions: SQL[] = [];
  const scoped = inScope(evaluations.organisationId, filter.scope);
  if (scoped) conditions.push(scoped);
  if (filter.fiscalYear) conditions.push(eq(evaluations.fiscalYear, filter.fiscalYear));
  if (filter.status) conditions.push(eq(evaluations.status, filter.status));
  if (filter.kind) conditions.push(eq(evaluations.kind, filter.kind));
  if (filter.organisationId) conditions.push(eq(evaluations.organisationId, filter.organisationId));
  if (filter.q) {
    const pattern = containsPattern(filter.q);
    const matched = or(ilike(projects.name, pattern), ilike(projects.code, pattern), ilike(organisations.name, pattern));
    if (matched) conditions.push(matched);
  }
  return db
    .select(summaryColumns)
    .from(evaluations)
    .innerJoin(organisations, eq(organisations.id, evaluations.organisationId))
    .leftJoin(projects, eq(projects.id, evaluations.projectId))
    .where(conditions.length ? and(...conditions) : undefined)
    .orderBy(desc(evaluations.fiscalYear), asc(evaluations.kind), asc(organisations.code), asc(projects.code));
}

export type EvaluationSummaryRow = Awaited<ReturnType<typeof findEvaluations>>[number];

export async function getEvaluationSummary(db: Queryable, id: string): Promise<EvaluationSummaryRow | undefined> {
  const [row] = await db
    .select(summaryColumns)
    .from(evaluations)
    .innerJoin(organisations, eq(organisations.id, evaluations.organisationId))
    .leftJoin(projects, eq(projects.id, evaluations.projectId))
    .where(eq(evaluations.id, id));
  return row;
}

/** The evaluation with its organisation's ancestor chain (nearest first), in one round trip. */
export async function getEvaluationWithChain(
  db: Queryable,
  id: string,
  lock: boolean,
): Promise<{ evaluation: EvaluationRow; chain: string[] } | undefined> {
  const query = db
    .select({
      evaluation: evaluations,
      chain: sql<string[]>`(with recursive chain(id, parent_id, depth) as (
          select o.id, o.parent_id, 0 from organisations o where o.id = ${ref(evaluations.organisationId)}
          union all
          select p.id, p.parent_id, c.depth + 1 from organisations p join chain c on p.id = c.parent_id)
        select json_agg(id order by depth) from chain)`,
    })
    .from(evaluations)
    .where(eq(evaluations.id, id));
  const [row] = lock ? await query.for('update', { of: evaluations }) : await query;
  return row;
}

export async function getEvaluation(db: Queryable, id: string): Promise<EvaluationRow | undefined> {
  const [row] = await db.select().from(evaluations).where(eq(evaluations.id, id));
  return row;
}

export async function findGoals(db: Queryable, evaluationId: string): Promise<GoalRow[]> {
  return db.select().from(goals).where(eq(goals.evaluationId, evaluationId)).orderBy(asc(goals.position));
}

export async function findIndicators(db: Queryable, evaluationId: string): Promise<IndicatorRow[]> {
  return db.select().from(indicators).where(eq(indicators.evaluationId, evaluationId)).orderBy(asc(indicators.position));
}

/** In code order, byte-wise on both databases: a department's own items are scored, shown and exported in that order. */
export async function findManagement(db: Queryable, evaluationId: string): Promise<ManagementRow[]> {
  return db
    .select()
    .from(managementEntries)
    .where(eq(managementEntries.evaluationId, evaluationId))
    .orderBy(sql`${managementEntries.code} collate "C"`);
}

export async function getIndicator(db: Queryable, id: string): Promise<IndicatorRow | undefined> {
  const [row] = await db.select().from(indicators).where(eq(indicators.id, id));
  return row;
}

export async function getGoal(db: Queryable, id: string): Promise<GoalRow | undefined> {
  const [row] = await db.select().from(goals).where(eq(goals.id, id));
  return row;
}

export async function fiscalYearExists(db: Queryable, year: number): Promise<boolean> {
  const [row] = await db.select({ year: fiscalYears.year }).from(fiscalYears).where(eq(fiscalYears.year, year));
  return row !== undefined;
}

export async function insertEvaluation(db: Queryable, row: typeof evaluations.$inferInsert): Promise<EvaluationRow> {
  const [inserted] = await db.insert(evaluations).values(row).returning();
  if (!inserted) throw new Error('insert evaluation returned nothing');
  return inserted;
}

/**
 * Optimistic concurrency: the update applies only if the row still has the version the user read.
 * Returns the updated row, or undefined when the version is stale (or the row is gone).
 */
export async function updateEvaluationHeader(
  db: Queryable,
  id: string,
  expectedVersion: number,
  values: Partial<typeof evaluations.$inferInsert>,
): Promise<EvaluationRow | undefined> {
  const [row] = await db
    .update(evaluations)
    .set({ ...values, version: sql`${evaluations.version} + 1`, updatedAt: new Date() })
    .where(and(eq(evaluations.id, id), eq(evaluations.version, expectedVersion)))
    .returning();
  return row;
}

export async function setEvaluationStatus(db: Queryable, id: string, status: EvaluationRow['status']): Promise<void> {
  await db.update(evaluations).set({ status, updatedAt: new Date() }).where(eq(evaluations.id, id));
}

/** Any content change bumps the aggregate revision and records the editor as a contributor. */
export async function touchEvaluation(db: Queryable, id: string, userId: string): Promise<void> {
  await db
    .update(evaluations)
    .set({ revision: sql`${evaluations.revision} + 1`, updatedAt: new Date() })
    .where(eq(evaluations.id, id));
  await addContributor(db, id, userId);
}

/** A reviewer's adjustment changes what is approved (revision) but does not make them a preparer. */
export async function touchEvaluationRevisionOnly(db: Queryable, id: string): Promise<void> {
  await db
    .update(evaluations)
    .set({ revision: sql`${evaluations.revision} + 1`, updatedAt: new Date() })
    .where(eq(evaluations.id, id));
}

export async function addContributor(db: Queryable, evaluationId: string, userId: string): Promise<void> {
  await db.insert(evaluationContributors).values({ evaluationId, userId }).onConflictDoNothing();
}

export async function findContributors(db: Queryable, evaluationId: string): Promise<Set<string>> {
  const rows = await db
    .select({ userId: evaluationContributors.userId })
    .from(evaluationContributors)
    .where(eq(evaluationContributors.evaluationId, evaluationId));
  return new Set(rows.map((row) => row.userId));
}

export async function saveScore(
  db: Queryable,
  id: string,
  score: { totalScore: number | null; grade: string | null; errorCount: number; warningCount: number } & Partial<
    Pick<EvaluationRow, 'initialFen' | 'carryOverFen' | 'adjustedFen' | 'executedFen'>
  >,
): Promise<void> {
  await db.update(evaluations).set(score).where(eq(evaluations.id, id));
}

export async function nextPosition(db: Queryable, table: typeof goals | typeof indicators, evaluationId: string): Promise<number> {
  const rows = await queryRows<{ next: number }>(
    db,
    sql`select (coalesce(max(position), 0) + 1)::int as next from ${table} where evaluation_id = ${evaluationId}::uuid`,
  );
  return Number(rows[0]?.next ?? 1);
}

export async function insertGoal(db: Queryable, row: typeof goals.$inferInsert): Promise<GoalRow> {
  const [inserted] = await db.insert(goals).values(row).returning();
  if (!inserted) throw new Error('insert goal returned nothing');
  return inserted;
}

export async function updateGoal(
  db: Queryable,
  id: string,
  expectedVersion: number,
  values: Partial<typeof goals.$inferInsert>,
): Promise<GoalRow | undefined> {
  const [row] = await db
    .update(goals)
    .set({ ...values, version: sql`${goals.version} + 1` })
    .where(and(eq(goals.id, id), eq(goals.version, expectedVersion)))
    .returning();
  return row;
}

export async function deleteGoal(db: Queryable, id: string, expectedVersion: number): Promise<boolean> {
  const rows = await db
    .delete(goals)
    .where(and(eq(goals.id, id), eq(goals.version, expectedVersion)))
    .returning({ id: goals.id });
  return rows.length > 0;
}

export async function insertIndicators(db: Queryable, rows: (typeof indicators.$inferInsert)[]): Promise<IndicatorRow[]> {
  if (rows.length === 0) return [];
  return db.insert(indicators).values(rows).returning();
}

export async function updateIndicator(
  db: Queryable,
  id: string,
  expectedVersion: number,
  values: Partial<typeof indicators.$inferInsert>,
): Promise<IndicatorRow | undefined> {
  const [row] = await db
    .update(indicators)
    .set({ ...values, version: sql`${indicators.version} + 1`, updatedAt: new Date() })
    .where(and(eq(indicators.id, id), eq(indicators.version, expectedVersion)))
    .returning();
  return row;
}

export async function deleteIndicator(db: Queryable, id: string, expectedVersion: number): Promise<boolean> {
  const rows = await db
    .delete(indicators)
    .where(and(eq(indicators.id, id), eq(indicators.version, expectedVersion)))
    .returning({ id: indicators.id });
  return rows.length > 0;
}

export async function upsertManagement(db: Queryable, row: typeof managementEntries.$inferInsert): Promise<ManagementRow> {
  const { evaluationId: _evaluation, code: _code, ...values } = row;
  const [saved] = await db
    .insert(managementEntries)
    .values(row)
    .onConflictDoUpdate({
      target: [managementEntries.evaluationId, managementEntries.code],
      set: { ...values, version: sql`${managementEntries.version} + 1` },
    })
    .returning();
  if (!saved) throw new Error('upsert management returned nothing');
  return saved;
}

/** Replaces all content of an evaluation (workbook import): one statement per table, in the caller's transaction. */
export async function deleteContent(db: Queryable, evaluationId: string): Promise<void> {
  await db.delete(indicators).where(eq(indicators.evaluationId, evaluationId));
  await db.delete(goals).where(eq(goals.evaluationId, evaluationId));
  await db.delete(managementEntries).where(eq(managementEntries.evaluationId, evaluationId));
}

export async function insertTransition(db: Queryable, row: typeof evaluationTransitions.$inferInsert): Promise<void> {
  await db.insert(evaluationTransitions).values(row);
}

export async function findTransitions(db: Queryable, evaluationId: string) {
  return db
    .select({ transition: evaluationTransitions, actorName: users.displayName })
    .from(evaluationTransitions)
    .innerJoin(users, eq(users.id, evaluationTransitions.actorId))
    .where(eq(evaluationTransitions.evaluationId, evaluationId))
    .orderBy(asc(evaluationTransitions.at));
}

export async function findAttachmentList(db: Queryable, evaluationId: string) {
  return db
    .select({
      id: attachments.id,
      indicatorId: attachments.indicatorId,
      filename: attachments.filename,
      contentType: attachments.contentType,
      sizeBytes: attachments.sizeBytes,
      uploadedBy: users.displayName,
      uploadedAt: attachments.uploadedAt,
    })
    .from(attachments)
    .innerJoin(users, eq(users.id, attachments.uploadedBy))
    .where(eq(attachments.evaluationId, evaluationId))
    .orderBy(asc(attachments.uploadedAt));
}

export async function saveLedgerSnapshot(db: Queryable, id: string, snapshot: LedgerSnapshot | null): Promise<void> {
  await db.update(evaluations).set({ ledgerSnapshot: snapshot }).where(eq(evaluations.id, id));
}

/**
 * The evaluations in some statuses of the given organisations (and year, if given) that read the
 * ledger: their budget comes from it, or one of their indicators or 管理效率 items is bound to a ledger metric.
 */
export async function findLedgerReading(
  db: Queryable,
  organisationIds: readonly string[],
  statuses: readonly EvaluationRow['status'][],
  fiscalYear: number | undefined,
): Promise<{ id: string }[]> {
  const bound = db
    .select({ id: indicators.id })
    .from(indicators)
    .where(and(eq(indicators.evaluationId, evaluations.id), isNotNull(indicators.bindingMetric)));
  const boundManagement = db
    .select({ id: managementEntries.id })
    .from(managementEntries)
    .where(and(eq(managementEntries.evaluationId, evaluations.id), isNotNull(managementEntries.bindingMetric)));
  return db
    .select({ id: evaluations.id })
    .from(evaluations)
    .where(
      and(
        inArray(evaluations.organisationId, [...organisationIds]),
        inArray(evaluations.status, [...statuses]),
        fiscalYear === undefined ? undefined : eq(evaluations.fiscalYear, fiscalYear),
        or(eq(evaluations.budgetSource, 'ledger'), exists(bound), exists(boundManagement)),
      ),
    );
}
