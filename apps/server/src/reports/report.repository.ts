import type { Queryable } from '../db/connect.ts';
import { publishedReports } from '../db/schema.ts';

/** Publishing again (after a return and a new approval) replaces the frozen report. */
export async function savePublishedReport(db: Queryable, row: typeof publishedReports.$inferInsert): Promise<void> {
  await db
    .insert(publishedReports)
    .values(row)
    .onConflictDoUpdate({ target: publishedReports.evaluationId, set: { ...row } });
}
