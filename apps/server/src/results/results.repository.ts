import { and, asc, desc, eq, inArray, isNull, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Queryable } from '../db/connect.ts';
import { rereviewRounds, rereviewSamples } from '../db/rereview-schema.ts';
import { resultDecisions } from '../db/results-schema.ts';
import { evaluations, organisations, projects, users } from '../db/schema.ts';
import { inScope, type Scope } from '../policies/scope.ts';

export type ResultDecisionRow = typeof resultDecisions.$inferSelect;

/** The statuses whose result is applied: the finance bureau has approved the self-evaluation (and perhaps published it). */
export const APPLIED_STATUSES = ['finance_approved', 'published'] as const;

const parent = alias(organisations, 'parent_organisation');

/**
 * The year's finance-approved project evaluations in the scope, with their unit, department, project,
 * budget and decision, in one query.
 */
export async function findResultRows(
  db: Queryable,
  filter: { fiscalYear: number; scope: Scope; evaluationId?: string; undecided?: boolean },
) {
  const conditions: SQL[] = [
    eq(evaluations.fiscalYear, filter.fiscalYear),
    eq(evaluations.kind, 'project'),
    inArray(evaluations.status, [...APPLIED_STATUSES]),
  ];
  const scoped = inScope(evaluations.organisationId, filter.scope);
  if (scoped) conditions.push(scoped);
  if (filter.evaluationId) conditions.push(eq(evaluations.id, filter.evaluationId));
  if (filter.undecided) conditions.push(isNull(resultDecisions.id));
  const rows = await db
    .select({
      evaluation: {
        id: evaluations.id,
        organisationId: evaluations.organisationId,
        fiscalYear: evaluations.fiscalYear,
        schemeId: evaluations.schemeId,
        schemeOverrides: evaluations.schemeOverrides,
        totalScore: evaluations.totalScore,
        adjustedFen: evaluations.adjustedFen,
        ledgerSnapshot: evaluations.ledgerSnapshot,
      },
      organisationName: organisations.name,
      organisationKind: organisations.kind,
      parentId: parent.id,
      parentName: parent.name,
      projectCode: projects.code,
      projectName: projects.name,
      projectBudgetFen: projects.budgetFen,
      decision: resultDecisions,
      decidedByName: users.displayName,
    })
    .from(evaluations)
    .innerJoin(organisations, eq(organisations.id, evaluations.organisationId))
    .innerJoin(projects, eq(projects.id, evaluations.projectId))
    .leftJoin(parent, eq(parent.id, organisations.parentId))
    .leftJoin(resultDecisions, eq(resultDecisions.evaluationId, evaluations.id))
    .leftJoin(users, eq(users.id, resultDecisions.decidedBy))
    .where(and(...conditions))
    .orderBy(asc(organisations.code), asc(projects.code));
  return rows.map((row) => {
    const ownDepartment = row.organisationKind === 'department' || !row.parentId;
    return {
      ...row,
      departmentId: ownDepartment ? row.evaluation.organisationId : (row.parentId as string),
      departmentName: ownDepartment ? row.organisationName : (row.parentName as string),
    };
  });
}
export type ResultRow = Awaited<ReturnType<typeof findResultRows>>[number];

/** The years that have finance-approved project evaluations in the scope, newest first. */
export async function findResultYears(db: Queryable, scope: Scope): Promise<number[]> {
  const conditions: SQL[] = [eq(evaluations.kind, 'project'), inArray(evaluations.status, [...APPLIED_STATUSES])];
  const scoped = inScope(evaluations.organisationId, scope);
  if (scoped) conditions.push(scoped);
  const rows = await db
    .selectDistinct({ year: evaluations.fiscalYear })
    .from(evaluations)
    .where(and(...conditions))
    .orderBy(desc(evaluations.fiscalYear));
  return rows.map((row) => row.year);
}

/**
 * The latest completed 抽查复核 total of each evaluation of the year: the bureau's re-score replaces the
 * self-score where it exists (hundredths of a point).
 */
export async function findRereviewTotals(db: Queryable, fiscalYear: number): Promise<Map<string, number>> {
  const rows = await db
    .select({ evaluationId: rereviewSamples.evaluationId, total: rereviewSamples.rereviewTotal })
    .from(rereviewSamples)
    .innerJoin(rereviewRounds, eq(rereviewRounds.id, rereviewSamples.roundId))
    .where(and(eq(rereviewRounds.fiscalYear, fiscalYear), eq(rereviewSamples.status, 'completed')))
    .orderBy(asc(rereviewSamples.completedAt));
  const totals = new Map<string, number>();
  for (const row of rows) if (row.total !== null) totals.set(row.evaluationId, row.total);
  return totals;
}

export async function insertDecision(db: Queryable, row: typeof resultDecisions.$inferInsert): Promise<ResultDecisionRow> {
  const [created] = await db.insert(resultDecisions).values(row).returning();
  if (!created) throw new Error('insert into result_decisions returned no row');
  return created;
}

/** The decision on a project of year `fiscalYear − 1` of this unit, by the project's code: what the next year shows. */
export async function findPreviousDecision(db: Queryable, key: { organisationId: string; projectCode: string; fiscalYear: number }) {
  const [row] = await db
    .select()
    .from(resultDecisions)
    .where(
      and(
        eq(resultDecisions.organisationId, key.organisationId),
        eq(resultDecisions.projectCode, key.projectCode),
        eq(resultDecisions.fiscalYear, key.fiscalYear - 1),
      ),
    )
    .orderBy(desc(resultDecisions.decidedAt))
    .limit(1);
  return row;
}

/** A project's code by id (budget lines name their project by id). */
export async function projectOf(db: Queryable, projectId: string) {
  const [row] = await db
    .select({ organisationId: projects.organisationId, code: projects.code, fiscalYear: projects.fiscalYear })
    .from(projects)
    .where(eq(projects.id, projectId));
  return row;
}
