import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SERVER_COMMANDS } from '../src/cli/commands.ts';
import { connect, type Database, queryRows } from '../src/db/connect.ts';
import { auditLog } from '../src/db/schema.ts';
import { DATABASE_KIND, type TestApp, testApp } from './harness.ts';

const root = mkdtempSync(join(tmpdir(), 'jixiao-backup-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** Runs `jixiao <name> …` as the CLI does, with the settings in `env`. */
async function jixiao(name: string, args: string[], env: Record<string, string>) {
  let stdout = '';
  let stderr = '';
  const command = SERVER_COMMANDS[name];
  if (!command) throw new Error(`no command ${name}`);
  const code = await command.run(
    args,
    { stdout: { write: (text) => (stdout += text) }, stderr: { write: (text) => (stderr += text) } },
    env,
  );
  return { code, stdout, stderr };
}

/** Every table's row count and an md5 of its rows in a fixed order (by the row's text, as unique as a key). */
async function fingerprint(database: Database) {
  const tables = await queryRows<{ name: string }>(
    database.db,
    sql`select format('%I.%I', table_schema, table_name) as name from information_schema.tables
        where table_schema in ('public', 'drizzle') and table_type = 'BASE TABLE' order by 1`,
  );
  const result: Record<string, { rows: number; md5: string }> = {};
  for (const { name } of tables) {
    const [row] = await queryRows<{ rows: number; md5: string }>(
      database.db,
      sql.raw(`select count(*)::int as rows, md5(coalesce(string_agg(t::text, E'\\n' order by t::text), '')) as md5 from ${name} t`),
    );
    if (row) result[name] = row;
  }
  return result;
}

const dataDir = join(root, 'data');
const env = (dir: string) => ({ JIXIAO_DATA_DIR: dir, LOG_LEVEL: 'silent' });

/** The commands are for the embedded database; the PGlite project runs them once. */
describe.runIf(DATABASE_KIND === 'pglite')('jixiao backup and restore (embedded database)', () => {
  let running: TestApp;
  let demo: Awaited<ReturnType<typeof fingerprint>>;

  beforeAll(async () => {
    const database = await connect({ kind: 'pglite', dataDir });
    await database.migrate();
    running = await testApp({ database });
    await running.app.ready();
    demo = await fingerprint(database);
  }, 300_000);

  it('backs up while an app runs on the folder, and the restore into a fresh folder has every table and row', async () => {
    expect(Object.keys(demo)).toEqual(
      expect.arrayContaining(['public.users', 'public.evaluations', 'public.audit_log', 'drizzle.__drizzle_migrations']),
    );
    expect(demo['public.indicators']?.rows).toBeGreaterThan(0);
    const file = join(root, 'running.tar.gz');
    const backup = await jixiao('backup', [file], env(dataDir));
    expect(backup).toMatchObject({ code: 0, stderr: '' });
    expect(backup.stdout).toContain(`由运行中的服务（进程 ${process.pid}）生成快照`);

    const fresh = join(root, 'fresh');
    expect(await jixiao('restore', [file], env(fresh))).toMatchObject({ code: 0, stderr: '' });
    const restored = await connect({ kind: 'pglite', dataDir: fresh });
    try {
      expect(await fingerprint(restored)).toEqual(demo);
    } finally {
      await restored.close();
    }
  }, 300_000);

  it('takes whole transactions only while writes go on during the backup', async () => {
    let writing = true;
    let written = 0;
    const writes = (async () => {
      while (writing) {
        // Two rows per transaction: a snapshot with an odd number of them would hold half a transaction.
        await running.deps.db.transaction(async (tx) => {
          await tx.insert(auditLog).values({ entityType: 'backup-test', entityId: String(written), action: 'one' });
          await tx.insert(auditLog).values({ entityType: 'backup-test', entityId: String(written), action: 'two' });
        });
        written += 1;
        // Requests arrive as I/O; a loop of PGlite calls alone would never let the backup request in.
        await new Promise((resolve) => setImmediate(resolve));
      }
    })();
    const file = join(root, 'busy.tar.gz');
    const backup = await jixiao('backup', [file], env(dataDir));
    writing = false;
    await writes;
    expect(backup.code).toBe(0);
    const fresh = join(root, 'busy');
    expect((await jixiao('restore', [file], env(fresh))).code).toBe(0);
    const restored = await connect({ kind: 'pglite', dataDir: fresh });
    try {
      const [row] = await queryRows<{ rows: number }>(
        restored.db,
        sql`select count(*)::int as rows from audit_log where entity_type = 'backup-test'`,
      );
      expect((row?.rows ?? 1) % 2).toBe(0);
      expect(row?.rows).toBeLessThanOrEqual(written * 2);
    } finally {
      await restored.close();
    }
  }, 300_000);

  it('refuses to restore while a server holds the folder, and into a folder with a database unless --force', async () => {
    const file = join(root, 'running.tar.gz');
    const locked = await jixiao('restore', [file, '--force'], env(dataDir));
    expect(locked.code).toBe(1);
    expect(locked.stderr).toContain(`正被进程 ${process.pid} 使用`);

    const fresh = join(root, 'fresh');
    const refused = await jixiao('restore', [file], env(fresh));
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('已有数据库，未恢复；确认要用备份覆盖它时请加 --force');
    expect(await jixiao('restore', [file, '--force'], env(fresh))).toMatchObject({ code: 0 });

    const junk = join(root, 'junk.tar.gz');
    writeFileSync(junk, 'not a backup');
    const bad = await jixiao('restore', [junk, '--force'], env(fresh));
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('不是 jixiao backup 生成的内置数据库备份');
    // The database that was there is untouched by the bad file.
    const kept = await connect({ kind: 'pglite', dataDir: fresh });
    try {
      expect((await fingerprint(kept))['public.users']).toEqual(demo['public.users']);
    } finally {
      await kept.close();
    }
  }, 300_000);

  it('backs up a stopped server by opening its folder, and the restore matches', async () => {
    await running.close();
    await running.database.close();
    const file = join(root, 'stopped.tar.gz');
    const backup = await jixiao('backup', [file], env(dataDir));
    expect(backup).toMatchObject({ code: 0, stderr: '' });
    expect(backup.stdout).toContain('服务未运行');
    expect((await jixiao('backup', [file], env(dataDir))).stderr).toContain('已存在，未备份；要覆盖它请加 --force');

    const original = await connect({ kind: 'pglite', dataDir });
    const now = await fingerprint(original).finally(() => original.close());
    const fresh = join(root, 'from-stopped');
    expect((await jixiao('restore', [file], env(fresh))).code).toBe(0);
    const restored = await connect({ kind: 'pglite', dataDir: fresh });
    try {
      expect(await fingerprint(restored)).toEqual(now);
    } finally {
      await restored.close();
    }
  }, 300_000);

  it('names pg_dump and pg_restore for PostgreSQL instead of copying anything', async () => {
    const postgres = { DATABASE_URL: 'postgres://jixiao@db.example/jixiao' };
    const backup = await jixiao('backup', ['x.dump'], postgres);
    expect(backup.code).toBe(1);
    expect(backup.stderr).toContain('pg_dump --format=custom --no-owner --file=x.dump "$DATABASE_URL"');
    const restore = await jixiao('restore', ['x.dump'], postgres);
    expect(restore.stderr).toContain('pg_restore --no-owner --exit-on-error --single-transaction --dbname=jixiao_restored x.dump');
    expect(existsSync('x.dump')).toBe(false);
    expect((await jixiao('backup', [], env(dataDir))).code).toBe(2);
  });
});
