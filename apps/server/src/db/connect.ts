import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { type Column, getTableName, type SQL, sql } from 'drizzle-orm';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import { type PgDatabase, type PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import { serveBackups } from './backup-socket.ts';
import { lockDataDir } from './lock.ts';
import * as schema from './schema.ts';

/** Both drivers give the same query builder; services never know which one runs. */
export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
/** Anything that can run a query: the database or a transaction. */
export type Queryable = Db | Tx;

export interface Database {
  readonly db: Db;
  readonly kind: 'pglite' | 'postgres';
  /** A human description for the start-up banner, without credentials. */
  readonly description: string;
  migrate(): Promise<void>;
  close(): Promise<void>;
  /** PGlite only: the data directory as a tarball, loadable with `{ kind: 'pglite-memory', snapshot }`. */
  snapshot?: () => Promise<Blob>;
  /** PGlite only: a consistent, gzip-compressed snapshot for `jixiao backup`, taken between transactions. */
  backup?: () => Promise<Blob>;
}

const MIGRATIONS = new URL('../../drizzle', import.meta.url).pathname;

// int8 as a JS number: counts and fen sums stay below 2^53, and pg would otherwise return strings.
pg.types.setTypeParser(20, (value) => Number(value));

export type DatabaseConfig =
  | { kind: 'postgres'; url: string; poolSize?: number }
  | { kind: 'pglite'; dataDir: string }
  /** In memory, optionally from a data-directory snapshot (tests load a migrated one instead of running initdb). */
  | { kind: 'pglite-memory'; snapshot?: Blob };

export async function connect(config: DatabaseConfig): Promise<Database> {
  if (config.kind === 'postgres') return connectPostgres(config.url, config.poolSize ?? 10);
  return connectPglite(
    config.kind === 'pglite' ? config.dataDir : undefined,
    config.kind === 'pglite-memory' ? config.snapshot : undefined,
  );
}

async function connectPostgres(url: string, poolSize: number): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  // An idle connection the server ends (a restart, an administrator, a dropped database) is reported here;
  // without a listener Node treats it as an uncaught exception and the whole process stops. The pool has
  // already discarded the client and opens a new one on the next query, so a warning is all it needs.
  pool.on('error', (error) => {
    process.emitWarning(`PostgreSQL closed an idle connection: ${error.message}`, { code: 'JIXIAO_PG_IDLE' });
  });
  // Fail fast with the server's own message if the URL is wrong.
  await pool.query('select 1');
  const db = drizzlePg(pool, { schema }) as unknown as Db;
  return {
    db,
    kind: 'postgres',
    description: `PostgreSQL ${redact(url)}`,
    migrate: () => migratePg(db as never, { migrationsFolder: MIGRATIONS }),
    close: () => pool.end(),
  };
}

async function connectPglite(dataDir: string | undefined, snapshot: Blob | undefined): Promise<Database> {
  const lock = dataDir ? lockDataDir(dataDir) : undefined;
  try {
    const client = dataDir ? new PGlite(join(dataDir, 'pglite')) : new PGlite(snapshot ? { loadDataDir: snapshot } : {});
    await client.waitReady;
    const db = drizzlePglite(client, { schema }) as unknown as Db;
    // Holding the transaction mutex, no transaction is half done and no statement runs while the files
    // are read (every query takes it too); synchronous_commit is on, so every commit is in the WAL on disk,
    // and the snapshot opens as PostgreSQL opens after a crash: with every committed transaction.
    const backup = () => client._runExclusiveTransaction(() => client.dumpDataDir('gzip'));
    const stopServing = dataDir ? await serveBackups(dataDir, backup) : undefined;
    return {
      db,
      kind: 'pglite',
      description: dataDir ? `内置数据库 PGlite（${dataDir}）` : '内置数据库 PGlite（内存）',
      migrate: () => migratePglite(db as never, { migrationsFolder: MIGRATIONS }),
      close: async () => {
        await stopServing?.();
        await client.close();
        lock?.release();
      },
      snapshot: () => client.dumpDataDir('none'),
      backup,
    };
  } catch (error) {
    lock?.release();
    throw error;
  }
}

function redact(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '(DATABASE_URL)';
  }
}

/** Runs raw SQL and returns its rows; both drivers answer `{ rows }`. Cast counts to int in SQL (pg returns int8 as text otherwise). */
export async function queryRows<T>(db: Queryable, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}

/**
 * A column as "table"."column". Inside a select-field `sql` fragment Drizzle writes a bare "id"
 * when the query has no join, which a correlated subquery then binds to its own table: always
 * reference outer columns of subqueries through this.
 */
export function ref(column: Column): SQL {
  return sql.raw(`"${getTableName(column.table)}"."${column.name}"`);
}

/**
 * Independent reads, together when `q` is the pool (each takes its own connection) and one after another
 * inside a transaction: a transaction has one connection, and pg queues (and from pg 9 refuses) a second
 * query sent while the first is running.
 */
export async function readAll<const T extends readonly unknown[]>(
  q: Queryable,
  reads: { readonly [K in keyof T]: () => PromiseLike<T[K]> },
): Promise<T> {
  if (!(q instanceof PgTransaction)) return Promise.all(reads.map((read) => read())) as unknown as Promise<T>;
  const results: unknown[] = [];
  for (const read of reads) results.push(await read());
  return results as unknown as T;
}
