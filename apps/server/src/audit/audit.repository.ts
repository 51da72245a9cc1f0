import type { AuditAction, AuditEntityType } from '@jixiao/contract';
import { and, asc, desc, eq, gt, gte, ilike, inArray, isNotNull, isNull, lt, lte, type SQL, sql } from 'drizzle-orm';
import type { RequestContext } from '../context.ts';
import type { Db, Queryable } from '../db/connect.ts';
import { containsPattern } from '../db/like.ts';
import { auditChainHead, auditLog } from '../db/schema.ts';
import { AppError } from '../errors.ts';
import { type AuditContent, type ChainedEntry, type ChainHead, canonicalTime, contentHash, linkHash } from './audit-chain.ts';

export interface AuditEntry {
  /** One of the contract's AUDIT_ENTITY_TYPES, each with its label and filter on the audit page. */
  readonly entityType: AuditEntityType;
  readonly entityId: string;
  /** One of the contract's AUDIT_ACTIONS, each with its label on the audit page. */
  readonly action: AuditAction;
  readonly organisationId?: string | null | undefined;
  readonly before?: unknown;
  readonly after?: unknown;
}

/**
 * Appends to the audit log inside the caller's transaction, so a change and its record commit or
 * roll back together. Nothing in the application updates or deletes audit rows. The entry carries the hash
 * of its content; the database links it into the hash chain when the transaction commits (see auditLog).
 */
export async function recordAudit(
  db: Queryable,
  ctx: Pick<RequestContext, 'requestId' | 'ip'> & { principal?: RequestContext['principal'] | undefined },
  entry: AuditEntry,
): Promise<void> {
  const at = new Date();
  const content: AuditContent = {
    at: canonicalTime(at),
    actorId: ctx.principal?.userId ?? null,
    actorName: ctx.principal?.displayName ?? null,
    organisationId: entry.organisationId ?? null,
    entityType: entry.entityType,
    entityId: entry.entityId,
    action: entry.action,
    before: entry.before === undefined ? null : toJson(entry.before),
    after: entry.after === undefined ? null : toJson(entry.after),
    requestId: ctx.requestId,
    ip: ctx.ip,
  };
  await db.insert(auditLog).values({ ...content, at, contentHash: contentHash(content) });
}

/** Dates to ISO strings, Uint8Arrays to their size: what an auditor needs, and valid JSON. */
function toJson(value: unknown): unknown {
  return JSON.parse(
    JSON.stringify(value, (_key, member: unknown) => {
      if (member instanceof Uint8Array) return `<${member.byteLength} bytes>`;
      if (typeof member === 'bigint') return member.toString();
      return member;
    }),
  );
}

export interface AuditQuery {
  readonly organisationIds?: readonly string[] | undefined;
  readonly entityType?: string | undefined;
  readonly entityId?: string | undefined;
  /** Part of the actor's display name, as typed. */
  readonly actor?: string | undefined;
  /** The one person who acted. */
  readonly actorId?: string | undefined;
  readonly from?: Date | undefined;
  readonly to?: Date | undefined;
  readonly beforeId?: number | undefined;
  readonly limit: number;
}

export async function findAudit(db: Queryable, query: AuditQuery) {
  const conditions: SQL[] = [];
  if (query.organisationIds) conditions.push(inArray(auditLog.organisationId, [...query.organisationIds]));
  if (query.entityType) conditions.push(eq(auditLog.entityType, query.entityType));
  if (query.entityId) conditions.push(eq(auditLog.entityId, query.entityId));
  if (query.actor) conditions.push(ilike(auditLog.actorName, containsPattern(query.actor)));
  if (query.actorId) conditions.push(eq(auditLog.actorId, query.actorId));
  if (query.from) conditions.push(gte(auditLog.at, query.from));
  if (query.to) conditions.push(lt(auditLog.at, query.to));
  if (query.beforeId) conditions.push(lt(auditLog.id, query.beforeId));
  return db
    .select()
    .from(auditLog)
    .where(conditions.length ? and(...conditions) : undefined)
    .orderBy(desc(auditLog.id))
    .limit(query.limit);
}

/**
 * Everyone who has acted in these organisations (all of them when undefined), with the name of their latest
 * entry (a renamed user reads as they are called now) and how many entries they have: the filter by person
 * offers only people it would find.
 */
export async function findAuditActors(db: Queryable, organisationIds: readonly string[] | undefined) {
  const conditions: SQL[] = [isNotNull(auditLog.actorId)];
  if (organisationIds) conditions.push(inArray(auditLog.organisationId, [...organisationIds]));
  const rows = await db
    .select({
      id: sql<string>`${auditLog.actorId}`,
      name: sql<string | null>`(array_agg(${auditLog.actorName} order by ${auditLog.id} desc))[1]`,
      entries: sql<number>`count(*)::int`,
    })
    .from(auditLog)
    .where(and(...conditions))
    .groupBy(auditLog.actorId);
  return rows
    .map((row) => ({ id: row.id, name: row.name ?? '', entries: Number(row.entries) }))
    .sort((a, b) => a.name.localeCompare(b.name, 'zh-CN') || a.id.localeCompare(b.id));
}

/**
 * The first entry of each of these records (its creation, which carries the whole record), for naming
 * entries that only carry a step's status. One query per page, on the (entity_type, entity_id) index.
 */
export async function findFirstEntries(db: Queryable, subjects: readonly { entityType: string; entityId: string }[]) {
  if (subjects.length === 0) return [];
  const pairs = sql.join(
    subjects.map((subject) => sql`(${subject.entityType}, ${subject.entityId})`),
    sql`, `,
  );
  return db
    .selectDistinctOn([auditLog.entityType, auditLog.entityId], {
      entityType: auditLog.entityType,
      entityId: auditLog.entityId,
      before: auditLog.before,
      after: auditLog.after,
    })
    .from(auditLog)
    .where(sql`(${auditLog.entityType}, ${auditLog.entityId}) in (${pairs})`)
    .orderBy(auditLog.entityType, auditLog.entityId, asc(auditLog.id));
}

/** `at` as the hash reads it: UTC, microseconds, the same text on both drivers (a Date would drop microseconds). */
const AT_TEXT = sql<string>`to_char(${auditLog.at} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

const CHAIN_COLUMNS = {
  id: auditLog.id,
  at: AT_TEXT,
  actorId: auditLog.actorId,
  actorName: auditLog.actorName,
  organisationId: auditLog.organisationId,
  entityType: auditLog.entityType,
  entityId: auditLog.entityId,
  action: auditLog.action,
  before: auditLog.before,
  after: auditLog.after,
  requestId: auditLog.requestId,
  ip: auditLog.ip,
  contentHash: auditLog.contentHash,
  prevHash: auditLog.prevHash,
  hash: auditLog.hash,
};

/** The chain's end; undefined only if someone deleted the row the migration created. */
export async function findChainHead(db: Queryable, lock = false): Promise<ChainHead | undefined> {
  const query = db.select({ seq: auditChainHead.seq, hash: auditChainHead.hash }).from(auditChainHead).where(eq(auditChainHead.id, 1));
  const [head] = lock ? await query.for('update') : await query;
  return head;
}

/**
 * The chain from its start up to `throughSeq`, in seq order, a page at a time: each page is its own query
 * (keyset on seq), so a million entries never load at once and no transaction is held open meanwhile.
 */
export async function* streamChain(db: Queryable, throughSeq: number, pageSize: number): AsyncGenerator<ChainedEntry[]> {
  let afterSeq = 0;
  while (afterSeq < throughSeq) {
    const rows = await db
      .select({ ...CHAIN_COLUMNS, seq: sql<number>`${auditLog.seq}`.mapWith(Number) })
      .from(auditLog)
      .where(and(gt(auditLog.seq, afterSeq), lte(auditLog.seq, throughSeq)))
      .orderBy(asc(auditLog.seq))
      .limit(pageSize);
    if (rows.length === 0) return;
    yield rows;
    afterSeq = rows.at(-1)?.seq ?? throughSeq;
  }
}

/** The oldest row outside the chain (written before it existed, or by an older version), if any. */
export async function findFirstUnchained(db: Queryable): Promise<{ id: number; at: string } | undefined> {
  const [row] = await db
    .select({ id: auditLog.id, at: AT_TEXT })
    .from(auditLog)
    .where(isNull(auditLog.seq))
    .orderBy(asc(auditLog.id))
    .limit(1);
  return row;
}

/**
 * Links rows that have no place in the chain yet onto its end, oldest id first, a page per transaction with
 * the head locked as the trigger locks it. Run at start-up: rows from before the chain existed (and any an
 * older instance wrote during a rolling upgrade) are chained once, in the order they were written.
 */
export async function chainUnchained(db: Db, pageSize = 500): Promise<number> {
  let chained = 0;
  for (;;) {
    const count = await db.transaction(async (tx) => {
      const locked = await findChainHead(tx, true);
      if (!locked) throw new AppError('INTERNAL', '审计日志的链头（audit_chain_head 第 1 行）缺失：数据库被改动过，无法接续哈希链');
      let head: ChainHead = locked;
      const rows = await tx.select(CHAIN_COLUMNS).from(auditLog).where(isNull(auditLog.seq)).orderBy(asc(auditLog.id)).limit(pageSize);
      if (rows.length === 0) return 0;
      const links = rows.map((row) => {
        const seq = head.seq + 1;
        const hashed = contentHash(row);
        const link = { id: row.id, seq, contentHash: hashed, prevHash: head.hash, hash: linkHash(seq, hashed, head.hash) };
        head = { seq, hash: link.hash };
        return link;
      });
      const values = sql.join(
        links.map((link) => sql`(${link.id}::bigint, ${link.seq}::bigint, ${link.contentHash}, ${link.prevHash}, ${link.hash})`),
        sql`, `,
      );
      await tx.execute(sql`
        update ${auditLog} set seq = v.seq, content_hash = v.content_hash, prev_hash = v.prev_hash, hash = v.hash
        from (values ${values}) as v(id, seq, content_hash, prev_hash, hash)
        where ${auditLog.id} = v.id`);
      await tx.update(auditChainHead).set(head).where(eq(auditChainHead.id, 1));
      return rows.length;
    });
    chained += count;
    if (count < pageSize) return chained;
  }
}
