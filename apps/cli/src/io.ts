/** Where the CLI writes; tests pass buffers instead of the process streams. */
export interface Output {
  readonly stdout: { write(text: string): unknown };
  readonly stderr: { write(text: string): unknown };
}

/** Exit codes (documented in the README): 0 ok, 1 invalid input, 2 usage. */
export const EXIT = { ok: 0, invalid: 1, usage: 2 } as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** A usage error: wrong command or option. */
export class UsageError extends Error {}
