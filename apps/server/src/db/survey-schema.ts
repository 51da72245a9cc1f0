import type { surveys as core } from '@jixiao/core';
import { boolean, date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { fiscalYears, indicators, organisations, users } from './schema.ts';
import { declaredIndicators } from './targets-schema.ts';

/**
 * 满意度调查 (docs/surveys.md): a survey's design and plan, the indicators it feeds, its one-time
 * invitation codes and its responses. Answers are written once and never updated; staff exclude a
 * response (with a reason, audited) instead of changing it.
 */
const at = (name: string) => timestamp(name, { withTimezone: true });

export interface SurveyPlanColumn {
  /** N; null when unknown. */
  population: number | null;
  /** 'manual' or 'subsidy-register' (the recipients granted in the survey's year, counted when saved). */
  populationSource: 'manual' | 'subsidy-register';
  confidence: core.Confidence;
  /** e and r in basis points (500 = ±5 %, 6000 = 60 %). */
  marginBasisPoints: number;
  responseRateBasisPoints: number;
  required: number;
  invitations: number;
  census: boolean;
}

export const surveys = pgTable(
  'surveys',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    fiscalYear: integer('fiscal_year')
      .notNull()
      .references(() => fiscalYears.year),
    title: text('title').notNull(),
    /** The template it started from, or 'custom'. */
    kind: text('kind').notNull(),
    intro: text('intro'),
    /** The public address: /s/<slug>. */
    slug: text('slug').notNull(),
    questions: jsonb('questions').$type<core.SurveyQuestion[]>().notNull(),
    scale: jsonb('scale').$type<core.ScaleConfig>().notNull(),
    integrity: jsonb('integrity').$type<core.IntegrityConfig>().notNull(),
    plan: jsonb('plan').$type<SurveyPlanColumn>().notNull(),
    /** Answers accepted from this day to closesOn, inclusive, by the China date of deps.clock(). */
    opensOn: date('opens_on', { mode: 'string' }).notNull(),
    closesOn: date('closes_on', { mode: 'string' }).notNull(),
    /** Only holders of an invitation code may answer. */
    inviteOnly: boolean('invite_only').notNull().default(false),
    /** The survey asks something personal (name, phone): the page asks consent first. */
    personalConsent: text('personal_consent'),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: at('created_at').notNull().defaultNow(),
    updatedAt: at('updated_at').notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (table) => [uniqueIndex('surveys_slug_key').on(table.slug), index('surveys_org_year_idx').on(table.organisationId, table.fiscalYear)],
);

/** The 满意度 indicators a survey feeds: an evaluation's indicator, or a declared one (then every evaluation opened from it). */
export const surveyIndicators = pgTable(
  'survey_indicators',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    surveyId: uuid('survey_id')
      .notNull()
      .references(() => surveys.id, { onDelete: 'cascade' }),
    indicatorId: uuid('indicator_id').references(() => indicators.id, { onDelete: 'cascade' }),
    declaredIndicatorId: uuid('declared_indicator_id').references(() => declaredIndicators.id, { onDelete: 'cascade' }),
  },
  (table) => [
    index('survey_indicators_survey_idx').on(table.surveyId),
    index('survey_indicators_indicator_idx').on(table.indicatorId),
    index('survey_indicators_declared_idx').on(table.declaredIndicatorId),
  ],
);

export const surveyCodes = pgTable(
  'survey_codes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    surveyId: uuid('survey_id')
      .notNull()
      .references(() => surveys.id, { onDelete: 'cascade' }),
    code: text('code').notNull(),
    usedAt: at('used_at'),
    createdAt: at('created_at').notNull().defaultNow(),
  },
  (table) => [uniqueIndex('survey_codes_code_key').on(table.surveyId, table.code)],
);

export const surveyResponses = pgTable(
  'survey_responses',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    surveyId: uuid('survey_id')
      .notNull()
      .references(() => surveys.id, { onDelete: 'cascade' }),
    /** Unique: one response per invitation code, enforced by the database as well as by the service. */
    codeId: uuid('code_id').references(() => surveyCodes.id),
    channel: text('channel').$type<'online' | 'paper'>().notNull(),
    answers: jsonb('answers').$type<core.Answers>().notNull(),
    /** When the server served the form (from the form token), and when the page says it was opened. */
    servedAt: at('served_at'),
    openedAt: at('opened_at'),
    completionSeconds: integer('completion_seconds'),
    receivedAt: at('received_at').notNull(),
    address: text('address'),
    fingerprint: text('fingerprint'),
    flags: jsonb('flags').$type<core.IntegrityFlag[]>().notNull().default([]),
    consented: boolean('consented').notNull().default(false),
    enteredBy: uuid('entered_by').references(() => users.id),
    excludedAt: at('excluded_at'),
    excludedBy: uuid('excluded_by').references(() => users.id),
    exclusionReason: text('exclusion_reason'),
    /** A flagged response a reviewer looked at and kept as valid: the flag stays, the review to-do goes. */
    keptAt: at('kept_at'),
    keptBy: uuid('kept_by').references(() => users.id),
  },
  (table) => [
    index('survey_responses_survey_idx').on(table.surveyId, table.receivedAt),
    uniqueIndex('survey_responses_code_key').on(table.codeId),
  ],
);
