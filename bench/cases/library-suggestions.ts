import { buildApp, createRoutes, PdfRenderer } from '@jixiao/server';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../apps/server/src/db/connect.ts';
import { ownUses, rankedValues, refreshAllUsageValues } from '../../apps/server/src/library/library.repository.ts';
import { ensureFiscalYear } from '../../apps/server/src/seed/builders.ts';
import {
  type BenchDatabaseKind,
  DATABASE_LABEL,
  openBenchDatabase,
  reportConfiguration,
  runConfiguration,
  seededDemo,
} from '../ledger-setup.ts';
import { type Figure, peakRssMb, report, timed } from '../measure.ts';
import { latencies, signInCookie } from '../sequential.ts';

/**
 * 目标值建议 while declaring: GET /api/declarations/:id/suggestions for a declaration with 50 lines
 * bound to the library, over a library used by 10,000 projects in each of five years (10 entries
 * each: 500,000 uses, ~1,700 peers per entry and year), through HTTP with a session cookie, beside
 * the bare queries the route runs (the peers' values at the quartile ranks, read as subscripts of
 * the sorted arrays, and the project's own last year).
 * PostgreSQL when a server is available (the figure the issue asks for), else PGlite.
 */
const PROJECTS = 10_000;
const YEARS = [2021, 2022, 2023, 2024, 2025] as const;
const ENTRIES = 60;
const USES_PER_PROJECT = 10;
const LINES = 50;
const DECLARED_YEAR = 2026;
const REQUESTS = 20;
const CHILD_SECONDS = 300;
const OWN_CODE = 'BENCH-P-00001';

async function measure(kind: BenchDatabaseKind): Promise<Figure[]> {
  const database = await openBenchDatabase(kind);
  const label = DATABASE_LABEL[kind];
  try {
    const demo = await seededDemo(database);
    const { db } = demo.deps;
    const inserted = await timed(() => insertHistory(db));
    const declaration = await insertDeclaration(db);
    const pdf = new PdfRenderer(demo.deps.config.CHROMIUM_PATH);
    const app = await buildApp(demo.deps, createRoutes(pdf));
    try {
      const url = await app.listen({ port: 0, host: '127.0.0.1' });
      const cookie = await signInCookie(url, 'unit.preparer');
      const endpoint = await latencies(async () => {
        const response = await fetch(`${url}/api/declarations/${declaration.id}/suggestions`, {
          headers: { cookie },
          signal: AbortSignal.timeout(60_000),
        });
        const body = (await response.json()) as { items?: { peerTargets: { count: number } | null }[]; message?: string };
        if (response.status !== 200 || body.items?.length !== LINES || !body.items.every((item) => (item.peerTargets?.count ?? 0) > 1000))
          throw new Error(`GET suggestions: ${response.status} ${JSON.stringify(body).slice(0, 300)}`);
      }, REQUESTS);
      const bare = await latencies(async () => {
        const [ranked, own] = await Promise.all([
          rankedValues(db, { entries: declaration.entries, year: DECLARED_YEAR - 1, excludeProject: OWN_CODE }),
          ownUses(db, declaration.entries, DECLARED_YEAR - 1, OWN_CODE),
        ]);
        if (ranked.length === 0 || own.length === 0) throw new Error('bare suggestion queries returned nothing');
      }, REQUESTS);
      return [
        {
          label: `${label}: insert ${(PROJECTS * YEARS.length * USES_PER_PROJECT).toLocaleString('en')} uses (INSERT … SELECT)`,
          value: inserted.ms / 1000,
          unit: 's',
        },
        { label: `${label}: GET …/suggestions (${LINES} lines) median`, value: endpoint.median, unit: 'ms', aim: '< 100 ms' },
        { label: `${label}: GET …/suggestions p99 (= max of ${REQUESTS})`, value: endpoint.p99, unit: 'ms' },
        { label: `${label}: bare ranked + own-year queries median`, value: bare.median, unit: 'ms' },
        { label: `${label}: bare queries p99 (= max of ${REQUESTS})`, value: bare.p99, unit: 'ms' },
        { label: `${label}: endpoint ÷ bare queries (medians)`, value: endpoint.median / bare.median, unit: '×' },
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

type Db = Awaited<ReturnType<typeof seededDemo>>['deps']['db'];

/** ENTRIES bench entries, then every project's uses in one INSERT … SELECT: project p uses entries p, p + 6, … (mod ENTRIES). */
async function insertHistory(db: Db): Promise<void> {
  await db.execute(sql`
    insert into indicator_library (code, category, level1, level2, name, direction, unit)
    select 'BENCH-' || lpad(n::text, 2, '0'), '基准测试', 'output', 'quantity', '基准指标 ' || n, '>=', '个'
    from generate_series(1, ${ENTRIES}) as n`);
  await db.execute(sql`
    with entry as (select id, row_number() over (order by code) - 1 as n from indicator_library where category = '基准测试')
    insert into indicator_usage (library_entry_id, fiscal_year, project_code, project_name, organisation_name, direction, unit,
                                 target, actual, source)
    select entry.id, y, 'BENCH-P-' || lpad(p::text, 5, '0'), '基准项目 ' || p, '基准单位', '>=', '个',
           100 + ((p::bigint * 7919 + y * 31 + k) % 90000)::numeric / 100,
           95 + ((p::bigint * 104729 + y * 17 + k) % 100000)::numeric / 100,
           'history'
    from generate_series(1, ${PROJECTS}) as p
    cross join unnest(${sql.raw(`array[${YEARS.join(',')}]`)}::int[]) as y
    cross join generate_series(0, ${USES_PER_PROJECT - 1}) as k
    join entry on entry.n = (p + k * 6) % ${ENTRIES}`);
  await refreshAllUsageValues(db);
  await db.execute(sql`analyze indicator_usage`);
}

/** A project of the demo unit in DECLARED_YEAR with the code of a project in the history, and LINES lines bound to LINES entries. */
async function insertDeclaration(db: Db): Promise<{ id: string; entries: string[] }> {
  await ensureFiscalYear(db, DECLARED_YEAR);
  const [unit] = await queryRows<{ id: string; name: string }>(
    db,
    sql`select o.id, o.name from organisations o join users u on u.organisation_id = o.id where u.username = 'unit.preparer'`,
  );
  if (!unit) throw new Error('demo unit missing');
  const [project] = await queryRows<{ id: string }>(
    db,
    sql`insert into projects (organisation_id, fiscal_year, code, name, category, budget_fen)
        values (${unit.id}::uuid, ${DECLARED_YEAR}, ${OWN_CODE}, '基准申报项目', '其他', 100000000) returning id`,
  );
  const [declaration] = await queryRows<{ id: string }>(
    db,
    sql`insert into target_declarations (kind, organisation_id, fiscal_year, project_id, project_name, project_code, department, implementing_unit)
        values ('project', ${unit.id}::uuid, ${DECLARED_YEAR}, ${project?.id}::uuid, '基准申报项目', ${OWN_CODE}, '基准部门', ${unit.name}) returning id`,
  );
  if (!declaration) throw new Error('declaration insert returned nothing');
  await db.execute(sql`
    insert into declared_indicators (declaration_id, position, level1, level2, name, nature, direction, target, unit, library_entry_id)
    select ${declaration.id}::uuid, row_number() over (order by code), 'output', 'quantity', name, 'quantitative', '>=', 500, '个', id
    from indicator_library where category = '基准测试' order by code limit ${LINES}`);
  const entries = await queryRows<{ id: string }>(
    db,
    sql`select library_entry_id as id from declared_indicators where declaration_id = ${declaration.id}::uuid`,
  );
  return { id: declaration.id, entries: entries.map((row) => row.id) };
}

// Last, so every constant above is initialised before the top-level await runs.
const [databaseArg] = process.argv.slice(2);
if (!databaseArg) {
  const kind: BenchDatabaseKind = process.env.JIXIAO_TEST_PG_URL ? 'postgres' : 'pglite';
  const figures = runConfiguration(import.meta.url, [kind], CHILD_SECONDS);
  report(
    `library suggestions: ${LINES} lines over ${PROJECTS.toLocaleString('en')} projects × ${YEARS.length} years, ${REQUESTS} sequential requests`,
    figures,
  );
  if (figures.some((figure) => figure.label.includes('FAILED'))) process.exitCode = 1;
} else {
  reportConfiguration(await measure(databaseArg as BenchDatabaseKind));
}
