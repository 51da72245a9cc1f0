import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Queryable } from '../db/connect.ts';
import {
  budgetLines,
  monitoringFormSteps,
  monitoringForms,
  monitoringTasks,
  organisations,
  targetDeclarations,
  users,
} from '../db/schema.ts';
import { inScope, type Scope } from '../policies/scope.ts';

export type TaskRow = typeof monitoringTasks.$inferSelect;
export type FormRow = typeof monitoringForms.$inferSelect;
export type FormInsert = typeof monitoringForms.$inferInsert;

export async function insertTask(db: Queryable, values: typeof monitoringTasks.$inferInsert): Promise<TaskRow> {
  const [row] = await db.insert(monitoringTasks).values(values).returning();
  if (!row) throw new Error('monitoring task insert returned nothing');
  return row;
}

export async function getTask(db: Queryable, id: string): Promise<TaskRow | undefined> {
  const [row] = await db.select().from(monitoringTasks).where(eq(monitoringTasks.id, id));
  return row;
}

/** The tasks of a year (or all), newest first, with who issued each. */
export async function findTasks(db: Queryable, fiscalYear?: number) {
  return db
    .select({ task: monitoringTasks, issuedByName: users.displayName })
    .from(monitoringTasks)
    .innerJoin(users, eq(users.id, monitoringTasks.issuedBy))
    .where(fiscalYear === undefined ? undefined : eq(monitoringTasks.fiscalYear, fiscalYear))
    .orderBy(desc(monitoringTasks.issuedAt), asc(monitoringTasks.id));
}

const department = alias(organisations, 'department');

/** The forms inside the scope (of one task, or of every open task), with their unit and its department, in one query. */
export async function findForms(
  db: Queryable,
  filter: { scope: Scope; taskId?: string | undefined; formId?: string | undefined; openTasks?: boolean },
) {
  return db
    .select({
      form: monitoringForms,
      task: monitoringTasks,
      organisationName: organisations.name,
      organisationKind: organisations.kind,
      departmentName: department.name,
    })
    .from(monitoringForms)
    .innerJoin(monitoringTasks, eq(monitoringTasks.id, monitoringForms.taskId))
    .innerJoin(organisations, eq(organisations.id, monitoringForms.organisationId))
    .leftJoin(department, eq(department.id, organisations.parentId))
    .where(
      and(
        inScope(monitoringForms.organisationId, filter.scope),
        filter.taskId === undefined ? undefined : eq(monitoringForms.taskId, filter.taskId),
        filter.formId === undefined ? undefined : eq(monitoringForms.id, filter.formId),
        filter.openTasks ? eq(monitoringTasks.status, 'open') : undefined,
      ),
    )
    .orderBy(asc(department.name), asc(organisations.name), asc(monitoringForms.kind), asc(monitoringForms.title));
}

export async function getForm(db: Queryable, id: string, lock = false): Promise<FormRow | undefined> {
  const query = db.select().from(monitoringForms).where(eq(monitoringForms.id, id));
  const [row] = lock ? await query.for('update') : await query;
  return row;
}

export async function insertForms(db: Queryable, rows: readonly FormInsert[]): Promise<FormRow[]> {
  if (rows.length === 0) return [];
  return db
    .insert(monitoringForms)
    .values([...rows])
    .returning();
}

/** Writes the form and bumps its version; the caller has locked the row and checked the version. */
export async function updateForm(db: Queryable, id: string, values: Partial<FormInsert>): Promise<void> {
  await db
    .update(monitoringForms)
    .set({ ...values, updatedAt: new Date(), version: sql`${monitoringForms.version} + 1` })
    .where(eq(monitoringForms.id, id));
}

export async function insertSteps(db: Queryable, rows: readonly (typeof monitoringFormSteps.$inferInsert)[]): Promise<void> {
  if (rows.length > 0) await db.insert(monitoringFormSteps).values([...rows]);
}

export async function findSteps(db: Queryable, formId: string) {
  return (await findStepsOf(db, [formId])).get(formId) ?? [];
}

/** The steps of several forms in one query (the to-dos read every waiting form's), in order, by form. */
export async function findStepsOf(db: Queryable, formIds: readonly string[]) {
  const rows =
    formIds.length === 0
      ? []
      : await db
          .select({ step: monitoringFormSteps, actorName: users.displayName })
          .from(monitoringFormSteps)
          .innerJoin(users, eq(users.id, monitoringFormSteps.actorId))
          .where(inArray(monitoringFormSteps.formId, [...formIds]))
          .orderBy(asc(monitoringFormSteps.at), asc(monitoringFormSteps.id));
  const byForm = new Map<string, typeof rows>();
  for (const row of rows) byForm.set(row.step.formId, [...(byForm.get(row.step.formId) ?? []), row]);
  return byForm;
}

/** The approved declarations of a year: the projects' and the departments' 部门整体, with their unit's kind. */
export async function findApprovedDeclarations(db: Queryable, fiscalYear: number) {
  return db
    .select({ declaration: targetDeclarations, organisationKind: organisations.kind })
    .from(targetDeclarations)
    .innerJoin(organisations, eq(organisations.id, targetDeclarations.organisationId))
    .where(and(eq(targetDeclarations.fiscalYear, fiscalYear), eq(targetDeclarations.status, 'approved')))
    .orderBy(asc(targetDeclarations.organisationId), asc(targetDeclarations.projectName));
}

/** Every department, with its parent (for the scope check of a chosen list). */
export async function findDepartments(db: Queryable) {
  return db.select().from(organisations).where(eq(organisations.kind, 'department')).orderBy(asc(organisations.code));
}

/** 资金来源 of budget lines, by id (the ledger port gives lines without it). */
export async function fundingSourcesOf(db: Queryable, lineIds: readonly string[]): Promise<Map<string, string>> {
  if (lineIds.length === 0) return new Map();
  const rows = await db
    .select({ id: budgetLines.id, source: budgetLines.fundingSource })
    .from(budgetLines)
    .where(inArray(budgetLines.id, [...lineIds]));
  return new Map(rows.map((row) => [row.id, row.source]));
}

export async function getUserName(db: Queryable, id: string): Promise<string> {
  const [row] = await db.select({ name: users.displayName }).from(users).where(eq(users.id, id));
  return row?.name ?? '';
}
