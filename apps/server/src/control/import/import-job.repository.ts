import type { LedgerIssue, LedgerKind } from '@jixiao/documents';
import { and, eq, inArray, lt } from 'drizzle-orm';
import type { Queryable } from '../../db/connect.ts';
import { importJobs } from '../../db/schema.ts';

export type ImportJobRow = typeof importJobs.$inferSelect;

export async function createImportJob(
  db: Queryable,
  values: { organisationId: string; kind: LedgerKind; filename: string; createdBy: string },
): Promise<ImportJobRow> {
  const [row] = await db.insert(importJobs).values(values).returning();
  if (!row) throw new Error('import job insert returned nothing');
  return row;
}

export async function findImportJob(db: Queryable, id: string): Promise<ImportJobRow | undefined> {
  const [row] = await db.select().from(importJobs).where(eq(importJobs.id, id));
  return row;
}

export async function updateImportProgress(
  db: Queryable,
  id: string,
  progress: { processedRows: number; totalRows?: number; status?: 'validating' | 'committing' },
): Promise<void> {
  await db
    .update(importJobs)
    .set({ ...progress, updatedAt: new Date() })
    .where(eq(importJobs.id, id));
}

export async function finishImportJob(
  db: Queryable,
  id: string,
  outcome: {
    status: 'done' | 'failed';
    createdRows: number;
    message: string;
    issues: readonly LedgerIssue[];
    omittedIssues: number;
    at: Date;
  },
): Promise<void> {
  await db
    .update(importJobs)
    .set({
      status: outcome.status,
      createdRows: outcome.createdRows,
      message: outcome.message,
      errors: outcome.issues.map(({ row, column, message }) => ({ row, column, message })),
      errorCount: outcome.issues.length + outcome.omittedIssues,
      finishedAt: outcome.at,
      updatedAt: outcome.at,
    })
    .where(eq(importJobs.id, id));
}

/** A running job is touched this often by its process, even inside one long step (the commit). */
export const IMPORT_HEARTBEAT_MS = 30_000;
/** Four missed heartbeats: the process that ran the job has ended. */
export const IMPORT_STALE_AFTER_MS = 4 * IMPORT_HEARTBEAT_MS;

/** The heartbeat of a running job; a finished one is left as it is. */
export async function touchImportJob(db: Queryable, id: string, at: Date): Promise<void> {
  await db
    .update(importJobs)
    .set({ updatedAt: at })
    .where(and(eq(importJobs.id, id), inArray(importJobs.status, ['validating', 'committing'])));
}

/**
 * Jobs run in the process that received the upload, which touches them every IMPORT_HEARTBEAT_MS.
 * A job whose process ended (a restart) stops moving; at start-up those not touched for
 * `staleAfterMs` are marked failed, so nobody waits for them — and a job another instance is still
 * running is never among them.
 */
export async function failStaleImportJobs(db: Queryable, now: Date, staleAfterMs: number): Promise<number> {
  const rows = await db
    .update(importJobs)
    .set({ status: 'failed', message: '导入过程中服务重启，未写入任何数据，请重新导入', finishedAt: now, updatedAt: now })
    .where(and(inArray(importJobs.status, ['validating', 'committing']), lt(importJobs.updatedAt, new Date(now.getTime() - staleAfterMs))))
    .returning({ id: importJobs.id });
  return rows.length;
}
