import { and, asc, desc, eq, ilike, inArray, or, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Queryable } from '../db/connect.ts';
import { containsPattern } from '../db/like.ts';
import { evaluations, organisations, publicSettings, publishedFigures, publishedReports, targetDeclarations } from '../db/schema.ts';

const parent = alias(organisations, 'parent');

/** What the public may search by: a department's or unit's name or code, a report's title; the year. */
export interface PublishedFilter {
  readonly q?: string | undefined;
  readonly year?: number | undefined;
}

/**
 * Published reports, newest year first, each with the department it belongs to (a unit's report is
 * its department's too). The text is matched literally: % and _ typed by the public match themselves.
 */
export async function findPublished(db: Queryable, filter: PublishedFilter = {}) {
  const conditions: SQL[] = [];
  if (filter.year !== undefined) conditions.push(eq(publishedReports.fiscalYear, filter.year));
  const q = filter.q?.trim();
  if (q) {
    const pattern = containsPattern(q);
    const matched = or(
      ilike(publishedReports.organisationName, pattern),
      ilike(publishedReports.organisationCode, pattern),
      ilike(publishedReports.title, pattern),
      ilike(parent.name, pattern),
      ilike(parent.code, pattern),
    );
    if (matched) conditions.push(matched);
  }
  const rows = await db
    .select({
      organisationCode: publishedReports.organisationCode,
      organisationName: publishedReports.organisationName,
      organisationKind: organisations.kind,
      parentCode: parent.code,
      parentName: parent.name,
      fiscalYear: publishedReports.fiscalYear,
      kind: publishedReports.kind,
      projectCode: publishedReports.projectCode,
      title: publishedReports.title,
      total: publishedReports.total,
      grade: publishedReports.grade,
      publishedAt: publishedReports.publishedAt,
    })
    .from(publishedReports)
    .innerJoin(evaluations, eq(evaluations.id, publishedReports.evaluationId))
    .innerJoin(organisations, eq(organisations.id, evaluations.organisationId))
    .leftJoin(parent, eq(parent.id, organisations.parentId))
    .where(conditions.length > 0 ? and(...conditions) : undefined)
    .orderBy(desc(publishedReports.fiscalYear), publishedReports.organisationCode, publishedReports.projectCode);
  return rows.map(({ organisationKind, parentCode, parentName, ...row }) => {
    const ownDepartment = organisationKind !== 'unit' || parentCode === null;
    return {
      ...row,
      departmentCode: ownDepartment ? row.organisationCode : (parentCode as string),
      departmentName: ownDepartment ? row.organisationName : (parentName as string),
    };
  });
}
export type PublishedRow = Awaited<ReturnType<typeof findPublished>>[number];

/** The years anything is published for, newest first: the year filter's choices. */
export async function findPublishedYears(db: Queryable): Promise<number[]> {
  const rows = await db
    .selectDistinct({ fiscalYear: publishedReports.fiscalYear })
    .from(publishedReports)
    .orderBy(desc(publishedReports.fiscalYear));
  return rows.map((row) => row.fiscalYear);
}

export async function getPublished(db: Queryable, organisationCode: string, fiscalYear: number, projectCode: string) {
  const [row] = await db
    .select({ report: publishedReports, figures: publishedFigures })
    .from(publishedReports)
    .leftJoin(publishedFigures, eq(publishedFigures.evaluationId, publishedReports.evaluationId))
    .where(
      and(
        eq(publishedReports.organisationCode, organisationCode),
        eq(publishedReports.fiscalYear, fiscalYear),
        eq(publishedReports.projectCode, projectCode),
      ),
    );
  return row;
}

export async function savePdf(db: Queryable, id: string, pdf: Uint8Array): Promise<void> {
  await db.update(publishedReports).set({ pdf }).where(eq(publishedReports.id, id));
}

/** A department or unit by its code; finance bureaus have no public page. */
export async function findOrganisationByCode(db: Queryable, code: string) {
  const [row] = await db
    .select({
      id: organisations.id,
      code: organisations.code,
      name: organisations.name,
      kind: organisations.kind,
      parentId: organisations.parentId,
    })
    .from(organisations)
    .where(and(eq(organisations.code, code), inArray(organisations.kind, ['department', 'unit'])));
  return row;
}

export async function findOrganisationById(db: Queryable, id: string) {
  const [row] = await db.select({ code: organisations.code, name: organisations.name }).from(organisations).where(eq(organisations.id, id));
  return row;
}

/** The units directly below a department, by code. */
export async function findUnits(db: Queryable, departmentId: string) {
  return db
    .select({ id: organisations.id, code: organisations.code, name: organisations.name })
    .from(organisations)
    .where(and(eq(organisations.parentId, departmentId), eq(organisations.kind, 'unit')))
    .orderBy(asc(organisations.code));
}

/** The published reports of these organisations, with what was frozen for the public page beside them. */
export async function findPublishedOf(db: Queryable, organisationIds: readonly string[]) {
  if (organisationIds.length === 0) return [];
  return db
    .select({
      evaluationId: publishedReports.evaluationId,
      organisationCode: publishedReports.organisationCode,
      organisationName: publishedReports.organisationName,
      fiscalYear: publishedReports.fiscalYear,
      kind: publishedReports.kind,
      projectCode: publishedReports.projectCode,
      title: publishedReports.title,
      total: publishedReports.total,
      grade: publishedReports.grade,
      publishedAt: publishedReports.publishedAt,
      selfEvaluation: publishedFigures.selfEvaluation,
    })
    .from(publishedReports)
    .innerJoin(evaluations, eq(evaluations.id, publishedReports.evaluationId))
    .leftJoin(publishedFigures, eq(publishedFigures.evaluationId, publishedReports.evaluationId))
    .where(inArray(evaluations.organisationId, [...organisationIds]))
    .orderBy(desc(publishedReports.fiscalYear), asc(publishedReports.kind), asc(publishedReports.projectCode));
}

/** 批复 declarations of these organisations (drafts and those under review are never public). */
export async function findApprovedDeclarations(db: Queryable, organisationIds: readonly string[]) {
  if (organisationIds.length === 0) return [];
  return db
    .select({
      id: targetDeclarations.id,
      kind: targetDeclarations.kind,
      organisationId: targetDeclarations.organisationId,
      fiscalYear: targetDeclarations.fiscalYear,
      projectId: targetDeclarations.projectId,
      projectName: targetDeclarations.projectName,
      implementingUnit: targetDeclarations.implementingUnit,
    })
    .from(targetDeclarations)
    .where(and(inArray(targetDeclarations.organisationId, [...organisationIds]), eq(targetDeclarations.status, 'approved')))
    .orderBy(desc(targetDeclarations.fiscalYear), asc(targetDeclarations.kind), asc(targetDeclarations.projectCode));
}

/** The evaluations of these organisations (any status): which re-review results belong to the page. */
export async function findEvaluationsOf(db: Queryable, organisationIds: readonly string[]) {
  if (organisationIds.length === 0) return [];
  return db
    .select({ id: evaluations.id, fiscalYear: evaluations.fiscalYear })
    .from(evaluations)
    .where(inArray(evaluations.organisationId, [...organisationIds]));
}

/** The department a published evaluation belongs to (its own organisation, or a unit's parent) and its setting. */
export async function findDepartmentSetting(db: Queryable, evaluationId: string) {
  const [row] = await db
    .select({ kind: organisations.kind, organisationId: organisations.id, parentId: organisations.parentId })
    .from(evaluations)
    .innerJoin(organisations, eq(organisations.id, evaluations.organisationId))
    .where(eq(evaluations.id, evaluationId));
  if (!row) return undefined;
  const departmentId = row.kind === 'unit' && row.parentId ? row.parentId : row.organisationId;
  return getSetting(db, departmentId);
}

export async function getSetting(db: Queryable, organisationId: string, lock = false) {
  const query = db.select().from(publicSettings).where(eq(publicSettings.organisationId, organisationId));
  const [row] = lock ? await query.for('update') : await query;
  return row;
}

export async function upsertSetting(db: Queryable, values: typeof publicSettings.$inferInsert) {
  const [row] = await db
    .insert(publicSettings)
    .values(values)
    .onConflictDoUpdate({
      target: publicSettings.organisationId,
      set: {
        showPreparerPhone: values.showPreparerPhone,
        updatedBy: values.updatedBy,
        updatedAt: values.updatedAt,
        version: values.version,
      },
    })
    .returning();
  if (!row) throw new Error('upsert public settings returned nothing');
  return row;
}
