// Typechecks every workspace with its own tsconfig (browser code and Node code need different libs).
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const roots = ['packages', 'apps'];
const projects = roots.flatMap((root) =>
  existsSync(root)
    ? readdirSync(root)
        .map((name) => join(root, name))
        .filter((dir) => existsSync(join(dir, 'tsconfig.json')))
    : [],
);
for (const extra of ['bench', 'e2e', 'scripts']) if (existsSync(join(extra, 'tsconfig.json'))) projects.push(extra);

let failed = false;
for (const project of projects) {
  const result = spawnSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', project], { stdio: 'inherit' });
  if (result.status !== 0) {
    failed = true;
    console.error(`typecheck failed: ${project}`);
  }
}
if (failed) process.exit(1);
console.log(`typecheck ok: ${projects.join(', ')}`);
