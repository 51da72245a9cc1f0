import Fastify from 'fastify';
import { describe, expect, it, vi } from 'vitest';
import { loadConfig } from '../src/config.ts';
import type { Deps } from '../src/context.ts';
import type { Db } from '../src/db/connect.ts';
import { installJobQueue, JOB_HEARTBEAT_MS, type JobProgress, type JobStore } from '../src/jobs/job-queue.ts';

/**
 * The queue's own life around a job, without a database: the store is a list in memory. The import
 * job's behaviour on real databases (progress, heartbeats, crash recovery) is tested in
 * control-import.test.ts and import-job-sweep.test.ts.
 */
function memoryStore() {
  const rows = new Map<string, { id: string; input: string; progress: JobProgress<'one' | 'two'>[] }>();
  const store: JobStore<string, { id: string }, 'one' | 'two'> = {
    name: 'test',
    create: async (_db, input) => {
      const row = { id: `job-${rows.size + 1}`, input, progress: [] };
      rows.set(row.id, row);
      return row;
    },
    progress: async (_db, id, progress) => {
      rows.get(id)?.progress.push(progress);
    },
    touch: async () => {},
    failStale: async () => 0,
  };
  return { rows, store };
}

const deps: Deps = { db: {} as Db, config: loadConfig({ LOG_LEVEL: 'silent', JIXIAO_DATA_DIR: '/nonexistent' }), clock: () => new Date() };

describe('the job queue', () => {
  it('records a job, runs it in the background with its progress, and closing the app waits for it', async () => {
    const app = Fastify();
    const queue = installJobQueue(app, deps);
    const { rows, store } = memoryStore();
    let release = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    let ended = false;
    const { job } = await queue.enqueue(store, 'file.csv', async (running) => {
      await running.progress({ step: 'one', processed: 1, total: 2 });
      await gate;
      await running.progress({ step: 'two', processed: 2 });
      ended = true;
    });
    expect(rows.get(job.id)?.input).toBe('file.csv');
    const closing = app.close();
    // Still running: close has not returned.
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(ended).toBe(false);
    release();
    await closing;
    expect(ended).toBe(true);
    expect(rows.get(job.id)?.progress).toEqual([
      { step: 'one', processed: 1, total: 2 },
      { step: 'two', processed: 2 },
    ]);
  });

  it('touches a running job every heartbeat, and stops once it has ended', async () => {
    vi.useFakeTimers();
    try {
      const app = Fastify();
      const queue = installJobQueue(app, deps);
      const { store } = memoryStore();
      const touched: string[] = [];
      store.touch = async (_db, id) => {
        touched.push(id);
      };
      let release = () => {};
      const gate = new Promise<void>((resolve) => {
        release = resolve;
      });
      const { job, finished } = await queue.enqueue(store, 'long.csv', () => gate);
      await vi.advanceTimersByTimeAsync(2 * JOB_HEARTBEAT_MS);
      expect(touched).toEqual([job.id, job.id]);
      release();
      await finished;
      await vi.advanceTimersByTimeAsync(2 * JOB_HEARTBEAT_MS);
      expect(touched).toHaveLength(2);
      await app.close();
    } finally {
      vi.useRealTimers();
    }
  });

  it('logs what escapes a job, and its promise still resolves', async () => {
    const app = Fastify();
    const logged: unknown[] = [];
    app.log.error = ((fields: unknown) => {
      logged.push(fields);
    }) as typeof app.log.error;
    const queue = installJobQueue(app, deps);
    const { store } = memoryStore();
    const { finished } = await queue.enqueue(store, 'bad.csv', async () => {
      throw new Error('boom');
    });
    await expect(finished).resolves.toBeUndefined();
    expect(logged).toEqual([expect.objectContaining({ job: 'job-1', err: expect.objectContaining({ message: 'boom' }) })]);
    await app.close();
  });
});
