import { buildApp, createRoutes, PdfRenderer } from '@jixiao/server';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../apps/server/src/db/connect.ts';
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
import { latencies, signInCookie } from '../sequential.ts';

/**
 * 执行情况 by unit and month over 1,000,000 paid payments: GET /api/ledger/rollup through HTTP with
 * a session cookie, beside the bare GROUP BY run directly in the same process, on PGlite and
 * PostgreSQL (each in its own process, on a deadline).
 */
const PAYMENTS = 1_000_000;
const REQUESTS = 20;
const FISCAL_YEAR = 2024;
const CHILD_SECONDS = 240;
/** The department head sees the department and its units through the scope's recursive tree walk. */
const READER = 'head';

const BARE_QUERY = sql`select organisation_id, extract(month from paid_on)::int as month, sum(amount_fen)::bigint as paid_fen
  from payment_requests
  where status in ('paid', 'archived') and paid_on >= ${`${FISCAL_YEAR}-01-01`}::date and paid_on < ${`${FISCAL_YEAR + 1}-01-01`}::date
  group by 1, 2`;

async function measure(kind: BenchDatabaseKind): Promise<Figure[]> {
  const database = await openBenchDatabase(kind);
  const label = DATABASE_LABEL[kind];
  try {
    const demo = await seededDemo(database);
    const inserted = await timed(() => insertPayments(demo));
    const pdf = new PdfRenderer(demo.deps.config.CHROMIUM_PATH);
    const app = await buildApp(demo.deps, createRoutes(pdf));
    try {
      const url = await app.listen({ port: 0, host: '127.0.0.1' });
      const cookie = await signInCookie(url, READER);
      const endpoint = await latencies(async () => {
        const response = await fetch(`${url}/api/ledger/rollup?fiscalYear=${FISCAL_YEAR}`, {
          headers: { cookie },
          signal: AbortSignal.timeout(60_000),
        });
        const body = (await response.json()) as { rows?: unknown[]; message?: string };
        if (response.status !== 200 || !body.rows?.length)
          throw new Error(`GET /api/ledger/rollup: ${response.status} ${JSON.stringify(body).slice(0, 300)}`);
      }, REQUESTS);
      const bare = await latencies(async () => {
        const rows = await queryRows(demo.deps.db, BARE_QUERY);
        if (rows.length === 0) throw new Error('bare rollup returned nothing');
      }, REQUESTS);
      return [
        {
          label: `${label}: insert ${PAYMENTS.toLocaleString('en')} payments (INSERT … SELECT generate_series)`,
          value: inserted.ms / 1000,
          unit: 's',
        },
        { label: `${label}: GET /api/ledger/rollup median`, value: endpoint.median, unit: 'ms' },
        { label: `${label}: GET /api/ledger/rollup p99 (= max of ${REQUESTS})`, value: endpoint.p99, unit: 'ms' },
        { label: `${label}: bare GROUP BY median`, value: bare.median, unit: 'ms' },
        { label: `${label}: bare GROUP BY p99 (= max of ${REQUESTS})`, value: bare.p99, unit: 'ms' },
        { label: `${label}: endpoint ÷ bare query (medians)`, value: endpoint.median / bare.median, unit: '×' },
        { label: `${label}: peak memory (maxRSS, whole process)`, value: peakRssMb(), unit: 'MB' },
      ];
    } finally {
      await app.close();
      await pdf.close();
    }
  } finally {
    await database.close();
  }
}

/**
 * One budget line per unit (基本 and 项目 alternating, budgets far above what is paid), then the
 * payments in one INSERT … SELECT: spread over the units, the 12 months of the year and 1,000 payees.
 */
async function insertPayments(demo: DemoLedger): Promise<void> {
  const { db } = demo.deps;
  const user = demo.ctx.principal.userId;
  await db.execute(sql`
    insert into budget_lines (organisation_id, fiscal_year, code, name, spending_type, funding_source, initial_fen)
    select id, ${FISCAL_YEAR}, 'ROLLUP-' || code, '汇总基准指标', case when row_number() over (order by code) % 2 = 0 then 'project' else 'basic' end,
           '一般公共预算', 1000000000000000
    from organisations where parent_id = ${demo.departmentId}::uuid`);
  // Set-up, not the measurement: the generated rows reference existing lines and users, so the
  // foreign-key triggers (4 per row) are skipped for this transaction; the indexes are still built.
  await db.transaction(async (tx) => {
    await tx.execute(sql`set local session_replication_role = replica`);
    await tx.execute(sql`
    with line as (
      select bl.id, bl.organisation_id, bl.spending_type, row_number() over (order by bl.code) - 1 as n, count(*) over () as lines
      from budget_lines bl where bl.code like 'ROLLUP-%')
    insert into payment_requests (organisation_id, budget_line_id, payee_name, amount_fen, invoice_number, purpose, expense_type,
                                  status, requested_by, paid_by, paid_on, imported)
    select line.organisation_id, line.id, '收款单位' || (g % 1000), 100 + (g::bigint * 7919) % 1000000, 'R-' || g, '汇总基准测试',
           line.spending_type, 'paid', ${user}::uuid, ${user}::uuid,
           make_date(${FISCAL_YEAR}::int, 1 + (g % 12)::int, 1 + (g % 28)::int), true
    from generate_series(0, ${PAYMENTS - 1}) as g join line on line.n = g % line.lines`);
  });
  await db.execute(sql`analyze payment_requests`);
}

// Last, so every constant above is initialised before the top-level await runs.
const [databaseArg] = process.argv.slice(2);
if (!databaseArg) {
  const figures = benchDatabaseKinds().flatMap((kind) => runConfiguration(import.meta.url, [kind], CHILD_SECONDS));
  const skipped = process.env.JIXIAO_TEST_PG_URL ? '' : ' (PostgreSQL skipped: no JIXIAO_TEST_PG_URL)';
  report(
    `ledger rollup: ${PAYMENTS.toLocaleString('en')} paid payments, by unit and month, ${REQUESTS} sequential requests${skipped}`,
    figures,
  );
  if (figures.some((figure) => figure.label.includes('FAILED'))) process.exitCode = 1;
} else {
  reportConfiguration(await measure(databaseArg as BenchDatabaseKind));
}
