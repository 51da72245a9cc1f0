import { and, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HASH_CONCURRENCY, hashesWaiting, hashPassword, verifyPassword } from '../src/auth/password.ts';
import { auditLog, users } from '../src/db/schema.ts';
import { SESSION_COOKIE } from '../src/http/session-plugin.ts';
import { DEMO_PASSWORD } from '../src/seed/demo.ts';
import { as, login, type TestApp, testApp } from './harness.ts';

let now = new Date('2025-06-01T09:00:00+08:00');
let t: TestApp;
beforeAll(async () => {
  t = await testApp({ clock: () => now, env: { LOGIN_MAX_FAILURES: '3', LOGIN_LOCK_MINUTES: '15', SESSION_IDLE_MINUTES: '30' } });
});
afterAll(() => t.close());

const attempt = (username: string, password: string) =>
  t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });

describe('login', () => {
  it('signs in with an httpOnly, SameSite session cookie and returns the CSRF token', async () => {
    const response = await attempt('preparer', DEMO_PASSWORD);
    expect(response.statusCode).toBe(200);
    const cookie = response.cookies.find((entry) => entry.name === SESSION_COOKIE);
    expect(cookie?.httpOnly).toBe(true);
    expect(cookie?.sameSite).toBe('Lax');
    expect(response.json()).toMatchObject({
      user: { username: 'preparer', displayName: '吴晓东', roles: [{ role: 'preparer' }] },
      csrfToken: expect.any(String),
    });
  });

  it('refuses a wrong password without saying whether the user exists', async () => {
    const wrong = await attempt('reviewer', 'not-the-password');
    const unknown = await attempt('nobody-here', 'not-the-password');
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json().message).toBe('用户名或密码不正确');
    expect(unknown.json().message).toBe('用户名或密码不正确');
    expect(wrong.json().code).toBe('INVALID_CREDENTIALS');
  });

  it('locks an account after repeated failures, even with the right password, until the lock expires', async () => {
    for (let i = 0; i < 2; i += 1) expect((await attempt('head', 'wrong-password')).statusCode).toBe(401);
    const third = await attempt('head', 'wrong-password');
    expect(third.statusCode).toBe(423);
    expect(third.json().code).toBe('ACCOUNT_LOCKED');
    expect((await attempt('head', DEMO_PASSWORD)).statusCode).toBe(423);
    now = new Date(now.getTime() + 16 * 60_000);
    expect((await attempt('head', DEMO_PASSWORD)).statusCode).toBe(200);
  });

  it('counts concurrent failures atomically: 40 wrong passwords at once check at most the limit and leave the account locked', async () => {
    // From 40 addresses, as a spread-out attack would: the per-address throttle must not be what stops them.
    const responses = await Promise.all(
      Array.from({ length: 40 }, (_, index) =>
        t.app.inject({
          method: 'POST',
          url: '/api/auth/login',
          remoteAddress: `198.51.100.${index + 1}`,
          payload: { username: 'cashier', password: `wrong-password-${index}` },
        }),
      ),
    );
    const [cashier] = await t.deps.db.select().from(users).where(eq(users.username, 'cashier'));
    const checked = await t.deps.db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(and(eq(auditLog.entityId, cashier?.id ?? ''), inArray(auditLog.action, ['login-failed', 'login-failed-locked'])));
    expect(checked.length).toBe(3);
    expect(responses.filter((response) => response.statusCode === 401)).toHaveLength(2);
    expect(responses.filter((response) => response.statusCode === 423)).toHaveLength(38);
    expect(cashier?.lockedUntil?.getTime()).toBeGreaterThan(now.getTime());
    const right = await attempt('cashier', DEMO_PASSWORD);
    expect(right.statusCode).toBe(423);
    expect(right.json().code).toBe('ACCOUNT_LOCKED');
  }, 60_000);

  it('throttles an address hammering one username', async () => {
    const codes: number[] = [];
    for (let i = 0; i < 7; i += 1) codes.push((await attempt('ghost-user', 'x')).statusCode);
    expect(codes.slice(0, 6).every((code) => code === 401)).toBe(true);
    expect(codes[6]).toBe(429);
  });

  it('rejects an empty body with field paths in Chinese', async () => {
    const response = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: '' } });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ code: 'VALIDATION_FAILED', requestId: expect.any(String) });
    expect(response.json().details).toEqual(
      expect.arrayContaining([
        { path: 'body.username', message: '不能为空' },
        { path: 'body.password', message: '必填' },
      ]),
    );
  });
});

describe('sessions', () => {
  it('needs a session for the API', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/evaluations' });
    expect(response.statusCode).toBe(401);
    expect(response.json().code).toBe('UNAUTHENTICATED');
  });

  it('refuses writes without the CSRF token', async () => {
    const session = await login(t.app, 'preparer');
    const response = await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie: session.cookie } });
    expect(response.statusCode).toBe(403);
    expect(response.json().code).toBe('CSRF_INVALID');
  });

  it('expires after the idle timeout, and stays alive while used', async () => {
    const session = await login(t.app, 'reviewer');
    now = new Date(now.getTime() + 20 * 60_000);
    expect((await as(t.app, session).get('/api/auth/me')).statusCode).toBe(200);
    now = new Date(now.getTime() + 20 * 60_000);
    expect((await as(t.app, session).get('/api/auth/me')).statusCode).toBe(200);
    now = new Date(now.getTime() + 31 * 60_000);
    const expired = await as(t.app, session).get('/api/auth/me');
    expect(expired.statusCode).toBe(401);
    expect(expired.json().code).toBe('SESSION_EXPIRED');
  });

  it('ends the session on logout', async () => {
    const session = await login(t.app, 'finance');
    expect((await as(t.app, session).post('/api/auth/logout')).statusCode).toBe(200);
    expect((await as(t.app, session).get('/api/auth/me')).statusCode).toBe(401);
  });
});

describe('passwords', () => {
  it('forces an initial password to be changed, enforcing the rules', async () => {
    const admin = await login(t.app, 'admin');
    const organisations = (await as(t.app, admin).get('/api/organisations')).json().items as { id: string; kind: string }[];
    const department = organisations.find((entry) => entry.kind === 'department');
    const created = await as(t.app, admin).post('/api/users', {
      username: 'new.preparer',
      displayName: '新填报人',
      organisationId: department?.id,
      roles: [{ role: 'preparer', organisationId: department?.id }],
    });
    expect(created.statusCode).toBe(201);
    const { initialPassword } = created.json() as { initialPassword: string };

    const session = await login(t.app, 'new.preparer', initialPassword);
    const blocked = await as(t.app, session).get('/api/evaluations');
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().code).toBe('PASSWORD_CHANGE_REQUIRED');
    expect((await as(t.app, session).get('/api/auth/me')).json().user.mustChangePassword).toBe(true);

    const weak = await as(t.app, session).post('/api/auth/password', { currentPassword: initialPassword, newPassword: 'short' });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().details.map((detail: { message: string }) => detail.message)).toEqual([
      '密码至少 10 个字符',
      '密码须包含大写字母、小写字母、数字、符号中的至少三类',
    ]);
    const named = await as(t.app, session).post('/api/auth/password', {
      currentPassword: initialPassword,
      newPassword: 'New.Preparer-2025',
    });
    expect(named.json().details).toEqual([{ path: 'body.newPassword', message: '密码不能包含用户名' }]);

    for (const common of ['Password123!', DEMO_PASSWORD, '1qaz@WSX3edc', 'P@ssw0rd2025']) {
      const refused = await as(t.app, session).post('/api/auth/password', { currentPassword: initialPassword, newPassword: common });
      expect(refused.statusCode, common).toBe(400);
      expect(refused.json().details, common).toEqual([
        { path: 'body.newPassword', message: '密码过于常见：它在常用密码表中，或只是常见单词加数字和符号，容易被猜中' },
      ]);
    }
    const withName = await as(t.app, session).post('/api/auth/password', {
      currentPassword: initialPassword,
      newPassword: '新填报人-Goals#Plan25',
    });
    expect(withName.json().details).toEqual([{ path: 'body.newPassword', message: '密码不能包含姓名' }]);

    const changed = await as(t.app, session).post('/api/auth/password', {
      currentPassword: initialPassword,
      newPassword: 'Budget#Goals2025',
    });
    expect(changed.statusCode).toBe(200);
    expect((await as(t.app, session).get('/api/evaluations')).statusCode).toBe(200);
    expect((await attempt('new.preparer', initialPassword)).statusCode).toBe(401);
  });

  it('re-hashes at sign-in a password stored at another cost, and the password still works', async () => {
    const [before] = await t.deps.db.select().from(users).where(eq(users.username, 'approver'));
    const stronger = await testApp({ database: t.database, seed: false, env: { PASSWORD_HASH_COST: '11' } });
    try {
      expect(
        (await stronger.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'approver', password: DEMO_PASSWORD } }))
          .statusCode,
      ).toBe(200);
      const [after] = await t.deps.db.select().from(users).where(eq(users.username, 'approver'));
      expect(before?.passwordHash).toMatch(/^scrypt\$10\$/);
      expect(after?.passwordHash).toMatch(/^scrypt\$11\$8\$1\$/);
      expect(after?.version).toBe(before?.version);
      expect((await attempt('approver', DEMO_PASSWORD)).statusCode).toBe(200);
    } finally {
      await stronger.close();
    }
  });

  it('hashes no more passwords at once than the queue allows, and each still verifies', async () => {
    const hashes = Array.from({ length: 8 }, (_, index) => hashPassword(`Queue#Test-${index}`, 10));
    expect(hashesWaiting()).toBe(8 - HASH_CONCURRENCY);
    const done = await Promise.all(hashes);
    expect(hashesWaiting()).toBe(0);
    expect(await Promise.all(done.map((hash, index) => verifyPassword(`Queue#Test-${index}`, hash)))).toEqual(Array(8).fill(true));
  });

  it('stores only a memory-hard hash', async () => {
    const rows = await t.deps.db.select({ hash: users.passwordHash }).from(users).limit(1);
    expect(rows[0]?.hash).toMatch(/^scrypt\$10\$8\$1\$[\w-]+\$[\w-]+$/);
  });
});

describe('session status', () => {
  it('tells when the session will end without extending it', async () => {
    const session = await login(t.app, 'auditor');
    const first = (await as(t.app, session).get('/api/auth/status')).json().idleExpiresAt;
    now = new Date(now.getTime() + 10 * 60_000);
    const second = (await as(t.app, session).get('/api/auth/status')).json().idleExpiresAt;
    expect(second).toBe(first);
    now = new Date(now.getTime() + 21 * 60_000);
    expect((await as(t.app, session).get('/api/auth/status')).statusCode).toBe(401);
  });
});
