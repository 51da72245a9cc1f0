import type { overview } from '@jixiao/core';
import { and, asc, desc, eq, gt, inArray, type SQL, sql } from 'drizzle-orm';
import { type Queryable, readAll } from '../db/connect.ts';
import { evaluations, fiscalYears, goals, indicators, managementEntries, organisations, overviewFacts, projects } from '../db/schema.ts';
import { inScope, type Scope } from '../policies/scope.ts';

// The overview's reads: a year's evaluations in scope and their parts in a fixed number of queries,
// whatever the number of departments (no query per evaluation).

export async function findScopedOrganisations(db: Queryable, scope: Scope) {
  const scoped = inScope(organisations.id, scope);
  return db.select().from(organisations).where(scoped).orderBy(asc(organisations.code));
}

export async function findYears(db: Queryable, scope: Scope): Promise<number[]> {
  const rows = await db
    .selectDistinct({ year: evaluations.fiscalYear })
    .from(evaluations)
    .where(inScope(evaluations.organisationId, scope))
    .orderBy(desc(evaluations.fiscalYear));
  return rows.map((row) => row.year);
}

export async function getFiscalYear(db: Queryable, year: number) {
  const [row] = await db.select().from(fiscalYears).where(eq(fiscalYears.year, year));
  return row;
}

function yearConditions(scope: Scope, year: number): SQL | undefined {
  const scoped = inScope(evaluations.organisationId, scope);
  return scoped ? and(scoped, eq(evaluations.fiscalYear, year)) : eq(evaluations.fiscalYear, year);
}

/**
 * The year's evaluations in scope, whole: the roll-up scores each of them. The overview reads the slim
 * rows below and loads whole rows only for what its facts cache misses.
 */
export async function findYearEvaluations(db: Queryable, scope: Scope, year: number) {
  return db
    .select({ evaluation: evaluations, projectName: projects.name, projectCode: projects.code, category: projects.category })
    .from(evaluations)
    .leftJoin(projects, eq(projects.id, evaluations.projectId))
    .where(yearConditions(scope, year))
    .orderBy(asc(evaluations.kind), asc(projects.code));
}

/**
 * What the overview shows of each evaluation of the year, without its texts and frozen ledger figures:
 * a district's 20,000 whole rows are mostly narrative and snapshot the overview never reads when its
 * facts are current.
 */
export async function findYearEvaluationHeads(db: Queryable, scope: Scope, year: number) {
  return db
    .select({
      id: evaluations.id,
      organisationId: evaluations.organisationId,
      projectId: evaluations.projectId,
      kind: evaluations.kind,
      status: evaluations.status,
      revision: evaluations.revision,
      frozen: sql<boolean>`${evaluations.ledgerSnapshot} is not null`,
      projectName: projects.name,
    })
    .from(evaluations)
    .leftJoin(projects, eq(projects.id, evaluations.projectId))
    .where(yearConditions(scope, year))
    .orderBy(asc(evaluations.kind), asc(projects.code));
}

/** Whole rows of these evaluations, for scoring the overview's cache misses (a list of ids, or the year when long). */
export async function findEvaluationsIn(db: Queryable, scope: Scope, year: number, only: readonly string[]) {
  if (only.length === 0) return [];
  const condition =
    only.length <= ID_LIST_LIMIT ? and(yearConditions(scope, year), inArray(evaluations.id, [...only])) : yearConditions(scope, year);
  const rows = await db
    .select({ evaluation: evaluations, projectName: projects.name, projectCode: projects.code, category: projects.category })
    .from(evaluations)
    .leftJoin(projects, eq(projects.id, evaluations.projectId))
    .where(condition);
  const wanted = new Set(only);
  return rows.filter((row) => wanted.has(row.evaluation.id));
}

/** Above this many, the parts are read for the whole year (one subquery) rather than by a list of ids. */
const ID_LIST_LIMIT = 1_000;

/**
 * The parts of the year's evaluations in scope, or of `only` those: one query per table, filtered by a
 * subquery (or a short list of ids), never one query per evaluation.
 */
export async function findYearParts(db: Queryable, scope: Scope, year: number, only?: readonly string[]) {
  if (only?.length === 0) return { indicatorRows: [], goalRows: [], managementRows: [] };
  const ids =
    only && only.length <= ID_LIST_LIMIT
      ? [...only]
      : db.select({ id: evaluations.id }).from(evaluations).where(yearConditions(scope, year));
  const [indicatorRows, goalRows, managementRows] = await readAll(db, [
    () => db.select().from(indicators).where(inArray(indicators.evaluationId, ids)).orderBy(asc(indicators.position)),
    () => db.select().from(goals).where(inArray(goals.evaluationId, ids)).orderBy(asc(goals.position)),
    () =>
      db
        .select()
        .from(managementEntries)
        .where(inArray(managementEntries.evaluationId, ids))
        .orderBy(sql`${managementEntries.code} collate "C"`),
  ]);
  return { indicatorRows, goalRows, managementRows };
}

/** The year's projects with a budget (> 0) in scope: the denominator of coverage. */
export async function findBudgetedProjects(db: Queryable, scope: Scope, year: number) {
  const scoped = inScope(projects.organisationId, scope);
  const conditions = [eq(projects.fiscalYear, year), gt(projects.budgetFen, 0)];
  if (scoped) conditions.push(scoped);
  return db
    .select({ id: projects.id, organisationId: projects.organisationId })
    .from(projects)
    .where(and(...conditions));
}

/** The cached facts of these evaluations (db/overview-schema.ts), whatever their revision: the caller compares. */
export async function findFacts(db: Queryable, scope: Scope, year: number) {
  const ids = db.select({ id: evaluations.id }).from(evaluations).where(yearConditions(scope, year));
  return db
    .select({
      evaluationId: overviewFacts.evaluationId,
      revision: overviewFacts.revision,
      format: overviewFacts.format,
      input: overviewFacts.input,
    })
    .from(overviewFacts)
    .where(inArray(overviewFacts.evaluationId, ids));
}

/** Stores freshly computed facts, replacing older ones; in chunks, so a first read of a large district stays within parameter limits. */
export async function saveFacts(
  db: Queryable,
  rows: readonly { evaluationId: string; revision: number; format: number; input: overview.OverviewFacts }[],
): Promise<void> {
  for (let start = 0; start < rows.length; start += 500) {
    await db
      .insert(overviewFacts)
      .values(rows.slice(start, start + 500).map((row) => ({ ...row })))
      .onConflictDoUpdate({
        target: overviewFacts.evaluationId,
        set: {
          revision: sql`excluded.revision`,
          format: sql`excluded.format`,
          input: sql`excluded.input`,
          computedAt: sql`now()`,
        },
      });
  }
}
