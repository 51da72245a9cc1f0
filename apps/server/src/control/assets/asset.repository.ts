import { and, asc, desc, eq, ilike, inArray, like, or, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { type Queryable, queryRows } from '../../db/connect.ts';
import { containsPattern } from '../../db/like.ts';
import { assetDisposals, assets, contracts, organisations, users } from '../../db/schema.ts';
import { inScope, type Scope } from '../../policies/scope.ts';

export type AssetRow = typeof assets.$inferSelect;
export type AssetInsert = typeof assets.$inferInsert;
export type DisposalRow = typeof assetDisposals.$inferSelect;

export interface AssetFilter {
  readonly scope: Scope;
  readonly organisationId?: string | undefined;
  readonly status?: AssetRow['status'] | undefined;
  readonly custodianId?: string | undefined;
  readonly contractId?: string | undefined;
  readonly ids?: readonly string[] | undefined;
  /** Part of the code, name, category, location or custodian, as typed (literal). */
  readonly q?: string | undefined;
}

const custodian = alias(users, 'custodian');
const requester = alias(users, 'requester');
const decider = alias(users, 'decider');

export async function findAssets(db: Queryable, filter: AssetFilter) {
  const conditions: SQL[] = [];
  const scoped = inScope(assets.organisationId, filter.scope);
  if (scoped) conditions.push(scoped);
  if (filter.organisationId) conditions.push(eq(assets.organisationId, filter.organisationId));
  if (filter.status) conditions.push(eq(assets.status, filter.status));
  if (filter.custodianId) conditions.push(eq(assets.custodianId, filter.custodianId));
  if (filter.contractId) conditions.push(eq(assets.contractId, filter.contractId));
  if (filter.ids) conditions.push(inArray(assets.id, [...filter.ids]));
  if (filter.q) {
    const pattern = containsPattern(filter.q);
    const matched = or(
      ilike(assets.code, pattern),
      ilike(assets.name, pattern),
      ilike(assets.category, pattern),
      ilike(assets.location, pattern),
      ilike(custodian.displayName, pattern),
    );
    if (matched) conditions.push(matched);
  }
  return db
    .select({ asset: assets, organisationName: organisations.name, contractCode: contracts.code, custodianName: custodian.displayName })
    .from(assets)
    .innerJoin(organisations, eq(organisations.id, assets.organisationId))
    .innerJoin(custodian, eq(custodian.id, assets.custodianId))
    .leftJoin(contracts, eq(contracts.id, assets.contractId))
    .where(conditions.length ? and(...conditions) : undefined)
    .orderBy(asc(organisations.code), asc(assets.code));
}

export type AssetListRow = Awaited<ReturnType<typeof findAssets>>[number];

export async function getAsset(db: Queryable, id: string, lock = false): Promise<AssetRow | undefined> {
  const query = db.select().from(assets).where(eq(assets.id, id));
  const [row] = lock ? await query.for('update') : await query;
  return row;
}

export async function insertAssets(db: Queryable, values: readonly AssetInsert[]): Promise<AssetRow[]> {
  if (values.length === 0) return [];
  return db
    .insert(assets)
    .values([...values])
    .returning();
}

export async function updateAsset(
  db: Queryable,
  id: string,
  expectedVersion: number,
  values: Partial<AssetInsert>,
): Promise<AssetRow | undefined> {
  const [row] = await db
    .update(assets)
    .set({ ...values, version: sql`${assets.version} + 1` })
    .where(and(eq(assets.id, id), eq(assets.version, expectedVersion)))
    .returning();
  return row;
}

/** The highest number among the organisation's codes of the form `${prefix}NNNN` (0 when none). */
export async function lastAssetNumber(db: Queryable, organisationId: string, prefix: string): Promise<number> {
  const [row] = await db
    .select({ value: sql<number>`coalesce(max(substring(${assets.code} from ${`^${prefix}(\\d+)$`})::int), 0)` })
    .from(assets)
    .where(and(eq(assets.organisationId, organisationId), like(assets.code, `${prefix}%`)));
  return Number(row?.value ?? 0);
}

/** The value already carded from one milestone: cards may not add up to more than was delivered. */
export async function valueCardedFrom(db: Queryable, milestoneId: string): Promise<number> {
  const [row] = await db
    .select({ value: sql<number>`coalesce(sum(${assets.valueFen}), 0)::bigint` })
    .from(assets)
    .where(eq(assets.milestoneId, milestoneId));
  return Number(row?.value ?? 0);
}

/**
 * The users among `ids` who can keep an asset of the organisation: active, and belonging to it or
 * an organisation above it, or holding a post there.
 */
export async function custodiansOf(db: Queryable, organisationId: string, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await queryRows<{ id: string }>(
    db,
    sql`with recursive chain(id, parent_id) as (
        select id, parent_id from organisations where id = ${organisationId}::uuid
        union all
        select o.id, o.parent_id from organisations o join chain c on o.id = c.parent_id)
      select u.id from users u
      where u.id in (${sql.join(
        ids.map((id) => sql`${id}::uuid`),
        sql`, `,
      )})
        and not u.disabled
        and (u.organisation_id in (select id from chain)
          or exists (select 1 from user_roles r where r.user_id = u.id and r.organisation_id in (select id from chain)))`,
  );
  return new Set(rows.map((row) => row.id));
}

export async function findDisposals(db: Queryable, assetId: string) {
  return db
    .select({ disposal: assetDisposals, requestedByName: requester.displayName, decidedByName: decider.displayName })
    .from(assetDisposals)
    .innerJoin(requester, eq(requester.id, assetDisposals.requestedBy))
    .leftJoin(decider, eq(decider.id, assetDisposals.decidedBy))
    .where(eq(assetDisposals.assetId, assetId))
    .orderBy(desc(assetDisposals.requestedAt));
}

export async function getDisposal(db: Queryable, id: string): Promise<DisposalRow | undefined> {
  const [row] = await db.select().from(assetDisposals).where(eq(assetDisposals.id, id));
  return row;
}

export async function insertDisposal(db: Queryable, values: typeof assetDisposals.$inferInsert): Promise<DisposalRow> {
  const [row] = await db.insert(assetDisposals).values(values).returning();
  if (!row) throw new Error('disposal insert returned nothing');
  return row;
}

/** Decides a disposal still awaiting its decision. */
export async function decideDisposal(
  db: Queryable,
  id: string,
  values: Pick<DisposalRow, 'status' | 'decidedBy' | 'decidedAt' | 'comment'>,
): Promise<DisposalRow | undefined> {
  const [row] = await db
    .update(assetDisposals)
    .set(values)
    .where(and(eq(assetDisposals.id, id), eq(assetDisposals.status, 'requested')))
    .returning();
  return row;
}
