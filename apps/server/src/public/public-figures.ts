import type { ReportModel } from '@jixiao/core';
import type { Queryable } from '../db/connect.ts';
import { publishedFigures } from '../db/schema.ts';

/** The header field of the report that holds the preparer's phone (填报人联系电话). */
const PHONE_LABEL = '联系电话';

/**
 * The report as the public may download it: the same blocks without the preparer's phone, a personal
 * detail the department publishes only by choice (public_settings), shown on the page, never in the files.
 */
export function withoutPreparerPhone(model: ReportModel): ReportModel {
  return {
    ...model,
    blocks: model.blocks.map((block) =>
      block.type === 'fields' ? { ...block, rows: block.rows.filter(([label]) => label !== PHONE_LABEL) } : block,
    ),
  };
}

/** Frozen with the report in the publication's transaction; a re-publication replaces it. */
export async function savePublishedFigures(db: Queryable, row: typeof publishedFigures.$inferInsert): Promise<void> {
  await db
    .insert(publishedFigures)
    .values(row)
    .onConflictDoUpdate({
      target: publishedFigures.evaluationId,
      set: { selfEvaluation: row.selfEvaluation, preparerPhone: row.preparerPhone },
    });
}
