import { isIP } from 'node:net';
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
  /**
   * How many further （示例） departments of the district the demo adds around the reference one, for the
   * finance bureau's overview (docs/finance-bureau.md). 0 loads the reference department alone.
   */
  JIXIAO_DEMO_DISTRICT: z.coerce.number().int().min(0).max(1000).default(15),
  /**
   * `on`: a demo loaded after the reference year's review closed shows FY2024 as the finished year it is
   * (published, its checks done; seed/demo-finished.ts). `off` leaves it open for someone to walk through,
   * as the browser stories do.
   */
  JIXIAO_DEMO_FINISHED: z.enum(['on', 'off']).default('on'),
  /**
   * 重点项目 in a department's roll-up (docs/finance-bureau.md "Roll-up"): projects whose adjusted budget
   * reaches this many yuan. Practice, not a national rule: each bureau names its key projects.
   */
  JIXIAO_ROLLUP_KEY_PROJECT_YUAN: z.coerce.number().int().min(0).max(1_000_000_000_000).default(1_000_000),
  /**
   * 结果应用: the share (whole percent) by which a project graded 中 is suggested to be cut next year
   * (docs/finance-bureau.md "结果应用"). No national figure exists; the bureau sets its own.
   */
  JIXIAO_RESULT_REDUCE_PERCENT: z.coerce.number().int().min(0).max(100).default(10),
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
  /**
   * Whose X-Forwarded-For/-Proto/-Host to believe: `off` (nobody: the socket address is the client)
   * or a comma-separated list of proxy addresses/CIDRs. Believing any client would let it choose the
   * address the login throttle counts and the audit log records. No hop count: it cannot tell a
   * proxy from a client that sends enough hops (Fastify 5 ignores one for that reason).
   */
  TRUST_PROXY: z
    .string()
    .default('off')
    .transform((value, ctx) => parseTrustProxy(value, ctx)),
  ATTACHMENT_MAX_MB: z.coerce.number().min(1).max(200).default(20),
  CHROMIUM_PATH: z.string().default('/usr/bin/chromium'),
  /**
   * Start Chromium (and load the CJK fonts) right after the server listens, so the first PDF does not wait ~10 s for
   * it: costs ~150 MB kept resident. `off` starts it on the first PDF instead.
   */
  PDF_WARM: z.enum(['on', 'off']).default('on'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  NODE_ENV: z.string().default('development'),
});

export type Config = ReturnType<typeof loadConfig>;

/** proxy-addr's names for the private ranges, accepted beside addresses and CIDRs. */
const PROXY_RANGE_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);

/** `off` → false; `10.0.0.1, 10.1.0.0/16` → trust those proxies. */
function parseTrustProxy(value: string, ctx: z.RefinementCtx): false | string[] {
  const text = value.trim();
  if (text === '' || text === 'off') return false;
  const entries = text.split(',').map((entry) => entry.trim());
  const bad = entries.filter((entry) => !isProxyAddress(entry));
  if (bad.length === 0) return entries;
  ctx.addIssue({
    code: 'custom',
    message: `“${bad.join('”“')}”不是代理地址：应为 off，或以逗号分隔的 IP 地址 / CIDR（如 10.0.0.1,10.1.0.0/16）`,
  });
  return z.NEVER;
}

function isProxyAddress(entry: string): boolean {
  if (PROXY_RANGE_NAMES.has(entry)) return true;
  const [address = '', bits, ...rest] = entry.split('/');
  const family = isIP(address);
  if (family === 0 || rest.length > 0) return false;
  if (bits === undefined) return true;
  return /^\d+$/.test(bits) && Number(bits) <= (family === 4 ? 32 : 128);
}

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
