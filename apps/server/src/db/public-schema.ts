import type { SelfEvaluationTable } from '@jixiao/core';
import { jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { publishedReports } from './schema.ts';

/**
 * 公开 (docs/finance-bureau.md §公开): what the public site needs of a published report beyond its frozen
 * HTML and .docx — the 自评表 (header block, indicator rows, each 一级指标's score and weight for the chart),
 * frozen with the report at publication; and the preparer's phone, kept apart from the public documents and
 * shown only where the department opted in (public_settings). Withdrawing the report removes the row.
 */
export const publishedFigures = pgTable('published_figures', {
  evaluationId: uuid('evaluation_id')
    .primaryKey()
    .references(() => publishedReports.evaluationId, { onDelete: 'cascade' }),
  selfEvaluation: jsonb('self_evaluation').$type<SelfEvaluationTable>().notNull(),
  /** 填报人联系电话 as it was at publication; '' when none was given. */
  preparerPhone: text('preparer_phone').notNull().default(''),
});
