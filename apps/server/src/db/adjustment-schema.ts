import { sql } from 'drizzle-orm';
import { index, integer, jsonb, numeric, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { organisations, users } from './schema.ts';
import { targetDeclarations } from './targets-schema.ts';

/**
 * 绩效目标调整 (docs/targets.md "目标调整"): a unit's request to change an approved declaration's targets,
 * its changes (each with reason and evidence) and its review steps. The approval writes the next
 * `declaration_versions` row; these tables keep the request and what it changed.
 */
const at = (name: string) => timestamp(name, { withTimezone: true });
const user = (name: string) => uuid(name).references(() => users.id);

export type AdjustmentStatusColumn = 'draft' | 'submitted' | 'department_approved' | 'returned' | 'approved' | 'rejected';

/** One piece of evidence (佐证材料): what it is, and where it can be read if online. */
export interface AdjustmentEvidenceColumn {
  description: string;
  link?: string | undefined;
}

export const targetAdjustments = pgTable(
  'target_adjustments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    declarationId: uuid('declaration_id')
      .notNull()
      .references(() => targetDeclarations.id, { onDelete: 'cascade' }),
    /** The declaring unit (copied from the declaration for scope and lists). */
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    fiscalYear: integer('fiscal_year').notNull(),
    /** The approved version the changes were written against; the approval refuses if a newer one exists. */
    baseVersion: integer('base_version').notNull(),
    status: text('status').$type<AdjustmentStatusColumn>().notNull().default('draft'),
    /** Everyone who drafted, edited or submitted the request: they may not approve it. */
    preparers: jsonb('preparers').$type<string[]>().notNull().default([]),
    /** The preparer's reason for each warning of the declaration checks on the adjusted set, by finding key. */
    warningReasons: jsonb('warning_reasons').$type<Record<string, string>>().notNull().default({}),
    /** The version written by the approval. */
    resultVersion: integer('result_version'),
    createdBy: user('created_by').notNull(),
    createdAt: at('created_at').notNull().defaultNow(),
    updatedAt: at('updated_at').notNull().defaultNow(),
    decidedAt: at('decided_at'),
    version: integer('version').notNull().default(1),
  },
  (table) => [
    index('target_adjustments_org_year_idx').on(table.organisationId, table.fiscalYear),
    // One open request per declaration at a time.
    uniqueIndex('target_adjustments_open_key').on(table.declarationId).where(sql`${table.status} not in ('approved', 'rejected')`),
  ],
);

export const targetAdjustmentChanges = pgTable(
  'target_adjustment_changes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    adjustmentId: uuid('adjustment_id')
      .notNull()
      .references(() => targetAdjustments.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    kind: text('kind').$type<'target' | 'add' | 'drop'>().notNull(),
    /** The approved line changed or dropped, or the id an added line keeps in the next version. */
    indicatorId: uuid('indicator_id').notNull(),
    /** 调整后指标值 (target changes). */
    target: numeric('target'),
    targetText: text('target_text'),
    /** The added line, all its declaration fields. */
    indicator: jsonb('indicator').$type<Record<string, unknown>>(),
    reason: text('reason').notNull(),
    evidence: jsonb('evidence').$type<AdjustmentEvidenceColumn[]>().notNull().default([]),
  },
  (table) => [index('target_adjustment_changes_adjustment_idx').on(table.adjustmentId, table.position)],
);

export const targetAdjustmentSteps = pgTable(
  'target_adjustment_steps',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    adjustmentId: uuid('adjustment_id')
      .notNull()
      .references(() => targetAdjustments.id, { onDelete: 'cascade' }),
    action: text('action').notNull(),
    fromStatus: text('from_status'),
    toStatus: text('to_status').notNull(),
    stage: text('stage').notNull(),
    actorId: user('actor_id').notNull(),
    opinion: text('opinion'),
    at: at('at').notNull().defaultNow(),
  },
  (table) => [index('target_adjustment_steps_adjustment_idx').on(table.adjustmentId, table.at)],
);
