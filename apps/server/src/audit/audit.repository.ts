import { and, desc, eq, gte, inArray, lt, type SQL } from 'drizzle-orm';
import type { RequestContext } from '../context.ts';
import type { Queryable } from '../db/connect.ts';
import { auditLog } from '../db/schema.ts';

export interface AuditEntry {
  readonly entityType: string;
  readonly entityId: string;
  readonly action: string;
  readonly organisationId?: string | null | undefined;
  readonly before?: unknown;
  readonly after?: unknown;
}

/**
 * Appends to the audit log inside the caller's transaction, so a change and its record commit or
 * roll back together. Nothing in the application updates or deletes audit rows.
 */
export async function recordAudit(
  db: Queryable,
  ctx: Pick<RequestContext, 'requestId' | 'ip'> & { principal?: RequestContext['principal'] | undefined },
  entry: AuditEntry,
): Promise<void> {
  await db.insert(auditLog).values({
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
  });
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
