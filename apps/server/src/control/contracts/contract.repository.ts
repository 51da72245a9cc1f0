import { and, asc, count, desc, eq, ilike, inArray, isNull, or, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { type Queryable, ref } from '../../db/connect.ts';
import { containsPattern } from '../../db/like.ts';
import {
  budgetLines,
  contractClosures,
  contractMilestones,
  contracts,
  organisations,
  paymentRequests,
  procurements,
  users,
} from '../../db/schema.ts';
import { inScope, type Scope } from '../../policies/scope.ts';
import { OPEN_STATUSES, PAID_STATUSES, paymentSum } from '../budget/budget.repository.ts';

export type ContractRow = typeof contracts.$inferSelect;
export type MilestoneRow = typeof contractMilestones.$inferSelect;

export interface ContractFilter {
  readonly scope: Scope;
  readonly fiscalYear?: number | undefined;
  readonly organisationId?: string | undefined;
  readonly procurementId?: string | undefined;
  readonly id?: string | undefined;
  /** Part of the number, title or counterparty, as typed (literal). */
  readonly q?: string | undefined;
}

const signer = alias(users, 'signer');
const accepter = alias(users, 'accepter');

/** Contracts with their line, procurement and signer, and what is accepted, paid and committed on each. */
export async function findContracts(db: Queryable, filter: ContractFilter) {
  const conditions: SQL[] = [];
  const scoped = inScope(contracts.organisationId, filter.scope);
  if (scoped) conditions.push(scoped);
  if (filter.fiscalYear) conditions.push(eq(budgetLines.fiscalYear, filter.fiscalYear));
  if (filter.organisationId) conditions.push(eq(contracts.organisationId, filter.organisationId));
  if (filter.procurementId) conditions.push(eq(contracts.procurementId, filter.procurementId));
  if (filter.id) conditions.push(eq(contracts.id, filter.id));
  if (filter.q) {
    const pattern = containsPattern(filter.q);
    const matched = or(ilike(contracts.code, pattern), ilike(contracts.title, pattern), ilike(contracts.counterpartyName, pattern));
    if (matched) conditions.push(matched);
  }
  return db
    .select({
      contract: contracts,
      organisationName: organisations.name,
      fiscalYear: budgetLines.fiscalYear,
      lineCode: budgetLines.code,
      lineName: budgetLines.name,
      procurementCode: procurements.code,
      signedByName: signer.displayName,
      milestoneCount: sql<number>`(select count(*)::int from contract_milestones m where m.contract_id = ${ref(contracts.id)})`,
      acceptedCount: sql<number>`(select count(*)::int from contract_milestones m
        where m.contract_id = ${ref(contracts.id)} and m.accepted_at is not null)`,
      accepted: sql<number>`(select coalesce(sum(m.amount_fen), 0)::bigint from contract_milestones m
        where m.contract_id = ${ref(contracts.id)} and m.accepted_at is not null)`,
      paid: paymentSum('contract_id', contracts.id, PAID_STATUSES),
      committed: paymentSum('contract_id', contracts.id, OPEN_STATUSES),
      closedKind: sql<'settled' | 'terminated' | null>`(select k.kind from contract_closures k
        where k.contract_id = ${ref(contracts.id)} and k.status = 'approved' limit 1)`,
    })
    .from(contracts)
    .innerJoin(organisations, eq(organisations.id, contracts.organisationId))
    .innerJoin(budgetLines, eq(budgetLines.id, contracts.budgetLineId))
    .innerJoin(signer, eq(signer.id, contracts.signedBy))
    .leftJoin(procurements, eq(procurements.id, contracts.procurementId))
    .where(conditions.length ? and(...conditions) : undefined)
    .orderBy(desc(contracts.signedOn), asc(contracts.code));
}

export type ContractListRow = Awaited<ReturnType<typeof findContracts>>[number];

export async function getContract(db: Queryable, id: string, lock = false): Promise<ContractRow | undefined> {
  const query = db.select().from(contracts).where(eq(contracts.id, id));
  const [row] = lock ? await query.for('update') : await query;
  return row;
}

export async function findMilestones(db: Queryable, contractId: string) {
  return db
    .select({
      milestone: contractMilestones,
      acceptedByName: accepter.displayName,
      paid: paymentSum('milestone_id', contractMilestones.id, PAID_STATUSES),
      committed: paymentSum('milestone_id', contractMilestones.id, OPEN_STATUSES),
      assetCount: sql<number>`(select count(*)::int from assets a where a.milestone_id = ${ref(contractMilestones.id)})`,
    })
    .from(contractMilestones)
    .leftJoin(accepter, eq(accepter.id, contractMilestones.acceptedBy))
    .where(eq(contractMilestones.contractId, contractId))
    .orderBy(asc(contractMilestones.seq));
}

export async function paymentsByStatus(db: Queryable, contractId: string) {
  return db
    .select({
      status: paymentRequests.status,
      count: count(),
      amount: sql<number>`coalesce(sum(${paymentRequests.amountFen}), 0)::bigint`,
    })
    .from(paymentRequests)
    .where(eq(paymentRequests.contractId, contractId))
    .groupBy(paymentRequests.status)
    .orderBy(asc(paymentRequests.status));
}

export async function getMilestone(db: Queryable, id: string): Promise<MilestoneRow | undefined> {
  const [row] = await db.select().from(contractMilestones).where(eq(contractMilestones.id, id));
  return row;
}

/** The contracted total already signed on a procurement (a framework award may have several contracts). */
export async function contractedOnProcurement(db: Queryable, procurementId: string): Promise<number> {
  const [row] = await db
    .select({ value: sql<number>`coalesce(sum(${contracts.amountFen}), 0)::bigint` })
    .from(contracts)
    .where(eq(contracts.procurementId, procurementId));
  return Number(row?.value ?? 0);
}

export async function insertContract(
  db: Queryable,
  values: typeof contracts.$inferInsert,
  milestones: readonly Omit<typeof contractMilestones.$inferInsert, 'contractId' | 'seq'>[],
): Promise<{ contract: ContractRow; milestones: MilestoneRow[] }> {
  const [contract] = await db.insert(contracts).values(values).returning();
  if (!contract) throw new Error('contract insert returned nothing');
  const rows = await db
    .insert(contractMilestones)
    .values(milestones.map((milestone, index) => ({ ...milestone, contractId: contract.id, seq: index + 1 })))
    .returning();
  return { contract, milestones: rows };
}

/** Records the acceptance, only while the milestone is unaccepted and at the version the user saw. */
export async function markAccepted(
  db: Queryable,
  id: string,
  expectedVersion: number,
  values: { acceptedAt: Date; acceptedBy: string; acceptanceNote: string },
): Promise<MilestoneRow | undefined> {
  const [row] = await db
    .update(contractMilestones)
    .set({ ...values, version: sql`${contractMilestones.version} + 1` })
    .where(
      and(eq(contractMilestones.id, id), eq(contractMilestones.version, expectedVersion), sql`${contractMilestones.acceptedAt} is null`),
    )
    .returning();
  return row;
}

export type ClosureRow = typeof contractClosures.$inferSelect;

/** Open payment requests (申请 / 审核 / 审批) on the contract: their number and amount. */
export async function openRequestsOn(db: Queryable, contractId: string): Promise<{ count: number; amountFen: number }> {
  const [row] = await db
    .select({ count: count(), amount: sql<number>`coalesce(sum(${paymentRequests.amountFen}), 0)::bigint` })
    .from(paymentRequests)
    .where(and(eq(paymentRequests.contractId, contractId), inArray(paymentRequests.status, [...OPEN_STATUSES])));
  return { count: Number(row?.count ?? 0), amountFen: Number(row?.amount ?? 0) };
}

/** What has been paid (支付, 归档) on the contract. */
export async function paidOn(db: Queryable, contractId: string): Promise<number> {
  const [row] = await db
    .select({ amount: sql<number>`coalesce(sum(${paymentRequests.amountFen}), 0)::bigint` })
    .from(paymentRequests)
    .where(and(eq(paymentRequests.contractId, contractId), inArray(paymentRequests.status, [...PAID_STATUSES])));
  return Number(row?.amount ?? 0);
}

export async function unacceptedMilestones(db: Queryable, contractId: string): Promise<string[]> {
  const rows = await db
    .select({ description: contractMilestones.description })
    .from(contractMilestones)
    .where(and(eq(contractMilestones.contractId, contractId), isNull(contractMilestones.acceptedAt)))
    .orderBy(asc(contractMilestones.seq));
  return rows.map((row) => row.description);
}

export async function updateContract(
  db: Queryable,
  id: string,
  expectedVersion: number,
  values: Partial<typeof contracts.$inferInsert>,
): Promise<ContractRow | undefined> {
  const [row] = await db
    .update(contracts)
    .set({ ...values, version: sql`${contracts.version} + 1` })
    .where(and(eq(contracts.id, id), eq(contracts.version, expectedVersion)))
    .returning();
  return row;
}

export async function insertClosure(db: Queryable, values: typeof contractClosures.$inferInsert): Promise<ClosureRow> {
  const [row] = await db.insert(contractClosures).values(values).returning();
  if (!row) throw new Error('closure insert returned nothing');
  return row;
}

export async function getClosure(db: Queryable, id: string, lock = false): Promise<ClosureRow | undefined> {
  const query = db.select().from(contractClosures).where(eq(contractClosures.id, id));
  const [row] = lock ? await query.for('update') : await query;
  return row;
}

export async function decideClosure(db: Queryable, id: string, values: Partial<typeof contractClosures.$inferInsert>) {
  const [row] = await db.update(contractClosures).set(values).where(eq(contractClosures.id, id)).returning();
  return row;
}

const requesterOfClosure = alias(users, 'closure_requester');
const deciderOfClosure = alias(users, 'closure_decider');

/** The contract's closure requests, newest first, with the names of who requested and decided. */
export async function findClosures(db: Queryable, contractId: string) {
  return db
    .select({ closure: contractClosures, requestedByName: requesterOfClosure.displayName, decidedByName: deciderOfClosure.displayName })
    .from(contractClosures)
    .innerJoin(requesterOfClosure, eq(requesterOfClosure.id, contractClosures.requestedBy))
    .leftJoin(deciderOfClosure, eq(deciderOfClosure.id, contractClosures.decidedBy))
    .where(eq(contractClosures.contractId, contractId))
    .orderBy(desc(contractClosures.requestedAt));
}

export type ClosureListRow = Awaited<ReturnType<typeof findClosures>>[number];
