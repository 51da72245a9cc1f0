import { buildApp, createRoutes, PdfRenderer } from '@jixiao/server';
import { sql } from 'drizzle-orm';
import type { Queryable } from '../../apps/server/src/db/connect.ts';
import { queryRows } from '../../apps/server/src/db/connect.ts';
import { seedDistrict } from '../../apps/server/src/seed/demo-district.ts';
import {
  type BenchDatabaseKind,
  benchDatabaseKinds,
  DATABASE_LABEL,
  openBenchDatabase,
  reportConfiguration,
  runConfiguration,
  seededDemo,
} from '../ledger-setup.ts';
import { type Figure, peakRssMb, report, timed } from '../measure.ts';
import { latencies, signInCookie } from '../sequential.ts';

/**
 * The finance bureau's 总览 over a district of 1,000 departments × 20 projects (issue 13: aim under 1 s on
 * PostgreSQL): GET /api/overview through HTTP as the bureau's reviewer, beside the bare SQL that reads the
 * same rows (the year's evaluations, goals, indicators and 管理指标 entries). The departments are cloned in
 * SQL from the district generator's evaluations, so every one carries real, scored content.
 */
const DEPARTMENTS = 1_000;
const UNITS_PER_DEPARTMENT = 4;
const PROJECTS_PER_UNIT = 5;
const REQUESTS = 3;
const FISCAL_YEAR = 2024;
const CHILD_SECONDS = 900;

/** What a request reads on a cold cache; with current facts only the evaluations and the facts. */
const BARE_READS = [
  sql`select * from evaluations where fiscal_year = ${FISCAL_YEAR}`,
  sql`select i.* from indicators i join evaluations e on e.id = i.evaluation_id where e.fiscal_year = ${FISCAL_YEAR} order by i.position`,
  sql`select g.* from goals g join evaluations e on e.id = g.evaluation_id where e.fiscal_year = ${FISCAL_YEAR} order by g.position`,
  sql`select m.* from management_entries m join evaluations e on e.id = m.evaluation_id where e.fiscal_year = ${FISCAL_YEAR}`,
];

/** With current facts: the evaluations' slim rows (no narrative, no snapshot) and their facts. */
const CACHED_READS = [
  sql`select e.id, e.organisation_id, e.project_id, e.kind, e.status, e.revision, e.ledger_snapshot is not null, p.name
      from evaluations e left join projects p on p.id = e.project_id where e.fiscal_year = ${FISCAL_YEAR}`,
  sql`select f.* from overview_facts f join evaluations e on e.id = f.evaluation_id where e.fiscal_year = ${FISCAL_YEAR}`,
];

async function measure(kind: BenchDatabaseKind): Promise<Figure[]> {
  const database = await openBenchDatabase(kind);
  const label = DATABASE_LABEL[kind];
  try {
    const demo = await seededDemo(database);
    // 2 departments × 14 projects of generated content: the templates the district is cloned from.
    await seedDistrict(demo.deps, { departments: 2 });
    const built = await timed(() => cloneDistrict(demo.deps.db));
    const pdf = new PdfRenderer(demo.deps.config.CHROMIUM_PATH);
    const app = await buildApp(demo.deps, createRoutes(pdf));
    try {
      const url = await app.listen({ port: 0, host: '127.0.0.1' });
      const cookie = await signInCookie(url, 'finance');
      let evaluations = 0;
      const read = async () => {
        const response = await fetch(`${url}/api/overview?fiscalYear=${FISCAL_YEAR}`, {
          headers: { cookie },
          signal: AbortSignal.timeout(120_000),
        });
        const body = (await response.json()) as { totals?: { evaluations: number }; message?: string };
        if (response.status !== 200 || !body.totals)
          throw new Error(`GET /api/overview: ${response.status} ${JSON.stringify(body).slice(0, 300)}`);
        evaluations = body.totals.evaluations;
      };
      // The first read scores every handed-in evaluation and fills the facts cache (overview_facts).
      const first = await timed(read);
      const endpoint = await latencies(read, REQUESTS);
      const bare = await latencies(async () => {
        for (const query of BARE_READS) await queryRows(demo.deps.db, query);
      }, REQUESTS);
      const cachedBare = await latencies(async () => {
        for (const query of CACHED_READS) await queryRows(demo.deps.db, query);
      }, REQUESTS);
      return [
        { label: `${label}: build the district (SQL clone)`, value: built.ms / 1000, unit: 's' },
        { label: `${label}: evaluations in the overview`, value: evaluations, unit: '' },
        { label: `${label}: GET /api/overview, first read (fills the facts cache)`, value: first.ms, unit: 'ms' },
        {
          label: `${label}: GET /api/overview median (cached facts)`,
          value: endpoint.median,
          unit: 'ms',
          aim: kind === 'postgres' ? '< 1000 ms' : '',
        },
        { label: `${label}: GET /api/overview max of ${REQUESTS}`, value: endpoint.p99, unit: 'ms' },
        { label: `${label}: bare SQL, the evaluations' slim rows and their facts, median`, value: cachedBare.median, unit: 'ms' },
        { label: `${label}: bare SQL reading every part (cold cache), median`, value: bare.median, unit: 'ms' },
        { label: `${label}: endpoint ÷ bare SQL of the same reads (medians)`, value: endpoint.median / cachedBare.median, unit: '×' },
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

/** Column lists of a table, for INSERT … SELECT copies that replace a few of them. */
async function columnsOf(db: Queryable, table: string): Promise<string[]> {
  const rows = await queryRows<{ column_name: string }>(
    db,
    sql`select column_name from information_schema.columns where table_schema = current_schema() and table_name = ${table} order by ordinal_position`,
  );
  return rows.map((row) => row.column_name);
}

/** `insert into table (cols) select <col or its replacement> from <from>`, ids derived with md5 so children can follow. */
async function copyRows(db: Queryable, table: string, replace: Record<string, string>, from: string): Promise<void> {
  const columns = await columnsOf(db, table);
  const select = columns.map((column) => replace[column] ?? `t.${column}`).join(', ');
  await db.execute(sql.raw(`insert into ${table} (${columns.join(', ')}) select ${select} ${from}`));
}

/**
 * 1,000 departments under the bureau, 4 units each, 5 projects per unit; each project's evaluation is a
 * copy of one of the generated district evaluations (cycled), with its goals, indicators and 管理指标.
 */
async function cloneDistrict(db: Queryable): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.execute(sql`set local session_replication_role = replica`);
    // Ids derived from a text key, RFC 4122-shaped (the API checks its uuids), so children can find their parent's copy.
    await tx.execute(
      sql.raw(
        "create function pg_temp.bench_uuid(key text) returns uuid language sql immutable as $$ select overlay(overlay(md5(key) placing '4' from 13) placing '8' from 17)::uuid $$",
      ),
    );
    await tx.execute(sql`
      insert into organisations (id, kind, parent_id, code, name)
      select pg_temp.bench_uuid('dept' || d), 'department', (select id from organisations where code = 'PY-CZJ'),
             'PY-B' || lpad(d::text, 4, '0'), '基准部门' || d || '（示例）'
      from generate_series(1, ${DEPARTMENTS}) as d`);
    await tx.execute(sql`
      insert into organisations (id, kind, parent_id, code, name)
      select pg_temp.bench_uuid('unit' || d || '-' || u), 'unit', pg_temp.bench_uuid('dept' || d),
             'PY-B' || lpad(d::text, 4, '0') || '-' || u, '基准部门' || d || '下属单位' || u || '（示例）'
      from generate_series(1, ${DEPARTMENTS}) as d, generate_series(1, ${UNITS_PER_DEPARTMENT}) as u`);
    await tx.execute(sql`
      create temporary table bench_clone on commit drop as
      with template as (
        select e.id, e.project_id, row_number() over (order by e.id) - 1 as n, count(*) over () as total
        from evaluations e join organisations o on o.id = e.organisation_id
        where e.fiscal_year = ${FISCAL_YEAR} and e.kind = 'project' and o.code like 'PY-D____-%')
      select pg_temp.bench_uuid('eval' || d || '-' || u || '-' || p) as new_id, pg_temp.bench_uuid('proj' || d || '-' || u || '-' || p) as project_id,
             pg_temp.bench_uuid('unit' || d || '-' || u) as organisation_id, 'PY-B' || lpad(d::text, 4, '0') || '-' || u || '-' || p as code,
             template.id as template_id, template.project_id as template_project
      from generate_series(1, ${DEPARTMENTS}) as d cross join generate_series(1, ${UNITS_PER_DEPARTMENT}) as u
           cross join generate_series(1, ${PROJECTS_PER_UNIT}) as p
      join template on template.n = ((d * 20 + u * 5 + p) % template.total)`);
    await copyRows(
      tx,
      'projects',
      { id: 'c.project_id', organisation_id: 'c.organisation_id', code: 'c.code', name: "t.name || '·' || c.code" },
      'from bench_clone c join projects t on t.id = c.template_project',
    );
    await copyRows(
      tx,
      'evaluations',
      { id: 'c.new_id', organisation_id: 'c.organisation_id', project_id: 'c.project_id', declaration_id: 'null' },
      'from bench_clone c join evaluations t on t.id = c.template_id',
    );
    await copyRows(
      tx,
      'goals',
      { id: 'pg_temp.bench_uuid(c.new_id::text || t.id::text)', evaluation_id: 'c.new_id' },
      'from bench_clone c join goals t on t.evaluation_id = c.template_id',
    );
    await copyRows(
      tx,
      'indicators',
      {
        id: 'pg_temp.bench_uuid(c.new_id::text || t.id::text)',
        evaluation_id: 'c.new_id',
        goal_id: 'case when t.goal_id is null then null else pg_temp.bench_uuid(c.new_id::text || t.goal_id::text) end',
        declared_indicator_id: 'null',
      },
      'from bench_clone c join indicators t on t.evaluation_id = c.template_id',
    );
    await copyRows(
      tx,
      'management_entries',
      { id: 'pg_temp.bench_uuid(c.new_id::text || t.id::text)', evaluation_id: 'c.new_id' },
      'from bench_clone c join management_entries t on t.evaluation_id = c.template_id',
    );
  });
  for (const table of ['organisations', 'projects', 'evaluations', 'goals', 'indicators', 'management_entries']) {
    await db.execute(sql.raw(`analyze ${table}`));
  }
}

// Last, so every constant above is initialised before the top-level await runs.
const [databaseArg] = process.argv.slice(2);
if (!databaseArg) {
  const figures = benchDatabaseKinds().flatMap((kind) => runConfiguration(import.meta.url, [kind], CHILD_SECONDS));
  const skipped = process.env.JIXIAO_TEST_PG_URL ? '' : ' (PostgreSQL skipped: no JIXIAO_TEST_PG_URL)';
  report(
    `finance overview: ${DEPARTMENTS.toLocaleString('en')} departments × ${UNITS_PER_DEPARTMENT * PROJECTS_PER_UNIT} projects, ${REQUESTS} sequential requests${skipped}`,
    figures,
  );
  if (figures.some((figure) => figure.label.includes('FAILED'))) process.exitCode = 1;
} else {
  reportConfiguration(await measure(databaseArg as BenchDatabaseKind));
}
