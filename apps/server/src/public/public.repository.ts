import { and, desc, eq } from 'drizzle-orm';
import type { Queryable } from '../db/connect.ts';
import { publishedReports } from '../db/schema.ts';

export async function findPublished(db: Queryable) {
  return db
    .select({
      organisationCode: publishedReports.organisationCode,
      organisationName: publishedReports.organisationName,
      fiscalYear: publishedReports.fiscalYear,
      kind: publishedReports.kind,
      projectCode: publishedReports.projectCode,
      title: publishedReports.title,
      total: publishedReports.total,
      grade: publishedReports.grade,
      publishedAt: publishedReports.publishedAt,
    })
    .from(publishedReports)
    .orderBy(desc(publishedReports.fiscalYear), publishedReports.organisationCode, publishedReports.projectCode);
}

export async function getPublished(db: Queryable, organisationCode: string, fiscalYear: number, projectCode: string) {
  const [row] = await db
    .select()
    .from(publishedReports)
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
