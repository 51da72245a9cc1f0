import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { adminCommand } from '../src/cli/admin.ts';
import { loadConfig } from '../src/config.ts';
import { connect, type Database } from '../src/db/connect.ts';
import { auditLog, userRoles, users } from '../src/db/schema.ts';
import { firstStart } from '../src/main.ts';
import { DATABASE_KIND, login, testApp, testDatabase } from './harness.ts';

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

function output() {
  const text = { stdout: '', stderr: '' };
  return {
    text,
    out: {
      stdout: { write: (chunk: string) => (text.stdout += chunk) },
      stderr: { write: (chunk: string) => (text.stderr += chunk) },
    },
  };
}

/** Where the command writes: a PGlite data folder of its own, or a fresh PostgreSQL database, as the server would be configured. */
async function commandDatabase(): Promise<{ env: Record<string, string>; open: () => Promise<Database>; done: () => Promise<void> }> {
  if (DATABASE_KIND === 'postgres') {
    const database = await testDatabase();
    const url = database.url ?? '';
    return {
      env: { DATABASE_URL: url, PASSWORD_HASH_COST: '10' },
      open: async () => ({ ...(await connect({ kind: 'postgres', url })) }),
      done: () => database.close(),
    };
  }
  const dir = mkdtempSync(join(tmpdir(), 'jixiao-admin-'));
  dirs.push(dir);
  return {
    env: { JIXIAO_DATA_DIR: dir, PASSWORD_HASH_COST: '10' },
    open: () => connect({ kind: 'pglite', dataDir: dir }),
    done: async () => {},
  };
}

describe('jixiao admin create', () => {
  it('creates the first administrator on an empty database with a one-time password that must be changed, audited', async () => {
    const target = await commandDatabase();
    const { text, out } = output();
    const exit = await adminCommand().run(
      [
        'create',
        '--username',
        'it.admin',
        '--name',
        '信息科管理员',
        '--organisation',
        'PY-CZJ',
        '--organisation-name',
        '广州市番禺区财政局',
      ],
      out,
      target.env,
    );
    expect(text.stderr).toBe('');
    expect(exit).toBe(0);
    const password = /一次性初始密码：(\S+)/.exec(text.stdout)?.[1] ?? '';
    expect(password).toMatch(/^Jx-/);

    const database = await target.open();
    const t = await testApp({ seed: false, database });
    try {
      const [user] = await database.db.select().from(users).where(eq(users.username, 'it.admin'));
      expect(user?.mustChangePassword).toBe(true);
      expect(await database.db.select({ role: userRoles.role }).from(userRoles)).toEqual([{ role: 'admin' }]);
      const audit = await database.db.select({ action: auditLog.action, entityType: auditLog.entityType }).from(auditLog);
      expect(audit).toEqual(
        expect.arrayContaining([
          { action: 'create', entityType: 'organisation' },
          { action: 'create', entityType: 'user' },
        ]),
      );
      const session = await login(t.app, 'it.admin', password);
      const blocked = await t.app.inject({ method: 'GET', url: '/api/users', headers: { cookie: session.cookie } });
      expect(blocked.json().code).toBe('PASSWORD_CHANGE_REQUIRED');
    } finally {
      await t.close();
      // The embedded database admits one opener, this process included: the command runs again after it is closed.
      await database.close();
    }
    try {
      const again = output();
      expect(await adminCommand().run(['create', '--username', 'IT.Admin', '--name', '又一个'], again.out, target.env)).toBe(1);
      expect(again.text.stderr).toContain('--username：用户名“IT.Admin”已被使用');
    } finally {
      await target.done();
    }
  }, 120_000);

  it('takes a password from standard input, and refuses a common one naming the rule', async () => {
    const target = await commandDatabase();
    const args = [
      'create',
      '--username',
      'root.admin',
      '--name',
      '管理员',
      '--organisation',
      'BUREAU',
      '--organisation-name',
      '财政局',
      '--password-stdin',
    ];
    const weak = output();
    expect(await adminCommand(async () => 'Password123!').run(args, weak.out, target.env)).toBe(1);
    expect(weak.text.stderr).toContain('password：密码过于常见');
    const chosen = output();
    expect(await adminCommand(async () => 'Harbour#Lights-2031').run(args, chosen.out, target.env)).toBe(0);
    expect(chosen.text.stdout).not.toContain('一次性初始密码');
    const database = await target.open();
    try {
      const [user] = await database.db.select().from(users).where(eq(users.username, 'root.admin'));
      expect(user?.mustChangePassword).toBe(false);
    } finally {
      await database.close();
      await target.done();
    }
  }, 120_000);

  it.skipIf(DATABASE_KIND === 'postgres')(
    'says the server must be stopped when it holds the embedded database',
    async () => {
      const dir = mkdtempSync(join(tmpdir(), 'jixiao-admin-'));
      dirs.push(dir);
      // A live process that is not this one holds the lock, as a running server would.
      const holder = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60_000)']);
      try {
        writeFileSync(join(dir, 'jixiao.lock'), `${holder.pid}\n`);
        const { text, out } = output();
        expect(await adminCommand().run(['create', '--username', 'a.admin', '--name', '管理员'], out, { JIXIAO_DATA_DIR: dir })).toBe(1);
        expect(text.stderr).toContain(`正被进程 ${holder.pid} 使用`);
        expect(text.stderr).toContain('请先停止服务，再运行 jixiao admin create');
      } finally {
        holder.kill();
      }
    },
    60_000,
  );

  it('explains its usage', async () => {
    const { text, out } = output();
    expect(await adminCommand().run(['create', '--username', 'x'], out, {})).toBe(2);
    expect(text.stderr).toContain('缺少 --name');
  });
});

describe('first start', () => {
  it('loads no demo in production, and says how to create the first administrator', async () => {
    const database = await testDatabase();
    try {
      const lines: string[] = [];
      const config = loadConfig({ NODE_ENV: 'production', PASSWORD_HASH_COST: '10' });
      await firstStart({ db: database.db, config, clock: () => new Date() }, database.kind, (line) => lines.push(line));
      expect(await database.db.select().from(users)).toEqual([]);
      expect(lines.join('\n')).toContain('npx jixiao admin create --username');

      // Development keeps loading the demo into an empty database, as does production when asked explicitly.
      for (const env of [{}, { NODE_ENV: 'production', JIXIAO_DEMO: 'on' }]) expect(loadConfig(env).loadDemo).toBe(true);
      expect(loadConfig({ JIXIAO_DEMO: 'off' }).loadDemo).toBe(false);
      const dev = loadConfig({ PASSWORD_HASH_COST: '10' });
      await firstStart({ db: database.db, config: dev, clock: () => new Date() }, database.kind, () => undefined);
      expect((await database.db.select().from(users)).length).toBeGreaterThan(5);
    } finally {
      await database.close();
    }
  }, 120_000);
});
