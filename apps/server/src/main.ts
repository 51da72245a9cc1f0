import { fileURLToPath } from 'node:url';
import { ROLE_LABEL } from '@jixiao/contract';
import { chainUnchained } from './audit/audit.repository.ts';
import { loadConfig } from './config.ts';
import type { Deps } from './context.ts';
import { failStaleImportJobs, IMPORT_STALE_AFTER_MS } from './control/import/import-job.repository.ts';
import { installStaleImportJobSweep } from './control/import/stale-import-jobs.ts';
import { connect } from './db/connect.ts';
import { buildApp } from './http/app.ts';
import { PdfRenderer } from './reports/pdf.ts';
import { createRoutes } from './routes.ts';
import { DEMO_PASSWORD, isEmpty, seedDemo } from './seed/demo.ts';

const WEB_ROOT = fileURLToPath(new URL('../../web/dist', import.meta.url));

/** Starts the server: migrate, load the demo into an empty database, listen, stop cleanly on a signal. */
export async function start(): Promise<void> {
  const config = loadConfig();
  const database = await connect(config.database);
  const deps: Deps = { db: database.db, config, clock: () => new Date() };
  try {
    await database.migrate();
    const chained = await chainUnchained(database.db);
    if (chained > 0) console.log(`审计日志：已将 ${chained} 条此前的记录接入哈希链`);
    // PGlite serves one process, so every unfinished job belonged to a process that has ended; with PostgreSQL
    // other instances may still be running theirs, and they keep touching them.
    await failStaleImportJobs(database.db, new Date(), database.kind === 'pglite' ? 0 : IMPORT_STALE_AFTER_MS);
    if (config.JIXIAO_DEMO === 'auto' && (await isEmpty(database.db))) {
      console.log('首次启动：正在载入番禺区科工商信局 2024 年度演示数据……');
      const accounts = await seedDemo(deps);
      console.log('\n演示账户（密码均为 %s）：', DEMO_PASSWORD);
      for (const account of accounts)
        console.log(`  ${account.username.padEnd(14)} ${account.displayName}（${ROLE_LABEL[account.role]}，${account.organisation}）`);
    }
  } catch (error) {
    await database.close();
    throw error;
  }
  const pdf = new PdfRenderer(config.CHROMIUM_PATH);
  const app = await buildApp(deps, createRoutes(pdf), { webRoot: WEB_ROOT, logger: true });
  app.addHook('onClose', () => pdf.close());
  installStaleImportJobSweep(app, deps);
  const stop = async (signal: string) => {
    app.log.info({ signal }, 'stopping');
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
  await app.listen({ port: config.PORT, host: config.HOST });
  console.log(`\nJixiao 绩效 已启动：http://localhost:${config.PORT}  （${database.description}；API 文档 /api/docs）`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  start().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
