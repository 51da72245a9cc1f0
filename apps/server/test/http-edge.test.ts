import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { desc, eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.ts';
import { auditLog, sessions } from '../src/db/schema.ts';
import { buildApp } from '../src/http/app.ts';
import { PdfRenderer } from '../src/reports/pdf.ts';
import { createRoutes } from '../src/routes.ts';
import { DEMO_PASSWORD } from '../src/seed/demo.ts';
import { as, login, type Session, type TestApp, testApp } from './harness.ts';

/** The reverse proxy of these tests; the other addresses are clients (documentation ranges, RFC 5737). */
const PROXY = '192.0.2.1';
const CLIENT = '198.51.100.7';

let direct: TestApp;
let proxied: TestApp;
let spa: FastifyInstance;
let webRoot: string;
let pdf: PdfRenderer;
let admin: Session;

beforeAll(async () => {
  // The default deployment (no proxy trusted), secure cookies as behind HTTPS, and no demo: throttling needs no accounts.
  direct = await testApp({ seed: false, env: { COOKIE_SECURE: 'true' } });
  proxied = await testApp({ env: { TRUST_PROXY: `${PROXY}, 10.1.0.0/16` } });
  admin = await login(proxied.app, 'admin');
  webRoot = mkdtempSync(join(tmpdir(), 'jixiao-spa-'));
  writeFileSync(join(webRoot, 'index.html'), '<!doctype html><title>绩效</title><div id="root"></div>');
  mkdirSync(join(webRoot, 'assets'));
  writeFileSync(join(webRoot, 'assets', 'index-DVagqnaV.js'), 'console.log(1)');
  pdf = new PdfRenderer(proxied.deps.config.CHROMIUM_PATH);
  spa = await buildApp(proxied.deps, createRoutes(pdf), { webRoot });
}, 120_000);
afterAll(async () => {
  await spa?.close();
  await pdf?.close();
  await direct?.close();
  await proxied?.close();
  rmSync(webRoot, { recursive: true, force: true });
});

const tryLogin = (app: FastifyInstance, remoteAddress: string, forwardedFor: string | undefined, password = 'wrong-password') =>
  app.inject({
    method: 'POST',
    url: '/api/auth/login',
    remoteAddress,
    headers: forwardedFor ? { 'x-forwarded-for': forwardedFor } : {},
    payload: { username: 'preparer', password },
  });

async function lastAudit(t: TestApp, action: string) {
  const [row] = await t.deps.db.select().from(auditLog).where(eq(auditLog.action, action)).orderBy(desc(auditLog.at)).limit(1);
  return row;
}

describe('the client address (TRUST_PROXY)', () => {
  it('trusts no forwarded header by default, and refuses a setting that is not an address', () => {
    expect(loadConfig({}).TRUST_PROXY).toBe(false);
    expect(loadConfig({ TRUST_PROXY: '10.0.0.1, 10.1.0.0/16, ::1, loopback' }).TRUST_PROXY).toEqual([
      '10.0.0.1',
      '10.1.0.0/16',
      '::1',
      'loopback',
    ]);
    expect(() => loadConfig({ TRUST_PROXY: 'true' })).toThrow(/TRUST_PROXY：“true”不是代理地址/);
    expect(() => loadConfig({ TRUST_PROXY: '10.0.0.1/33' })).toThrow(/“10.0.0.1\/33”不是代理地址/);
  });

  it('throttles a direct client however it rotates X-Forwarded-For', async () => {
    const statuses: number[] = [];
    for (let attempt = 1; attempt <= 14; attempt++) {
      statuses.push((await tryLogin(direct.app, '203.0.113.9', `198.51.100.${attempt}`)).statusCode);
    }
    // LOGIN_MAX_FAILURES = 5: ten failures per (username, address) in the window, then 429.
    expect(statuses.slice(0, 10)).toEqual(Array(10).fill(401));
    expect(statuses.slice(10)).toEqual(Array(4).fill(429));
  }, 60_000);

  it('audits the socket address of a direct client, not the address it claims', async () => {
    const response = await tryLogin(proxied.app, '203.0.113.20', CLIENT, DEMO_PASSWORD);
    expect(response.statusCode).toBe(200);
    expect((await lastAudit(proxied, 'login'))?.ip).toBe('203.0.113.20');
  });

  it('takes the client address from a trusted proxy, in the audit log and the session', async () => {
    const response = await tryLogin(proxied.app, PROXY, `${CLIENT}, 10.1.2.3`, DEMO_PASSWORD);
    expect(response.statusCode).toBe(200);
    expect((await lastAudit(proxied, 'login'))?.ip).toBe(CLIENT);
    const [session] = await proxied.deps.db.select().from(sessions).orderBy(desc(sessions.createdAt)).limit(1);
    expect(session?.ip).toBe(CLIENT);
  });
});

describe('the order of the checks', () => {
  const invalid = { kind: 'nonsense', fiscalYear: 'last year' };

  it('refuses an anonymous write with 401 before reading its body', async () => {
    const response = await proxied.app.inject({ method: 'POST', url: '/api/evaluations', payload: invalid });
    expect(response.statusCode).toBe(401);
    expect(response.json().code).toBe('UNAUTHENTICATED');
    const malformed = await proxied.app.inject({
      method: 'POST',
      url: '/api/evaluations',
      headers: { 'content-type': 'application/json' },
      payload: '{not json',
    });
    expect(malformed.statusCode).toBe(401);
    expect((await proxied.app.inject({ method: 'GET', url: '/api/evaluations/not-a-uuid' })).statusCode).toBe(401);
  });

  it('refuses a signed-in write without the CSRF token with 403 before validating its body', async () => {
    const response = await proxied.app.inject({
      method: 'POST',
      url: '/api/evaluations',
      headers: { cookie: admin.cookie },
      payload: invalid,
    });
    expect(response.statusCode).toBe(403);
    expect(response.json().code).toBe('CSRF_INVALID');
  });

  it('validates the body once signed in with the token, and public routes validate as before', async () => {
    const response = await as(proxied.app, admin).post('/api/evaluations', invalid);
    expect(response.statusCode).toBe(400);
    expect(response.json().code).toBe('VALIDATION_FAILED');
    const login = await proxied.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 7 } });
    expect(login.statusCode).toBe(400);
  });
});

describe('the security headers', () => {
  const expectBrowserDefences = (headers: Record<string, unknown>) => {
    const csp = String(headers['content-security-policy']);
    for (const directive of [
      "default-src 'self'",
      "script-src 'self'",
      "object-src 'none'",
      "frame-ancestors 'none'",
      "base-uri 'self'",
      "style-src 'self' 'unsafe-inline'",
    ]) {
      expect(csp).toContain(directive);
    }
    expect(csp).not.toContain('unsafe-eval');
    expect(headers['x-content-type-options']).toBe('nosniff');
    expect(headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
    expect(headers['x-frame-options']).toBe('DENY');
  };

  it('protect the SPA, its deep links, an API answer, a refusal and the API docs', async () => {
    for (const url of ['/', '/evaluations/123']) {
      const page = await spa.inject({ method: 'GET', url });
      expect(page.statusCode).toBe(200);
      expect(page.headers['content-type']).toContain('text/html');
      expectBrowserDefences(page.headers);
    }
    const api = await as(spa, admin).get('/api/auth/me');
    expect(api.statusCode).toBe(200);
    expectBrowserDefences(api.headers);
    expectBrowserDefences((await spa.inject({ method: 'GET', url: '/api/evaluations' })).headers);
    const docs = await as(spa, admin).get('/api/docs');
    expect(docs.statusCode).toBe(200);
    expect(docs.body).toContain('swagger-ui-bundle.js');
    expectBrowserDefences(docs.headers);
    const publicList = await spa.inject({ method: 'GET', url: '/public' });
    expect(publicList.statusCode).toBe(200);
    expectBrowserDefences(publicList.headers);
  });

  it('let the browser keep hashed assets for good and revalidate the page itself (a reload costs no asset request)', async () => {
    const asset = await spa.inject({ method: 'GET', url: '/assets/index-DVagqnaV.js' });
    expect(asset.statusCode).toBe(200);
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    for (const url of ['/', '/index.html', '/evaluations/123']) {
      const page = await spa.inject({ method: 'GET', url });
      expect(page.statusCode, url).toBe(200);
      expect(page.headers['cache-control'], url).toBe('no-cache');
    }
  });

  it('send HSTS and upgrade-insecure-requests only when cookies are secure (behind HTTPS)', async () => {
    const plain = await proxied.app.inject({ method: 'GET', url: '/api/health' });
    expect(plain.headers['strict-transport-security']).toBeUndefined();
    expect(String(plain.headers['content-security-policy'])).not.toContain('upgrade-insecure-requests');
    const secure = await direct.app.inject({ method: 'GET', url: '/api/health' });
    expect(secure.headers['strict-transport-security']).toMatch(/^max-age=\d+/);
    expect(String(secure.headers['content-security-policy'])).toContain('upgrade-insecure-requests');
  });
});
