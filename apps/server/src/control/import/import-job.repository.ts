import type { LedgerIssue, LedgerKind } from '@jixiao/documents';
import { and, eq, inArray, lt, sql } from 'drizzle-orm';
import { type Queryable, ref } from '../../db/connect.ts';
import { auditLog, importJobs } from '../../db/schema.ts';
import { JOB_STALE_AFTER_MS, type JobStore } from '../../jobs/job-queue.ts';

export type ImportJobRow = typeof importJobs.$inferSelect;

export interface NewImportJob {
  readonly organisationId: string;
  readonly kind: LedgerKind;
  readonly filename: string;
  readonly createdBy: string;
}

export async function createImportJob(db: Queryable, values: NewImportJob): Promise<ImportJobRow> {
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

/** Import jobs live as every job does (jobs/job-queue.ts): a heartbeat, and settled once it stops. */
export const IMPORT_STALE_AFTER_MS = JOB_STALE_AFTER_MS;

/** The heartbeat of a running job; a finished one is left as it is. */
export async function touchImportJob(db: Queryable, id: string, at: Date): Promise<void> {
  await db
    .update(importJobs)
    .set({ updatedAt: at })
    .where(and(eq(importJobs.id, id), inArray(importJobs.status, ['validating', 'committing'])));
}

export const INTERRUPTED_MESSAGE = '导入进程中断：服务重启或停止，未写入任何数据，请重新导入';
export const INTERRUPTED_AFTER_COMMIT_MESSAGE = '导入的数据已全部写入，但处理进程在记录结果前中断；请核对已导入的数据，不要重复导入';

/**
 * Jobs run in the process that received the upload, which touches them every JOB_HEARTBEAT_MS.
 * A job whose process ended stops moving; those not touched for `staleAfterMs` are settled, so
 * nobody waits for them. One UPDATE with the staleness condition in its WHERE: PostgreSQL re-checks
 * it on the locked row, so of two instances sweeping at once only one settles a job, and a job whose
 * heartbeat has just arrived (another instance still running it) is never among them.
 *
 * The commit writes its audit record in the same transaction as the rows; if that record exists the
 * rows are in (the process died between the commit and writing the outcome), so the job is done, and
 * saying "nothing was written" would invite a duplicate import.
 */
export async function failStaleImportJobs(db: Queryable, now: Date, staleAfterMs: number): Promise<number> {
  const commitAudit = sql`from ${auditLog} where ${ref(auditLog.entityType)} = 'import-job' and ${ref(auditLog.entityId)} = ${ref(importJobs.id)}::text`;
  const committed = sql`exists (select 1 ${commitAudit})`;
  const rows = await db
    .update(importJobs)
    .set({
      status: sql`case when ${committed} then 'done' else 'failed' end`,
      message: sql`case when ${committed} then ${INTERRUPTED_AFTER_COMMIT_MESSAGE} else ${INTERRUPTED_MESSAGE} end`,
      createdRows: sql`coalesce((select (${ref(auditLog.after)} ->> 'createdRows')::int ${commitAudit} limit 1), ${ref(importJobs.createdRows)})`,
      finishedAt: now,
      updatedAt: now,
    })
    .where(and(inArray(importJobs.status, ['validating', 'committing']), lt(importJobs.updatedAt, new Date(now.getTime() - staleAfterMs))))
    .returning({ id: importJobs.id });
  return rows.length;
}

export type ImportStep = 'validating' | 'committing';

/** The import job's rows, for the job queue. */
export const importJobStore: JobStore<NewImportJob, ImportJobRow, ImportStep> = {
  name: 'import',
  create: createImportJob,
  progress: (db, id, { step, processed, total }) =>
    updateImportProgress(db, id, {
      processedRows: processed,
      ...(total !== undefined && { totalRows: total }),
      ...(step && { status: step }),
    }),
  touch: touchImportJob,
  failStale: failStaleImportJobs,
};
