import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { fiscalYears, indicatorLibrary, organisations, projects, users } from './schema.ts';

/**
 * 绩效目标申报 (docs/targets.md): the 项目支出 and 部门整体支出 绩效目标申报表 of a fiscal year, their
 * indicators, the review opinions and the approved version. Money is integer fen, weights integer
 * hundredths of a point, values exact `numeric`.
 */
const fen = (name: string) => bigint(name, { mode: 'number' });
const at = (name: string) => timestamp(name, { withTimezone: true });
const user = (name: string) => uuid(name).references(() => users.id);

export type DeclarationStatusColumn = 'draft' | 'returned' | 'submitted' | 'department_approved' | 'approved';

/** One 年度目标 of a declaration; its id is the goal id the indicators and the year-end evaluation refer to. */
export interface DeclaredGoalColumn {
  id: string;
  text: string;
  summary?: string | undefined;
}

export const targetDeclarations = pgTable(
  'target_declarations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: text('kind').$type<'project' | 'department'>().notNull(),
    /** The unit that declares (the project's unit, or the department for its 部门整体 form). */
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    fiscalYear: integer('fiscal_year')
      .notNull()
      .references(() => fiscalYears.year),
    projectId: uuid('project_id').references(() => projects.id),
    projectName: text('project_name'),
    projectCode: text('project_code'),
    /** 主管部门 */
    department: text('department').notNull(),
    /** 实施单位 */
    implementingUnit: text('implementing_unit').notNull(),
    /** 项目属性: 新增 / 延续 */
    attribute: text('attribute').$type<'new' | 'continuing'>(),
    periodStart: date('period_start'),
    periodEnd: date('period_end'),
    fundsTotalFen: fen('funds_total_fen').notNull().default(0),
    fundsFiscalFen: fen('funds_fiscal_fen').notNull().default(0),
    fundsOtherFen: fen('funds_other_fen').notNull().default(0),
    overallGoal: text('overall_goal').notNull().default(''),
    annualGoals: jsonb('annual_goals').$type<DeclaredGoalColumn[]>().notNull().default([]),
    status: text('status').$type<DeclarationStatusColumn>().notNull().default('draft'),
    /** The preparer's reason for each warning kept at submission, by finding key. */
    warningReasons: jsonb('warning_reasons').$type<Record<string, string>>().notNull().default({}),
    createdBy: user('created_by'),
    createdAt: at('created_at').notNull().defaultNow(),
    updatedAt: at('updated_at').notNull().defaultNow(),
    /** Bumped by every change, content or step: a step names the version it saw. */
    version: integer('version').notNull().default(1),
  },
  (table) => [
    index('target_declarations_org_year_idx').on(table.organisationId, table.fiscalYear),
    uniqueIndex('target_declarations_project_key').on(table.projectId),
    uniqueIndex('target_declarations_department_key').on(table.organisationId, table.fiscalYear).where(sql`${table.kind} = 'department'`),
  ],
);

export const declaredIndicators = pgTable(
  'declared_indicators',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    declarationId: uuid('declaration_id')
      .notNull()
      .references(() => targetDeclarations.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    goalId: text('goal_id'),
    level1: text('level1').notNull(),
    level2: text('level2').notNull(),
    /** 三级指标 */
    name: text('name').notNull(),
    nature: text('nature').$type<'quantitative' | 'qualitative'>().notNull(),
    direction: text('direction').notNull(),
    target: numeric('target'),
    targetText: text('target_text'),
    unit: text('unit'),
    basis: text('basis').$type<'plan' | 'industry' | 'history' | 'fiscal' | 'other'>(),
    basisText: text('basis_text'),
    dataSource: text('data_source'),
    method: text('method'),
    evidence: text('evidence'),
    lastYearActual: numeric('last_year_actual'),
    core: boolean('core').notNull().default(false),
    scoringRule: text('scoring_rule'),
    weight: integer('weight'),
    libraryEntryId: uuid('library_entry_id').references(() => indicatorLibrary.id, { onDelete: 'set null' }),
  },
  (table) => [index('declared_indicators_declaration_idx').on(table.declarationId, table.position)],
);

/** Everyone who drafted, edited or submitted a declaration: they may not approve it. */
export const declarationContributors = pgTable(
  'declaration_contributors',
  {
    declarationId: uuid('declaration_id')
      .notNull()
      .references(() => targetDeclarations.id, { onDelete: 'cascade' }),
    userId: user('user_id').notNull(),
  },
  (table) => [primaryKey({ columns: [table.declarationId, table.userId] })],
);

/** The workflow history of a declaration, with each reviewer's overall opinion. */
export const declarationTransitions = pgTable(
  'declaration_transitions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    declarationId: uuid('declaration_id')
      .notNull()
      .references(() => targetDeclarations.id, { onDelete: 'cascade' }),
    action: text('action').notNull(),
    fromStatus: text('from_status').notNull(),
    toStatus: text('to_status').notNull(),
    stage: text('stage').notNull(),
    actorId: user('actor_id').notNull(),
    comment: text('comment'),
    at: at('at').notNull().defaultNow(),
  },
  (table) => [index('declaration_transitions_declaration_idx').on(table.declarationId, table.at)],
);

/** A reviewer's opinion on one indicator, given with a review step (财政审核: 通过 / 修改后通过 / 不通过). */
export const declarationOpinions = pgTable(
  'declaration_opinions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    transitionId: uuid('transition_id')
      .notNull()
      .references(() => declarationTransitions.id, { onDelete: 'cascade' }),
    /** The declared indicator's id; kept as text so the opinion survives the line being removed while fixing. */
    indicatorId: text('indicator_id').notNull(),
    verdict: text('verdict').$type<'pass' | 'pass-after-change' | 'fail'>(),
    text: text('text'),
  },
  (table) => [index('declaration_opinions_transition_idx').on(table.transitionId)],
);

/**
 * The approved targets, frozen at 批复 as version 1: the declaration and its indicators as approved.
 * Later versions come only from the mid-year adjustment (调整).
 */
export const declarationVersions = pgTable(
  'declaration_versions',
  {
    declarationId: uuid('declaration_id')
      .notNull()
      .references(() => targetDeclarations.id, { onDelete: 'cascade' }),
    number: integer('number').notNull(),
    snapshot: jsonb('snapshot').notNull(),
    approvedBy: user('approved_by').notNull(),
    approvedAt: at('approved_at').notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.declarationId, table.number] })],
);
