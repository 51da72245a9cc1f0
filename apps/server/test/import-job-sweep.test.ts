import { eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createImportJob, failStaleImportJobs, findImportJob, IMPORT_STALE_AFTER_MS } from '../src/control/import/import-job.repository.ts';
import { connect, type Database } from '../src/db/connect.ts';
import { auditLog, importJobs, organisations, users } from '../src/db/schema.ts';
import { installStaleJobSweep } from '../src/jobs/stale-jobs.ts';
import { JOB_STORES } from '../src/modules.ts';
import { DATABASE_KIND, type TestApp, testApp } from './harness.ts';

let t: TestApp;
let organisationId: string;
let createdBy: string;

beforeAll(async () => {
  t = await testApp();
  const [dept] = await t.deps.db.select().from(organisations).where(eq(organisations.code, 'PY-KGSX'));
  const [user] = await t.deps.db.select().from(users).where(eq(users.username, 'accountant'));
  if (!dept || !user) throw new Error('demo seed missing');
  organisationId = dept.id;
  createdBy = user.id;
  // What main.ts does, with a short interval so the test need not wait 15 s.
  installStaleJobSweep(t.app, t.deps, JOB_STORES, { intervalMs: 100 });
  await t.app.ready();
}, 120_000);
afterAll(async () => {
  await t?.close();
});

/** A job as a process left it: in `status`, last heartbeat `ageMs` ago. */
async function jobLeft(filename: string, status: 'validating' | 'committing', ageMs: number) {
  const job = await createImportJob(t.deps.db, { organisationId, kind: 'payments', filename, createdBy });
  await t.deps.db
    .update(importJobs)
    .set({ status, updatedAt: new Date(Date.now() - ageMs) })
    .where(eq(importJobs.id, job.id));
  return job.id;
}

async function settled(id: string) {
  await expect
    .poll(async () => (await findImportJob(t.deps.db, id))?.status, { timeout: 30_000, interval: 100 })
    .not.toMatch(/validating|committing/);
  return findImportJob(t.deps.db, id);
}

describe(`import jobs whose process stopped (${DATABASE_KIND})`, () => {
  it('are failed by the running app without a restart; a job whose heartbeat just arrived is left running', async () => {
    const fresh = await jobLeft('fresh.csv', 'committing', 1_000);
    const dead = await jobLeft('dead.csv', 'committing', IMPORT_STALE_AFTER_MS + 5_000);
    expect(await settled(dead)).toMatchObject({
      status: 'failed',
      message: '导入进程中断：服务重启或停止，未写入任何数据，请重新导入',
      finishedAt: expect.any(Date),
    });
    expect((await findImportJob(t.deps.db, fresh))?.status).toBe('committing');
    // The sweep keeps running: a job that goes quiet later is failed too.
    const later = await jobLeft('later.csv', 'validating', IMPORT_STALE_AFTER_MS + 1_000);
    expect((await settled(later))?.status).toBe('failed');
  }, 60_000);

  it('marks done, not failed, a job whose commit is in (its audit record exists) but whose outcome was never written', async () => {
    const id = await jobLeft('committed.csv', 'committing', IMPORT_STALE_AFTER_MS + 5_000);
    await t.deps.db.insert(auditLog).values({
      entityType: 'import-job',
      entityId: id,
      action: 'import-payments',
      organisationId,
      after: { filename: 'committed.csv', kind: 'payments', createdRows: 7, total: '700.00' },
    });
    expect(await settled(id)).toMatchObject({ status: 'done', createdRows: 7, message: expect.stringContaining('不要重复导入') });
  }, 60_000);

  it('is settled by exactly one of two instances sweeping at once', async () => {
    const other: Database =
      DATABASE_KIND === 'postgres' && t.database.url ? await connect({ kind: 'postgres', url: t.database.url, poolSize: 2 }) : t.database;
    try {
      // Fresh to the app's own sweep (real clock); stale to these two, which look from ten minutes ahead.
      const ids = await Promise.all(['a.csv', 'b.csv', 'c.csv'].map((name) => jobLeft(name, 'committing', 1_000)));
      const running = await t.deps.db
        .select()
        .from(importJobs)
        .where(inArray(importJobs.status, ['validating', 'committing']));
      const now = new Date(Date.now() + 10 * 60_000);
      const [first, second] = await Promise.all([
        failStaleImportJobs(t.deps.db, now, IMPORT_STALE_AFTER_MS),
        failStaleImportJobs(other.db, now, IMPORT_STALE_AFTER_MS),
      ]);
      expect(first + second).toBe(running.length);
      const rows = await Promise.all(ids.map((id) => findImportJob(t.deps.db, id)));
      expect(rows.map((row) => row?.status)).toEqual(['failed', 'failed', 'failed']);
    } finally {
      if (other !== t.database) await other.close();
    }
  }, 60_000);
});
