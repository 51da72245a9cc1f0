import { parseArgs } from 'node:util';
import { type AdministratorInput, createAdministrator } from '../auth/administrator.ts';
import { loadConfig } from '../config.ts';
import { connect } from '../db/connect.ts';
import { AppError } from '../errors.ts';
import type { CommandExit, CommandOutput, ServerCommand } from './commands.ts';

const USAGE = `jixiao admin create --username <用户名> --name <姓名> [--organisation <单位编码>] [--organisation-name <单位名称>] [--password-stdin]
    在配置的数据库（DATABASE_URL 或内置数据库目录）中创建系统管理员；不加 --password-stdin 时打印一次性初始密码，首次登录须修改。
    数据库中还没有单位时，--organisation 与 --organisation-name 建立顶层单位（财政局）。内置数据库须先停止服务。`;

/** The first line of standard input: a password piped in never shows in the process list or the shell history. */
async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8').split(/\r?\n/)[0] ?? '';
}

/** `jixiao admin create`; `readPassword` is standard input except in tests. */
export function adminCommand(readPassword: () => Promise<string> = readStdin): ServerCommand {
  return {
    usage: USAGE,
    run: async (args, out, env = process.env) => {
      const parsed = parse(args, out);
      if (!parsed) return 2;
      const input: AdministratorInput = { ...parsed.input, ...(parsed.passwordStdin ? { password: await readPassword() } : {}) };
      return create(input, out, env);
    },
  };
}

function parse(args: readonly string[], out: CommandOutput): { input: AdministratorInput; passwordStdin: boolean } | undefined {
  try {
    const { values, positionals } = parseArgs({
      args: [...args],
      allowPositionals: true,
      options: {
        username: { type: 'string' },
        name: { type: 'string' },
        organisation: { type: 'string' },
        'organisation-name': { type: 'string' },
        'password-stdin': { type: 'boolean', default: false },
      },
    });
    const missing = [!values.username && '--username', !values.name && '--name'].filter(Boolean);
    if (positionals[0] !== 'create' || positionals.length !== 1 || missing.length > 0) {
      out.stderr.write(`${missing.length > 0 ? `缺少 ${missing.join('、')}\n` : ''}用法：${USAGE}\n`);
      return undefined;
    }
    return {
      input: {
        username: (values.username ?? '').trim(),
        displayName: (values.name ?? '').trim(),
        organisationCode: values.organisation,
        organisationName: values['organisation-name'],
      },
      passwordStdin: values['password-stdin'] ?? false,
    };
  } catch (error) {
    out.stderr.write(`${(error as Error).message}\n用法：${USAGE}\n`);
    return undefined;
  }
}

async function create(input: AdministratorInput, out: CommandOutput, env: Record<string, string | undefined>): Promise<CommandExit> {
  try {
    const config = loadConfig(env);
    const database = await connect(config.database);
    try {
      // The command may run before the server ever has, on a database still empty.
      await database.migrate();
      const created = await createAdministrator({ db: database.db, config, clock: () => new Date() }, input);
      out.stdout.write(`已创建系统管理员 ${input.username}（${input.displayName}，${created.organisation}）。\n`);
      if (created.initialPassword) out.stdout.write(`一次性初始密码：${created.initialPassword}\n只显示这一次；首次登录时必须修改。\n`);
      return 0;
    } finally {
      await database.close();
    }
  } catch (error) {
    out.stderr.write(`${describe(error)}\n`);
    return 1;
  }
}

function describe(error: unknown): string {
  if (!(error instanceof AppError)) return error instanceof Error ? error.message : String(error);
  if (error.code === 'DATA_DIR_LOCKED')
    return `${error.message}\n内置数据库运行期间不能创建账户：请先停止服务，再运行 jixiao admin create。`;
  const details = Array.isArray(error.details) ? (error.details as { path: string; message: string }[]) : [];
  return [error.message, ...details.map((detail) => `  ${detail.path}：${detail.message}`)].join('\n');
}
