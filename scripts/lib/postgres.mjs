// A throwaway PostgreSQL 15 for the server:postgres tests and the benchmarks: initdb in a temporary
// folder, a free port on 127.0.0.1, and the server stopped and deleted afterwards whatever happens.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { constants, tmpdir } from 'node:os';
import { join } from 'node:path';
import { PG_BIN } from './system-packages.mjs';

/** Starts the server; `stop()` is synchronous and idempotent, so it can run from an exit handler. */
export async function startThrowawayPostgres() {
  if (!existsSync(join(PG_BIN, 'initdb'))) {
    throw new Error(`PostgreSQL 15 binaries not found in ${PG_BIN} (install: apt-get install postgresql-15)`);
  }
  // initdb refuses to run as root: the server then runs as the postgres user, in a folder it owns.
  const owner = process.getuid?.() === 0 ? postgresUser() : {};
  const dir = mkdtempSync(join(tmpdir(), 'jixiao-pg.'));
  chmodSync(dir, 0o755);
  if (owner.uid !== undefined) chownSync(dir, owner.uid, owner.gid);
  const data = join(dir, 'data');
  const pg = (command, args) =>
    spawnSync(join(PG_BIN, command), args, { ...owner, cwd: dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  let stopped = false;
  const stop = () => {
    if (stopped) return;
    stopped = true;
    if (existsSync(join(data, 'postmaster.pid'))) pg('pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop']);
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    const initdb = pg('initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C.UTF-8']);
    if (initdb.status !== 0) throw new Error(`initdb failed:\n${initdb.stdout}${initdb.stderr}`);
    const port = await freePort();
    const options = `-p ${port} -c listen_addresses=127.0.0.1 -c unix_socket_directories=${dir} -c max_connections=200 -c fsync=off`;
    // stdout/stderr to the log, not to our pipes: the server outlives pg_ctl and would hold them open.
    const log = join(dir, 'server.log');
    const started = spawnSync(join(PG_BIN, 'pg_ctl'), ['-D', data, '-l', log, '-o', options, '-w', '-t', '120', 'start'], {
      ...owner,
      cwd: dir,
      stdio: 'ignore',
    });
    if (started.status !== 0) throw new Error(`PostgreSQL did not start:\n${existsSync(log) ? readFileSync(log, 'utf8') : ''}`);
    const version = /\d+\.\d+/.exec(execFileSync(join(PG_BIN, 'postgres'), ['--version'], { encoding: 'utf8' }))?.[0] ?? '15';
    return { url: `postgres://postgres@127.0.0.1:${port}/postgres`, port, version, dir, stop };
  } catch (error) {
    stop();
    throw error;
  }
}

function postgresUser() {
  const id = (flag) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim());
  return { uid: id('-u'), gid: id('-g') };
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/**
 * Runs a command to its end with the terminal's stdio and resolves with its exit code. Ctrl-C reaches
 * the command by itself (same process group); a SIGTERM or SIGHUP sent to us alone is passed on, so
 * the caller always gets to clean up after the command has finished.
 */
export function runToEnd(command, args, env) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: 'inherit', env });
    const forward = (signal) => child.kill(signal);
    const signals = ['SIGINT', 'SIGTERM', 'SIGHUP'];
    const handlers = signals.map((signal) => [signal, signal === 'SIGINT' ? () => {} : () => forward(signal)]);
    for (const [signal, handler] of handlers) process.on(signal, handler);
    const done = (code) => {
      for (const [signal, handler] of handlers) process.off(signal, handler);
      resolve(code);
    };
    child.on('error', (error) => {
      console.error(`${command}: ${error.message}`);
      done(127);
    });
    child.on('exit', (code, signal) => done(code ?? 128 + (constants.signals[signal] ?? 0)));
  });
}
