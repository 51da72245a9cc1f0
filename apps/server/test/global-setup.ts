import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { connect, type Database } from '../src/db/connect.ts';
import { seedDemo } from '../src/seed/demo.ts';
import { chinaToday } from '../src/time.ts';
import { TEST_CONFIG } from './test-config.ts';

declare module 'vitest' {
  interface ProvidedContext {
    pgliteSnapshot: string;
    pgliteSeededSnapshot: string;
    postgresTemplate: string;
    postgresSeededTemplate: string;
    /** The China date the seeded copies were made on: a file that starts on another day seeds afresh. */
    seededOn: string;
  }
}

export const TEMPLATE_DATABASE = 'jixiao_test_template';
export const SEEDED_TEMPLATE_DATABASE = 'jixiao_test_seeded';

async function writeSnapshot(database: Database, name: string): Promise<string> {
  const snapshot = await database.snapshot?.();
  if (!snapshot) throw new Error('PGlite snapshot unavailable');
  const path = join(tmpdir(), `jixiao-pglite-${name}-${process.pid}.tar`);
  writeFileSync(path, new Uint8Array(await snapshot.arrayBuffer()));
  return path;
}

/**
 * Runs once per test run. It migrates a PGlite database and snapshots it twice, empty and with the demo
 * loaded: each test file loads a snapshot in ~1 s instead of running initdb and the 3–4 s demo seed.
 * When JIXIAO_TEST_PG_URL is set it makes the same two template databases on PostgreSQL, which each
 * test file clones. A file that needs its own clock or settings for the seed still seeds itself
 * (harness.ts decides).
 */
export default async function setup(project: TestProject): Promise<void> {
  const now = new Date();
  project.provide('seededOn', chinaToday(now));
  const deps = (db: Database) => ({ db: db.db, config: TEST_CONFIG, clock: () => now });

  const pglite = await connect({ kind: 'pglite-memory' });
  await pglite.migrate();
  project.provide('pgliteSnapshot', await writeSnapshot(pglite, 'migrated'));
  await seedDemo(deps(pglite));
  project.provide('pgliteSeededSnapshot', await writeSnapshot(pglite, 'seeded'));
  await pglite.close();

  const adminUrl = process.env.JIXIAO_TEST_PG_URL;
  if (!adminUrl) {
    project.provide('postgresTemplate', '');
    project.provide('postgresSeededTemplate', '');
    return;
  }
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  const urlOf = (name: string) => {
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    return url.toString();
  };
  try {
    for (const name of [SEEDED_TEMPLATE_DATABASE, TEMPLATE_DATABASE]) await admin.query(`drop database if exists ${name} with (force)`);
    await admin.query(`create database ${TEMPLATE_DATABASE}`);
    const template = await connect({ kind: 'postgres', url: urlOf(TEMPLATE_DATABASE), poolSize: 1 });
    await template.migrate();
    await template.close();
    await admin.query(`create database ${SEEDED_TEMPLATE_DATABASE} template ${TEMPLATE_DATABASE}`);
    const seeded = await connect({ kind: 'postgres', url: urlOf(SEEDED_TEMPLATE_DATABASE), poolSize: 2 });
    await seedDemo(deps(seeded));
    await seeded.close();
  } finally {
    await admin.end();
  }
  project.provide('postgresTemplate', TEMPLATE_DATABASE);
  project.provide('postgresSeededTemplate', SEEDED_TEMPLATE_DATABASE);
}
