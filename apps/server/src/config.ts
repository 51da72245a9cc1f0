import { resolve } from 'node:path';
import { formatPath, zhErrorMap } from '@jixiao/core';
import { z } from 'zod';

/** Every setting comes from the environment, validated once at start-up. */
const schema = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().default('127.0.0.1'),
  /** PostgreSQL in production; unset = embedded PGlite in JIXIAO_DATA_DIR. */
  DATABASE_URL: z.string().url().optional(),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(10),
  JIXIAO_DATA_DIR: z.string().default('./data'),
  /**
   * The Panyu FY2024 demo (accounts with a published password) in an empty database: `auto` loads it except in
   * production (NODE_ENV=production), `on` loads it anywhere (asked explicitly), `off` never.
   */
  JIXIAO_DEMO: z.enum(['auto', 'on', 'off']).default('auto'),
  SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).default(30),
  SESSION_MAX_HOURS: z.coerce.number().int().min(1).default(12),
  /**
   * scrypt cost exponent: N = 2^cost, r = 8, so 128·2^cost bytes per hash. 13 = 8 MiB: 42–80 ms per hash on the reference
   * two-core machine under shared load (14: 92–162 ms, 15: ~690 ms; docs/security.md). Stored hashes keep their own cost
   * and are re-hashed at the next sign-in when it changes.
   */
  PASSWORD_HASH_COST: z.coerce.number().int().min(10).max(20).default(13),
  LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).default(5),
  LOGIN_LOCK_MINUTES: z.coerce.number().int().min(1).default(15),
  COOKIE_SECURE: z.enum(['auto', 'true', 'false']).default('auto'),
  ATTACHMENT_MAX_MB: z.coerce.number().min(1).max(200).default(20),
  CHROMIUM_PATH: z.string().default('/usr/bin/chromium'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  NODE_ENV: z.string().default('development'),
});

export type Config = ReturnType<typeof loadConfig>;

export function loadConfig(env: Record<string, string | undefined> = process.env) {
  const parsed = schema.safeParse(env, { error: zhErrorMap });
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `${formatPath(issue.path)}：${issue.message}`);
    throw new Error(`环境变量有误：\n${lines.join('\n')}`);
  }
  const value = parsed.data;
  return {
    ...value,
    database: value.DATABASE_URL
      ? ({ kind: 'postgres', url: value.DATABASE_URL, poolSize: value.DATABASE_POOL_SIZE } as const)
      : ({ kind: 'pglite', dataDir: resolve(value.JIXIAO_DATA_DIR) } as const),
    loadDemo: value.JIXIAO_DEMO === 'on' || (value.JIXIAO_DEMO === 'auto' && value.NODE_ENV !== 'production'),
    cookieSecure: value.COOKIE_SECURE === 'auto' ? value.NODE_ENV === 'production' : value.COOKIE_SECURE === 'true',
  };
}
