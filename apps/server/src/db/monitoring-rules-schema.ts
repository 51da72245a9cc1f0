import { index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from './schema.ts';

/**
 * 监控预警规则表 (docs/monitoring.md 预警规则): each save is a new version, never an update, so a
 * monitoring round can always say which thresholds its lights were computed with.
 */
export const monitoringRuleSets = pgTable(
  'monitoring_rule_sets',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Region code; '' is the whole installation. */
    region: text('region').notNull(),
    fiscalYear: integer('fiscal_year').notNull(),
    version: integer('version').notNull(),
    /** The core's MonitoringRuleSet without region, year and version (those are the columns). */
    rules: jsonb('rules').$type<Record<string, unknown>>().notNull(),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex('monitoring_rule_sets_region_year_version_key').on(table.region, table.fiscalYear, table.version),
    index('monitoring_rule_sets_year_idx').on(table.fiscalYear),
  ],
);
