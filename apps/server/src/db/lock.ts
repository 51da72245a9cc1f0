import { mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { AppError } from '../errors.ts';

/**
 * PGlite has no cross-process locking: two processes on one data folder silently lose committed
 * writes (stack-notes gotcha 7). So the server takes an exclusive lock file first; a second process
 * is refused with a clear message, and a lock left by a dead process is taken over.
 */
export interface DataDirLock {
  release(): void;
}

export function lockDataDir(dir: string): DataDirLock {
  mkdirSync(dir, { recursive: true });
  const path = join(dir, 'jixiao.lock');
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      writeFileSync(path, `${process.pid}\n`, { flag: 'wx' });
      return {
        release() {
          try {
            if (readFileSync(path, 'utf8').trim() === String(process.pid)) unlinkSync(path);
          } catch {
            // Already gone: nothing to release.
          }
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = Number.parseInt(readFileSync(path, 'utf8'), 10);
      if (Number.isInteger(owner) && owner !== process.pid && isAlive(owner)) {
        throw new AppError(
          'DATA_DIR_LOCKED',
          `数据目录 ${dir} 正被进程 ${owner} 使用；内置数据库只允许一个进程打开。请先停止该进程，或通过 DATABASE_URL 使用 PostgreSQL。`,
          {
            dir,
            pid: owner,
          },
        );
      }
      unlinkSync(path);
    }
  }
  throw new AppError('DATA_DIR_LOCKED', `无法锁定数据目录 ${dir}`, { dir });
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
