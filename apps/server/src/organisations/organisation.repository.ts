import { asc, eq, inArray, sql } from 'drizzle-orm';
import { type Queryable, queryRows, ref } from '../db/connect.ts';
import { organisations } from '../db/schema.ts';

export type OrganisationRow = typeof organisations.$inferSelect;

/** The organisations and everything below them (a role over a department covers its units). */
export async function descendantIds(db: Queryable, roots: readonly string[]): Promise<string[]> {
  if (roots.length === 0) return [];
  const rows = await queryRows<{ id: string }>(
    db,
    sql`
    with recursive tree(id) as (
      select id from organisations where id in (${sql.join(
        roots.map((root) => sql`${root}::uuid`),
        sql`, `,
      )})
      union
      select o.id from organisations o join tree t on o.parent_id = t.id
    )
    select id from tree`,
  );
  return rows.map((row) => row.id);
}

/** The organisation and its ancestors, nearest first. */
export async function ancestorIds(db: Queryable, id: string): Promise<string[]> {
  const rows = await queryRows<{ id: string }>(
    db,
    sql`
    with recursive chain(id, parent_id, depth) as (
      select id, parent_id, 0 from organisations where id = ${id}::uuid
      union all
      select o.id, o.parent_id, c.depth + 1 from organisations o join chain c on o.id = c.parent_id
    )
    select id from chain order by depth`,
  );
  return rows.map((row) => row.id);
}

/** Each organisation's ancestors (itself included), for many organisations in one query. */
export async function ancestorsOf(db: Queryable, ids: readonly string[]): Promise<Map<string, Set<string>>> {
  const chains = new Map<string, Set<string>>();
  if (ids.length === 0) return chains;
  const rows = await queryRows<{ start: string; id: string }>(
    db,
    sql`
    with recursive chain(start, id, parent_id) as (
      select id, id, parent_id from organisations where id in (${sql.join(
        ids.map((id) => sql`${id}::uuid`),
        sql`, `,
      )})
      union all
      select c.start, o.id, o.parent_id from organisations o join chain c on o.id = c.parent_id
    )
    select start, id from chain`,
  );
  for (const row of rows) chains.set(row.start, (chains.get(row.start) ?? new Set()).add(row.id));
  return chains;
}

export async function getOrganisation(db: Queryable, id: string): Promise<OrganisationRow | undefined> {
  const [row] = await db.select().from(organisations).where(eq(organisations.id, id));
  return row;
}

export async function findOrganisations(db: Queryable, ids?: readonly string[]): Promise<OrganisationRow[]> {
  const query = db.select().from(organisations);
  return (ids ? query.where(inArray(organisations.id, [...ids])) : query).orderBy(asc(organisations.code));
}

/** The organisation with the number of its direct children of a kind (所属下级预算单位数量), in one query. */
export async function getOrganisationWithChildCount(db: Queryable, id: string, childKind: OrganisationRow['kind']) {
  const [row] = await db
    .select({
      organisation: organisations,
      children: sql<number>`(select count(*)::int from organisations c where c.parent_id = ${ref(organisations.id)} and c.kind = ${childKind})`,
    })
    .from(organisations)
    .where(eq(organisations.id, id));
  return row;
}
