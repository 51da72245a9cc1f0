import { fileURLToPath } from 'node:url';
import { ROLE_LABEL } from '@jixiao/contract';
import { chainUnchained } from './audit/audit.repository.ts';
import { loadConfig } from './config.ts';
import type { Deps } from './context.ts';
import { connect } from './db/connect.ts';
import { buildApp } from './http/app.ts';
import { failJobsLeftAtStart, installStaleJobSweep } from './jobs/stale-jobs.ts';
import { JOB_STORES } from './modules.ts';
import { PdfRenderer } from './reports/pdf.ts';
import { createRoutes } from './routes.ts';
import { DEMO_PASSWORD, hasUsers, isEmpty, seedDemo } from './seed/demo.ts';
import { seedDistrict } from './seed/demo-district.ts';
import { referenceYearClosed } from './seed/demo-finished.ts';

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
    await failJobsLeftAtStart(database.db, database.kind, JOB_STORES, new Date());
    await firstStart(deps, database.kind, (line) => console.log(line));
  } catch (error) {
    await database.close();
    throw error;
  }
  const pdf = new PdfRenderer(config.CHROMIUM_PATH);
  const app = await buildApp(deps, createRoutes(pdf), { webRoot: WEB_ROOT, logger: true });
  app.addHook('onClose', () => pdf.close());
  installStaleJobSweep(app, deps, JOB_STORES);
  const stop = async (signal: string) => {
    app.log.info({ signal }, 'stopping');
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
  await app.listen({ port: config.PORT, host: config.HOST });
  if (config.PDF_WARM === 'on') void pdf.warm();
  console.log(`\nJixiao 绩效 已启动：http://localhost:${config.PORT}  （${database.description}；API 文档 /api/docs）`);
}

/**
 * An empty database gets the demo where it is allowed (see JIXIAO_DEMO); a database without any account otherwise
 * gets no account at all, and the operator is told how to create the first administrator: production never
 * starts with a known password.
 */
export async function firstStart(deps: Deps, kind: 'pglite' | 'postgres', print: (line: string) => void): Promise<void> {
  if (deps.config.loadDemo && (await isEmpty(deps.db))) {
    print('首次启动：正在载入番禺区科工商信局 2024 年度演示数据……');
    const finished = deps.config.JIXIAO_DEMO_FINISHED === 'on';
    const accounts = await seedDemo(deps, { finishReferenceYear: finished });
    // The district around the reference department, for the bureau's overview (总览); finished like it once
    // the reference year's review has closed.
    if (deps.config.JIXIAO_DEMO_DISTRICT > 0)
      await seedDistrict(deps, {
        departments: deps.config.JIXIAO_DEMO_DISTRICT,
        finished: finished && referenceYearClosed(deps.clock()),
      });
    print(`\n演示账户（密码均为 ${DEMO_PASSWORD}）：`);
    for (const account of accounts)
      print(`  ${account.username.padEnd(14)} ${account.displayName}（${ROLE_LABEL[account.role]}，${account.organisation}）`);
    return;
  }
  if (await hasUsers(deps.db)) return;
  print(
    [
      '\n数据库中还没有任何账户（生产环境不载入演示数据；需要演示数据请设置 JIXIAO_DEMO=on）。请创建第一个系统管理员：',
      '  npx jixiao admin create --username <用户名> --name <姓名> --organisation <单位编码> --organisation-name <单位名称>',
      '命令打印一次性初始密码，首次登录时必须修改（或加 --password-stdin 从标准输入读取密码）。',
      kind === 'pglite'
        ? '内置数据库只允许一个进程打开：请先停止本服务（Ctrl+C），运行上述命令后再启动。'
        : '使用 PostgreSQL 时可在服务运行期间执行，命令读取相同的 DATABASE_URL。',
    ].join('\n'),
  );
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  start().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
