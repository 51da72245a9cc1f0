import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { connect, queryRows } from '../src/db/connect.ts';
import { DATABASE_KIND, testDatabase } from './harness.ts';

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe(`the database (${DATABASE_KIND})`, () => {
  it('has every migration applied, and applying them again changes nothing', async () => {
    const database = await testDatabase();
    try {
      const tables = await queryRows<{ name: string }>(
        database.db,
        sql`select table_name as name from information_schema.tables where table_schema = 'public' order by 1`,
      );
      expect(tables.map((row) => row.name)).toEqual(
        expect.arrayContaining([
          'organisations',
          'users',
          'sessions',
          'evaluations',
          'goals',
          'indicators',
          'management_entries',
          'attachments',
          'audit_log',
          'published_reports',
        ]),
      );
      await database.migrate();
      const again = await queryRows<{ name: string }>(
        database.db,
        sql`select table_name as name from information_schema.tables where table_schema = 'public' order by 1`,
      );
      expect(again).toEqual(tables);
    } finally {
      await database.close();
    }
  });

  it('keeps money exact: numeric values and fen sums round-trip', async () => {
    const database = await testDatabase();
    try {
      const rows = await queryRows<{ value: string; sum: number }>(
        database.db,
        sql`select '1234567890123456.78'::numeric::text as value, (9007199254740000::bigint + 991)::bigint as sum`,
      );
      expect(rows[0]).toEqual({ value: '1234567890123456.78', sum: 9007199254740991 });
    } finally {
      await database.close();
    }
  });
});

describe.runIf(DATABASE_KIND === 'pglite')('the embedded data folder', () => {
  it('is locked: a second process refuses to open it, with a clear message', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'jixiao-lock-'));
    dirs.push(dir);
    const first = await connect({ kind: 'pglite', dataDir: dir });
    try {
      const script = `import { connect } from ${JSON.stringify(new URL('../src/db/connect.ts', import.meta.url).pathname)};
try { await connect({ kind: 'pglite', dataDir: ${JSON.stringify(dir)} }); console.log('opened'); } catch (error) { console.log(error.code, error.message); }`;
      const second = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
        encoding: 'utf8',
        timeout: 60_000,
      });
      expect(second.stdout).toContain('DATA_DIR_LOCKED');
      expect(second.stdout).toContain(`正被进程 ${process.pid} 使用`);
    } finally {
      await first.close();
    }
    const reopened = await connect({ kind: 'pglite', dataDir: dir });
    await reopened.close();
    // initdb of a fresh folder alone takes ~25 s on a busy two-core machine.
  }, 180_000);
});
