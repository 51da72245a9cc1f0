import { adminCommand } from './admin.ts';
import { auditCommand } from './audit.ts';
import { backupCommand } from './backup.ts';
import { demoCommand } from './demo.ts';
import { restoreCommand } from './restore.ts';

/**
 * The `jixiao` commands that work on the system's database (accounts, audit, backup): the CLI package
 * hands them their arguments; each opens the database the server would open (same settings) and closes it.
 * Each command lives in a file of its own beside this one and is registered here.
 */
export interface CommandOutput {
  readonly stdout: { write(text: string): unknown };
  readonly stderr: { write(text: string): unknown };
}

/** Exit codes shared with the CLI: 0 ok, 1 the command failed (message printed), 2 usage error. */
export type CommandExit = 0 | 1 | 2;

export interface ServerCommand {
  /** Usage lines printed in `jixiao --help`, Chinese first. */
  readonly usage: string;
  readonly run: (args: readonly string[], out: CommandOutput, env?: Record<string, string | undefined>) => Promise<CommandExit>;
}

export const SERVER_COMMANDS: Readonly<Record<string, ServerCommand>> = {
  admin: adminCommand(),
  audit: auditCommand,
  backup: backupCommand,
  demo: demoCommand,
  restore: restoreCommand,
};
