import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordAudit } from '../src/audit/audit.repository.ts';
import { SERVER_COMMANDS } from '../src/cli/commands.ts';
import { connect, type Database } from '../src/db/connect.ts';
import { DATABASE_KIND, testDatabase } from './harness.ts';

/**
 * The command as the CLI runs it, in-process: on PGlite a data directory of its own (the command opens it
 * as the server would, lock file included), on PostgreSQL a fresh test database by DATABASE_URL.
 */
describe(`jixiao audit verify (${DATABASE_KIND})`, () => {
  let env: Record<string, string>;
  let open: () => Promise<Database>;
  let cleanup = async () => {};
  beforeAll(async () => {
    if (DATABASE_KIND === 'pglite') {
      const dir = mkdtempSync(join(tmpdir(), 'jixiao-cli-audit-'));
      env = { JIXIAO_DATA_DIR: dir };
      open = () => connect({ kind: 'pglite', dataDir: dir });
      const database = await open();
      await database.migrate();
      await database.close();
      cleanup = async () => rmSync(dir, { recursive: true, force: true });
    } else {
      const database = await testDatabase();
      env = { DATABASE_URL: database.url as string };
      open = () => connect({ kind: 'postgres', url: database.url as string, poolSize: 1 });
      cleanup = () => database.close();
    }
    const database = await open();
    for (let i = 1; i <= 5; i++)
      await recordAudit(
        database.db,
        { requestId: `r${i}`, ip: '127.0.0.1' },
        { entityType: 'user', entityId: `u${i}`, action: 'update', after: { i } },
      );
    await database.close();
  }, 120_000);
  afterAll(() => cleanup());

  async function runVerify(args: readonly string[] = ['verify']) {
    let stdout = '';
    let stderr = '';
    const command = SERVER_COMMANDS.audit;
    if (!command) throw new Error('audit is not registered');
    const exit = await command.run(
      args,
      { stdout: { write: (text) => (stdout += text) }, stderr: { write: (text) => (stderr += text) } },
      env,
    );
    return { exit, stdout, stderr };
  }

  it('reports an intact chain with its count and exits 0', async () => {
    const result = await runVerify();
    expect(result).toMatchObject({ exit: 0, stderr: '' });
    expect(result.stdout).toContain('审计日志完整：共 5 条记录');
  });

  it('names the row edited in SQL and exits 1', async () => {
    const database = await open();
    await database.db.execute(sql`update audit_log set after = '{"i": 40}' where seq = 4`);
    await database.close();
    const result = await runVerify();
    expect(result.exit).toBe(1);
    expect(result.stdout).toContain('审计日志校验未通过（内容被改动）：第 4 条');
    expect(result.stdout).toContain('在此之前的 3 条记录完好');
  });

  it('answers a usage error with 2', async () => {
    expect(await runVerify([])).toMatchObject({ exit: 2, stdout: '' });
    expect((await runVerify(['fix'])).stderr).toContain('用法：jixiao audit verify');
  });
});
