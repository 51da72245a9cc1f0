import type { surveys as core } from '@jixiao/core';
import { and, asc, count, eq, gte, inArray, isNull, or, type SQL, sql } from 'drizzle-orm';
import type { Queryable } from '../db/connect.ts';
import {
  declaredIndicators,
  evaluations,
  indicators,
  organisations,
  surveyCodes,
  surveyIndicators,
  surveyResponses,
  surveys,
  targetDeclarations,
  users,
} from '../db/schema.ts';
import { inScope, type Scope } from '../policies/scope.ts';

export type SurveyRow = typeof surveys.$inferSelect;
export type ResponseRow = typeof surveyResponses.$inferSelect;

const withCounts = {
  survey: surveys,
  organisationName: organisations.name,
  validResponses:
    sql<number>`(select count(*) from ${surveyResponses} r where r.survey_id = ${surveys.id} and r.excluded_at is null)`.mapWith(Number),
};

export async function findSurveys(
  db: Queryable,
  filter: { scope: Scope; organisationId?: string | undefined; fiscalYear?: number | undefined; id?: string | undefined },
) {
  const conditions: SQL[] = [];
  const scoped = inScope(surveys.organisationId, filter.scope);
  if (scoped) conditions.push(scoped);
  if (filter.organisationId) conditions.push(eq(surveys.organisationId, filter.organisationId));
  if (filter.fiscalYear) conditions.push(eq(surveys.fiscalYear, filter.fiscalYear));
  if (filter.id) conditions.push(eq(surveys.id, filter.id));
  return db
    .select(withCounts)
    .from(surveys)
    .innerJoin(organisations, eq(organisations.id, surveys.organisationId))
    .where(conditions.length ? and(...conditions) : undefined)
    .orderBy(asc(surveys.fiscalYear), asc(organisations.code), asc(surveys.createdAt));
}

export async function getSurveyBySlug(db: Queryable, slug: string) {
  const [row] = await db
    .select({ survey: surveys, organisationName: organisations.name })
    .from(surveys)
    .innerJoin(organisations, eq(organisations.id, surveys.organisationId))
    .where(eq(surveys.slug, slug));
  return row;
}

export async function insertSurvey(db: Queryable, values: typeof surveys.$inferInsert): Promise<SurveyRow> {
  const [row] = await db.insert(surveys).values(values).returning();
  if (!row) throw new Error('insert returned no row');
  return row;
}

export async function lockSurvey(db: Queryable, id: string): Promise<SurveyRow | undefined> {
  const [row] = await db.select().from(surveys).where(eq(surveys.id, id)).for('update');
  return row;
}

export async function updateSurvey(
  db: Queryable,
  id: string,
  version: number,
  values: Partial<typeof surveys.$inferInsert>,
): Promise<boolean> {
  const rows = await db
    .update(surveys)
    .set({ ...values, updatedAt: new Date(), version: sql`${surveys.version} + 1` })
    .where(and(eq(surveys.id, id), eq(surveys.version, version)))
    .returning({ id: surveys.id });
  return rows.length > 0;
}

export async function replaceLinks(
  db: Queryable,
  surveyId: string,
  links: { indicatorIds: readonly string[]; declaredIndicatorIds: readonly string[] },
) {
  await db.delete(surveyIndicators).where(eq(surveyIndicators.surveyId, surveyId));
  const values = [
    ...links.indicatorIds.map((indicatorId) => ({ surveyId, indicatorId })),
    ...links.declaredIndicatorIds.map((declaredIndicatorId) => ({ surveyId, declaredIndicatorId })),
  ];
  if (values.length) await db.insert(surveyIndicators).values(values);
}

/** The linked indicators with their names and where they sit (evaluation or declaration). */
export async function findLinks(db: Queryable, surveyId: string) {
  const evaluated = await db
    .select({
      id: indicators.id,
      name: indicators.name,
      level1: indicators.level1,
      organisationId: evaluations.organisationId,
      fiscalYear: evaluations.fiscalYear,
      kind: evaluations.kind,
    })
    .from(surveyIndicators)
    .innerJoin(indicators, eq(indicators.id, surveyIndicators.indicatorId))
    .innerJoin(evaluations, eq(evaluations.id, indicators.evaluationId))
    .where(eq(surveyIndicators.surveyId, surveyId));
  const declared = await db
    .select({
      id: declaredIndicators.id,
      name: declaredIndicators.name,
      level1: declaredIndicators.level1,
      fiscalYear: targetDeclarations.fiscalYear,
      projectName: targetDeclarations.projectName,
    })
    .from(surveyIndicators)
    .innerJoin(declaredIndicators, eq(declaredIndicators.id, surveyIndicators.declaredIndicatorId))
    .innerJoin(targetDeclarations, eq(targetDeclarations.id, declaredIndicators.declarationId))
    .where(eq(surveyIndicators.surveyId, surveyId));
  return { evaluated, declared };
}

export async function getIndicatorsForLinking(db: Queryable, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return db
    .select({ id: indicators.id, name: indicators.name, level1: indicators.level1, organisationId: evaluations.organisationId })
    .from(indicators)
    .innerJoin(evaluations, eq(evaluations.id, indicators.evaluationId))
    .where(inArray(indicators.id, [...ids]));
}

export async function getDeclaredForLinking(db: Queryable, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return db
    .select({
      id: declaredIndicators.id,
      name: declaredIndicators.name,
      level1: declaredIndicators.level1,
      organisationId: targetDeclarations.organisationId,
    })
    .from(declaredIndicators)
    .innerJoin(targetDeclarations, eq(targetDeclarations.id, declaredIndicators.declarationId))
    .where(inArray(declaredIndicators.id, [...ids]));
}

/**
 * The surveys feeding each of these evaluation indicators: linked directly, or through the declared
 * line the indicator was opened from.
 */
export async function findSurveysOfIndicators(db: Queryable, indicatorIds: readonly string[]) {
  if (indicatorIds.length === 0) return [];
  return db
    .select({ indicatorId: indicators.id, survey: surveys })
    .from(indicators)
    .innerJoin(
      surveyIndicators,
      or(eq(surveyIndicators.indicatorId, indicators.id), eq(surveyIndicators.declaredIndicatorId, indicators.declaredIndicatorId)),
    )
    .innerJoin(surveys, eq(surveys.id, surveyIndicators.surveyId))
    .where(inArray(indicators.id, [...indicatorIds]))
    .orderBy(asc(surveys.createdAt));
}

export async function countCodes(db: Queryable, surveyId: string) {
  const [row] = await db
    .select({ total: count(), used: sql<number>`count(${surveyCodes.usedAt})`.mapWith(Number) })
    .from(surveyCodes)
    .where(eq(surveyCodes.surveyId, surveyId));
  return { total: Number(row?.total ?? 0), used: Number(row?.used ?? 0) };
}

export async function insertCodes(db: Queryable, surveyId: string, codes: readonly string[]) {
  await db.insert(surveyCodes).values(codes.map((code) => ({ surveyId, code })));
}

export async function findCodes(db: Queryable, surveyId: string) {
  return db.select().from(surveyCodes).where(eq(surveyCodes.surveyId, surveyId)).orderBy(asc(surveyCodes.createdAt), asc(surveyCodes.code));
}

export async function lockCode(db: Queryable, surveyId: string, code: string) {
  const [row] = await db
    .select()
    .from(surveyCodes)
    .where(and(eq(surveyCodes.surveyId, surveyId), eq(surveyCodes.code, code)))
    .for('update');
  return row;
}

export async function markCodeUsed(db: Queryable, id: string, at: Date) {
  await db.update(surveyCodes).set({ usedAt: at }).where(eq(surveyCodes.id, id));
}

export async function insertResponse(db: Queryable, values: typeof surveyResponses.$inferInsert): Promise<ResponseRow> {
  const [row] = await db.insert(surveyResponses).values(values).returning();
  if (!row) throw new Error('insert returned no row');
  return row;
}

/** Earlier responses that could be duplicates of a new one: same address or fingerprint, within the window. */
export async function findNeighbours(
  db: Queryable,
  surveyId: string,
  since: Date,
  address: string | undefined,
  fingerprint: string | undefined,
) {
  const same: SQL[] = [];
  if (address) same.push(eq(surveyResponses.address, address));
  if (fingerprint) same.push(eq(surveyResponses.fingerprint, fingerprint));
  if (same.length === 0) return [];
  return db
    .select()
    .from(surveyResponses)
    .where(and(eq(surveyResponses.surveyId, surveyId), gte(surveyResponses.receivedAt, since), or(...same)));
}

export async function findResponses(db: Queryable, surveyId: string, validOnly = false) {
  return db
    .select({
      response: surveyResponses,
      excludedByName: users.displayName,
      keptByName: sql<string | null>`(select k.display_name from ${users} k where k.id = ${surveyResponses.keptBy})`,
    })
    .from(surveyResponses)
    .leftJoin(users, eq(users.id, surveyResponses.excludedBy))
    .where(and(eq(surveyResponses.surveyId, surveyId), validOnly ? isNull(surveyResponses.excludedAt) : undefined))
    .orderBy(asc(surveyResponses.receivedAt), asc(surveyResponses.id));
}

const valid = isNull(surveyResponses.excludedAt);

/** How many responses a survey holds: all received, the valid ones, and among those the flagged and the paper ones. */
export async function responseTotals(db: Queryable, surveyId: string) {
  const [row] = await db
    .select({
      received: sql<number>`count(*)`.mapWith(Number),
      valid: sql<number>`count(*) filter (where ${valid})`.mapWith(Number),
      flagged: sql<number>`count(*) filter (where ${valid} and ${surveyResponses.flags} <> '[]'::jsonb)`.mapWith(Number),
      paper: sql<number>`count(*) filter (where ${valid} and ${surveyResponses.channel} = 'paper')`.mapWith(Number),
    })
    .from(surveyResponses)
    .where(eq(surveyResponses.surveyId, surveyId));
  return row ?? { received: 0, valid: 0, flagged: 0, paper: 0 };
}

/** Valid responses per China day (UTC+8, as chinaToday), in day order. */
export async function responsesPerDay(db: Queryable, surveyId: string) {
  const day = sql<string>`to_char((${surveyResponses.receivedAt} at time zone 'UTC') + interval '8 hours', 'YYYY-MM-DD')`;
  return db
    .select({ day, count: sql<number>`count(*)`.mapWith(Number) })
    .from(surveyResponses)
    .where(and(eq(surveyResponses.surveyId, surveyId), valid))
    .groupBy(day)
    .orderBy(day);
}

/**
 * The valid responses grouped by identical answers, with how many gave each: what the results need,
 * without carrying every row out of the database. Text answers only count as answered or not (their
 * wording would make every response a group of its own), so each is reduced to "x" when given.
 */
export async function answerPatterns(db: Queryable, surveyId: string, textQuestionIds: readonly string[]) {
  const answers = sql`${surveyResponses.answers}`;
  const pattern =
    textQuestionIds.length === 0
      ? answers
      : sql`(${answers} - array[${sql.join(
          textQuestionIds.map((id) => sql`${id}`),
          sql`, `,
        )}]::text[]) || jsonb_strip_nulls(jsonb_build_object(${sql.join(
          textQuestionIds.map((id) => sql`${id}::text, case when coalesce(${answers} ->> ${id}::text, '') <> '' then 'x' end`),
          sql`, `,
        )}))`;
  return db
    .select({ answers: sql<core.Answers>`${pattern}`, count: sql<number>`count(*)`.mapWith(Number) })
    .from(surveyResponses)
    .where(and(eq(surveyResponses.surveyId, surveyId), valid))
    .groupBy(sql`1`);
}

export async function lockResponse(db: Queryable, surveyId: string, id: string) {
  const [row] = await db
    .select()
    .from(surveyResponses)
    .where(and(eq(surveyResponses.surveyId, surveyId), eq(surveyResponses.id, id)))
    .for('update');
  return row;
}

/**
 * Flagged responses no reviewer has yet kept or excluded, per survey: the review to-do's count. The
 * flags themselves never change, so "waiting" is flagged and neither decision taken.
 */
export async function flaggedWaiting(db: Queryable, surveyIds: readonly string[]): Promise<Map<string, number>> {
  if (surveyIds.length === 0) return new Map();
  const rows = await db
    .select({ surveyId: surveyResponses.surveyId, count: count() })
    .from(surveyResponses)
    .where(
      and(
        inArray(surveyResponses.surveyId, [...surveyIds]),
        sql`${surveyResponses.flags} <> '[]'::jsonb`,
        isNull(surveyResponses.excludedAt),
        isNull(surveyResponses.keptAt),
      ),
    )
    .groupBy(surveyResponses.surveyId);
  return new Map(rows.map((row) => [row.surveyId, row.count]));
}

/** Keeping a flagged response after review records who and when; its answers and flags stay as they were. */
export async function keepResponse(db: Queryable, id: string, values: { keptAt: Date; keptBy: string }) {
  await db
    .update(surveyResponses)
    .set(values)
    .where(and(eq(surveyResponses.id, id), isNull(surveyResponses.excludedAt), isNull(surveyResponses.keptAt)));
}

/** Exclusion is the one change a response ever receives; its answers are never written again. */
export async function excludeResponse(
  db: Queryable,
  id: string,
  values: { excludedAt: Date; excludedBy: string; exclusionReason: string },
) {
  await db
    .update(surveyResponses)
    .set(values)
    .where(and(eq(surveyResponses.id, id), isNull(surveyResponses.excludedAt)));
}
