import { sql } from 'drizzle-orm';
import { index, integer, numeric, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { indicatorLibrary, organisations } from './schema.ts';
import { targetDeclarations } from './targets-schema.ts';

/**
 * 指标库的使用记录 (docs/targets.md "指标库与历史"): one row per use of a library entry by a project in
 * a year, written when the declaration is approved (批复) and given its actual when the year-end
 * evaluation is published. History and suggestions read this narrow table with its indexes instead of
 * the approved versions' JSON snapshots. Rows without a declaration record years before the system.
 */
export const indicatorUsage = pgTable(
  'indicator_usage',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    libraryEntryId: uuid('library_entry_id')
      .notNull()
      .references(() => indicatorLibrary.id),
    fiscalYear: integer('fiscal_year').notNull(),
    /** The project's code (a department's 部门整体 form: the department's code): "the same project" across years. */
    projectCode: text('project_code').notNull(),
    projectName: text('project_name').notNull(),
    organisationId: uuid('organisation_id').references(() => organisations.id),
    organisationName: text('organisation_name').notNull(),
    declarationId: uuid('declaration_id').references(() => targetDeclarations.id, { onDelete: 'cascade' }),
    declaredIndicatorId: uuid('declared_indicator_id'),
    direction: text('direction').notNull(),
    unit: text('unit'),
    target: numeric('target'),
    targetText: text('target_text'),
    /** 实际完成值 of the published year-end evaluation. */
    actual: numeric('actual'),
    evaluationId: uuid('evaluation_id'),
    /** approved: from a 批复; history: a record of a year before the system. */
    source: text('source').$type<'approved' | 'history'>().notNull().default('approved'),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index('indicator_usage_entry_year_target_idx').on(table.libraryEntryId, table.fiscalYear, table.target),
    index('indicator_usage_entry_year_actual_idx').on(table.libraryEntryId, table.fiscalYear, table.actual),
    index('indicator_usage_project_year_idx').on(table.projectCode, table.fiscalYear),
    uniqueIndex('indicator_usage_declared_indicator_key')
      .on(table.declaredIndicatorId)
      .where(sql`${table.declaredIndicatorId} is not null`),
  ],
);

/**
 * The sorted targets and actuals of each entry and year, kept beside indicator_usage by the same
 * commands (and the history import): a quartile is then two array subscripts instead of a sort of
 * every peer's row, which is what keeps the suggestions for 50 lines over 10,000 projects fast.
 */
export const indicatorUsageValues = pgTable(
  'indicator_usage_values',
  {
    libraryEntryId: uuid('library_entry_id')
      .notNull()
      .references(() => indicatorLibrary.id),
    fiscalYear: integer('fiscal_year').notNull(),
    kind: text('kind').$type<'target' | 'actual'>().notNull(),
    /** Ascending, every use's value (a value used twice is there twice). */
    values: numeric('values').array().notNull(),
  },
  (table) => [primaryKey({ columns: [table.libraryEntryId, table.fiscalYear, table.kind] })],
);
