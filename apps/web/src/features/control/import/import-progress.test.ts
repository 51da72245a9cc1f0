import { describe, expect, it } from 'vitest';
import { isRunning, progressPercent } from './import-progress.ts';

describe('progressPercent', () => {
  it('follows processed rows while the job runs', () => {
    expect(progressPercent({ status: 'validating', processedRows: 0, totalRows: 0 })).toBeNull();
    expect(progressPercent({ status: 'validating', processedRows: 333, totalRows: 1000 })).toBe(33);
    expect(progressPercent({ status: 'committing', processedRows: 999, totalRows: 1000 })).toBe(99);
    expect(progressPercent({ status: 'committing', processedRows: 1200, totalRows: 1000 })).toBe(100);
  });

  it('is complete once the job is done or failed', () => {
    expect(progressPercent({ status: 'done', processedRows: 0, totalRows: 10 })).toBe(100);
    expect(progressPercent({ status: 'failed', processedRows: 3, totalRows: 10 })).toBe(100);
    expect(isRunning({ status: 'failed' })).toBe(false);
    expect(isRunning({ status: 'committing' })).toBe(true);
  });
});
