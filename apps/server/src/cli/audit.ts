import { verifyAuditChain } from '../audit/audit.service.ts';
import type { ChainProblem } from '../audit/audit-chain.ts';
import { loadConfig } from '../config.ts';
import { connect } from '../db/connect.ts';
import type { CommandExit, CommandOutput, ServerCommand } from './commands.ts';

const USAGE = 'jixiao audit verify    校验审计日志的哈希链（0 完整，1 发现断点）';

const PROBLEM_LABEL: Readonly<Record<ChainProblem, string>> = {
  'content-changed': '内容被改动',
  'link-broken': '链接断开',
  'entry-missing': '记录缺失',
  unchained: '记录不在链中',
};

/** `jixiao audit verify`: reads the database the server would open and checks the whole chain. */
async function run(
  args: readonly string[],
  out: CommandOutput,
  env: Record<string, string | undefined> = process.env,
): Promise<CommandExit> {
  if (args.length !== 1 || args[0] !== 'verify') {
    out.stderr.write(`用法：${USAGE}\n`);
    return 2;
  }
  let database: Awaited<ReturnType<typeof connect>>;
  try {
    database = await connect(loadConfig(env).database);
  } catch (error) {
    out.stderr.write(`无法打开数据库：${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
  try {
    const result = await verifyAuditChain(database.db);
    if (result.ok) {
      out.stdout.write(
        `审计日志完整：共 ${result.count} 条记录，哈希链无断点。\n链头：第 ${result.head.seq} 条，哈希 ${result.head.hash}\n`,
      );
      return 0;
    }
    out.stdout.write(
      `审计日志校验未通过（${PROBLEM_LABEL[result.broken.problem]}）：${result.broken.message}。\n在此之前的 ${result.count} 条记录完好。\n`,
    );
    return 1;
  } catch (error) {
    out.stderr.write(`校验未能完成：${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  } finally {
    await database.close();
  }
}

export const auditCommand: ServerCommand = { usage: USAGE, run };
