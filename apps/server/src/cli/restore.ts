import { existsSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { lockDataDir } from '../db/lock.ts';
import { AppError } from '../errors.ts';
import type { ServerCommand } from './commands.ts';
import { megabytes, runEmbeddedFileCommand } from './embedded-file-command.ts';

const USAGE = `  jixiao restore <备份文件.tar.gz> [--force]
      把 jixiao backup 的备份恢复到内置数据库的数据目录（服务须已停止）；目录中已有数据库时须加 --force 才覆盖。PostgreSQL 请用 pg_restore`;

export const POSTGRES_RESTORE = `当前使用 PostgreSQL（DATABASE_URL）：请用 pg_restore 恢复 pg_dump 的备份。先停止所有实例，恢复到一个新的空数据库：
  createdb --template=template0 jixiao_restored
  pg_restore --no-owner --exit-on-error --single-transaction --dbname=jixiao_restored <文件>
（createdb / pg_restore 的连接参数与 psql 相同，如 --host --username），再把 DATABASE_URL 指向 jixiao_restored 启动服务；
迁移在启动时补齐。`;

export const restoreCommand: ServerCommand = {
  usage: USAGE,
  run: (args, out, env = process.env) =>
    runEmbeddedFileCommand(args, out, env, {
      usage: USAGE,
      postgres: POSTGRES_RESTORE,
      run: async (file, dataDir, force) => {
        const source = resolve(file);
        if (!existsSync(source)) throw new AppError('NOT_FOUND', `备份文件 ${source} 不存在`, { file: source });
        const bytes = readFileSync(source);
        // Taking the lock refuses while a server runs on the folder, and keeps one from starting meanwhile.
        const lock = lockDataDir(dataDir);
        try {
          const target = join(dataDir, 'pglite');
          const occupied = existsSync(target) && readdirSync(target).length > 0;
          if (occupied && !force) {
            throw new AppError('ALREADY_EXISTS', `数据目录 ${dataDir} 中已有数据库，未恢复；确认要用备份覆盖它时请加 --force`, { dataDir });
          }
          // Unpacked and checked beside the database first: a bad file leaves the current database as it was.
          const staging = join(dataDir, `pglite.restoring-${process.pid}`);
          rmSync(staging, { recursive: true, force: true });
          try {
            await unpackAndCheck(staging, bytes, source);
          } catch (error) {
            rmSync(staging, { recursive: true, force: true });
            throw error;
          }
          if (occupied) rmSync(target, { recursive: true, force: true });
          renameSync(staging, target);
        } finally {
          lock.release();
        }
        return `已从 ${source}（${megabytes(bytes.length)}）恢复内置数据库到 ${dataDir}；启动服务时会补齐新版本的迁移`;
      },
    }),
};

async function unpackAndCheck(dir: string, bytes: Uint8Array, source: string): Promise<void> {
  let client: PGlite | undefined;
  try {
    client = new PGlite(dir, { loadDataDir: new Blob([new Uint8Array(bytes)]) });
    await client.waitReady;
    // A Jixiao database has its migration journal; anything else is not a backup of this system.
    await client.query('select count(*) from drizzle.__drizzle_migrations');
  } catch (error) {
    throw new AppError('BAD_FILE', `${source} 不是 jixiao backup 生成的内置数据库备份（${(error as Error).message}）`, {
      file: source,
    });
  } finally {
    await client?.close().catch(() => undefined);
  }
}
