import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { connect } from '../src/db/connect.ts';

declare module 'vitest' {
  interface ProvidedContext {
    pgliteSnapshot: string;
    postgresTemplate: string;
  }
}

export const TEMPLATE_DATABASE = 'jixiao_test_template';

/**
 * Runs once per test run: migrates a PGlite database and snapshots it (each test file loads the
 * snapshot in ~0.4 s instead of running initdb), and, when JIXIAO_TEST_PG_URL is set, migrates a
 * template database on PostgreSQL that each test file clones.
 */
export default async function setup(project: TestProject): Promise<void> {
  const pglite = await connect({ kind: 'pglite-memory' });
  await pglite.migrate();
  const snapshot = await pglite.snapshot?.();
  await pglite.close();
  if (!snapshot) throw new Error('PGlite snapshot unavailable');
  const path = join(tmpdir(), `jixiao-pglite-${process.pid}.tar`);
  writeFileSync(path, new Uint8Array(await snapshot.arrayBuffer()));
  project.provide('pgliteSnapshot', path);

  const adminUrl = process.env.JIXIAO_TEST_PG_URL;
  if (adminUrl) {
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`drop database if exists ${TEMPLATE_DATABASE} with (force)`);
    await admin.query(`create database ${TEMPLATE_DATABASE}`);
    await admin.end();
    const url = new URL(adminUrl);
    url.pathname = `/${TEMPLATE_DATABASE}`;
    const template = await connect({ kind: 'postgres', url: url.toString(), poolSize: 1 });
    await template.migrate();
    await template.close();
    project.provide('postgresTemplate', TEMPLATE_DATABASE);
  } else {
    project.provide('postgresTemplate', '');
  }
}
