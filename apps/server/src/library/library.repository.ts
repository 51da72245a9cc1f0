import { targets } from '@jixiao/core';
import { and, asc, eq, inArray, ne, type SQL, sql } from 'drizzle-orm';
import { type Queryable, queryRows, readAll } from '../db/connect.ts';
import { indicatorLibrary, indicators, indicatorUsage, indicatorUsageValues, organisations, users } from '../db/schema.ts';

export type LibraryRow = typeof indicatorLibrary.$inferSelect;
export type LibraryInsert = typeof indicatorLibrary.$inferInsert;
export type UsageInsert = typeof indicatorUsage.$inferInsert;

export interface LibraryFilter {
  readonly category?: string | undefined;
  readonly industry?: string | undefined;
  readonly q?: string | undefined;
  readonly includeRetired?: boolean | undefined;
}

/** Text search over the code, name and definition; `%` and `_` typed by the user are literal. */
function matching(q: string): SQL {
  const pattern = `%${q.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
  return sql`(${indicatorLibrary.code} ilike ${pattern} or ${indicatorLibrary.name} ilike ${pattern} or coalesce(${indicatorLibrary.description}, '') ilike ${pattern})`;
}

export async function findLibraryEntries(db: Queryable, filter: LibraryFilter) {
  const conditions = [
    filter.category ? eq(indicatorLibrary.category, filter.category) : undefined,
    filter.industry ? eq(indicatorLibrary.industry, filter.industry) : undefined,
    filter.q?.trim() ? matching(filter.q.trim()) : undefined,
    filter.includeRetired ? undefined : eq(indicatorLibrary.status, 'active'),
  ];
  return db
    .select({ entry: indicatorLibrary, updatedByName: users.displayName })
    .from(indicatorLibrary)
    .leftJoin(users, eq(users.id, indicatorLibrary.updatedBy))
    .where(and(...conditions))
    .orderBy(asc(indicatorLibrary.category), asc(indicatorLibrary.code));
}

export async function findCategoriesAndIndustries(db: Queryable) {
  const rows = await db.selectDistinct({ category: indicatorLibrary.category, industry: indicatorLibrary.industry }).from(indicatorLibrary);
  const categories = [...new Set(rows.map((row) => row.category))].sort();
  const industries = [...new Set(rows.flatMap((row) => (row.industry ? [row.industry] : [])))].sort();
  return { categories, industries };
}

export async function getLibraryEntry(db: Queryable, id: string, lock = false) {
  const query = db
    .select({ entry: indicatorLibrary, updatedByName: users.displayName })
    .from(indicatorLibrary)
    .leftJoin(users, eq(users.id, indicatorLibrary.updatedBy))
    .where(eq(indicatorLibrary.id, id));
  const [row] = lock ? await query.for('update', { of: indicatorLibrary }) : await query;
  return row;
}

export async function findLibraryEntriesById(db: Queryable, ids: readonly string[]): Promise<LibraryRow[]> {
  if (ids.length === 0) return [];
  return db
    .select()
    .from(indicatorLibrary)
    .where(inArray(indicatorLibrary.id, [...ids]));
}

/** Another entry with this code, or with this name within the project type: the two keys maintainers may collide on. */
export async function findCollisions(db: Queryable, values: { code: string; category: string; name: string }, except?: string) {
  return db
    .select({ id: indicatorLibrary.id, code: indicatorLibrary.code, category: indicatorLibrary.category, name: indicatorLibrary.name })
    .from(indicatorLibrary)
    .where(
      and(
        sql`(${indicatorLibrary.code} = ${values.code} or (${indicatorLibrary.category} = ${values.category} and ${indicatorLibrary.name} = ${values.name}))`,
        except ? ne(indicatorLibrary.id, except) : undefined,
      ),
    );
}

export async function insertLibraryEntry(db: Queryable, values: LibraryInsert): Promise<LibraryRow> {
  const [row] = await db.insert(indicatorLibrary).values(values).returning();
  if (!row) throw new Error('library insert returned nothing');
  return row;
}

export async function updateLibraryEntry(db: Queryable, id: string, values: Partial<LibraryInsert>): Promise<LibraryRow> {
  const [row] = await db
    .update(indicatorLibrary)
    .set({ ...values, version: sql`${indicatorLibrary.version} + 1` })
    .where(eq(indicatorLibrary.id, id))
    .returning();
  if (!row) throw new Error('library update returned nothing');
  return row;
}

/** "used by N projects in YYYY": per entry, the latest year of use and its distinct projects. */
export async function latestUse(db: Queryable, ids: readonly string[]): Promise<Map<string, { year: number; projects: number }>> {
  if (ids.length === 0) return new Map();
  const rows = await queryRows<{ entry: string; year: number; projects: number }>(
    db,
    sql`select distinct on (u.library_entry_id) u.library_entry_id as entry, u.fiscal_year as year,
               count(distinct u.project_code)::int as projects
          from ${indicatorUsage} u
         where u.library_entry_id in (${list(ids)})
         group by u.library_entry_id, u.fiscal_year
         order by u.library_entry_id, u.fiscal_year desc`,
  );
  return new Map(rows.map((row) => [row.entry, { year: Number(row.year), projects: Number(row.projects) }]));
}

const list = (ids: readonly string[]) =>
  sql.join(
    ids.map((id) => sql`${id}::uuid`),
    sql`, `,
  );

/** The projects per year that used an entry. */
export async function projectsPerYear(db: Queryable, entryId: string): Promise<Map<number, number>> {
  const rows = await queryRows<{ year: number; projects: number }>(
    db,
    sql`select fiscal_year as year, count(distinct project_code)::int as projects from ${indicatorUsage}
         where library_entry_id = ${entryId}::uuid group by fiscal_year`,
  );
  return new Map(rows.map((row) => [Number(row.year), Number(row.projects)]));
}

export const USES_SHOWN = 500;

/** Every use of an entry, newest year first (at most USES_SHOWN), and how many there are. */
export async function findUses(db: Queryable, entryId: string) {
  const where = eq(indicatorUsage.libraryEntryId, entryId);
  const [rows, [total]] = await Promise.all([
    db
      .select({ usage: indicatorUsage, organisationName: sql<string>`coalesce(${organisations.name}, ${indicatorUsage.organisationName})` })
      .from(indicatorUsage)
      .leftJoin(organisations, eq(organisations.id, indicatorUsage.organisationId))
      .where(where)
      .orderBy(sql`${indicatorUsage.fiscalYear} desc`, asc(indicatorUsage.organisationName), asc(indicatorUsage.projectCode))
      .limit(USES_SHOWN),
    db.select({ count: sql<number>`count(*)::int` }).from(indicatorUsage).where(where),
  ]);
  return { rows, total: Number(total?.count ?? 0) };
}

/** One value at one rank of the sorted targets (or actuals) of an entry in a year, the project's own excluded. */
export interface RankedValue {
  readonly entry: string;
  readonly year: number;
  readonly kind: 'target' | 'actual';
  readonly count: number;
  readonly rank: number;
  readonly value: string;
}

type Key = { entry: string; year: number; kind: 'target' | 'actual' };
const keyOf = (row: Key) => `${row.entry}:${row.year}:${row.kind}`;
const values = (rows: readonly SQL[]) => sql.join([...rows], sql`, `);

/**
 * The values at the ranks the statistics need (core's statisticRanks), per entry, year and kind,
 * read as subscripts of the sorted arrays in indicator_usage_values: the size of each array, the
 * places of the project's own values in it (excluded), then at most eight elements each. Nothing
 * is sorted at read time and no peer's value travels but those; the values stay `numeric` text and
 * the core interpolates them exactly (percentile_cont would answer a double).
 */
export async function rankedValues(
  db: Queryable,
  where: { entries: readonly string[]; year?: number | undefined; excludeProject?: string | undefined },
): Promise<RankedValue[]> {
  if (where.entries.length === 0) return [];
  const year = where.year === undefined ? sql`` : sql` and v.fiscal_year = ${where.year}`;
  // The sizes and the project's own places do not depend on each other: one round trip for both.
  const [sizes, excluded] = await readAll(db, [
    () =>
      queryRows<Key & { n: number }>(
        db,
        sql`select v.library_entry_id as entry, v.fiscal_year as year, v.kind, cardinality(v.values) as n
              from ${indicatorUsageValues} v where v.library_entry_id in (${list(where.entries)})${year}`,
      ),
    () => (where.excludeProject === undefined ? Promise.resolve(new Map<string, number[]>()) : ownPlaces(db, where, year)),
  ]);
  if (sizes.length === 0) return [];
  const wanted: (Key & { count: number; rank: number; at: number })[] = [];
  for (const size of sizes) {
    const key = { entry: size.entry, year: Number(size.year), kind: size.kind };
    const skip = excluded.get(keyOf(key)) ?? [];
    const count = Number(size.n) - skip.length;
    for (const rank of targets.statisticRanks(count)) {
      // The rank among the peers, as a place in the whole array: step over each excluded place at or before it.
      let at = rank;
      for (const place of skip) if (place <= at) at += 1;
      wanted.push({ ...key, count, rank, at: at + 1 });
    }
  }
  if (wanted.length === 0) return [];
  const rows = await queryRows<Key & { count: number; rank: number; value: string }>(
    db,
    sql`select w.entry, w.year, w.kind, w.count, w.rank, v.values[w.at]::text as value
          from (values ${values(wanted.map((row) => sql`(${row.entry}::uuid, ${row.year}::int, ${row.kind}::text, ${row.count}::int, ${row.rank}::int, ${row.at}::int)`))})
               as w(entry, year, kind, count, rank, at)
          join ${indicatorUsageValues} v on v.library_entry_id = w.entry and v.fiscal_year = w.year and v.kind = w.kind`,
  );
  return rows.map((row) => ({ ...row, year: Number(row.year), count: Number(row.count), rank: Number(row.rank) }));
}

/** The 0-based places of the project's own values in each sorted array (a value used k times: k places from its first). */
async function ownPlaces(
  db: Queryable,
  where: { entries: readonly string[]; excludeProject?: string | undefined },
  year: SQL,
): Promise<Map<string, number[]>> {
  const rows = await queryRows<Key & { first: number; copies: number }>(
    db,
    sql`select o.entry, o.year, o.kind, array_position(v.values, o.value) - 1 as first, count(*)::int as copies
          from (select u.library_entry_id as entry, u.fiscal_year as year, k.kind, k.value
                  from ${indicatorUsage} u
                  cross join lateral (values ('target', u.target), ('actual', u.actual)) as k(kind, value)
                 where u.project_code = ${where.excludeProject ?? ''} and u.library_entry_id in (${list(where.entries)}) and k.value is not null) o
          join ${indicatorUsageValues} v on v.library_entry_id = o.entry and v.fiscal_year = o.year and v.kind = o.kind
          where true${year}
          group by o.entry, o.year, o.kind, o.value, v.values`,
  );
  const places = new Map<string, number[]>();
  for (const row of rows) {
    const key = keyOf({ entry: row.entry, year: Number(row.year), kind: row.kind });
    const first = Number(row.first);
    const list = places.get(key) ?? [];
    for (let copy = 0; copy < Number(row.copies); copy += 1) list.push(first + copy);
    places.set(
      key,
      list.sort((a, b) => a - b),
    );
  }
  return places;
}

/**
 * Rebuilds the sorted arrays of these entries and years from indicator_usage, after the uses
 * changed. The entries are locked first (in id order), so two approvals touching the same entry
 * rebuild one after the other and the second sees the first's rows.
 */
export async function refreshUsageValues(db: Queryable, pairs: readonly { entry: string; year: number }[]): Promise<void> {
  const unique = [...new Map(pairs.map((pair) => [`${pair.entry}:${pair.year}`, pair])).values()];
  if (unique.length === 0) return;
  const entries = [...new Set(unique.map((pair) => pair.entry))].sort();
  await db.execute(sql`select id from ${indicatorLibrary} where id in (${list(entries)}) order by id for no key update`);
  const scope = sql`(values ${values(unique.map((pair) => sql`(${pair.entry}::uuid, ${pair.year}::int)`))}) as p(entry, year)`;
  await db.execute(sql`delete from ${indicatorUsageValues} v using ${scope} where v.library_entry_id = p.entry and v.fiscal_year = p.year`);
  await db.execute(sql`
    insert into ${indicatorUsageValues} (library_entry_id, fiscal_year, kind, values)
    select u.library_entry_id, u.fiscal_year, k.kind, array_agg(k.value order by k.value)
      from ${indicatorUsage} u
      join ${scope} on u.library_entry_id = p.entry and u.fiscal_year = p.year
      cross join lateral (values ('target', u.target), ('actual', u.actual)) as k(kind, value)
     where k.value is not null
     group by 1, 2, 3`);
}

/** Rebuilds every sorted array (after a bulk import of history). */
export async function refreshAllUsageValues(db: Queryable): Promise<void> {
  await db.execute(sql`delete from ${indicatorUsageValues}`);
  await db.execute(sql`
    insert into ${indicatorUsageValues} (library_entry_id, fiscal_year, kind, values)
    select u.library_entry_id, u.fiscal_year, k.kind, array_agg(k.value order by k.value)
      from ${indicatorUsage} u
      cross join lateral (values ('target', u.target), ('actual', u.actual)) as k(kind, value)
     where k.value is not null
     group by 1, 2, 3`);
}

/** The entries and years of the uses of a declaration or an evaluation, whose arrays a change touches. */
export async function usagePairs(db: Queryable, of: { declarationId: string } | { evaluationId: string }) {
  const rows = await db
    .selectDistinct({ entry: indicatorUsage.libraryEntryId, year: indicatorUsage.fiscalYear })
    .from(indicatorUsage)
    .where('declarationId' in of ? eq(indicatorUsage.declarationId, of.declarationId) : eq(indicatorUsage.evaluationId, of.evaluationId));
  return rows;
}

/** The project's own uses of the entries in a year (last year's target and actual). */
export async function ownUses(db: Queryable, entries: readonly string[], year: number, projectCode: string) {
  if (entries.length === 0) return [];
  return db
    .select({ entry: indicatorUsage.libraryEntryId, target: indicatorUsage.target, actual: indicatorUsage.actual })
    .from(indicatorUsage)
    .where(
      and(
        inArray(indicatorUsage.libraryEntryId, [...entries]),
        eq(indicatorUsage.fiscalYear, year),
        eq(indicatorUsage.projectCode, projectCode),
      ),
    );
}

/** Writes (or rewrites, after a later approved version) the uses of an approved declaration's lines. */
export async function upsertUsage(db: Queryable, rows: readonly UsageInsert[]): Promise<void> {
  if (rows.length === 0) return;
  await db
    .insert(indicatorUsage)
    .values([...rows])
    .onConflictDoUpdate({
      target: indicatorUsage.declaredIndicatorId,
      targetWhere: sql`${indicatorUsage.declaredIndicatorId} is not null`,
      set: {
        libraryEntryId: sql`excluded.library_entry_id`,
        direction: sql`excluded.direction`,
        unit: sql`excluded.unit`,
        target: sql`excluded.target`,
        targetText: sql`excluded.target_text`,
        recordedAt: sql`excluded.recorded_at`,
      },
    });
}

/** Lines no longer bound to the library (or removed) in a later approved version drop out of the history. */
export async function deleteUsageExcept(db: Queryable, declarationId: string, keep: readonly string[]): Promise<void> {
  await db
    .delete(indicatorUsage)
    .where(
      and(
        eq(indicatorUsage.declarationId, declarationId),
        keep.length > 0 ? sql`${indicatorUsage.declaredIndicatorId} not in (${list(keep)})` : undefined,
      ),
    );
}

/** The published evaluation's actuals onto the uses of the lines it was opened from. */
export async function recordActuals(db: Queryable, evaluationId: string): Promise<void> {
  await db.execute(sql`
    update ${indicatorUsage} u set actual = i.actual, evaluation_id = i.evaluation_id
      from ${indicators} i
     where i.evaluation_id = ${evaluationId}::uuid and i.declared_indicator_id = u.declared_indicator_id`);
}

/** The roles the principal holds over a finance bureau (财政局). */
export async function rolesOverBureaus(db: Queryable, grants: readonly { role: string; organisationId: string }[]) {
  const ids = [...new Set(grants.map((grant) => grant.organisationId))];
  if (ids.length === 0) return [];
  const bureaus = await db
    .select({ id: organisations.id })
    .from(organisations)
    .where(and(inArray(organisations.id, ids), eq(organisations.kind, 'finance-bureau')));
  const bureauIds = new Set(bureaus.map((row) => row.id));
  return grants.filter((grant) => bureauIds.has(grant.organisationId)).map((grant) => grant.role);
}
