import { createHash } from 'node:crypto';

/**
 * The audit log's hash chain, as pure functions: what an entry's hash covers and how a list of entries is
 * checked. The database links entries at commit (trigger `audit_log_chain`, which computes linkHash in SQL);
 * everything else about the chain is here, so the writer, the start-up step and the verifier agree.
 */

/** The hash before the first entry. */
export const GENESIS_HASH = '0'.repeat(64);

/** Bumped if the serialisation ever changes, so an old entry is never read with a new rule. */
const CONTENT_FORMAT = 'jixiao-audit-1';

/** Every column an auditor reads: who, when, what, from what to what, from where. */
export interface AuditContent {
  /** UTC with microseconds, as canonicalTime writes it and AT_TEXT reads it back. */
  readonly at: string;
  readonly actorId: string | null;
  readonly actorName: string | null;
  readonly organisationId: string | null;
  readonly entityType: string;
  readonly entityId: string;
  readonly action: string;
  readonly before: unknown;
  readonly after: unknown;
  readonly requestId: string | null;
  readonly ip: string | null;
}

export interface ChainedEntry extends AuditContent {
  readonly id: number;
  readonly seq: number;
  readonly contentHash: string | null;
  readonly prevHash: string | null;
  readonly hash: string | null;
}

/** The chain's end as stored in audit_chain_head. */
export interface ChainHead {
  readonly seq: number;
  readonly hash: string;
}

/**
 * A timestamp as the hash sees it. PostgreSQL keeps microseconds and a JS Date milliseconds, so the text is
 * always read from SQL with six digits; a Date the writer sets has three, padded here the way SQL prints them.
 */
export function canonicalTime(date: Date): string {
  return date.toISOString().replace(/Z$/, '000Z');
}

/**
 * JSON with object keys in code-unit order at every level (JSON.stringify would keep insertion order, which
 * PostgreSQL's jsonb does not preserve, and put integer-like keys first).
 */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map((item) => canonicalJson(item ?? null)).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const members = Object.entries(value as Record<string, unknown>)
      .filter(([, member]) => member !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([key, member]) => `${JSON.stringify(key)}:${canonicalJson(member)}`);
    return `{${members.join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

export function canonicalContent(content: AuditContent): string {
  return canonicalJson([
    CONTENT_FORMAT,
    content.at,
    content.actorId,
    content.actorName,
    content.organisationId,
    content.entityType,
    content.entityId,
    content.action,
    content.before,
    content.after,
    content.requestId,
    content.ip,
  ]);
}

function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

export function contentHash(content: AuditContent): string {
  return sha256(canonicalContent(content));
}

/** The entry's link: its position, its content and the previous entry. The trigger computes the same in SQL. */
export function linkHash(seq: number, entryContentHash: string, prevHash: string): string {
  return sha256(`${seq}:${entryContentHash}:${prevHash}`);
}

export type ChainProblem = 'content-changed' | 'link-broken' | 'entry-missing' | 'unchained';

/** The first place the chain does not hold, in words an auditor can act on. */
export interface ChainBreak {
  readonly problem: ChainProblem;
  /** The entry's position in the chain; for a missing entry, the first missing position. */
  readonly seq: number | null;
  /** The row's id (what the audit page and SQL show); null when the row is missing. */
  readonly id: number | null;
  readonly at: string | null;
  readonly message: string;
}

/** How far a check has got: the entries verified so far and the last of them. */
export interface ChainPosition {
  readonly count: number;
  readonly seq: number;
  readonly hash: string;
  readonly at: string | null;
}

export const CHAIN_START: ChainPosition = { count: 0, seq: 0, hash: GENESIS_HASH, at: null };

/** `position` is where the check got to: the last entry that held (on a break, the one before it). */
export type ChainCheck =
  | { readonly ok: true; readonly position: ChainPosition }
  | { readonly ok: false; readonly position: ChainPosition; readonly broken: ChainBreak };

const short = (hash: string | null) => (hash === null ? '（空）' : `${hash.slice(0, 12)}…`);

/**
 * Checks the next entries of the chain, in seq order, from where the previous page left off; streaming
 * callers pass pages one after another, so a long chain never has to be in memory at once.
 */
export function checkEntries(from: ChainPosition, entries: Iterable<ChainedEntry>): ChainCheck {
  let position = from;
  for (const entry of entries) {
    const broken = checkEntry(position, entry);
    if (broken) return { ok: false, position, broken };
    position = { count: position.count + 1, seq: entry.seq, hash: entry.hash as string, at: entry.at };
  }
  return { ok: true, position };
}

function checkEntry(previous: ChainPosition, entry: ChainedEntry): ChainBreak | undefined {
  const at = entry.at;
  const place = { seq: entry.seq, id: entry.id, at };
  const label = `第 ${entry.seq} 条（编号 ${entry.id}，${at}）`;
  if (entry.seq > previous.seq + 1) {
    const after = previous.seq === 0 ? '链的开头' : `第 ${previous.seq} 条（${previous.at}）`;
    return {
      problem: 'entry-missing',
      seq: previous.seq + 1,
      id: null,
      at: null,
      message: `第 ${previous.seq + 1} 条记录缺失：${after}之后读到的下一条是${label}，中间的记录被删除`,
    };
  }
  if (entry.seq !== previous.seq + 1)
    return { problem: 'link-broken', ...place, message: `${label}的序号重复：前一条已是第 ${previous.seq} 条` };
  const recomputed = contentHash(entry);
  if (recomputed !== entry.contentHash)
    return {
      problem: 'content-changed',
      ...place,
      message: `${label}的内容被改动：按现有内容算出的哈希为 ${short(recomputed)}，写入时记下的是 ${short(entry.contentHash)}`,
    };
  if (entry.prevHash === null || linkHash(entry.seq, recomputed, entry.prevHash) !== entry.hash)
    return {
      problem: 'content-changed',
      ...place,
      message: `${label}的哈希被改动：记下的哈希 ${short(entry.hash)} 与其序号、内容和前一条哈希算出的不符`,
    };
  if (entry.prevHash !== previous.hash) {
    const before = previous.seq === 0 ? '链的起点' : `第 ${previous.seq} 条的哈希`;
    return {
      problem: 'link-broken',
      ...place,
      message: `${label}与前一条的链接断开：它记下的前一条哈希为 ${short(entry.prevHash)}，${before}却是 ${short(previous.hash)}；前一条被改写或替换过`,
    };
  }
  return undefined;
}

/** After the last entry: the chain must end where the head says, or entries at the end were deleted. */
export function checkEnd(position: ChainPosition, head: ChainHead): ChainBreak | undefined {
  if (head.seq > position.seq)
    return {
      problem: 'entry-missing',
      seq: position.seq + 1,
      id: null,
      at: null,
      message: `第 ${position.seq + 1} 条至第 ${head.seq} 条记录缺失：链头记到第 ${head.seq} 条，最后读到的是第 ${position.seq} 条，末尾的记录被删除`,
    };
  if (head.seq !== position.seq || head.hash !== position.hash)
    return {
      problem: 'link-broken',
      seq: position.seq,
      id: null,
      at: position.at,
      message: `链头（第 ${head.seq} 条，哈希 ${short(head.hash)}）与最后一条（第 ${position.seq} 条，哈希 ${short(position.hash)}）不符：末尾的记录或链头被改写`,
    };
  return undefined;
}
