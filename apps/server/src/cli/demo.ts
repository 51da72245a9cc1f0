import { parseArgs } from 'node:util';
import { loadConfig } from '../config.ts';
import { connect } from '../db/connect.ts';
import { isEmpty, seedDemo } from '../seed/demo.ts';
import { seedDistrict } from '../seed/demo-district.ts';
import type { CommandExit, CommandOutput, ServerCommand } from './commands.ts';

const USAGE = `  jixiao demo --departments <N>
      向数据库加入 N 个番禺区示例部门（各含单位、项目和 2024 年度自评），用于总览与规模测试；空数据库先载入演示数据`;

async function run(
  args: readonly string[],
  out: CommandOutput,
  env: Record<string, string | undefined> = process.env,
): Promise<CommandExit> {
  let departments: number;
  try {
    const { values } = parseArgs({ args: [...args], options: { departments: { type: 'string' } }, strict: true });
    departments = Number(values.departments);
    if (!Number.isInteger(departments) || departments < 1 || departments > 5000) throw new Error('--departments 应为 1 至 5000 的整数');
  } catch (error) {
    out.stderr.write(`${(error as Error).message}\n\n用法 / usage:\n${USAGE}\n`);
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
    await database.migrate();
    const deps = { db: database.db, config: loadConfig(env), clock: () => new Date() };
    if (await isEmpty(database.db)) await seedDemo(deps, { finishReferenceYear: deps.config.JIXIAO_DEMO_FINISHED === 'on' });
    const result = await seedDistrict(deps, { departments });
    out.stdout.write(`已加入 ${departments} 个示例部门、${result.evaluations} 份项目自评（2024 年度）。\n`);
    return 0;
  } catch (error) {
    out.stderr.write(`未能载入示例部门：${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  } finally {
    await database.close();
  }
}

export const demoCommand: ServerCommand = { usage: USAGE, run };
