import { sql } from 'drizzle-orm';
import { date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { organisations, users } from './schema.ts';

/**
 * 整改 (docs/finance-bureau.md "整改"): the notices the finance bureau (or a department over its units)
 * issues, and each step taken on them. The source is a kind plus, where there is a record, its id
 * (an evaluation's for 自评; the re-review module's later), and always a readable title.
 */
const at = (name: string) => timestamp(name, { withTimezone: true });
const user = (name: string) => uuid(name).references(() => users.id);

export type RectificationStatusColumn = 'issued' | 'feedback_submitted' | 'reopened' | 'closed';
export type RectificationSourceKindColumn = 'self-evaluation' | 'monitoring' | 're-review' | 'audit' | 'other';

/** One piece of evidence (佐证材料) of a feedback: what it is, and where it can be read if online. */
export interface RectificationEvidenceColumn {
  description: string;
  link?: string | undefined;
}

export const rectifications = pgTable(
  'rectifications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** The unit or department noticed: the owner of the rectification. */
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    /** The year the problem belongs to: open items carry into the declarations of the year after. */
    fiscalYear: integer('fiscal_year').notNull(),
    sourceKind: text('source_kind').$type<RectificationSourceKindColumn>().notNull(),
    /** The source record (an evaluation id for 自评) or a free reference (an audit report's number); null when none. */
    sourceId: text('source_id'),
    sourceTitle: text('source_title').notNull(),
    problem: text('problem').notNull(),
    measures: jsonb('measures').$type<string[]>().notNull().default([]),
    /** A named responsible person in the unit, if the notice names one. */
    ownerName: text('owner_name'),
    deadline: date('deadline').notNull(),
    status: text('status').$type<RectificationStatusColumn>().notNull().default('issued'),
    issuedBy: user('issued_by').notNull(),
    issuedAt: at('issued_at').notNull().defaultNow(),
    closedAt: at('closed_at'),
    updatedAt: at('updated_at').notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (table) => [
    index('rectifications_org_year_idx').on(table.organisationId, table.fiscalYear),
    index('rectifications_status_idx').on(table.status, table.deadline),
    // One item cannot be noticed twice: at most one open notice per source and unit.
    uniqueIndex('rectifications_open_source_key')
      .on(table.sourceKind, table.sourceId, table.organisationId)
      .where(sql`${table.status} <> 'closed' and ${table.sourceId} is not null`),
  ],
);

/** The history of a notice: issued, each feedback with its evidence, each verification with its opinion. */
export const rectificationSteps = pgTable(
  'rectification_steps',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    rectificationId: uuid('rectification_id')
      .notNull()
      .references(() => rectifications.id, { onDelete: 'cascade' }),
    action: text('action').$type<'issue' | 'feedback' | 'close' | 'reopen'>().notNull(),
    fromStatus: text('from_status'),
    toStatus: text('to_status').notNull(),
    actorId: user('actor_id').notNull(),
    /** The feedback's account of what was done, or the verifier's opinion. */
    text: text('text'),
    evidence: jsonb('evidence').$type<RectificationEvidenceColumn[]>().notNull().default([]),
    at: at('at').notNull().defaultNow(),
  },
  (table) => [index('rectification_steps_rectification_idx').on(table.rectificationId, table.at)],
);
