import { readFileSync } from 'node:fs';
import { BUDGET_LINE_COLUMNS, type LedgerKind, PAYMENT_COLUMNS, writeLedgerXlsx } from '@jixiao/documents';
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { Queryable } from '../src/db/connect.ts';
import { queryRows } from '../src/db/connect.ts';
import { as, multipart, type Session } from './harness.ts';

/** Builders for ledger-import tests: files from rows, an upload that waits for its job, and the ledger's totals. */

export const BUDGET_HEADERS = BUDGET_LINE_COLUMNS.map((column) => column.header);
export const PAYMENT_HEADERS = PAYMENT_COLUMNS.map((column) => column.header);

export const fixture = (name: string) => new Uint8Array(readFileSync(new URL(`./fixtures/${name}`, import.meta.url)));

/** Rows by header, in the template's column order; absent headers are blank. */
export function byHeaders(headers: readonly string[], rows: readonly Record<string, string | number | Date>[]) {
  return rows.map((row) => headers.map((header) => row[header] ?? ''));
}

/** UTF-8 CSV with a BOM and CRLF, as Excel's “CSV UTF-8” saves it. */
export function csv(headers: readonly string[], rows: readonly Record<string, string | number>[]): string {
  const quote = (field: string | number | Date) => {
    const text = String(field);
    return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
  };
  return `\ufeff${[headers, ...byHeaders(headers, rows)].map((row) => row.map(quote).join(',')).join('\r\n')}\r\n`;
}

/** An .xlsx in the template's column order whose Date values are real date cells and numbers numeric cells. */
export function xlsx(kind: LedgerKind, rows: readonly Record<string, string | number | Date>[]): Promise<Uint8Array> {
  return writeLedgerXlsx(kind, byHeaders(kind === 'payments' ? PAYMENT_HEADERS : BUDGET_HEADERS, rows));
}

export interface JobView {
  status: 'validating' | 'committing' | 'done' | 'failed';
  totalRows: number;
  processedRows: number;
  createdRows: number;
  errorCount: number;
  errors: { row: number; column: string; message: string }[];
  message: string | null;
}

/** Uploads a file, expects 202, and polls the job until it is done or failed. */
export async function importAndWait(
  app: FastifyInstance,
  session: Session,
  query: { kind: 'budget-lines' | 'payments'; organisationId: string },
  filename: string,
  bytes: Uint8Array | string,
): Promise<JobView & { jobId: string }> {
  const body = multipart(filename, bytes);
  const started = await as(app, session).post(
    `/api/ledger/import?kind=${query.kind}&organisationId=${query.organisationId}`,
    body.payload,
    body.headers,
  );
  if (started.statusCode !== 202) throw new Error(`import not started: ${started.statusCode} ${started.body}`);
  const { jobId } = started.json() as { jobId: string };
  for (let attempt = 0; attempt < 1_200; attempt += 1) {
    const job = (await as(app, session).get(`/api/ledger/import-jobs/${jobId}`)).json() as JobView;
    if (job.status === 'done' || job.status === 'failed') return { ...job, jobId };
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`import job ${jobId} did not finish in 30 s`);
}

/** Row counts and sums of the two tables an import writes, to prove a refused import wrote nothing. */
export async function ledgerTotals(db: Queryable) {
  const [row] = await queryRows<{ lines: number; payments: number; budgetFen: string; paidFen: string }>(
    db,
    sql`select (select count(*)::int from budget_lines) as lines,
               (select count(*)::int from payment_requests) as payments,
               (select coalesce(sum(initial_fen + carry_over_fen), 0)::text from budget_lines) as "budgetFen",
               (select coalesce(sum(amount_fen), 0)::text from payment_requests) as "paidFen"`,
  );
  return row;
}

/** Each budget line's available balance (budget − paid) in fen, by unit code and line code. */
export async function balances(db: Queryable): Promise<Record<string, string>> {
  const rows = await queryRows<{ key: string; available: string }>(
    db,
    sql`select o.code || '/' || bl.code as key,
               (bl.initial_fen + bl.carry_over_fen + bl.adjustments_fen - coalesce(sum(p.amount_fen), 0))::text as available
        from budget_lines bl join organisations o on o.id = bl.organisation_id
        left join payment_requests p on p.budget_line_id = bl.id and p.status in ('paid', 'archived')
        group by o.code, bl.code, bl.initial_fen, bl.carry_over_fen, bl.adjustments_fen`,
  );
  return Object.fromEntries(rows.map((row) => [row.key, row.available]));
}
