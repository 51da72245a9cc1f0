// The Debian packages the test suites use, and which suites need them: what `npm test` checks
// before it starts (scripts/test.mjs). Pure decisions here; the checks that look at the machine are
// passed in, so the tests can pretend a package is missing without removing it.
import { spawnSync } from 'node:child_process';
import { accessSync, constants, existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';

export const PG_BIN = process.env.PG_BIN ?? '/usr/lib/postgresql/15/bin';
const LIBREOFFICE = '/usr/lib/libreoffice/program';

/**
 * `suites`: the requirement is needed when any of them runs. `libreoffice` is the documents project
 * (LibreOffice opens the .docx and .xlsx); `browser` is Chromium (e2e, and the server's PDF report,
 * which pdftotext reads back); `postgres` is the server:postgres project without JIXIAO_TEST_PG_URL.
 */
export const REQUIREMENTS = [
  { name: 'soffice', packages: ['libreoffice-writer-nogui', 'libreoffice-calc-nogui'], suites: ['libreoffice'] },
  { name: 'pdftotext', packages: ['poppler-utils'], suites: ['libreoffice', 'browser'] },
  { name: 'chromium', packages: ['chromium'], suites: ['browser'] },
  { name: 'fc-list', packages: ['fontconfig'], suites: ['libreoffice', 'browser'] },
  { name: 'Noto Sans CJK', packages: ['fonts-noto-cjk'], suites: ['libreoffice', 'browser'] },
  { name: 'initdb', packages: ['postgresql-15'], suites: ['postgres'] },
];

/** The names JIXIAO_TEST_PRETEND_MISSING accepts (comma-separated; `all` for every one). */
export const REQUIREMENT_NAMES = REQUIREMENTS.map((requirement) => requirement.name);

/** Looks at this machine: is the requirement there? */
export function isPresent(name, env = process.env) {
  switch (name) {
    case 'chromium':
      return env.CHROMIUM_PATH ? existsSync(env.CHROMIUM_PATH) : existsSync('/usr/bin/chromium') || isOnPath('chromium', env);
    case 'Noto Sans CJK': {
      const fonts = spawnSync('fc-list', [], { encoding: 'utf8' });
      return fonts.status === 0 && /Noto Sans CJK/i.test(fonts.stdout);
    }
    case 'initdb':
      return existsSync(join(PG_BIN, 'initdb'));
    case 'soffice':
      // `apt-get remove` leaves libreoffice-common's /usr/bin/soffice behind, pointing at nothing: look for
      // the program and the Writer and Calc components themselves (either Debian variant ships them).
      return isOnPath('soffice', env) && ['soffice.bin', 'libswlo.so', 'libsclo.so'].every((file) => existsSync(join(LIBREOFFICE, file)));
    default:
      return isOnPath(name, env);
  }
}

function isOnPath(command, env) {
  return (env.PATH ?? '').split(delimiter).some((dir) => {
    if (!dir) return false;
    try {
      accessSync(join(dir, command), constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}

/**
 * The vitest projects `vitest run <args>` selects, as a predicate on a project name: every project
 * unless `--project` is given (vitest's wildcards `*` and exclusions `!name` included).
 */
export function projectFilter(args) {
  const patterns = [];
  args.forEach((arg, index) => {
    if (arg === '--project' && args[index + 1] !== undefined) patterns.push(args[index + 1]);
    else if (arg.startsWith('--project=')) patterns.push(arg.slice('--project='.length));
  });
  const toRegExp = (pattern) => new RegExp(`^${pattern.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replaceAll('*', '.*')}$`);
  const included = patterns.filter((pattern) => !pattern.startsWith('!')).map(toRegExp);
  const excluded = patterns.filter((pattern) => pattern.startsWith('!')).map((pattern) => toRegExp(pattern.slice(1)));
  return (name) => (included.length === 0 || included.some((re) => re.test(name))) && !excluded.some((re) => re.test(name));
}

/** Which optional suites this run includes, from the arguments and the JIXIAO_* switches. */
export function suitesOf(args, env = process.env) {
  const runs = projectFilter(args);
  const browser = env.JIXIAO_SKIP_BROWSER !== '1' && (runs('e2e') || runs('server:pglite') || runs('server:postgres'));
  return {
    libreoffice: env.JIXIAO_SKIP_LIBREOFFICE !== '1' && runs('documents'),
    browser,
    e2e: env.JIXIAO_SKIP_BROWSER !== '1' && runs('e2e'),
    pglite: runs('server:pglite'),
    postgres: runs('server:postgres'),
    throwawayPostgres: runs('server:postgres') && !env.JIXIAO_TEST_PG_URL,
  };
}

/**
 * What to do about the system packages: nothing, install them (as root), or stop with the command
 * to run. `present(name)` says whether a requirement is on the machine.
 */
export function packagePlan({ suites, present, isRoot }) {
  const wanted = REQUIREMENTS.filter((requirement) =>
    requirement.suites.some((suite) => (suite === 'postgres' ? suites.throwawayPostgres : suites[suite])),
  );
  const missing = wanted.filter((requirement) => !present(requirement.name));
  const packages = [...new Set(missing.flatMap((requirement) => requirement.packages))];
  const install = `apt-get install -y --no-install-recommends ${packages.join(' ')}`;
  if (packages.length === 0) return { action: 'none', missing: [], packages, commands: [] };
  const commands = isRoot ? ['apt-get update', install] : ['sudo apt-get update', `sudo ${install}`];
  return { action: isRoot ? 'install' : 'stop', missing: missing.map((requirement) => requirement.name), packages, commands };
}

/** The message a user without root reads: the exact command, and how to leave the suites out instead. */
export function stopMessage(plan) {
  return [
    `npm test: missing ${plan.missing.join(', ')}; the tests need these Debian packages. Install them with:`,
    '',
    `  ${plan.commands.join(' && ')}`,
    '',
    'or leave those suites out deliberately: JIXIAO_SKIP_LIBREOFFICE=1 (documents in LibreOffice), JIXIAO_SKIP_BROWSER=1 (Chromium),',
    'JIXIAO_TEST_PG_URL=postgres://… (your own PostgreSQL instead of a throwaway one).',
  ].join('\n');
}
