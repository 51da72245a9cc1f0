import { mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { AppError } from '../errors.ts';

/**
 * PGlite has no cross-process locking: two processes on one data folder silently lose committed
 * writes (stack-notes gotcha 7). So the server takes an exclusive lock file first; a second process
 * is refused with a clear message, and a lock left by a process that has ended is taken over.
 *
 * A PID alone does not say the holder is alive: after a crash or a reboot the same PID is handed to
 * another process (in a container the server is often PID 1 every time). So the file also records
 * the holder's start time and the boot it started in (Linux /proc); a live PID that started at
 * another time is someone else, and the lock is stale. A lock file of the old format (just a PID) is
 * held only if that PID is a Node.js process.
 */
export interface DataDirLock {
  release(): void;
}

interface LockOwner {
  readonly pid: number;
  /** /proc/<pid>/stat field 22 (clock ticks after boot) and the boot id; absent where /proc is not. */
  readonly start?: string | undefined;
  readonly boot?: string | undefined;
}

export const LOCK_FILE = 'jixiao.lock';

export function lockDataDir(dir: string): DataDirLock {
  mkdirSync(dir, { recursive: true });
  const path = join(dir, LOCK_FILE);
  const me = JSON.stringify({ pid: process.pid, ...processIdentity(process.pid) });
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      writeFileSync(path, `${me}\n`, { flag: 'wx' });
      return {
        release() {
          try {
            if (readFileSync(path, 'utf8').trim() === me) unlinkSync(path);
          } catch {
            // Already gone: nothing to release.
          }
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const content = readLock(path);
      const holder = content === undefined ? undefined : liveHolder(parseOwner(content));
      if (holder !== undefined) throw lockedError(dir, holder);
      // Only remove the file read as stale: another process may have taken it over meanwhile.
      if (readLock(path) === content) unlinkSync(path);
    }
  }
  throw new AppError('DATA_DIR_LOCKED', `无法锁定数据目录 ${dir}：锁文件 ${path} 反复被其他进程占用`, { dir });
}

/** The PID of the live Jixiao process holding the folder's lock, if one does (including this process). */
export function dataDirHolder(dir: string): number | undefined {
  const content = readLock(join(dir, LOCK_FILE));
  return content === undefined ? undefined : liveHolder(parseOwner(content));
}

export function lockedError(dir: string, pid: number): AppError {
  return new AppError(
    'DATA_DIR_LOCKED',
    `数据目录 ${dir} 正被进程 ${pid} 使用；内置数据库只允许一个进程打开。请先停止该进程，或通过 DATABASE_URL 使用 PostgreSQL。`,
    { dir, pid },
  );
}

function readLock(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8').trim();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

function parseOwner(content: string): LockOwner | undefined {
  if (/^\d+$/.test(content)) return { pid: Number(content) };
  try {
    const value = JSON.parse(content) as { pid?: unknown; start?: unknown; boot?: unknown };
    if (typeof value.pid !== 'number' || !Number.isInteger(value.pid)) return undefined;
    return {
      pid: value.pid,
      start: typeof value.start === 'string' ? value.start : undefined,
      boot: typeof value.boot === 'string' ? value.boot : undefined,
    };
  } catch {
    // Unreadable content (a half-written file of a crashed process): nobody holds it.
    return undefined;
  }
}

function liveHolder(owner: LockOwner | undefined): number | undefined {
  if (!owner || owner.pid <= 0 || !isAlive(owner.pid)) return undefined;
  const now = processIdentity(owner.pid);
  // Without /proc (not Linux) a live PID is all there is to go on: assume it is the holder.
  if (!now) return owner.pid;
  if (owner.start !== undefined) return owner.start === now.start && owner.boot === now.boot ? owner.pid : undefined;
  if (owner.pid === process.pid) return undefined; // an old-format file is never this process's own
  return isNodeProcess(owner.pid) ? owner.pid : undefined;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function processIdentity(pid: number): { start: string; boot: string } | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) is in parentheses and may contain spaces: count fields after the last ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const start = fields[19]; // field 22 starttime; fields[0] is field 3
    const boot = readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim();
    return start ? { start, boot } : undefined;
  } catch {
    return undefined;
  }
}

function isNodeProcess(pid: number): boolean {
  try {
    const argv0 = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0')[0] ?? '';
    return /(^|\/)node(js)?[\d.]*$/.test(argv0) || argv0 === process.execPath;
  } catch {
    return true;
  }
}
