import { and, asc, eq, inArray, ne, type SQL, sql } from 'drizzle-orm';
import { type Queryable, queryRows } from '../db/connect.ts';
import { indicatorLibrary, indicators, indicatorUsage, organisations, users } from '../db/schema.ts';

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

/** One value at one rank of the sorted targets (or actuals) of an entry in a year. */
export interface RankedValue {
  readonly entry: string;
  readonly year: number;
  readonly kind: 'target' | 'actual';
  readonly count: number;
  readonly rank: number;
  readonly value: string;
}

/**
 * The values at the ranks the statistics need (core's statisticRanks: the extremes and the two
 * neighbours of each quartile's position), per entry, year and kind, so the database sorts through
 * its index and sends at most eight rows per distribution instead of every peer's value. The values
 * stay `numeric` text and the core interpolates them exactly (percentile_cont would answer a double).
 */
export async function rankedValues(
  db: Queryable,
  where: { entries: readonly string[]; year?: number | undefined; excludeProject?: string | undefined },
): Promise<RankedValue[]> {
  if (where.entries.length === 0) return [];
  const filter = sql.join(
    [
      sql`library_entry_id in (${list(where.entries)})`,
      where.year === undefined ? undefined : sql`fiscal_year = ${where.year}`,
      where.excludeProject === undefined ? undefined : sql`project_code <> ${where.excludeProject}`,
    ].filter((part): part is SQL => part !== undefined),
    sql` and `,
  );
  const ranked = (column: 'target' | 'actual') => sql`
    select library_entry_id as entry, fiscal_year as year, ${column}::text as kind, ${sql.raw(column)} as value,
           (row_number() over (partition by library_entry_id, fiscal_year order by ${sql.raw(column)}) - 1)::int as rank,
           (count(*) over (partition by library_entry_id, fiscal_year))::int as n
      from ${indicatorUsage}
     where ${filter} and ${sql.raw(column)} is not null`;
  const rows = await queryRows<{ entry: string; year: number; kind: 'target' | 'actual'; n: number; rank: number; value: string }>(
    db,
    sql`with ranked as (${ranked('target')} union all ${ranked('actual')})
        select entry, year, kind, n, rank, value::text as value from ranked
         where rank = 0 or rank = n - 1
            or rank in ((n - 1) / 4, (n + 2) / 4, (n - 1) / 2, n / 2, 3 * (n - 1) / 4, (3 * (n - 1) + 3) / 4)`,
  );
  return rows.map((row) => ({
    entry: row.entry,
    year: Number(row.year),
    kind: row.kind,
    count: Number(row.n),
    rank: Number(row.rank),
    value: row.value,
  }));
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
