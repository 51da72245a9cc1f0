import { parseArgs } from 'node:util';
import { loadConfig } from '../config.ts';
import { AppError } from '../errors.ts';
import type { CommandExit, CommandOutput } from './commands.ts';

/**
 * What `backup` and `restore` share: one file argument and `--force`, the embedded database's
 * folder from the server's own settings, and for PostgreSQL the exact pg_dump / pg_restore command
 * instead (they are PostgreSQL's own tools; reimplementing them would only be worse).
 */
export async function runEmbeddedFileCommand(
  args: readonly string[],
  out: CommandOutput,
  env: Record<string, string | undefined>,
  spec: { usage: string; postgres: string; run: (file: string, dataDir: string, force: boolean) => Promise<string> },
): Promise<CommandExit> {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(args);
  } catch (error) {
    out.stderr.write(`${(error as Error).message}\n\n用法 / usage:\n${spec.usage}\n`);
    return 2;
  }
  try {
    const config = loadConfig(env);
    if (config.database.kind === 'postgres') {
      out.stderr.write(`${spec.postgres.replaceAll('<文件>', parsed.file)}\n`);
      return 1;
    }
    out.stdout.write(`${await spec.run(parsed.file, config.database.dataDir, parsed.force)}\n`);
    return 0;
  } catch (error) {
    out.stderr.write(`${error instanceof AppError || error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
}

function parse(args: readonly string[]): { file: string; force: boolean } {
  const { values, positionals } = parseArgs({
    args: [...args],
    options: { force: { type: 'boolean', default: false } },
    allowPositionals: true,
    strict: true,
  });
  const [file, ...extra] = positionals;
  if (!file) throw new Error('缺少参数：备份文件');
  if (extra.length > 0) throw new Error(`多余的参数：${extra.join(' ')}`);
  return { file, force: values.force ?? false };
}

export const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
