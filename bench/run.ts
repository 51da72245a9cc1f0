/**
 * `npm run bench`: runs every case under bench/cases in its own Node process (so each peak-memory
 * figure is its own) and prints the figures. Filter with `npm run bench -- <substring>`.
 * Benchmarks print figures; they never fail on a time, which depends on the machine.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import type { Figure } from './measure.ts';

// The HTTP and ledger cases compare PGlite with PostgreSQL: start a throwaway server when we can.
if (!process.env.JIXIAO_TEST_PG_URL && existsSync('/usr/lib/postgresql/15/bin/initdb') && !process.env.JIXIAO_BENCH_NO_PG) {
  const script = new URL('../scripts/with-postgres.sh', import.meta.url).pathname;
  const result = spawnSync(script, [process.execPath, '--import', 'tsx', ...process.argv.slice(1)], { stdio: 'inherit' });
  process.exit(result.status ?? 1);
}

const casesDir = new URL('./cases/', import.meta.url).pathname;
const filter = process.argv[2];
const cases = readdirSync(casesDir)
  .filter((file) => file.endsWith('.ts'))
  .filter((file) => !filter || file.includes(filter))
  .sort();

console.log(
  `Jixiao benchmarks — Node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB`,
);
let failed = false;
for (const file of cases) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', join(casesDir, file)], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (result.status !== 0) {
    failed = true;
    console.log(`\n✗ ${file} failed (exit ${result.status})\n${result.stderr}`);
    continue;
  }
  for (const line of result.stdout.split('\n').filter((entry) => entry.startsWith('{'))) {
    const { name, figures } = JSON.parse(line) as { name: string; figures: Figure[] };
    console.log(`\n${name}  [${file}]`);
    for (const figure of figures) {
      const value = figure.value >= 100 ? figure.value.toFixed(0) : figure.value.toFixed(2);
      console.log(`  ${figure.label.padEnd(46)} ${value.padStart(10)} ${figure.unit.padEnd(6)} ${figure.aim ? `(aim ${figure.aim})` : ''}`);
    }
  }
}
if (failed) process.exit(1);
