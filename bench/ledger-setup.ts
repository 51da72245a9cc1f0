import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { connect, type Database, loadConfig } from '@jixiao/server';
import { eq } from 'drizzle-orm';
import pg from 'pg';
import type { Deps, RequestContext } from '../apps/server/src/context.ts';
import { organisations } from '../apps/server/src/db/schema.ts';
import { createUser } from '../apps/server/src/seed/builders.ts';
import { DEMO_PASSWORD, seedDemo } from '../apps/server/src/seed/demo.ts';
import type { Figure } from './measure.ts';

/**
 * Shared set-up of the ledger benchmarks: a fresh database of either kind with the demo loaded, an
 * accountant over the demo department, and a way to run one configuration per child process (so
 * each peak-memory figure is that configuration's alone, and a stuck one is killed on a deadline).
 */
export type BenchDatabaseKind = 'pglite' | 'postgres';

export const benchDatabaseKinds = (): BenchDatabaseKind[] => (process.env.JIXIAO_TEST_PG_URL ? ['pglite', 'postgres'] : ['pglite']);

export const DATABASE_LABEL: Readonly<Record<BenchDatabaseKind, string>> = { pglite: 'PGlite', postgres: 'PostgreSQL' };

/** A migrated, empty database: PGlite in memory, or a new PostgreSQL database dropped again on close. */
export async function openBenchDatabase(kind: BenchDatabaseKind): Promise<Database & { adminUrl?: string; url?: string }> {
  const adminUrl = process.env.JIXIAO_TEST_PG_URL;
  if (kind === 'pglite' || !adminUrl) {
    const database = await connect({ kind: 'pglite-memory' });
    await database.migrate();
    return database;
  }
  const name = `jixiao_bench_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const database = await connect({ kind: 'postgres', url: url.toString(), poolSize: 10 });
  await database.migrate();
  return {
    ...database,
    adminUrl,
    url: url.toString(),
    close: async () => {
      await database.close();
      const cleanup = new pg.Client({ connectionString: adminUrl });
      await cleanup.connect();
      await cleanup.query(`drop database if exists ${name} with (force)`);
      await cleanup.end();
    },
  };
}

export interface DemoLedger {
  readonly deps: Deps;
  readonly departmentId: string;
  /** The department's units, PY-KGSX-01 … */
  readonly units: readonly { id: string; code: string }[];
  /** An accountant (财务审核) over the department, as a request context for the import service. */
  readonly ctx: RequestContext;
}

export async function seededDemo(database: Database): Promise<DemoLedger> {
  const config = loadConfig({
    PASSWORD_HASH_COST: '10',
    LOG_LEVEL: 'silent',
    SESSION_IDLE_MINUTES: '600',
    JIXIAO_DATA_DIR: '/nonexistent',
  });
  const deps: Deps = { db: database.db, config, clock: () => new Date() };
  await seedDemo(deps);
  const [department] = await deps.db.select().from(organisations).where(eq(organisations.code, 'PY-KGSX'));
  if (!department) throw new Error('demo department missing');
  const units = (await deps.db.select().from(organisations).where(eq(organisations.parentId, department.id)))
    .map((unit) => ({ id: unit.id, code: unit.code }))
    .sort((a, b) => a.code.localeCompare(b.code));
  const roles = [{ role: 'accountant' as const, organisationId: department.id }];
  const user = await createUser(
    deps.db,
    { username: 'bench.accountant', displayName: '财务审核（基准测试）', organisationId: department.id, password: DEMO_PASSWORD, roles },
    10,
  );
  const ctx: RequestContext = {
    principal: {
      userId: user.id,
      username: user.username,
      displayName: user.displayName,
      organisationId: department.id,
      roles,
      sessionId: 'bench',
      csrfToken: 'bench',
      mustChangePassword: false,
    },
    requestId: 'bench',
    ip: '127.0.0.1',
  };
  return { deps, departmentId: department.id, units, ctx };
}

/**
 * Runs this case file again in a child process with `args`, within `seconds`, and returns the
 * figures it reports; a child that fails or overruns yields one figure saying so, never a hang.
 */
export function runConfiguration(caseUrl: string, args: readonly string[], seconds: number): Figure[] {
  const script = new URL(caseUrl).pathname;
  const result = spawnSync(process.execPath, ['--import', 'tsx', script, ...args], {
    encoding: 'utf8',
    timeout: seconds * 1000,
    maxBuffer: 16 * 1024 * 1024,
    env: process.env,
  });
  const line = result.stdout.split('\n').find((entry) => entry.startsWith('{"figures"'));
  if (result.status !== 0 || !line) {
    const why = result.error ? String(result.error) : `exit ${result.status}: ${result.stderr.slice(-2000)}`;
    process.stderr.write(`configuration ${args.join(' ')} failed: ${why}\n`);
    return [{ label: `${args.join(' ')}: FAILED (see stderr)`, value: 0, unit: '' }];
  }
  return (JSON.parse(line) as { figures: Figure[] }).figures;
}

/** What a child configuration prints for its parent. */
export function reportConfiguration(figures: readonly Figure[]): void {
  process.stdout.write(`${JSON.stringify({ figures })}\n`);
}

export const sleepMs = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
