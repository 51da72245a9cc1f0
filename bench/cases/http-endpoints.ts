import { buildApp, connect, createRoutes, loadConfig, PdfRenderer } from '@jixiao/server';
import Fastify from 'fastify';
import { seedDemo } from '../../apps/server/src/seed/demo.ts';
import { load } from '../http.ts';
import type { Figure } from '../measure.ts';
import { peakRssMb, report } from '../measure.ts';

const CONNECTIONS = 50;
const SECONDS = 5;
const figures: Figure[] = [];

async function listen(app: { listen(options: { port: number; host: string }): Promise<string> }): Promise<string> {
  return app.listen({ port: 0, host: '127.0.0.1' });
}

// The ceiling on this machine: a bare Fastify route, same process, same run.
const bare = Fastify();
bare.get('/hello', async () => ({ hello: 'world' }));
const bareUrl = await listen(bare);
const baseline = await load(`${bareUrl}/hello`, { connections: CONNECTIONS, seconds: SECONDS });
await bare.close();
figures.push({ label: 'bare Fastify route: req/s', value: baseline.requestsPerSecond, unit: 'req/s' });
figures.push({ label: 'bare Fastify route: p99', value: baseline.p99, unit: 'ms' });

const databases: { name: string; config: Parameters<typeof connect>[0] }[] = [{ name: 'PGlite', config: { kind: 'pglite-memory' } }];
if (process.env.JIXIAO_TEST_PG_URL)
  databases.push({ name: 'PostgreSQL', config: { kind: 'postgres', url: process.env.JIXIAO_TEST_PG_URL, poolSize: 10 } });

for (const { name, config: databaseConfig } of databases) {
  const database = await connect(databaseConfig);
  await database.migrate();
  if (database.kind === 'postgres')
    await database.db
      .execute('drop schema if exists public cascade; create schema public; drop schema if exists drizzle cascade;' as never)
      .catch(() => undefined);
  await database.migrate();
  const config = loadConfig({ PASSWORD_HASH_COST: '10', LOG_LEVEL: 'silent', SESSION_IDLE_MINUTES: '600' });
  const deps = { db: database.db, config, clock: () => new Date() };
  await seedDemo(deps);
  const pdf = new PdfRenderer(config.CHROMIUM_PATH);
  const app = await buildApp(deps, createRoutes(pdf));
  const url = await listen(app);
  const login = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'finance', password: 'Jixiao@2025demo' }),
  });
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const list = (await (await fetch(`${url}/api/evaluations`, { headers: { cookie } })).json()) as { items: { id: string; kind: string }[] };
  const department = list.items.find((item) => item.kind === 'department');
  for (const [label, path] of [
    ['project list', '/api/evaluations'],
    ['score (22 indicators + 10 管理效率)', `/api/evaluations/${department?.id}/score`],
  ] as const) {
    const result = await load(`${url}${path}`, { connections: CONNECTIONS, seconds: SECONDS, headers: { cookie } });
    if (result.errors || result.non2xx) throw new Error(`${name} ${label}: ${result.errors} errors, ${result.non2xx} non-2xx`);
    figures.push({ label: `${name} ${label}: req/s`, value: result.requestsPerSecond, unit: 'req/s' });
    figures.push({ label: `${name} ${label}: p99`, value: result.p99, unit: 'ms' });
    figures.push({
      label: `${name} ${label}: share of bare route`,
      value: (100 * result.requestsPerSecond) / baseline.requestsPerSecond,
      unit: '%',
    });
  }
  await app.close();
  await database.close();
}

figures.push({ label: 'peak memory (maxRSS, server side)', value: peakRssMb(), unit: 'MB' });
report(
  `HTTP endpoints, ${CONNECTIONS} concurrent clients, ${SECONDS} s each${process.env.JIXIAO_TEST_PG_URL ? '' : ' (PostgreSQL skipped: no JIXIAO_TEST_PG_URL)'}`,
  figures,
);
