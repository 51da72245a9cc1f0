import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { packagePlan, projectFilter, suitesOf } from '../lib/system-packages.mjs';

const execFileAsync = promisify(execFile);
const root = new URL('../../', import.meta.url).pathname;
const isRoot = process.getuid?.() === 0;
const ALL = ['soffice', 'pdftotext', 'chromium', 'fc-list', 'Noto Sans CJK', 'initdb'];
const without =
  (...missing: string[]) =>
  (name: string) =>
    !missing.includes(name);

/** Runs a script as a user would; resolves with its exit code and output, never rejects. */
async function run(command: string, args: string[], env: Record<string, string>, uid?: number) {
  try {
    const { stdout, stderr } = await execFileAsync(command, args, {
      cwd: root,
      env: { ...process.env, JIXIAO_SKIP_LIBREOFFICE: '', JIXIAO_SKIP_BROWSER: '', JIXIAO_TEST_PG_URL: '', ...env },
      ...(uid === undefined ? {} : { uid, gid: uid }),
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failure = error as { code: number; stdout: string; stderr: string };
    return { code: failure.code, stdout: failure.stdout, stderr: failure.stderr };
  }
}

describe('which system packages npm test needs', () => {
  it('needs every package for the whole run, and installs the missing ones as root', () => {
    const plan = packagePlan({ suites: suitesOf([], {}), isRoot: true, present: without('soffice', 'Noto Sans CJK') });
    expect(plan).toEqual({
      action: 'install',
      missing: ['soffice', 'Noto Sans CJK'],
      packages: ['libreoffice-writer-nogui', 'libreoffice-calc-nogui', 'fonts-noto-cjk'],
      commands: [
        'apt-get update',
        'apt-get install -y --no-install-recommends libreoffice-writer-nogui libreoffice-calc-nogui fonts-noto-cjk',
      ],
    });
    expect(packagePlan({ suites: suitesOf([], {}), isRoot: true, present: without(...ALL) }).packages).toEqual([
      'libreoffice-writer-nogui',
      'libreoffice-calc-nogui',
      'poppler-utils',
      'chromium',
      'fontconfig',
      'fonts-noto-cjk',
      'postgresql-15',
    ]);
  });

  it('stops with the sudo command when not root', () => {
    const plan = packagePlan({ suites: suitesOf([], {}), isRoot: false, present: without('chromium') });
    expect(plan.action).toBe('stop');
    expect(plan.commands).toEqual(['sudo apt-get update', 'sudo apt-get install -y --no-install-recommends chromium']);
  });

  it.each([
    [[], { JIXIAO_SKIP_BROWSER: '1' }, ['soffice', 'pdftotext', 'fc-list', 'Noto Sans CJK', 'initdb']],
    [[], { JIXIAO_SKIP_LIBREOFFICE: '1' }, ['pdftotext', 'chromium', 'fc-list', 'Noto Sans CJK', 'initdb']],
    [[], { JIXIAO_SKIP_LIBREOFFICE: '1', JIXIAO_SKIP_BROWSER: '1' }, ['initdb']],
    [[], { JIXIAO_TEST_PG_URL: 'postgres://elsewhere/db' }, ['soffice', 'pdftotext', 'chromium', 'fc-list', 'Noto Sans CJK']],
    [['--project', 'core'], {}, []],
    [['--project=cli', '--project', 'web'], {}, []],
    [['--project', 'documents'], {}, ['soffice', 'pdftotext', 'fc-list', 'Noto Sans CJK']],
    [['--project', 'server:*'], { JIXIAO_SKIP_BROWSER: '1' }, ['initdb']],
    [['--project', 'server:pglite'], {}, ['pdftotext', 'chromium', 'fc-list', 'Noto Sans CJK']],
  ])('vitest run %j with %j needs %j', (args, env, needed) => {
    expect(packagePlan({ suites: suitesOf(args, env), isRoot: true, present: without(...ALL) }).missing).toEqual(needed);
  });

  it('selects projects as vitest does: names, wildcards and exclusions', () => {
    const names = ['core', 'documents', 'server:pglite', 'server:postgres', 'e2e'];
    expect(names.filter(projectFilter(['--project', 'server:*']))).toEqual(['server:pglite', 'server:postgres']);
    expect(names.filter(projectFilter(['--project', '!e2e', '--project=!server:postgres']))).toEqual([
      'core',
      'documents',
      'server:pglite',
    ]);
    expect(names.filter(projectFilter(['test/auth.test.ts']))).toEqual(names);
  });
});

describe('npm test on a machine without the packages (dry run: JIXIAO_TEST_PRETEND_MISSING)', () => {
  it.runIf(isRoot)('as root, prints what it installs', async () => {
    const { code, stdout } = await run(process.execPath, ['scripts/test.mjs'], { JIXIAO_TEST_PRETEND_MISSING: 'chromium,initdb' });
    expect(stdout).toContain('npm test: missing chromium, initdb; would install chromium postgresql-15');
    expect(stdout).toContain('would run apt-get install -y --no-install-recommends chromium postgresql-15');
    expect(code).toBe(0);
  });

  it('as another user, stops at once with the exact command', async () => {
    const { code, stdout, stderr } = await run(
      process.execPath,
      ['scripts/test.mjs'],
      { JIXIAO_TEST_PRETEND_MISSING: 'soffice' },
      isRoot ? 65534 : undefined,
    );
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toContain(
      'sudo apt-get update && sudo apt-get install -y --no-install-recommends libreoffice-writer-nogui libreoffice-calc-nogui',
    );
    expect(stderr).toContain('JIXIAO_SKIP_LIBREOFFICE=1');
  });

  it('leaves a skipped suite out of the check', async () => {
    const { code, stdout } = await run(
      process.execPath,
      ['scripts/test.mjs'],
      { JIXIAO_TEST_PRETEND_MISSING: 'soffice,chromium', JIXIAO_SKIP_LIBREOFFICE: '1', JIXIAO_SKIP_BROWSER: '1' },
      isRoot ? 65534 : undefined,
    );
    expect(stdout).toContain('nothing to install for the selected suites');
    expect(code).toBe(0);
  });
});

describe('the throwaway PostgreSQL', () => {
  it('runs the command with JIXIAO_TEST_PG_URL, passes its exit code on and deletes the server afterwards', async () => {
    const script = `
        const { Client } = require('pg');
        const client = new Client({ connectionString: process.env.JIXIAO_TEST_PG_URL });
        client.connect().then(() => client.query('show server_version')).then(async (result) => {
          console.log('version ' + result.rows[0].server_version);
          await client.end();
          process.exit(3);
        });`;
    const { code, stdout } = await run('scripts/with-postgres.sh', [process.execPath, '-e', script], {});
    expect(stdout).toMatch(/version 15\.\d+/);
    expect(code).toBe(3);
    const dir = /\((\/[^)]+jixiao-pg\.[^)]+)\)/.exec(stdout)?.[1];
    expect(dir).toBeDefined();
    expect(existsSync(dir as string)).toBe(false);
  }, 120_000);
});
