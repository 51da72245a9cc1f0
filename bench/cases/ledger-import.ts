import type { PGlite } from '@electric-sql/pglite';
import { control, type Fen, formatYuan } from '@jixiao/core';
import { BUDGET_LINE_COLUMNS, type LedgerCellValue, PAYMENT_COLUMNS, readLedgerRows, writeLedgerXlsx } from '@jixiao/documents';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { startLedgerImport } from '../../apps/server/src/control/import/import.service.ts';
import { findImportJob } from '../../apps/server/src/control/import/import-job.repository.ts';
import { queryRows } from '../../apps/server/src/db/connect.ts';
import { JobQueue } from '../../apps/server/src/jobs/job-queue.ts';
import { copyFrom } from '../copy-from.ts';
import {
  type BenchDatabaseKind,
  benchDatabaseKinds,
  DATABASE_LABEL,
  type DemoLedger,
  openBenchDatabase,
  reportConfiguration,
  runConfiguration,
  seededDemo,
} from '../ledger-setup.ts';
import { type Figure, peakRssMb, report, timed } from '../measure.ts';

/**
 * Imports a 100,000-row payments file (.csv and .xlsx) through the real service path — parse, check
 * every row, check against the database, one transaction of multi-row INSERTs — on PGlite and
 * PostgreSQL, each configuration in its own process. Beside it, the same rows loaded with the
 * database's own COPY: the limit no import that checks anything can beat.
 */
const ROWS = 100_000;
const LINES_PER_UNIT = 10;
const CHILD_SECONDS = 300;

const [databaseArg, formatArg] = process.argv.slice(2);

async function measure(kind: BenchDatabaseKind, format: 'csv' | 'xlsx'): Promise<Figure[]> {
  const database = await openBenchDatabase(kind);
  try {
    const demo = await seededDemo(database);
    const lines = await importBudgetLines(demo);
    const { rows, fens, totalFen } = paymentRows(lines);
    const bytes = format === 'csv' ? new TextEncoder().encode(csvOf(rows)) : await writeLedgerXlsx('payments', asSpreadsheet(rows));
    const label = `${DATABASE_LABEL[kind]} ${format}`;

    const parsed = await timed(() => readLedgerRows('payments', `payments.${format}`, bytes));
    if (parsed.result.issues.length) throw new Error(`generated file has issues: ${JSON.stringify(parsed.result.issues.slice(0, 3))}`);
    const imported = await timed(() => runImport(demo, 'payments', `payments.${format}`, bytes));
    if (imported.result.createdRows !== ROWS)
      throw new Error(`import created ${imported.result.createdRows} rows: ${imported.result.message}`);
    await expectPaid(demo, totalFen);
    const figures: Figure[] = [
      { label: `${label}: import rows/s`, value: ROWS / (imported.ms / 1000), unit: 'rows/s' },
      { label: `${label}: import time`, value: imported.ms / 1000, unit: 's' },
      { label: `${label}: of which reading the file`, value: parsed.ms / 1000, unit: 's' },
      { label: `${label}: file size`, value: bytes.byteLength / 2 ** 20, unit: 'MB' },
    ];
    if (format === 'csv') {
      await demo.deps.db.execute(sql`delete from payment_requests where imported and paid_by = ${demo.ctx.principal.userId}::uuid`);
      const copy = await timed(() => copyRows(database, demo, kind, rows, fens));
      await expectPaid(demo, totalFen);
      figures.push(
        { label: `${DATABASE_LABEL[kind]} COPY (the limit): rows/s`, value: ROWS / (copy.ms / 1000), unit: 'rows/s' },
        { label: `${DATABASE_LABEL[kind]} import ÷ COPY time`, value: imported.ms / copy.ms, unit: '×' },
      );
    }
    figures.push({ label: `${label}: peak memory (maxRSS, whole process)`, value: peakRssMb(), unit: 'MB' });
    return figures;
  } finally {
    await database.close();
  }
}

interface BenchLine {
  readonly unitCode: string;
  readonly code: string;
  readonly spendingType: '基本支出' | '项目支出';
}

/** Ten lines per unit of 100,000,000.00 yuan each: room for every payment below. */
async function importBudgetLines(demo: DemoLedger): Promise<BenchLine[]> {
  const lines: BenchLine[] = demo.units.flatMap((unit) =>
    Array.from({ length: LINES_PER_UNIT }, (_, index) => ({
      unitCode: unit.code,
      code: `BENCH-${String(index).padStart(2, '0')}`,
      spendingType: index % 2 === 0 ? ('基本支出' as const) : ('项目支出' as const),
    })),
  );
  const rows = lines.map((line) => [
    line.unitCode,
    '2024',
    line.code,
    `${line.code}指标`,
    line.spendingType,
    '一般公共预算',
    '',
    '100000000.00',
    '0',
  ]);
  const header = BUDGET_LINE_COLUMNS.map((column) => column.header);
  const job = await runImport(
    demo,
    'budget-lines',
    'lines.csv',
    new TextEncoder().encode([header, ...rows].map((row) => row.join(',')).join('\r\n')),
  );
  if (job.status !== 'done') throw new Error(`budget lines not imported: ${job.message}`);
  return lines;
}

async function runImport(demo: DemoLedger, kind: 'budget-lines' | 'payments', filename: string, bytes: Uint8Array) {
  const { jobId, finished } = await startLedgerImport(
    demo.deps,
    new JobQueue(demo.deps, console),
    demo.ctx,
    { kind, organisationId: demo.departmentId },
    { filename, bytes },
    (error) => {
      throw error;
    },
  );
  await finished;
  const job = await findImportJob(demo.deps.db, jobId);
  if (!job) throw new Error('job vanished');
  return job;
}

/** Payments spread over the lines and the 12 months; one row in ten names its payee's 统一社会信用代码. Amounts are yuan text. */
function paymentRows(lines: readonly BenchLine[]): { rows: LedgerCellValue[][]; fens: Fen[]; totalFen: Fen } {
  const usccs = ['91440101MA59ABCD0', '91440113MA5CXB7L2', '91440101190441234'].map((first) => first + control.usccCheckCharacter(first));
  let totalFen = 0;
  const fens: Fen[] = [];
  const rows = Array.from({ length: ROWS }, (_, index): LedgerCellValue[] => {
    const line = lines[index % lines.length] as BenchLine;
    const fen = 1 + ((index * 7_919) % 499_999);
    fens.push(fen);
    totalFen += fen;
    const paidOn = new Date(Date.UTC(2024, index % 12, (index % 28) + 1));
    const values: Record<string, LedgerCellValue> = {
      unitCode: line.unitCode,
      budgetLineCode: line.code,
      payeeName: `收款单位${index % 5_000}`,
      payeeUscc: index % 10 === 0 ? (usccs[index % 3] ?? null) : null,
      amountFen: formatYuan(fen),
      invoiceNumber: `INV-${index}`,
      purpose: '基准测试支付',
      expenseType: line.spendingType,
      dueOn: null,
      paidOn,
    };
    return PAYMENT_COLUMNS.map((column) => values[column.key] ?? null);
  });
  return { rows, fens, totalFen };
}

const AMOUNT = PAYMENT_COLUMNS.findIndex((column) => column.key === 'amountFen');

/** Amounts as number cells, the way a spreadsheet stores a typed amount (the reader accepts them only if they round-trip). */
function asSpreadsheet(rows: readonly LedgerCellValue[][]): LedgerCellValue[][] {
  return rows.map((row) => row.map((value, index) => (index === AMOUNT ? Number(value) : value)));
}

function csvOf(rows: readonly LedgerCellValue[][]): string {
  const cell = (value: LedgerCellValue) => (value instanceof Date ? value.toISOString().slice(0, 10) : String(value ?? ''));
  const header = PAYMENT_COLUMNS.map((column) => column.header);
  return `${[header, ...rows.map((row) => row.map(cell))].map((row) => row.join(',')).join('\r\n')}\r\n`;
}

async function expectPaid(demo: DemoLedger, totalFen: Fen): Promise<void> {
  const [row] = await queryRows<{ count: number; fen: string }>(
    demo.deps.db,
    sql`select count(*)::int as count, sum(amount_fen)::text as fen from payment_requests where imported and paid_by = ${demo.ctx.principal.userId}::uuid`,
  );
  if (row?.count !== ROWS || row.fen !== String(totalFen))
    throw new Error(`expected ${ROWS} rows, ${totalFen} fen; found ${JSON.stringify(row)}`);
}

const COPY_COLUMNS =
  'organisation_id, budget_line_id, payee_name, payee_uscc, amount_fen, invoice_number, purpose, expense_type, due_on, status, requested_by, paid_by, paid_on, imported';

/** The same rows, already resolved to ids, through COPY (text format): PostgreSQL's FROM STDIN, PGlite's /dev/blob. */
async function copyRows(
  database: Awaited<ReturnType<typeof openBenchDatabase>>,
  demo: DemoLedger,
  kind: BenchDatabaseKind,
  rows: readonly LedgerCellValue[][],
  fens: readonly Fen[],
) {
  const lineIds = new Map(
    (
      await queryRows<{ key: string; id: string; organisation_id: string }>(
        demo.deps.db,
        sql`select o.code || '/' || bl.code as key, bl.id, bl.organisation_id from budget_lines bl join organisations o on o.id = bl.organisation_id`,
      )
    ).map((line) => [line.key, line]),
  );
  const user = demo.ctx.principal.userId;
  const at = (row: readonly LedgerCellValue[], key: string) => row[PAYMENT_COLUMNS.findIndex((column) => column.key === key)] ?? null;
  const text = rows
    .map((row, index) => {
      const line = lineIds.get(`${at(row, 'unitCode')}/${at(row, 'budgetLineCode')}`);
      const paidOn = at(row, 'paidOn');
      return [
        line?.organisation_id,
        line?.id,
        at(row, 'payeeName'),
        at(row, 'payeeUscc') ?? '\\N',
        fens[index],
        at(row, 'invoiceNumber'),
        at(row, 'purpose'),
        at(row, 'expenseType') === '基本支出' ? 'basic' : 'project',
        '\\N',
        'paid',
        user,
        user,
        paidOn instanceof Date ? paidOn.toISOString().slice(0, 10) : '\\N',
        't',
      ].join('\t');
    })
    .join('\n');
  const statement = `copy payment_requests (${COPY_COLUMNS}) from stdin`;
  if (kind === 'pglite') {
    const client = (demo.deps.db as unknown as { $client: PGlite }).$client;
    await client.query(`copy payment_requests (${COPY_COLUMNS}) from '/dev/blob'`, [], { blob: new Blob([`${text}\n`]) });
    return;
  }
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  try {
    await copyFrom(client, statement, `${text}\n`);
  } finally {
    await client.end();
  }
}

// Last, so every constant above is initialised before the top-level await runs.
if (!databaseArg) {
  const figures: Figure[] = [];
  for (const database of benchDatabaseKinds()) {
    for (const format of ['csv', 'xlsx']) figures.push(...runConfiguration(import.meta.url, [database, format], CHILD_SECONDS));
  }
  const skipped = process.env.JIXIAO_TEST_PG_URL ? '' : ' (PostgreSQL skipped: no JIXIAO_TEST_PG_URL)';
  report(`ledger import: ${ROWS.toLocaleString('en')} payments, parse + check + one transaction${skipped}`, figures);
  if (figures.some((figure) => figure.label.includes('FAILED'))) process.exitCode = 1;
} else {
  reportConfiguration(await measure(databaseArg as BenchDatabaseKind, formatArg === 'xlsx' ? 'xlsx' : 'csv'));
}
