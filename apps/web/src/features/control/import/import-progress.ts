import type { ImportJob } from '@jixiao/contract';

/** Whether the job is still running (the page keeps polling it). */
export const isRunning = (job: Pick<ImportJob, 'status'>) => job.status === 'validating' || job.status === 'committing';

/**
 * How far the job is, 0–100, from processedRows ÷ totalRows (floored, so 100 means every row);
 * null while the file's size is not known yet. A finished job is at 100 whatever its counts.
 */
export function progressPercent(job: Pick<ImportJob, 'status' | 'processedRows' | 'totalRows'>): number | null {
  if (!isRunning(job)) return 100;
  if (job.totalRows <= 0) return null;
  return Math.min(100, Math.floor((job.processedRows * 100) / job.totalRows));
}
