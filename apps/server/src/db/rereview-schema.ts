import type { rereview as core } from '@jixiao/core';
import { boolean, date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { evaluations, fiscalYears, organisations, users } from './schema.ts';

/**
 * 抽查复核 (docs/finance-bureau.md §抽查复核): a round of the finance bureau's sampled re-review, the
 * evaluations it drew (with why each was drawn), and the re-score of each scored item. The round keeps
 * the rule, the seed and the population it drew from, so the draw can be shown and replayed.
 */
const at = (name: string) => timestamp(name, { withTimezone: true });

export type RereviewRuleColumn = core.SampleRule;

export const rereviewRounds = pgTable(
  'rereview_rounds',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** The finance bureau that runs the round. */
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    fiscalYear: integer('fiscal_year')
      .notNull()
      .references(() => fiscalYears.year),
    title: text('title').notNull(),
    rule: jsonb('rule').$type<RereviewRuleColumn>().notNull(),
    seed: text('seed').notNull(),
    /** The evaluations the draw ran over (submitted or approved when the round was created). */
    populationIds: jsonb('population_ids').$type<string[]>().notNull(),
    /** draft: the sample may still change; confirmed: fixed, re-scoring open. */
    status: text('status').$type<'draft' | 'confirmed'>().notNull().default('draft'),
    confirmedAt: at('confirmed_at'),
    published: boolean('published').notNull().default(false),
    publishedOn: date('published_on', { mode: 'string' }),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: at('created_at').notNull().defaultNow(),
    updatedAt: at('updated_at').notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (table) => [index('rereview_rounds_year_idx').on(table.fiscalYear)],
);

export const rereviewSamples = pgTable(
  'rereview_samples',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    roundId: uuid('round_id')
      .notNull()
      .references(() => rereviewRounds.id, { onDelete: 'cascade' }),
    evaluationId: uuid('evaluation_id')
      .notNull()
      .references(() => evaluations.id),
    reason: text('reason').$type<core.SampleReason>().notNull(),
    stratum: text('stratum'),
    status: text('status').$type<'open' | 'completed'>().notNull().default('open'),
    /** Hundredths of a point, fixed when completed: Σ self-scores and Σ re-scores of the items. */
    selfTotal: integer('self_total'),
    rereviewTotal: integer('rereview_total'),
    opinion: text('opinion'),
    completedBy: uuid('completed_by').references(() => users.id),
    completedAt: at('completed_at'),
    version: integer('version').notNull().default(1),
  },
  (table) => [uniqueIndex('rereview_samples_round_evaluation_key').on(table.roundId, table.evaluationId)],
);

export const rereviewScores = pgTable(
  'rereview_scores',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    sampleId: uuid('sample_id')
      .notNull()
      .references(() => rereviewSamples.id, { onDelete: 'cascade' }),
    /** indicator / execution / management, and the item's id (indicator id, "execution" or the item code). */
    itemKind: text('item_kind').$type<'indicator' | 'execution' | 'management'>().notNull(),
    itemId: text('item_id').notNull(),
    itemName: text('item_name').notNull(),
    /** Hundredths of a point, as the self-evaluation scored them when re-scored. */
    weight: integer('weight').notNull(),
    selfScore: integer('self_score').notNull(),
    score: integer('score').notNull(),
    reason: text('reason'),
    scoredBy: uuid('scored_by').references(() => users.id),
    scoredAt: at('scored_at').notNull().defaultNow(),
  },
  (table) => [uniqueIndex('rereview_scores_sample_item_key').on(table.sampleId, table.itemId)],
);
