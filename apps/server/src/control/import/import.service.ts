import { policy } from '@jixiao/core';
import { type LedgerKind, writeLedgerIssuesXlsx, writeLedgerTemplate } from '@jixiao/documents';
import type { Deps, RequestContext } from '../../context.ts';
import { notFound } from '../../errors.ts';
import type { JobQueue } from '../../jobs/job-queue.ts';
import { requirePost } from '../control-access.ts';
import { findImportJob, type ImportJobRow, importJobStore } from './import-job.repository.ts';
import { runImportJob } from './import-runner.ts';

/** Importing a ledger writes budget lines and paid payments: 财务审核's work, or the administrator's. */

/** How many issues the job view carries; the errors.xlsx download has all that were kept. */
const ERRORS_IN_VIEW = 200;

const TEMPLATE_NAME: Readonly<Record<LedgerKind, string>> = { 'budget-lines': '预算指标导入模板.xlsx', payments: '支付明细导入模板.xlsx' };

/**
 * Starts an import: checks the post, records the job and returns at once; the work goes on in the
 * background (`finished`, which never rejects). Progress and the outcome are read from the job.
 */
export async function startLedgerImport(
  deps: Deps,
  jobs: JobQueue,
  ctx: RequestContext,
  params: { kind: LedgerKind; organisationId: string },
  upload: { filename: string; bytes: Uint8Array },
  onCrash: (error: unknown) => void,
): Promise<{ jobId: string; finished: Promise<void> }> {
  await requirePost(deps.db, ctx, params.organisationId, policy.importPolicy.posts.run);
  const { job, finished } = await jobs.enqueue(
    importJobStore,
    { ...params, filename: upload.filename, createdBy: ctx.principal.userId },
    (running) => runImportJob(deps, ctx, running, { ...params, id: running.id, filename: upload.filename }, upload.bytes, onCrash),
  );
  return { jobId: job.id, finished };
}

/** The job's creator, or anyone who may import for its organisation, may follow it. */
async function authoriseJob(deps: Deps, ctx: RequestContext, id: string): Promise<ImportJobRow> {
  const job = await findImportJob(deps.db, id);
  if (!job) throw notFound('导入任务');
  if (job.createdBy !== ctx.principal.userId)
    await requirePost(deps.db, ctx, job.organisationId, policy.importPolicy.posts.run, '导入任务');
  return job;
}

export async function getLedgerImportJob(deps: Deps, ctx: RequestContext, id: string) {
  const job = await authoriseJob(deps, ctx, id);
  return {
    id: job.id,
    kind: job.kind,
    filename: job.filename,
    status: job.status,
    totalRows: job.totalRows,
    processedRows: job.processedRows,
    createdRows: job.createdRows,
    errorCount: job.errorCount,
    errors: job.errors.slice(0, ERRORS_IN_VIEW),
    message: job.message,
    createdAt: job.createdAt.toISOString(),
    finishedAt: job.finishedAt?.toISOString() ?? null,
  };
}

export async function ledgerImportErrorsXlsx(deps: Deps, ctx: RequestContext, id: string) {
  const job = await authoriseJob(deps, ctx, id);
  const stem = job.filename.replace(/\.[^.]*$/, '');
  return { bytes: await writeLedgerIssuesXlsx(job.errors, job.errorCount - job.errors.length), filename: `导入错误清单-${stem}.xlsx` };
}

export async function ledgerImportTemplate(kind: LedgerKind) {
  return { bytes: await writeLedgerTemplate(kind), filename: TEMPLATE_NAME[kind] };
}
