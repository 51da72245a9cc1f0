import type { Queryable } from '../db/connect.ts';
import { type findAudit, findChainHead, findFirstEntries, findFirstUnchained, streamChain } from './audit.repository.ts';
import { CHAIN_START, type ChainBreak, type ChainHead, type ChainPosition, checkEnd, checkEntries } from './audit-chain.ts';
import { auditSubject } from './audit-subject.ts';

export type AuditVerification =
  | { readonly ok: true; readonly count: number; readonly head: ChainHead }
  | { readonly ok: false; readonly count: number; readonly broken: ChainBreak };

/** Entries read per query while verifying: a page of this size is a few hundred kilobytes. */
const VERIFY_PAGE_SIZE = 1000;

/**
 * Verifies the whole audit chain: every entry's content against its hash, every link against the entry
 * before, the end against the head, and that no row stands outside the chain. `count` is how many entries
 * held before the first break. The head is read first and the chain up to it, so entries committed while
 * this runs are left for the next check instead of being mistaken for a break.
 */
export async function verifyAuditChain(db: Queryable, pageSize = VERIFY_PAGE_SIZE): Promise<AuditVerification> {
  const head = await findChainHead(db);
  if (!head)
    return {
      ok: false,
      count: 0,
      broken: {
        problem: 'link-broken',
        seq: null,
        id: null,
        at: null,
        message: '链头记录（audit_chain_head 第 1 行）缺失：数据库被改动过',
      },
    };
  let position: ChainPosition = CHAIN_START;
  for await (const page of streamChain(db, head.seq, pageSize)) {
    const checked = checkEntries(position, page);
    if (!checked.ok) return { ok: false, count: checked.position.count, broken: checked.broken };
    position = checked.position;
  }
  const end = checkEnd(position, head);
  if (end) return { ok: false, count: position.count, broken: end };
  const unchained = await findFirstUnchained(db);
  if (unchained)
    return {
      ok: false,
      count: position.count,
      broken: {
        problem: 'unchained',
        seq: null,
        id: unchained.id,
        at: unchained.at,
        message: `编号 ${unchained.id} 的记录（${unchained.at}）不在哈希链中：它没有序号和哈希，可能是绕过系统直接写入的，或写于启用哈希链之后尚未接续`,
      },
    };
  return { ok: true, count: position.count, head };
}

/**
 * Each entry with the name of what it is about: from its own snapshot, or, for a step that records only a
 * status, from the record's first entry (its creation), so 审核 / 支付 read as 支付申请 · 收款人 · 金额 too.
 */
export async function namedEntries(db: Queryable, rows: Awaited<ReturnType<typeof findAudit>>) {
  const own = rows.map((row) => ({ row, subject: auditSubject(row.before, row.after) }));
  const unnamed = own.filter((entry) => entry.subject.name === null).map(({ row }) => row);
  const firsts = await findFirstEntries(db, unnamed);
  const fromFirst = new Map(firsts.map((first) => [`${first.entityType}|${first.entityId}`, auditSubject(first.before, first.after)]));
  return own.map(({ row, subject }) => {
    if (subject.name !== null) return { row, subject };
    const first = fromFirst.get(`${row.entityType}|${row.entityId}`);
    return { row, subject: first ? { name: first.name, amountFen: subject.amountFen ?? first.amountFen } : subject };
  });
}
