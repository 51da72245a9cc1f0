import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chainUnchained, findChainHead, recordAudit } from '../src/audit/audit.repository.ts';
import { type AuditVerification, verifyAuditChain } from '../src/audit/audit.service.ts';
import { contentHash, GENESIS_HASH, linkHash } from '../src/audit/audit-chain.ts';
import { connect, type Queryable, queryRows } from '../src/db/connect.ts';
import { as, DATABASE_KIND, login, type TestApp, testApp } from './harness.ts';

const SYSTEM = { requestId: 'test', ip: '127.0.0.1' };

async function append(db: Queryable, n: number, tag: string): Promise<void> {
  for (let i = 0; i < n; i++)
    await db.transaction(async (tx) => {
      await recordAudit(tx, SYSTEM, {
        entityType: 'evaluation',
        entityId: `${tag}-${i}`,
        action: 'update',
        // Keys out of order and nested: jsonb reorders them, the hash must not care.
        before: { z: 1, a: { y: [1, { d: 2, c: '改前' }], b: null }, amountFen: '1234500' },
        after: { z: 2, a: { y: [1, { d: 3, c: '改后' }], b: true }, when: new Date('2024-12-31T16:00:00Z') },
      });
    });
}

class Rollback extends Error {}

/** Resolves once some session of this database is waiting for a lock (polls; no timing assumed). */
async function waitForLockWait(db: Queryable): Promise<void> {
  for (let attempt = 0; attempt < 600; attempt++) {
    const [row] = await queryRows<{ n: number }>(
      db,
      sql`select count(*)::int as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'`,
    );
    if ((row?.n ?? 0) > 0) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('no session ever waited for the chain head');
}

/** Runs `tamper` and the verification in one transaction and rolls it back, so each test sees the intact chain. */
async function verifyAfter(t: TestApp, tamper: string): Promise<AuditVerification> {
  let result: AuditVerification | undefined;
  await t.deps.db
    .transaction(async (tx) => {
      await tx.execute(sql.raw(tamper));
      result = await verifyAuditChain(tx, 7);
      throw new Rollback();
    })
    .catch((error: unknown) => {
      if (!(error instanceof Rollback)) throw error;
    });
  if (!result) throw new Error('verification did not run');
  return result;
}

async function idOf(t: TestApp, seq: number): Promise<number> {
  const [row] = await queryRows<{ id: number }>(t.deps.db, sql`select id::int as id from audit_log where seq = ${seq}`);
  if (!row) throw new Error(`no entry ${seq}`);
  return row.id;
}

describe(`audit hash chain (${DATABASE_KIND})`, () => {
  let t: TestApp;
  let total: number;
  beforeAll(async () => {
    t = await testApp();
    await login(t.app, 'admin');
    await append(t.deps.db, 30, 'seq');
    const [row] = await queryRows<{ n: number }>(t.deps.db, sql`select count(*)::int as n from audit_log`);
    total = row?.n ?? 0;
  }, 120_000);
  afterAll(() => t.close());

  it('links every entry, from the API and the writer alike, in seq 1…n without gaps, and verifies', async () => {
    expect(total).toBeGreaterThan(30);
    const rows = await queryRows<{ seq: number; prev_hash: string; hash: string }>(
      t.deps.db,
      sql`select seq::int as seq, prev_hash, hash from audit_log order by seq`,
    );
    expect(rows.map((row) => row.seq)).toEqual(Array.from({ length: total }, (_, i) => i + 1));
    expect(rows[0]?.prev_hash).toBe(GENESIS_HASH);
    for (let i = 1; i < rows.length; i++) expect(rows[i]?.prev_hash).toBe(rows[i - 1]?.hash);
    expect(await findChainHead(t.deps.db)).toEqual({ seq: total, hash: rows.at(-1)?.hash });
    // A page size that does not divide the count, so the check crosses page boundaries.
    expect(await verifyAuditChain(t.deps.db, 7)).toEqual({ ok: true, count: total, head: { seq: total, hash: rows.at(-1)?.hash } });
  });

  it('answers an administrator on the API, and no one else', async () => {
    const admin = await login(t.app, 'admin');
    total += 1; // the login itself
    const response = await as(t.app, admin).post('/api/audit/verify');
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ ok: true, count: total, head: { seq: total } });
    const auditor = await login(t.app, 'auditor');
    total += 1;
    const refused = await as(t.app, auditor).post('/api/audit/verify');
    expect(refused.statusCode).toBe(403);
    expect(refused.json()).toMatchObject({ code: 'FORBIDDEN', message: '只有系统管理员可以校验审计日志' });
  });

  it('finds a row whose details were edited in SQL, and names it', async () => {
    const id = await idOf(t, 12);
    const result = await verifyAfter(t, `update audit_log set after = jsonb_set(after, '{z}', '99') where seq = 12`);
    expect(result).toMatchObject({ ok: false, count: 11, broken: { problem: 'content-changed', seq: 12, id } });
    if (!result.ok) expect(result.broken.message).toContain(`第 12 条（编号 ${id}`);
  });

  it('finds a changed time, actor or action', async () => {
    for (const change of [`at = at + interval '1 microsecond'`, `actor_name = '某人'`, `action = 'delete'`, `ip = '10.0.0.1'`]) {
      const result = await verifyAfter(t, `update audit_log set ${change} where seq = 3`);
      expect(result, change).toMatchObject({ ok: false, broken: { problem: 'content-changed', seq: 3 } });
    }
  });

  it('finds a row rewritten with its own hashes recomputed: the next entry no longer links to it', async () => {
    const [row] = await queryRows<{ prev_hash: string; at: string }>(
      t.deps.db,
      sql`select prev_hash, to_char(at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as at from audit_log where seq = 20`,
    );
    if (!row) throw new Error('no entry 20');
    const forged = contentHash({
      at: row.at,
      actorId: null,
      actorName: null,
      organisationId: null,
      entityType: 'evaluation',
      entityId: 'seq-forged',
      action: 'update',
      before: null,
      after: null,
      requestId: 'test',
      ip: '127.0.0.1',
    });
    const result = await verifyAfter(
      t,
      `update audit_log set actor_id = null, actor_name = null, organisation_id = null, entity_type = 'evaluation', entity_id = 'seq-forged',
         action = 'update', before = null, after = null, request_id = 'test', ip = '127.0.0.1',
         content_hash = '${forged}', hash = '${linkHash(20, forged, row.prev_hash)}' where seq = 20`,
    );
    expect(result).toMatchObject({ ok: false, count: 20, broken: { problem: 'link-broken', seq: 21 } });
  });

  it('finds a deleted entry in the middle and at the end', async () => {
    expect(await verifyAfter(t, 'delete from audit_log where seq = 9')).toMatchObject({
      ok: false,
      count: 8,
      broken: { problem: 'entry-missing', seq: 9, id: null },
    });
    expect(await verifyAfter(t, `delete from audit_log where seq = ${total}`)).toMatchObject({
      ok: false,
      count: total - 1,
      broken: { problem: 'entry-missing', seq: total },
    });
  });

  it('finds a row put in without going through the chain', async () => {
    const result = await verifyAfter(
      t,
      `insert into audit_log (entity_type, entity_id, action, content_hash) values ('user', 'x', 'delete', null)`,
    );
    expect(result).toMatchObject({ ok: false, count: total, broken: { problem: 'unchained', seq: null } });
  });

  it('leaves no gap when a transaction that wrote an entry rolls back', async () => {
    const head = await findChainHead(t.deps.db);
    await t.deps.db
      .transaction(async (tx) => {
        await recordAudit(tx, SYSTEM, { entityType: 'user', entityId: 'rolled-back', action: 'update' });
        throw new Rollback();
      })
      .catch(() => undefined);
    expect(await findChainHead(t.deps.db)).toEqual(head);
    await append(t.deps.db, 1, 'after-rollback');
    total += 1;
    expect(await verifyAuditChain(t.deps.db)).toMatchObject({ ok: true, count: total });
  });

  it('chains rows written before the chain existed, in id order, at start-up', async () => {
    // What the migration finds: rows an earlier version wrote, with no content hash.
    await t.deps.db.execute(sql`
      insert into audit_log (at, entity_type, entity_id, action, before, after)
      select timestamptz '2025-01-02 03:04:05.678901+08' + make_interval(secs => g), 'goal', 'legacy-' || g, 'update',
             jsonb_build_object('b', g, 'a', '旧'), null
      from generate_series(1, 12) g`);
    expect(await verifyAuditChain(t.deps.db)).toMatchObject({ ok: false, broken: { problem: 'unchained' } });
    expect(await chainUnchained(t.deps.db, 5)).toBe(12);
    total += 12;
    expect(await verifyAuditChain(t.deps.db)).toMatchObject({ ok: true, count: total });
    const legacy = await queryRows<{ entity_id: string }>(
      t.deps.db,
      sql`select entity_id from audit_log where entity_id like 'legacy-%' order by seq`,
    );
    expect(legacy.map((row) => row.entity_id)).toEqual(Array.from({ length: 12 }, (_, i) => `legacy-${i + 1}`));
    expect(await verifyAfter(t, `update audit_log set at = at + interval '1 microsecond' where entity_id = 'legacy-3'`)).toMatchObject({
      ok: false,
      broken: { problem: 'content-changed' },
    });
  });

  it.runIf(DATABASE_KIND === 'postgres')(
    'makes a writer that commits while another is linking wait for it and take the next place',
    async () => {
      const url = t.database.url as string;
      const [first, second] = await Promise.all([
        connect({ kind: 'postgres', url, poolSize: 1 }),
        connect({ kind: 'postgres', url, poolSize: 1 }),
      ]);
      try {
        let release = () => {};
        const released = new Promise<void>((resolve) => {
          release = resolve;
        });
        let secondDone: Promise<void> | undefined;
        await first.db.transaction(async (tx) => {
          await recordAudit(tx, SYSTEM, { entityType: 'payment-request', entityId: 'holds-head', action: 'create' });
          // Link now instead of at commit: this transaction holds the head until it commits.
          await tx.execute(sql`set constraints audit_log_chain immediate`);
          secondDone = second.db.transaction((other) =>
            recordAudit(other, SYSTEM, { entityType: 'payment-request', entityId: 'waits-for-head', action: 'create' }),
          );
          void waitForLockWait(t.deps.db).then(release);
          await released;
        });
        await secondDone;
        total += 2;
        const order = await queryRows<{ entity_id: string }>(
          t.deps.db,
          sql`select entity_id from audit_log where entity_id in ('holds-head', 'waits-for-head') order by seq`,
        );
        expect(order.map((row) => row.entity_id)).toEqual(['holds-head', 'waits-for-head']);
        expect(await verifyAuditChain(t.deps.db)).toMatchObject({ ok: true, count: total });
      } finally {
        await Promise.all([first.close(), second.close()]);
      }
    },
    60_000,
  );

  it('stays one unbroken chain under many parallel writers on separate connections, without deadlocks', async () => {
    // On PGlite (one connection) the transactions queue; on PostgreSQL they really run at once, half of them
    // locking a shared row after writing their entry and half before, as payments and evaluation edits do.
    const url = t.database.url;
    const writers = url ? await connect({ kind: 'postgres', url, poolSize: 16 }) : undefined;
    const db = writers?.db ?? t.deps.db;
    try {
      await db.execute(sql`create table if not exists audit_chain_test_counter (id int primary key, n int not null)`);
      await db.execute(sql`insert into audit_chain_test_counter values (1, 0) on conflict do nothing`);
      const bump = (tx: Queryable) => tx.execute(sql`update audit_chain_test_counter set n = n + 1 where id = 1`);
      const writes = 200;
      await Promise.all(
        Array.from({ length: writes }, (_, i) =>
          db.transaction(async (tx) => {
            if (i % 2 === 0) await bump(tx);
            await recordAudit(tx, SYSTEM, { entityType: 'payment-request', entityId: `parallel-${i}`, action: 'create', after: { i } });
            if (i % 2 === 1) await bump(tx);
          }),
        ),
      );
      total += writes;
      const [counter] = await queryRows<{ n: number }>(t.deps.db, sql`select n from audit_chain_test_counter`);
      expect(counter?.n).toBe(writes);
      expect(await verifyAuditChain(t.deps.db)).toMatchObject({ ok: true, count: total, head: { seq: total } });
    } finally {
      await writers?.close();
    }
  }, 120_000);
});
