import { type Fen, formatYuan, formatYuanGrouped } from '@jixiao/core';
import { IssueList, type LedgerKind, readLedgerRows } from '@jixiao/documents';
import { recordAudit } from '../../audit/audit.repository.ts';
import type { Deps, RequestContext } from '../../context.ts';
import type { Queryable } from '../../db/connect.ts';
import { announceLedgerChanged } from '../../events/ledger-events.ts';
import type { RunningJob } from '../../jobs/job-queue.ts';
import { controlConfig } from '../control-access.ts';
import { checkBudgetLines } from './budget-lines-import.ts';
import { finishImportJob, type ImportStep } from './import-job.repository.ts';
import { insertBudgetLines, insertImportedPayments } from './ledger-insert.repository.ts';
import { checkPayments } from './payments-import.ts';

export interface ImportJobSpec {
  readonly id: string;
  readonly organisationId: string;
  readonly kind: LedgerKind;
  readonly filename: string;
}

/** The outcome of checking a file's rows against the database: what would be written, and how to write it. */
interface Checked {
  readonly count: number;
  readonly totalFen: Fen;
  write(): Promise<void>;
}

type CheckAgainst = (db: Queryable, lock: boolean) => Promise<Checked>;

const KIND_NOUN: Readonly<Record<LedgerKind, string>> = { 'budget-lines': '预算指标', payments: '支付记录' };

/**
 * The work of an import job, run by the job queue (jobs/job-queue.ts, which beats its heart) in the
 * background of the request that created it:
 *   1. parse and validate — read the file (progress in processed_rows), every row checked on its own;
 *   2. commit — in ONE transaction: check the rows against the database (budget lines locked),
 *      and only if nothing is wrong insert them all and record one audit entry;
 *   3. done, or failed with every issue saved and nothing written.
 * A file with problems of its own is still checked against the database (without writing), so the
 * list of problems is complete at the first attempt. Never rejects: a crash fails the job, and is
 * handed to `onCrash` to be logged.
 */
export async function runImportJob(
  deps: Deps,
  ctx: RequestContext,
  running: RunningJob<ImportStep>,
  job: ImportJobSpec,
  bytes: Uint8Array,
  onCrash: (error: unknown) => void,
): Promise<void> {
  const issues = new IssueList();
  const finish = (status: 'done' | 'failed', message: string, createdRows = 0) =>
    finishImportJob(deps.db, job.id, {
      status,
      createdRows,
      message,
      issues: issues.items,
      omittedIssues: issues.omitted,
      at: deps.clock(),
    });
  try {
    const { rowCount, checkAgainst } = await readFile(deps, ctx, running, job, bytes, issues);
    await running.progress({ processed: rowCount, total: rowCount });
    if (issues.total > 0) {
      await checkAgainst(deps.db, false);
      return await finish('failed', failedMessage(issues.total));
    }
    await running.progress({ processed: rowCount, step: 'committing' });
    const written = await deps.db.transaction(async (tx) => {
      const checked = await checkAgainst(tx, true);
      if (issues.total > 0) return undefined;
      await checked.write();
      await recordAudit(tx, ctx, {
        entityType: 'import-job',
        entityId: job.id,
        action: `import-${job.kind}`,
        organisationId: job.organisationId,
        after: { filename: job.filename, kind: job.kind, createdRows: checked.count, total: formatYuan(checked.totalFen) },
      });
      await announceLedgerChanged(tx, { organisationId: job.organisationId, subtree: true });
      return checked;
    });
    if (!written) return await finish('failed', failedMessage(issues.total));
    await finish('done', `已导入 ${written.count} 条${KIND_NOUN[job.kind]}，合计 ${formatYuanGrouped(written.totalFen)} 元`, written.count);
  } catch (error) {
    onCrash(error);
    await finish('failed', crashMessage(error, ctx.requestId)).catch(onCrash);
  }
}

/** Reads and checks the file on its own, reporting progress as it goes; returns the check against the database for its kind. */
async function readFile(
  deps: Deps,
  ctx: RequestContext,
  running: RunningJob<ImportStep>,
  job: ImportJobSpec,
  bytes: Uint8Array,
  issues: IssueList,
): Promise<{ rowCount: number; checkAgainst: CheckAgainst }> {
  const options = { issues, onProgress: (rowsRead: number) => running.progress({ processed: rowsRead }) };
  const base = { organisationId: job.organisationId, issues, userId: ctx.principal.userId };
  if (job.kind === 'payments') {
    const parsed = await readLedgerRows('payments', job.filename, bytes, options);
    const input = { ...base, rows: parsed.rows, columns: parsed.columns };
    const config = await controlConfig(deps.db);
    return {
      rowCount: parsed.rowCount,
      checkAgainst: async (db, lock) => {
        const { payments, totalFen } = await checkPayments(db, input, { lock, config });
        return { count: payments.length, totalFen, write: () => insertImportedPayments(db, payments, ctx.principal.userId) };
      },
    };
  }
  const parsed = await readLedgerRows('budget-lines', job.filename, bytes, options);
  const input = { ...base, rows: parsed.rows, columns: parsed.columns };
  return {
    rowCount: parsed.rowCount,
    checkAgainst: async (db) => {
      // No lock needed: the unique index on (unit, year, code) refuses a line another import added meanwhile.
      const lines = await checkBudgetLines(db, input);
      const totalFen = lines.reduce((sum, line) => sum + line.initialFen + line.carryOverFen, 0);
      return { count: lines.length, totalFen, write: () => insertBudgetLines(db, lines) };
    },
  };
}

const failedMessage = (count: number) => `发现 ${count} 处问题，未导入任何数据；请按错误清单逐条改正后重新导入`;

function crashMessage(error: unknown, requestId: string): string {
  const cause = (error as { cause?: { code?: unknown } } | undefined)?.cause;
  const code = (error as { code?: unknown } | undefined)?.code ?? cause?.code;
  // 23505 unique_violation: another import added the same budget line between the check and the insert.
  if (code === '23505') return '导入期间另有人新增了相同的预算指标，未导入任何数据；请重新导入，系统会指出重复的行';
  return `导入中断：系统出错，未导入任何数据（请求编号 ${requestId}）；请稍后重试，或把请求编号告诉系统管理员`;
}
