import { existsSync, renameSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { requestBackup } from '../db/backup-socket.ts';
import { connect } from '../db/connect.ts';
import { dataDirHolder } from '../db/lock.ts';
import { AppError } from '../errors.ts';
import type { ServerCommand } from './commands.ts';
import { megabytes, runEmbeddedFileCommand } from './embedded-file-command.ts';

const USAGE = `  jixiao backup <备份文件.tar.gz> [--force]
      备份内置数据库（服务运行中或已停止均可，得到同一时刻的完整快照）；--force 覆盖已有文件。PostgreSQL 请用 pg_dump`;

export const POSTGRES_BACKUP = `当前使用 PostgreSQL（DATABASE_URL）：请用 PostgreSQL 自带的 pg_dump 备份（版本不低于数据库服务器），运行中即可：
  pg_dump --format=custom --no-owner --file=<文件> "$DATABASE_URL"
恢复见 jixiao restore 的说明与 docs/deployment.md。`;

/**
 * The snapshot is PGlite's own data-folder tarball (dumpDataDir), not SQL: it is what PGlite opens
 * (`loadDataDir`), it holds everything exactly (sequences, the migration journal, binary files), and
 * it is taken in one step between transactions. SQL would need pg_dump, which cannot reach PGlite.
 * A running server makes it itself (its lock keeps everyone else out); otherwise the folder is opened here.
 */
export const backupCommand: ServerCommand = {
  usage: USAGE,
  run: (args, out, env = process.env) =>
    runEmbeddedFileCommand(args, out, env, {
      usage: USAGE,
      postgres: POSTGRES_BACKUP,
      run: async (file, dataDir, force) => {
        const target = resolve(file);
        if (existsSync(target) && !force) {
          throw new AppError('ALREADY_EXISTS', `文件 ${target} 已存在，未备份；要覆盖它请加 --force`, { file: target });
        }
        if (!existsSync(join(dataDir, 'pglite', 'PG_VERSION'))) {
          throw new AppError('NOT_FOUND', `数据目录 ${dataDir} 中没有内置数据库，无可备份（JIXIAO_DATA_DIR 设置对吗？）`, { dataDir });
        }
        const holder = dataDirHolder(dataDir);
        const bytes = holder === undefined ? await backupStopped(dataDir) : await requestBackup(dataDir, holder);
        // Written beside the target and renamed: a file under the backup's name is always a whole backup.
        const partial = `${target}.part`;
        writeFileSync(partial, bytes);
        renameSync(partial, target);
        const how = holder === undefined ? '服务未运行，直接读取数据目录' : `由运行中的服务（进程 ${holder}）生成快照`;
        return `已备份内置数据库 ${dataDir} 到 ${target}（${megabytes(bytes.length)}；${how}）`;
      },
    }),
};

async function backupStopped(dataDir: string): Promise<Uint8Array> {
  const database = await connect({ kind: 'pglite', dataDir });
  try {
    const blob = await database.backup?.();
    if (!blob) throw new AppError('INTERNAL', '内置数据库无法生成快照');
    return new Uint8Array(await blob.arrayBuffer());
  } finally {
    await database.close();
  }
}
