import type { overview } from '@jixiao/core';
import { integer, jsonb, pgTable, timestamp, uuid } from 'drizzle-orm/pg-core';
import { evaluations } from './schema.ts';

/**
 * 总览's per-evaluation facts (self-score, budget and execution, and the anomalies the rules found), kept for handed-in evaluations whose ledger figures are frozen: they change only with the
 * evaluation's revision, so a row whose revision and format still match is read instead of loading and
 * scoring the evaluation again. A derived cache: deleting every row is always safe.
 */
export const overviewFacts = pgTable('overview_facts', {
  evaluationId: uuid('evaluation_id')
    .primaryKey()
    .references(() => evaluations.id, { onDelete: 'cascade' }),
  revision: integer('revision').notNull(),
  /** The shape and rules the facts were computed with (OVERVIEW_FACTS_FORMAT); another value is a miss. */
  format: integer('format').notNull(),
  /** The facts themselves (`overview.OverviewFacts`; the column kept its first name). */
  input: jsonb('input').$type<overview.OverviewFacts>().notNull(),
  computedAt: timestamp('computed_at', { withTimezone: true }).notNull().defaultNow(),
});
