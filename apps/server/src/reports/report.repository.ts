import { eq } from 'drizzle-orm';
import type { Queryable } from '../db/connect.ts';
import { publishedReports } from '../db/schema.ts';

/** Publishing again (after a return and a new approval) replaces the frozen report. */
export async function savePublishedReport(db: Queryable, row: typeof publishedReports.$inferInsert): Promise<void> {
  await db
    .insert(publishedReports)
    .values(row)
    .onConflictDoUpdate({ target: publishedReports.evaluationId, set: { ...row } });
}

/** 撤回公开: the frozen report leaves the public site; answers what was removed (for the audit entry), if anything. */
export async function deletePublishedReport(db: Queryable, evaluationId: string) {
  const [row] = await db.delete(publishedReports).where(eq(publishedReports.evaluationId, evaluationId)).returning({
    title: publishedReports.title,
    organisationCode: publishedReports.organisationCode,
    fiscalYear: publishedReports.fiscalYear,
    projectCode: publishedReports.projectCode,
    publishedAt: publishedReports.publishedAt,
  });
  return row;
}
