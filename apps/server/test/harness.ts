import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import pg from 'pg';
import { inject } from 'vitest';
import { loadConfig } from '../src/config.ts';
import type { Deps } from '../src/context.ts';
import { connect, type Database } from '../src/db/connect.ts';
import { buildApp } from '../src/http/app.ts';
import { SESSION_COOKIE } from '../src/http/session-plugin.ts';
import { PdfRenderer } from '../src/reports/pdf.ts';
import { createRoutes } from '../src/routes.ts';
import { DEMO_PASSWORD, seedDemo } from '../src/seed/demo.ts';
import { chinaToday } from '../src/time.ts';
import { TEST_ENV } from './test-config.ts';

/** Which database this test project runs on; the same suite runs on both (CI runs both). */
export const DATABASE_KIND = process.env.JIXIAO_TEST_DATABASE === 'postgres' ? 'postgres' : 'pglite';

/**
 * A fresh, migrated database for one test file: a PGlite snapshot, or a clone of the PostgreSQL template.
 * `withDemo` starts from the copy the global set-up seeded with the demo (global-setup.ts).
 */
export async function testDatabase(options: { withDemo?: boolean } = {}): Promise<Database & { url?: string }> {
  if (DATABASE_KIND === 'pglite') {
    const snapshot = new Blob([readFileSync(inject(options.withDemo ? 'pgliteSeededSnapshot' : 'pgliteSnapshot'))]);
    return connect({ kind: 'pglite-memory', snapshot });
  }
  const adminUrl = process.env.JIXIAO_TEST_PG_URL;
  const template = inject(options.withDemo ? 'postgresSeededTemplate' : 'postgresTemplate');
  if (!adminUrl || !template) throw new Error('JIXIAO_TEST_PG_URL is not set: the postgres test project needs a server');
  const name = `jixiao_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name} template ${template}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const database = await connect({ kind: 'postgres', url: url.toString(), poolSize: 5 });
  return {
    ...database,
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

export interface TestApp {
  readonly app: FastifyInstance;
  readonly deps: Deps;
  readonly database: Database & { url?: string };
  close(): Promise<void>;
}

/**
 * The whole application on a fresh database with the demo loaded; a cheap password hash for speed.
 * With the default clock and settings the demo comes from the copy seeded once per run (if it was
 * seeded today, China time, so dates relative to today still hold); a file with its own clock, settings
 * or database seeds it here.
 */
export async function testApp(
  options: { seed?: boolean; env?: Record<string, string>; clock?: () => Date; database?: Database & { url?: string } } = {},
): Promise<TestApp> {
  const seed = options.seed !== false;
  const preSeeded = seed && !options.database && !options.clock && !options.env && inject('seededOn') === chinaToday(new Date());
  const database = options.database ?? (await testDatabase({ withDemo: preSeeded }));
  const config = loadConfig({ ...TEST_ENV, ...options.env });
  const deps: Deps = { db: database.db, config, clock: options.clock ?? (() => new Date()) };
  if (seed && !preSeeded) await seedDemo(deps);
  const pdf = new PdfRenderer(config.CHROMIUM_PATH);
  const app = await buildApp(deps, createRoutes(pdf));
  return {
    app,
    deps,
    database,
    close: async () => {
      await app.close();
      await pdf.close();
      if (!options.database) await database.close();
    },
  };
}

export interface Session {
  readonly cookie: string;
  readonly csrf: string;
  readonly userId: string;
}

export async function login(app: FastifyInstance, username: string, password = DEMO_PASSWORD): Promise<Session> {
  const response = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
  if (response.statusCode !== 200) throw new Error(`login ${username} failed: ${response.statusCode} ${response.body}`);
  const cookie = response.cookies.find((entry) => entry.name === SESSION_COOKIE);
  if (!cookie) throw new Error('no session cookie');
  const body = response.json() as { csrfToken: string; user: { id: string } };
  return { cookie: `${SESSION_COOKIE}=${cookie.value}`, csrf: body.csrfToken, userId: body.user.id };
}

/** Sends a request as a signed-in user, with the session cookie and the CSRF header. */
export function as(app: FastifyInstance, session: Session) {
  const send = (
    method: InjectOptions['method'],
    url: string,
    payload?: unknown,
    headers: Record<string, string> = {},
  ): Promise<LightMyRequestResponse> =>
    app.inject({
      method,
      url,
      headers: { cookie: session.cookie, 'x-csrf-token': session.csrf, ...headers },
      ...(payload === undefined
        ? {}
        : typeof payload === 'string' || Buffer.isBuffer(payload)
          ? { payload }
          : { payload: payload as object }),
    });
  return {
    get: (url: string) => send('GET', url),
    post: (url: string, payload?: unknown, headers?: Record<string, string>) => send('POST', url, payload ?? {}, headers),
    patch: (url: string, payload: unknown) => send('PATCH', url, payload),
    put: (url: string, payload: unknown) => send('PUT', url, payload),
    delete: (url: string) => send('DELETE', url),
  };
}

/** A multipart body with one file field, for upload routes. */
export function multipart(
  filename: string,
  bytes: Uint8Array | string,
  field = 'file',
): { payload: Buffer; headers: Record<string, string> } {
  const boundary = `----jixiao${randomBytes(8).toString('hex')}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${filename}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return {
    payload: Buffer.concat([head, Buffer.from(bytes), tail]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}
