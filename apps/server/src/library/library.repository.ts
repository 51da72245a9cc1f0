import { asc, eq } from 'drizzle-orm';
import type { Queryable } from '../db/connect.ts';
import { indicatorLibrary } from '../db/schema.ts';

export async function findLibraryIndicators(db: Queryable, category: string | undefined) {
  return db
    .select()
    .from(indicatorLibrary)
    .where(category ? eq(indicatorLibrary.category, category) : undefined)
    .orderBy(asc(indicatorLibrary.category), asc(indicatorLibrary.level1), asc(indicatorLibrary.level2));
}
