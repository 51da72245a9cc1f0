import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import type { Deps } from '../context.ts';
import type { Queryable } from '../db/connect.ts';

/** A running job is touched this often by its process, even inside one long step (a commit). */
export const JOB_HEARTBEAT_MS = 30_000;
/** Four missed heartbeats: the process that ran the job has ended (a crash, kill -9, a restart). */
export const JOB_STALE_AFTER_MS = 4 * JOB_HEARTBEAT_MS;
/**
 * How often every running instance looks for such jobs: well under the limit, so a job is settled
 * between 2 min and 2 min 15 s after its last heartbeat, with or without a restart.
 */
export const JOB_SWEEP_MS = 15_000;

/** Where a job is in its life, as its row shows it to whoever follows it. */
export interface JobProgress<Step extends string> {
  readonly step?: Step;
  readonly processed: number;
  readonly total?: number;
}

/**
 * What the queue needs of a kind of job: its rows. Each kind keeps its own table (what the user
 * follows: progress, issues, outcome); the queue gives every kind the same life around it.
 */
export interface JobStore<Input, Row extends { readonly id: string }, Step extends string> {
  /** For the logs. */
  readonly name: string;
  /** Records a new job, in its first step. */
  create(db: Queryable, input: Input): Promise<Row>;
  progress(db: Queryable, id: string, progress: JobProgress<Step>): Promise<void>;
  /** The heartbeat of a running job; a finished one is left as it is. */
  touch(db: Queryable, id: string, at: Date): Promise<void>;
  /**
   * Settles the jobs not touched for `staleAfterMs`, in one conditional UPDATE (PostgreSQL re-checks
   * its WHERE on the locked row, so of two instances sweeping at once only one settles a job); returns how many.
   */
  failStale(db: Queryable, now: Date, staleAfterMs: number): Promise<number>;
}

/** Where the queue reports what escaped a job (the app's logger). */
export type JobLog = Pick<FastifyBaseLogger, 'error'>;

/** What a job's work is handed: its id and how to report progress. */
export interface RunningJob<Step extends string> {
  readonly id: string;
  progress(progress: JobProgress<Step>): Promise<void>;
}

/**
 * The jobs of one app instance. A job runs in the process that recorded it, after the request that
 * started it has been answered; the queue keeps its promise so that closing the app waits for it, and
 * beats its heart on the database (outside the job's own transaction) so other instances see it alive.
 */
export class JobQueue {
  private readonly inFlight = new Set<Promise<void>>();
  private readonly deps: Deps;
  private readonly log: JobLog;

  constructor(deps: Deps, log: JobLog) {
    this.deps = deps;
    this.log = log;
  }

  /** Records a job and runs it in the background; `finished` never rejects. */
  async enqueue<Input, Row extends { readonly id: string }, Step extends string>(
    store: JobStore<Input, Row, Step>,
    input: Input,
    work: (job: RunningJob<Step>) => Promise<void>,
  ): Promise<{ job: Row; finished: Promise<void> }> {
    const job = await store.create(this.deps.db, input);
    return { job, finished: this.run(store, job.id, work) };
  }

  /** Runs a recorded job to its end. A job's work settles its own row; what escapes it is logged here. */
  run<Step extends string>(
    store: JobStore<unknown, { readonly id: string }, Step>,
    id: string,
    work: (job: RunningJob<Step>) => Promise<void>,
  ): Promise<void> {
    const { db, clock } = this.deps;
    const heartbeat = setInterval(
      () =>
        store.touch(db, id, clock()).catch((error: unknown) => this.log.error({ err: error, job: id }, `${store.name} heartbeat failed`)),
      JOB_HEARTBEAT_MS,
    );
    heartbeat.unref();
    const finished = (async () => {
      try {
        await work({ id, progress: (progress) => store.progress(db, id, progress) });
      } catch (error) {
        this.log.error({ err: error, job: id }, `${store.name} job crashed`);
      } finally {
        clearInterval(heartbeat);
      }
    })();
    this.inFlight.add(finished);
    void finished.finally(() => this.inFlight.delete(finished));
    return finished;
  }

  /** Waits for every job still running in this instance. */
  async drain(): Promise<void> {
    await Promise.allSettled(this.inFlight);
  }
}

declare module 'fastify' {
  interface FastifyInstance {
    /** The background jobs of this instance (jobs/job-queue.ts). */
    jobs: JobQueue;
  }
}

/** Gives the app its queue; closing the app waits for the jobs it is running. */
export function installJobQueue(app: FastifyInstance, deps: Deps): JobQueue {
  const queue = new JobQueue(deps, app.log);
  app.decorate('jobs', queue);
  app.addHook('onClose', () => queue.drain());
  return queue;
}
