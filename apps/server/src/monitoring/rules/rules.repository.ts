import { and, desc, eq, inArray } from 'drizzle-orm';
import type { Queryable } from '../../db/connect.ts';
import { monitoringRuleSets, organisations, users } from '../../db/schema.ts';

export type RuleSetRow = typeof monitoringRuleSets.$inferSelect;

/** Saved versions of one region and year, newest first, with who saved each. */
export async function findVersions(db: Queryable, region: string, fiscalYear: number) {
  return db
    .select({ row: monitoringRuleSets, savedBy: users.displayName })
    .from(monitoringRuleSets)
    .leftJoin(users, eq(users.id, monitoringRuleSets.createdBy))
    .where(and(eq(monitoringRuleSets.region, region), eq(monitoringRuleSets.fiscalYear, fiscalYear)))
    .orderBy(desc(monitoringRuleSets.version));
}

export async function findLatest(db: Queryable, region: string, fiscalYear: number): Promise<RuleSetRow | undefined> {
  const [row] = await db
    .select()
    .from(monitoringRuleSets)
    .where(and(eq(monitoringRuleSets.region, region), eq(monitoringRuleSets.fiscalYear, fiscalYear)))
    .orderBy(desc(monitoringRuleSets.version))
    .limit(1);
  return row;
}

export async function insertVersion(db: Queryable, values: typeof monitoringRuleSets.$inferInsert): Promise<RuleSetRow> {
  const [row] = await db.insert(monitoringRuleSets).values(values).returning();
  if (!row) throw new Error('insert returned no row');
  return row;
}

/** Which of these organisations are finance bureaus (where a rule-table administrator must sit). */
export async function financeBureausAmong(db: Queryable, ids: readonly string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .select({ id: organisations.id })
    .from(organisations)
    .where(and(inArray(organisations.id, [...ids]), eq(organisations.kind, 'finance-bureau')));
  return rows.map((row) => row.id);
}
