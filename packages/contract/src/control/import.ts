import { z } from 'zod';
import { Int32, Uuid } from '../common.ts';

export const LEDGER_IMPORT_KINDS = ['budget-lines', 'payments'] as const;
export const IMPORT_JOB_STATUSES = ['validating', 'committing', 'done', 'failed'] as const;

export const LedgerImportKind = z.enum(LEDGER_IMPORT_KINDS, { error: 'kind 应为 budget-lines（预算指标）或 payments（支付明细）' });
export const StartLedgerImportQuery = z.object({ kind: LedgerImportKind, organisationId: Uuid });
export const LedgerTemplateQuery = z.object({ kind: LedgerImportKind });
export const StartedImport = z.object({ jobId: Uuid });

export const LedgerImportIssue = z.object({ row: z.number(), column: z.string(), message: z.string() });

/** A ledger import job: validated as a whole, then committed in one transaction or not at all. */
export const ImportJob = z.object({
  id: Uuid,
  kind: LedgerImportKind,
  filename: z.string(),
  status: z.enum(IMPORT_JOB_STATUSES),
  totalRows: Int32,
  processedRows: Int32,
  createdRows: Int32,
  errorCount: Int32,
  /** The first issues only; the whole list is the errors.xlsx download. */
  errors: z.array(LedgerImportIssue),
  message: z.string().nullable(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
});

export type LedgerImportKind = z.infer<typeof LedgerImportKind>;
export type ImportJobStatus = (typeof IMPORT_JOB_STATUSES)[number];
export type LedgerImportIssue = z.infer<typeof LedgerImportIssue>;
export type ImportJob = z.infer<typeof ImportJob>;
export type StartedImport = z.infer<typeof StartedImport>;
