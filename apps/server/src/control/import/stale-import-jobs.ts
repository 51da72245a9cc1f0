import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../context.ts';
import { failStaleImportJobs, IMPORT_STALE_AFTER_MS, IMPORT_SWEEP_MS } from './import-job.repository.ts';

/**
 * Every running instance settles import jobs whose process ended (see failStaleImportJobs), every
 * `intervalMs`, for as long as the app runs: a job left by a crashed instance is failed without
 * waiting for anyone to restart it. Cleared when the app closes, after a sweep in flight has finished
 * (so the database is never closed under it).
 */
export function installStaleImportJobSweep(
  app: FastifyInstance,
  deps: Deps,
  options: { intervalMs?: number; staleAfterMs?: number } = {},
): void {
  const staleAfterMs = options.staleAfterMs ?? IMPORT_STALE_AFTER_MS;
  let inFlight: Promise<void> | undefined;
  const sweep = async () => {
    try {
      const settled = await failStaleImportJobs(deps.db, deps.clock(), staleAfterMs);
      if (settled > 0) app.log.warn({ settled }, 'import jobs whose process stopped were settled');
    } catch (error) {
      app.log.error({ err: error }, 'stale import job sweep failed');
    } finally {
      inFlight = undefined;
    }
  };
  const timer = setInterval(() => {
    inFlight ??= sweep();
  }, options.intervalMs ?? IMPORT_SWEEP_MS);
  timer.unref();
  app.addHook('onClose', async () => {
    clearInterval(timer);
    await inFlight;
  });
}
