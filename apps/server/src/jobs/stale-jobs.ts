import type { FastifyInstance } from 'fastify';
import type { Deps } from '../context.ts';
import type { Queryable } from '../db/connect.ts';
import { JOB_STALE_AFTER_MS, JOB_SWEEP_MS, type JobStore } from './job-queue.ts';

type AnyStore = Pick<JobStore<never, { readonly id: string }, string>, 'name' | 'failStale'>;

/**
 * At start-up, before serving: PGlite serves one process, so every unfinished job belonged to a process
 * that has ended; with PostgreSQL other instances may still be running theirs, and they keep touching them.
 */
export async function failJobsLeftAtStart(
  db: Queryable,
  kind: 'pglite' | 'postgres',
  stores: readonly AnyStore[],
  now: Date,
): Promise<void> {
  for (const store of stores) await store.failStale(db, now, kind === 'pglite' ? 0 : JOB_STALE_AFTER_MS);
}

/**
 * Every running instance settles the jobs whose process ended, every `intervalMs`, for as long as the
 * app runs: a job left by a crashed instance is failed without waiting for anyone to restart it.
 * Cleared when the app closes, after a sweep in flight has finished (so the database is never closed under it).
 */
export function installStaleJobSweep(
  app: FastifyInstance,
  deps: Deps,
  stores: readonly AnyStore[],
  options: { intervalMs?: number; staleAfterMs?: number } = {},
): void {
  const staleAfterMs = options.staleAfterMs ?? JOB_STALE_AFTER_MS;
  let inFlight: Promise<void> | undefined;
  const sweep = async () => {
    for (const store of stores) {
      try {
        const settled = await store.failStale(deps.db, deps.clock(), staleAfterMs);
        if (settled > 0) app.log.warn({ settled }, `${store.name} jobs whose process stopped were settled`);
      } catch (error) {
        app.log.error({ err: error }, `stale ${store.name} job sweep failed`);
      }
    }
    inFlight = undefined;
  };
  const timer = setInterval(() => {
    inFlight ??= sweep();
  }, options.intervalMs ?? JOB_SWEEP_MS);
  timer.unref();
  app.addHook('onClose', async () => {
    clearInterval(timer);
    await inFlight;
  });
}
