// `npm start`: builds the web app if its build is missing or older than its sources, then starts the
// server in this process (so Ctrl-C and SIGTERM reach it directly). See README.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { register } from 'tsx/esm/api';

const root = new URL('..', import.meta.url).pathname;
const web = join(root, 'apps/web');
const built = join(web, 'dist/index.html');

function newest(path) {
  const info = statSync(path);
  if (!info.isDirectory()) return info.mtimeMs;
  return Math.max(info.mtimeMs, ...readdirSync(path).map((name) => newest(join(path, name))));
}

if (existsSync(join(web, 'package.json'))) {
  const sources = [join(web, 'src'), join(web, 'index.html'), join(web, 'vite.config.ts'), join(root, 'packages/contract/src')].filter(
    existsSync,
  );
  const stale = !existsSync(built) || Math.max(...sources.map(newest)) > statSync(built).mtimeMs;
  if (stale) {
    console.log('正在构建网页前端（apps/web）……');
    const result = spawnSync(process.execPath, [join(root, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'], {
      cwd: web,
      stdio: 'inherit',
    });
    if (result.status !== 0) process.exit(result.status ?? 1);
  }
}

register();
const { start } = await import('../apps/server/src/main.ts');
await start().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
