import { parseArgs } from 'node:util';
import { SCHEME_IDS, type SchemeId } from '@jixiao/core';
import { checkCommand } from './commands/check.ts';
import { evaluateCommand } from './commands/evaluate.ts';
import { templateCommand } from './commands/template.ts';
import { EXIT, type ExitCode, type Output, UsageError } from './io.ts';

export const USAGE = `用法 / usage:
  jixiao evaluate <工作簿.json|.xlsx> [--scheme <方案>] [--json] [--docx 报告.docx] [--html 报告.html] [--all]
      计算每个指标的得分与总分并说明计算过程；可生成 Word / 网页报告
  jixiao check <工作簿.json|.xlsx> [--scheme <方案>] [--json] [--all]
      检查指标体系的质量问题（缺少质量/时效/满意度指标、目标值偏低……）
  jixiao template <输出.xlsx>
      生成空白自评工作簿模板

选项 / options:
  --scheme   评分方案：${SCHEME_IDS.join(' | ')}（默认取工作簿中指定的方案）
  --json     以 JSON 输出（分数为文本，如 "99.52"）
  --all      同时列出“提示”级别的校验结果
  -h, --help 显示本帮助

退出码 / exit codes: 0 成功；1 输入有误（或 check 发现错误）；2 用法错误`;

const OPTIONS = {
  scheme: { type: 'string' },
  json: { type: 'boolean', default: false },
  docx: { type: 'string' },
  html: { type: 'string' },
  all: { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
} as const;

export async function main(argv: readonly string[], out: Output): Promise<ExitCode> {
  try {
    const server = await serverCommand(argv[0]);
    if (server) return await server.run(argv.slice(1), out);
    return await run(argv, out);
  } catch (error) {
    if (error instanceof UsageError || isParseArgsError(error)) {
      out.stderr.write(`${(error as Error).message}\n\n${USAGE}\n`);
      return EXIT.usage;
    }
    throw error;
  }
}

async function run(argv: readonly string[], out: Output): Promise<ExitCode> {
  const { values, positionals } = parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true });
  const [command, file, ...extra] = positionals;
  if (values.help || command === undefined || command === 'help') {
    out.stdout.write(`${await fullUsage()}\n`);
    return command === undefined && !values.help ? EXIT.usage : EXIT.ok;
  }
  if (extra.length > 0) throw new UsageError(`多余的参数：${extra.join(' ')}`);
  const scheme = parseScheme(values.scheme);
  switch (command) {
    case 'evaluate':
      return evaluateCommand(
        { file: required(file, '工作簿文件'), scheme, json: values.json, docx: values.docx, html: values.html, all: values.all },
        out,
      );
    case 'check':
      rejectOptions(command, { docx: values.docx, html: values.html });
      return checkCommand({ file: required(file, '工作簿文件'), scheme, json: values.json, all: values.all }, out);
    case 'template':
      rejectOptions(command, { docx: values.docx, html: values.html, scheme: values.scheme });
      return templateCommand(required(file, '输出文件'), out);
    default:
      throw new UsageError(`未知命令：${command}`);
  }
}

/**
 * Commands on the system's database (accounts, audit, backup) live with the server, which owns the
 * schema; they are loaded only when asked for, so evaluating a workbook never loads a database driver.
 */
const SERVER_COMMAND_NAMES = ['admin', 'audit', 'backup', 'demo', 'restore'] as const;

async function serverCommand(name: string | undefined) {
  if (!(SERVER_COMMAND_NAMES as readonly (string | undefined)[]).includes(name)) return undefined;
  const { SERVER_COMMANDS } = await import('@jixiao/server/cli');
  return SERVER_COMMANDS[name as string];
}

async function fullUsage(): Promise<string> {
  const { SERVER_COMMANDS } = await import('@jixiao/server/cli');
  const extra = Object.values(SERVER_COMMANDS).map((command) => command.usage);
  return extra.length === 0 ? USAGE : `${USAGE}\n\n数据库命令 / database commands:\n${extra.join('\n')}`;
}

function required(value: string | undefined, what: string): string {
  if (!value) throw new UsageError(`缺少参数：${what}`);
  return value;
}

function parseScheme(value: string | undefined): SchemeId | undefined {
  if (value === undefined) return undefined;
  if ((SCHEME_IDS as readonly string[]).includes(value)) return value as SchemeId;
  throw new UsageError(`未知的评分方案：${value}（可选：${SCHEME_IDS.join('、')}）`);
}

function rejectOptions(command: string, given: Record<string, unknown>): void {
  const wrong = Object.entries(given).filter(([, value]) => value !== undefined);
  if (wrong.length > 0) throw new UsageError(`${command} 不支持选项：${wrong.map(([name]) => `--${name}`).join(' ')}`);
}

function isParseArgsError(error: unknown): boolean {
  const code: unknown = error instanceof Error ? (error as Error & { code?: unknown }).code : undefined;
  return typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS');
}
