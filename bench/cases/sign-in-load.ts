/**
 * 200 users sign in at once and keep working for 30 s: each signs in, lists the evaluations, opens one and
 * scores it, then signs in again. Sign-in is the expensive step (scrypt at the default cost), so this shows
 * whether the hashing queue keeps the other requests moving. The users run in a child process, so the load
 * does not share the server's event loop. Figures are printed, never asserted.
 */
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { buildApp, connect, createRoutes, loadConfig, PdfRenderer } from '@jixiao/server';
import { eq } from 'drizzle-orm';
import { users } from '../../apps/server/src/db/schema.ts';
import { createUser } from '../../apps/server/src/seed/builders.ts';
import { seedDemo } from '../../apps/server/src/seed/demo.ts';
import type { Figure } from '../measure.ts';
import { peakRssMb, report } from '../measure.ts';

const USERS = 200;
const SECONDS = 30;
const PASSWORD = 'Harbour#Lights-2031';
const STEPS = ['sign in', 'list', 'open', 'score'] as const;
type Step = (typeof STEPS)[number];

if (process.argv[2] === 'client') await client(process.argv[3] ?? '');
else await server();

async function server(): Promise<void> {
  const figures: Figure[] = [];
  const databases: { name: string; config: Parameters<typeof connect>[0] }[] = [{ name: 'PGlite', config: { kind: 'pglite-memory' } }];
  if (process.env.JIXIAO_TEST_PG_URL)
    databases.push({ name: 'PostgreSQL', config: { kind: 'postgres', url: process.env.JIXIAO_TEST_PG_URL, poolSize: 10 } });
  for (const { name, config: databaseConfig } of databases) {
    const database = await connect(databaseConfig);
    if (database.kind === 'postgres')
      await database.db
        .execute('drop schema if exists public cascade; create schema public; drop schema if exists drizzle cascade;' as never)
        .catch(() => undefined);
    await database.migrate();
    // The default hash cost, as in production: sign-in is what this case measures.
    const config = loadConfig({ LOG_LEVEL: 'silent', SESSION_IDLE_MINUTES: '600', LOGIN_MAX_FAILURES: '1000' });
    const deps = { db: database.db, config, clock: () => new Date() };
    await seedDemo(deps);
    const [preparer] = await database.db.select().from(users).where(eq(users.username, 'preparer'));
    if (!preparer) throw new Error('demo preparer missing');
    for (let index = 0; index < USERS; index += 1)
      await createUser(
        database.db,
        {
          username: `load.user.${index}`,
          displayName: `压测用户${index}`,
          organisationId: preparer.organisationId,
          password: PASSWORD,
          roles: [{ role: 'preparer', organisationId: preparer.organisationId }],
        },
        config.PASSWORD_HASH_COST,
      );
    const pdf = new PdfRenderer(config.CHROMIUM_PATH);
    const app = await buildApp(deps, createRoutes(pdf));
    const url = await app.listen({ port: 0, host: '127.0.0.1' });
    const result = await runClients(url);
    for (const step of STEPS) {
      const times = (result.times[step] ?? []).sort((a, b) => a - b);
      figures.push({ label: `${name} ${step}: requests`, value: times.length, unit: '' });
      figures.push({ label: `${name} ${step}: p50`, value: percentile(times, 0.5), unit: 'ms' });
      figures.push({ label: `${name} ${step}: p99`, value: percentile(times, 0.99), unit: 'ms' });
    }
    figures.push({ label: `${name} errors`, value: result.errors, unit: '', aim: '0' });
    if (result.firstError) process.stderr.write(`${name} first error: ${result.firstError}\n`);
    await app.close();
    await pdf.close();
    await database.close();
  }
  figures.push({ label: 'peak memory (maxRSS, server side)', value: peakRssMb(), unit: 'MB' });
  report(
    `${USERS} users sign in, list, open and score for ${SECONDS} s (scrypt 2^${loadConfig({}).PASSWORD_HASH_COST})${process.env.JIXIAO_TEST_PG_URL ? '' : ' (PostgreSQL skipped: no JIXIAO_TEST_PG_URL)'}`,
    figures,
  );
}

function percentile(sorted: readonly number[], share: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * share))] ?? 0;
}

interface ClientResult {
  times: Partial<Record<Step, number[]>>;
  errors: number;
  firstError?: string;
}

function runClients(url: string): Promise<ClientResult> {
  return new Promise((resolve, reject) => {
    const child = fork(fileURLToPath(import.meta.url), ['client', url], {
      execArgv: ['--import', 'tsx'],
      stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
    });
    child.on('message', (message) => resolve(message as ClientResult));
    child.on('error', reject);
    child.on('exit', (code) => {
      if (code !== 0) reject(new Error(`load client exited ${code}`));
    });
  });
}

async function client(url: string): Promise<void> {
  const result: ClientResult = { times: {}, errors: 0 };
  const end = Date.now() + SECONDS * 1000;
  const step = async (name: Step, run: () => Promise<Response>): Promise<Response | undefined> => {
    const start = performance.now();
    try {
      const response = await run();
      const body = await response.text();
      const times = result.times[name] ?? [];
      times.push(performance.now() - start);
      result.times[name] = times;
      if (response.ok) return new Response(body, { headers: response.headers });
      result.errors += 1;
      result.firstError ??= `${name}: ${response.status} ${body.slice(0, 200)}`;
    } catch (error) {
      result.errors += 1;
      result.firstError ??= `${name}: ${(error as Error).message}`;
    }
    return undefined;
  };
  const user = async (index: number) => {
    while (Date.now() < end) {
      const login = await step('sign in', () =>
        fetch(`${url}/api/auth/login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ username: `load.user.${index}`, password: PASSWORD }),
        }),
      );
      if (!login) continue;
      const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
      const list = await step('list', () => fetch(`${url}/api/evaluations`, { headers: { cookie } }));
      const items = list ? ((await list.json()) as { items: { id: string }[] }).items : [];
      const evaluation = items[index % Math.max(1, items.length)];
      if (!evaluation) continue;
      await step('open', () => fetch(`${url}/api/evaluations/${evaluation.id}`, { headers: { cookie } }));
      await step('score', () => fetch(`${url}/api/evaluations/${evaluation.id}/score`, { headers: { cookie } }));
    }
  };
  await Promise.all(Array.from({ length: USERS }, (_, index) => user(index)));
  process.send?.(result, () => process.exit(0));
}
