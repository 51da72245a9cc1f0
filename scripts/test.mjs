#!/usr/bin/env node
// `npm test [-- <vitest arguments>]`: every suite on a fresh Debian machine with Node. Brings the
// system packages the selected suites need (installs them as root, otherwise stops with the exact
// command), starts a throwaway PostgreSQL 15 for server:postgres unless JIXIAO_TEST_PG_URL is set,
// runs `vitest run <arguments>`, stops PostgreSQL whatever the outcome and exits with vitest's code.
//
// JIXIAO_TEST_PRETEND_MISSING=chromium,soffice (or `all`) is a dry run for checking this script
// without removing packages: those count as missing, the plan is printed, nothing is installed or run.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { runToEnd, startThrowawayPostgres } from './lib/postgres.mjs';
import { isPresent, packagePlan, REQUIREMENT_NAMES, stopMessage, suitesOf } from './lib/system-packages.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
const env = process.env;
const isRoot = process.getuid?.() === 0;

const pretend = new Set(
  (env.JIXIAO_TEST_PRETEND_MISSING ?? '')
    .split(',')
    .map((name) => name.trim())
    .filter(Boolean)
    .flatMap((name) => (name === 'all' ? REQUIREMENT_NAMES : [name])),
);
const unknown = [...pretend].filter((name) => !REQUIREMENT_NAMES.includes(name));
if (unknown.length > 0) {
  console.error(`npm test: JIXIAO_TEST_PRETEND_MISSING names ${unknown.join(', ')}; known: ${REQUIREMENT_NAMES.join(', ')}`);
  process.exit(2);
}
const isDryRun = pretend.size > 0;

const suites = suitesOf(args, env);
const plan = packagePlan({ suites, isRoot, present: (name) => !pretend.has(name) && isPresent(name, env) });

if (plan.action === 'stop') {
  console.error(stopMessage(plan));
  process.exit(1);
}
if (plan.action === 'install') {
  console.log(`npm test: missing ${plan.missing.join(', ')}; ${isDryRun ? 'would install' : 'installing'} ${plan.packages.join(' ')}`);
  if (isDryRun) {
    for (const command of plan.commands) console.log(`npm test (dry run, JIXIAO_TEST_PRETEND_MISSING): would run ${command}`);
    process.exit(0);
  }
  for (const command of plan.commands) {
    console.log(`npm test: ${command}`);
    const [program, ...rest] = command.split(' ');
    const result = spawnSync(program, rest, { stdio: 'inherit', env: { ...env, DEBIAN_FRONTEND: 'noninteractive' } });
    if (result.status !== 0) {
      console.error(`npm test: \`${command}\` failed (exit ${result.status ?? result.signal})`);
      process.exit(1);
    }
  }
  const still = packagePlan({ suites, isRoot, present: (name) => isPresent(name, env) });
  if (still.action !== 'none') {
    console.error(`npm test: still missing after the install: ${still.missing.join(', ')}`);
    process.exit(1);
  }
} else if (isDryRun) {
  console.log('npm test (dry run, JIXIAO_TEST_PRETEND_MISSING): nothing to install for the selected suites');
  process.exit(0);
}

const vitest = `${root}node_modules/vitest/vitest.mjs`;
if (!existsSync(vitest)) {
  console.error('npm test: vitest is not installed; run `npm ci` first');
  process.exit(1);
}

let postgres;
const testEnv = { ...env };
if (suites.throwawayPostgres) {
  try {
    postgres = await startThrowawayPostgres();
  } catch (error) {
    console.error(`npm test: ${error.message}`);
    process.exit(1);
  }
  // Also on a crash of this script between here and the end: never leave a server behind.
  process.on('exit', postgres.stop);
  testEnv.JIXIAO_TEST_PG_URL = postgres.url;
}

const databases = [
  suites.pglite && 'PGlite',
  suites.postgres &&
    (postgres ? `PostgreSQL ${postgres.version} (throwaway, 127.0.0.1:${postgres.port})` : 'PostgreSQL at JIXIAO_TEST_PG_URL'),
].filter(Boolean);
const database = databases.length > 0 ? `server on ${databases.join(' + ')}` : 'no server suite';
const onOff = (on) => (on ? 'on' : 'off');
console.log(
  `npm test: ${database}, LibreOffice ${onOff(suites.libreoffice)}, browser ${onOff(suites.e2e)}; vitest run ${args.join(' ')}`.trimEnd(),
);

const code = await runToEnd(process.execPath, [vitest, 'run', ...args], testEnv);
postgres?.stop();
process.exit(code);
