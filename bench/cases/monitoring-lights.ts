import { buildApp, createRoutes, PdfRenderer } from '@jixiao/server';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../apps/server/src/db/connect.ts';
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
 * The finance bureau's lights page (GET /api/monitoring/lights, issue 11: aim under 2 s) over a monitoring
 * task of 1,000 project forms with 20 indicators each, beside the bare SQL that reads the same rows. The
 * forms are copies of the demo round's project form (its money, its indicators repeated to 20 and its
 * stored assessment): the page reads the lights each form's last save computed, so the size of the ledger
 * behind them does not enter this read.
 */
const FORMS = 1_000;
const INDICATORS = 20;
const REQUESTS = 20;
const CHILD_SECONDS = 300;

async function measure(kind: BenchDatabaseKind): Promise<Figure[]> {
  const database = await openBenchDatabase(kind);
  const label = DATABASE_LABEL[kind];
  try {
    const demo = await seededDemo(database);
    const [task] = await queryRows<{ id: string }>(demo.deps.db, sql`select id from monitoring_tasks order by cutoff_date desc limit 1`);
    if (!task) throw new Error('the demo has no monitoring round (seeded before December?)');
    const built = await timed(() =>
      demo.deps.db.execute(sql`
        insert into monitoring_forms (task_id, kind, organisation_id, project_id, title, status, money, indicators, assessment, light, preparers)
        select f.task_id, 'project', f.organisation_id, f.project_id, f.title || '（基准' || g || '）', f.status, f.money,
               (select jsonb_agg(i) from jsonb_array_elements(f.indicators) i, generate_series(1, ${INDICATORS}) r
                 where r <= ceil(${INDICATORS}::numeric / greatest(jsonb_array_length(f.indicators), 1))),
               jsonb_set(f.assessment, '{indicators}',
                 (select jsonb_agg(i) from jsonb_array_elements(f.assessment->'indicators') i, generate_series(1, ${INDICATORS}) r
                   where r <= ceil(${INDICATORS}::numeric / greatest(jsonb_array_length(f.assessment->'indicators'), 1)))),
               f.light, f.preparers
        from monitoring_forms f cross join generate_series(1, ${FORMS}) g
        where f.task_id = ${task.id}::uuid and f.kind = 'project' and f.assessment is not null
          and f.id = (select id from monitoring_forms where task_id = ${task.id}::uuid and kind = 'project' and assessment is not null limit 1)`),
    );
    await demo.deps.db.execute(sql`analyze monitoring_forms`);
    const pdf = new PdfRenderer(demo.deps.config.CHROMIUM_PATH);
    const app = await buildApp(demo.deps, createRoutes(pdf));
    try {
      const url = await app.listen({ port: 0, host: '127.0.0.1' });
      const cookie = await signInCookie(url, 'finance');
      let items = 0;
      const endpoint = await latencies(async () => {
        const response = await fetch(`${url}/api/monitoring/lights?taskId=${task.id}`, {
          headers: { cookie },
          signal: AbortSignal.timeout(60_000),
        });
        const body = (await response.json()) as { items?: unknown[]; message?: string };
        if (response.status !== 200 || !body.items)
          throw new Error(`GET /api/monitoring/lights: ${response.status} ${JSON.stringify(body).slice(0, 300)}`);
        items = body.items.length;
      }, REQUESTS);
      const bare = await latencies(async () => {
        await queryRows(
          demo.deps.db,
          sql`select f.*, t.*, o.name, o.kind, d.name from monitoring_forms f join monitoring_tasks t on t.id = f.task_id
              join organisations o on o.id = f.organisation_id left join organisations d on d.id = o.parent_id
              where f.task_id = ${task.id}::uuid order by d.name, o.name, f.kind, f.title`,
        );
      }, REQUESTS);
      return [
        { label: `${label}: copy ${FORMS.toLocaleString('en')} forms × ${INDICATORS} indicators`, value: built.ms / 1000, unit: 's' },
        { label: `${label}: forms on the page`, value: items, unit: '' },
        { label: `${label}: GET /api/monitoring/lights median`, value: endpoint.median, unit: 'ms', aim: '< 2000 ms' },
        { label: `${label}: GET /api/monitoring/lights p99 (= max of ${REQUESTS})`, value: endpoint.p99, unit: 'ms' },
        { label: `${label}: bare SQL of the same rows, median`, value: bare.median, unit: 'ms' },
        { label: `${label}: endpoint ÷ bare SQL (medians)`, value: endpoint.median / bare.median, unit: '×' },
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

// Last, so every constant above is initialised before the top-level await runs.
const [databaseArg] = process.argv.slice(2);
if (!databaseArg) {
  const figures = benchDatabaseKinds().flatMap((kind) => runConfiguration(import.meta.url, [kind], CHILD_SECONDS));
  const skipped = process.env.JIXIAO_TEST_PG_URL ? '' : ' (PostgreSQL skipped: no JIXIAO_TEST_PG_URL)';
  report(
    `monitoring lights: ${FORMS.toLocaleString('en')} project forms × ${INDICATORS} indicators, ${REQUESTS} sequential requests${skipped}`,
    figures,
  );
  if (figures.some((figure) => figure.label.includes('FAILED'))) process.exitCode = 1;
} else {
  reportConfiguration(await measure(databaseArg as BenchDatabaseKind));
}
