import { and, asc, desc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Queryable } from '../db/connect.ts';
import { rereviewRounds, rereviewSamples, rereviewScores } from '../db/rereview-schema.ts';
import { evaluations, organisations, projects } from '../db/schema.ts';
import { inScope, type Scope } from '../policies/scope.ts';

/** The statuses a self-evaluation may be sampled in: submitted, or approved at any stage. */
export const SAMPLED_STATUSES = ['submitted', 'department_approved', 'finance_approved', 'published'] as const;

const parent = alias(organisations, 'parent_organisation');

/** Candidates of the draw: evaluations of the year in the scope, with their department and budget. */
export async function findCandidates(db: Queryable, filter: { fiscalYear: number; scope: Scope; ids?: readonly string[] }) {
  const conditions: SQL[] = [eq(evaluations.fiscalYear, filter.fiscalYear)];
  const scoped = inScope(evaluations.organisationId, filter.scope);
  if (scoped) conditions.push(scoped);
  if (filter.ids) {
    if (filter.ids.length === 0) return [];
    conditions.push(inArray(evaluations.id, [...filter.ids]));
  } else conditions.push(inArray(evaluations.status, [...SAMPLED_STATUSES]));
  const rows = await db
    .select({
      id: evaluations.id,
      kind: evaluations.kind,
      organisationId: evaluations.organisationId,
      organisationName: organisations.name,
      organisationKind: organisations.kind,
      parentId: parent.id,
      parentName: parent.name,
      projectName: projects.name,
      budgetFen: evaluations.adjustedFen,
      totalScore: evaluations.totalScore,
    })
    .from(evaluations)
    .innerJoin(organisations, eq(organisations.id, evaluations.organisationId))
    .leftJoin(parent, eq(parent.id, organisations.parentId))
    .leftJoin(projects, eq(projects.id, evaluations.projectId))
    .where(and(...conditions))
    .orderBy(asc(organisations.code), asc(evaluations.kind), asc(projects.code));
  return rows.map((row) => {
    const ownDepartment = row.organisationKind === 'department' || !row.parentId;
    return {
      ...row,
      departmentId: ownDepartment ? row.organisationId : (row.parentId as string),
      departmentName: ownDepartment ? row.organisationName : (row.parentName as string),
    };
  });
}
export type Candidate = Awaited<ReturnType<typeof findCandidates>>[number];

export async function insertRound(db: Queryable, values: typeof rereviewRounds.$inferInsert) {
  const [row] = await db.insert(rereviewRounds).values(values).returning();
  if (!row) throw new Error('insert rereview round returned nothing');
  return row;
}

export async function findRounds(db: Queryable, filter: { fiscalYear?: number | undefined; organisationIds: readonly string[] | 'all' }) {
  const conditions: SQL[] = [];
  if (filter.fiscalYear) conditions.push(eq(rereviewRounds.fiscalYear, filter.fiscalYear));
  if (filter.organisationIds !== 'all') {
    if (filter.organisationIds.length === 0) return [];
    conditions.push(inArray(rereviewRounds.organisationId, [...filter.organisationIds]));
  }
  return db
    .select({
      round: rereviewRounds,
      sampleCount: sql<number>`(select count(*)::int from rereview_samples s where s.round_id = rereview_rounds.id)`,
      completedCount: sql<number>`(select count(*)::int from rereview_samples s where s.round_id = rereview_rounds.id and s.status = 'completed')`,
    })
    .from(rereviewRounds)
    .where(conditions.length ? and(...conditions) : undefined)
    .orderBy(desc(rereviewRounds.fiscalYear), desc(rereviewRounds.createdAt));
}

export async function getRound(db: Queryable, id: string, lock = false) {
  const query = db.select().from(rereviewRounds).where(eq(rereviewRounds.id, id));
  const [row] = lock ? await query.for('update') : await query;
  return row;
}

export async function updateRound(db: Queryable, id: string, version: number, values: Partial<typeof rereviewRounds.$inferInsert>) {
  const [row] = await db
    .update(rereviewRounds)
    .set({ ...values, updatedAt: new Date(), version: sql`${rereviewRounds.version} + 1` })
    .where(and(eq(rereviewRounds.id, id), eq(rereviewRounds.version, version)))
    .returning();
  return row;
}

export async function findSamples(db: Queryable, roundId: string) {
  return db.select().from(rereviewSamples).where(eq(rereviewSamples.roundId, roundId)).orderBy(asc(rereviewSamples.reason));
}

export async function replaceSamples(
  db: Queryable,
  roundId: string,
  rows: readonly Omit<typeof rereviewSamples.$inferInsert, 'roundId'>[],
) {
  await db.delete(rereviewSamples).where(eq(rereviewSamples.roundId, roundId));
  if (rows.length) await db.insert(rereviewSamples).values(rows.map((row) => ({ ...row, roundId })));
}

export async function getSample(db: Queryable, roundId: string, sampleId: string, lock = false) {
  const query = db
    .select()
    .from(rereviewSamples)
    .where(and(eq(rereviewSamples.id, sampleId), eq(rereviewSamples.roundId, roundId)));
  const [row] = lock ? await query.for('update') : await query;
  return row;
}

export async function updateSample(db: Queryable, id: string, version: number, values: Partial<typeof rereviewSamples.$inferInsert>) {
  const [row] = await db
    .update(rereviewSamples)
    .set({ ...values, version: sql`${rereviewSamples.version} + 1` })
    .where(and(eq(rereviewSamples.id, id), eq(rereviewSamples.version, version)))
    .returning();
  return row;
}

export async function findScores(db: Queryable, sampleIds: readonly string[]) {
  if (sampleIds.length === 0) return [];
  return db
    .select()
    .from(rereviewScores)
    .where(inArray(rereviewScores.sampleId, [...sampleIds]));
}

export async function upsertScores(db: Queryable, rows: readonly (typeof rereviewScores.$inferInsert)[]) {
  if (rows.length === 0) return;
  await db
    .insert(rereviewScores)
    .values([...rows])
    .onConflictDoUpdate({
      target: [rereviewScores.sampleId, rereviewScores.itemId],
      set: {
        score: sql`excluded.score`,
        reason: sql`excluded.reason`,
        weight: sql`excluded.weight`,
        selfScore: sql`excluded.self_score`,
        itemName: sql`excluded.item_name`,
        scoredBy: sql`excluded.scored_by`,
        scoredAt: sql`excluded.scored_at`,
      },
    });
}

/** Published rounds of a year, with their completed samples: what the public site reads. */
export async function findPublished(db: Queryable, fiscalYear: number) {
  return db
    .select({ round: rereviewRounds, sample: rereviewSamples })
    .from(rereviewRounds)
    .innerJoin(rereviewSamples, eq(rereviewSamples.roundId, rereviewRounds.id))
    .where(and(eq(rereviewRounds.fiscalYear, fiscalYear), eq(rereviewRounds.published, true)))
    .orderBy(asc(rereviewRounds.createdAt));
}
