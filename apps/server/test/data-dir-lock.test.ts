import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { LOCK_FILE, lockDataDir } from '../src/db/lock.ts';
import { DATABASE_KIND } from './harness.ts';

const dirs: string[] = [];
const children: ChildProcess[] = [];
afterAll(() => {
  for (const child of children) child.kill();
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

function dataDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'jixiao-lock-'));
  dirs.push(dir);
  return dir;
}

/** The lock is the same on both databases' test projects; it runs once, with the PGlite one. */
describe.runIf(DATABASE_KIND === 'pglite')('the data folder lock', () => {
  it('takes over a lock file whose process has ended (old and new format)', () => {
    const dead = spawnSync('true').pid;
    if (dead === undefined) throw new Error('no pid');
    for (const content of [`${dead}\n`, `${JSON.stringify({ pid: dead, start: '1', boot: 'x' })}\n`]) {
      const dir = dataDir();
      writeFileSync(join(dir, LOCK_FILE), content);
      const lock = lockDataDir(dir);
      expect(JSON.parse(readFileSync(join(dir, LOCK_FILE), 'utf8')).pid).toBe(process.pid);
      lock.release();
    }
  });

  it('takes over a lock file whose PID now belongs to another program (a reused PID)', async () => {
    const sleeper = spawn('sleep', ['60']);
    children.push(sleeper);
    await new Promise((resolve) => sleeper.once('spawn', resolve));
    const boot = readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim();
    // Old format: a live PID that is not Node.js. New format: a live PID that started at another time.
    for (const content of [`${sleeper.pid}\n`, `${JSON.stringify({ pid: sleeper.pid, start: '1', boot })}\n`]) {
      const dir = dataDir();
      writeFileSync(join(dir, LOCK_FILE), content);
      const lock = lockDataDir(dir);
      expect(JSON.parse(readFileSync(join(dir, LOCK_FILE), 'utf8')).pid).toBe(process.pid);
      lock.release();
    }
  });

  it('refuses while a live Jixiao process holds it, naming the process, and again within the same process', async () => {
    const dir = dataDir();
    const lockModule = new URL('../src/db/lock.ts', import.meta.url).pathname;
    const holder = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        '--input-type=module',
        '-e',
        `import { lockDataDir } from ${JSON.stringify(lockModule)}; lockDataDir(${JSON.stringify(dir)}); console.log('locked'); setInterval(() => {}, 1000);`,
      ],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    children.push(holder);
    await new Promise<void>((resolve, reject) => {
      holder.stdout?.on('data', (chunk: Buffer) => chunk.toString().includes('locked') && resolve());
      holder.once('exit', (code) => reject(new Error(`holder exited ${code}`)));
    });
    expect(() => lockDataDir(dir)).toThrow(`数据目录 ${dir} 正被进程 ${holder.pid} 使用`);
    holder.kill();
    await new Promise((resolve) => holder.once('exit', resolve));
    const mine = lockDataDir(dir);
    try {
      expect(() => lockDataDir(dir)).toThrow(`正被进程 ${process.pid} 使用`);
    } finally {
      mine.release();
    }
  }, 60_000);
});
