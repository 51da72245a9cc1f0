import { bigint, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { fiscalYears, organisations, projects, users } from './schema.ts';

/**
 * 事前绩效评估 of a new project before it is budgeted (docs/targets.md): one per project and year,
 * graded sub-item by sub-item, then concluded once. Points are integer hundredths, money integer fen.
 */
export const exAnteAssessments = pgTable(
  'ex_ante_assessments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id),
    fiscalYear: integer('fiscal_year')
      .notNull()
      .references(() => fiscalYears.year),
    /** 申请资金 as proposed, for the report and the amount rule. */
    fundsFen: bigint('funds_fen', { mode: 'number' }).notNull(),
    entries: jsonb('entries').$type<{ code: string; grade?: string; opinion?: string }[]>().notNull().default([]),
    /** 'support' | 'adjust' | 'reject' once concluded; null before. */
    conclusion: text('conclusion').$type<'support' | 'adjust' | 'reject'>(),
    /** The total at conclusion, in hundredths: the figure the conclusion was drawn from. */
    totalPoints: integer('total_points'),
    /** 评估意见 (overall). */
    opinion: text('opinion'),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    concludedBy: uuid('concluded_by').references(() => users.id),
    concludedAt: timestamp('concluded_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
  },
  (table) => [
    uniqueIndex('ex_ante_assessments_project_year_key').on(table.projectId, table.fiscalYear),
    index('ex_ante_assessments_org_year_idx').on(table.organisationId, table.fiscalYear),
  ],
);
