import { chmodSync, rmSync } from 'node:fs';
import { createConnection, createServer } from 'node:net';
import { join } from 'node:path';
import { AppError } from '../errors.ts';

/**
 * PGlite serves one process, so a backup of a running server's embedded database has to be made by
 * that server. It listens on a Unix socket in its data folder; `jixiao backup` asks there when the
 * folder is locked. The socket is readable and writable only by the server's own OS user (0600),
 * who can read the data folder anyway: it gives nobody anything they could not already copy.
 *
 * Protocol: the client sends "backup\n"; the server answers one JSON line
 * ({"ok":true,"bytes":n} or {"ok":false,"message":…}) followed by the n bytes of the snapshot.
 */
export const BACKUP_SOCKET = 'jixiao.sock';

export function backupSocketPath(dir: string): string {
  return join(dir, BACKUP_SOCKET);
}

/** Serves snapshots made by `dump` until the returned function is called; call only while holding the folder's lock. */
export async function serveBackups(dir: string, dump: () => Promise<Blob>): Promise<() => Promise<void>> {
  const path = backupSocketPath(dir);
  // The lock is ours, so a socket file left here belongs to a process that has ended.
  rmSync(path, { force: true });
  const server = createServer((socket) => {
    let request = '';
    socket.on('data', (chunk: Buffer) => {
      request += chunk.toString('utf8');
      if (!request.includes('\n')) return;
      socket.removeAllListeners('data');
      if (request.trim() !== 'backup') return void socket.end(`${JSON.stringify({ ok: false, message: '未知请求' })}\n`);
      dump()
        .then(async (blob) => {
          socket.write(`${JSON.stringify({ ok: true, bytes: blob.size })}\n`);
          socket.end(new Uint8Array(await blob.arrayBuffer()));
        })
        .catch((error: unknown) => socket.end(`${JSON.stringify({ ok: false, message: String(error) })}\n`));
    });
    socket.on('error', () => socket.destroy());
  });
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(path, resolve);
    });
    chmodSync(path, 0o600);
  } catch (error) {
    // A data folder whose path is too long for a socket (about 100 bytes), or a file system without
    // sockets: the server still runs; `jixiao backup` then asks to stop it first.
    process.emitWarning(`内置数据库的备份接口未能启动（${(error as Error).message}）：备份前请先停止服务`, {
      code: 'JIXIAO_BACKUP_SOCKET',
    });
    return async () => {};
  }
  return () =>
    new Promise<void>((resolve) => {
      server.close(() => resolve());
      rmSync(path, { force: true });
    });
}

/** Asks the server holding `dir` (process `pid`) for a snapshot of its database. */
export function requestBackup(dir: string, pid: number): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    const socket = createConnection(backupSocketPath(dir), () => socket.write('backup\n'));
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('error', (error: NodeJS.ErrnoException) =>
      reject(
        new AppError(
          'DATA_DIR_LOCKED',
          `数据目录 ${dir} 正被进程 ${pid} 使用，但该进程不接受备份请求（${error.code ?? error.message}）；请先停止该进程再备份`,
          { dir, pid },
        ),
      ),
    );
    socket.on('end', () => {
      const all = Buffer.concat(chunks);
      const newline = all.indexOf(10);
      const header =
        newline < 0
          ? undefined
          : (JSON.parse(all.subarray(0, newline).toString('utf8')) as { ok: boolean; bytes?: number; message?: string });
      const body = all.subarray(newline + 1);
      if (header?.ok && body.length === header.bytes) return resolve(new Uint8Array(body));
      reject(
        new AppError('INTERNAL', `进程 ${pid} 未能完成备份：${header?.message ?? `收到的数据不完整（${body.length} 字节）`}`, { dir, pid }),
      );
    });
  });
}
