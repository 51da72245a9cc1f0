import { and, asc, desc, eq, type SQL, sql } from 'drizzle-orm';
import { type Queryable, ref } from '../../db/connect.ts';
import { assets, organisations, stocktakeLines, stocktakes, users } from '../../db/schema.ts';
import { inScope, type Scope } from '../../policies/scope.ts';

export type StocktakeRow = typeof stocktakes.$inferSelect;

export async function insertStocktake(
  db: Queryable,
  values: typeof stocktakes.$inferInsert,
  lines: readonly Omit<typeof stocktakeLines.$inferInsert, 'stocktakeId'>[],
): Promise<StocktakeRow> {
  const [row] = await db.insert(stocktakes).values(values).returning();
  if (!row) throw new Error('stocktake insert returned nothing');
  await db.insert(stocktakeLines).values(lines.map((line) => ({ ...line, stocktakeId: row.id })));
  return row;
}

export async function findStocktakes(
  db: Queryable,
  filter: { scope: Scope; organisationId?: string | undefined; id?: string | undefined },
) {
  const conditions: SQL[] = [];
  const scoped = inScope(stocktakes.organisationId, filter.scope);
  if (scoped) conditions.push(scoped);
  if (filter.organisationId) conditions.push(eq(stocktakes.organisationId, filter.organisationId));
  if (filter.id) conditions.push(eq(stocktakes.id, filter.id));
  return db
    .select({
      stocktake: stocktakes,
      organisationName: organisations.name,
      performedByName: users.displayName,
      lineCount: sql<number>`(select count(*)::int from stocktake_lines l where l.stocktake_id = ${ref(stocktakes.id)})`,
      differenceCount: sql<number>`(select count(*)::int from stocktake_lines l
        where l.stocktake_id = ${ref(stocktakes.id)} and l.difference is not null)`,
    })
    .from(stocktakes)
    .innerJoin(organisations, eq(organisations.id, stocktakes.organisationId))
    .innerJoin(users, eq(users.id, stocktakes.performedBy))
    .where(conditions.length ? and(...conditions) : undefined)
    .orderBy(desc(stocktakes.takenOn), desc(stocktakes.createdAt));
}

export type StocktakeListRow = Awaited<ReturnType<typeof findStocktakes>>[number];

export async function findStocktakeLines(db: Queryable, stocktakeId: string) {
  return db
    .select({ line: stocktakeLines, assetCode: assets.code, assetName: assets.name, bookLocation: assets.location })
    .from(stocktakeLines)
    .innerJoin(assets, eq(assets.id, stocktakeLines.assetId))
    .where(eq(stocktakeLines.stocktakeId, stocktakeId))
    .orderBy(asc(assets.code));
}

/** Every count that included the asset, newest first: its 盘点 history. */
export async function findAssetStocktakes(db: Queryable, assetId: string) {
  return db
    .select({ line: stocktakeLines, takenOn: stocktakes.takenOn, performedByName: users.displayName })
    .from(stocktakeLines)
    .innerJoin(stocktakes, eq(stocktakes.id, stocktakeLines.stocktakeId))
    .innerJoin(users, eq(users.id, stocktakes.performedBy))
    .where(eq(stocktakeLines.assetId, assetId))
    .orderBy(desc(stocktakes.takenOn));
}
