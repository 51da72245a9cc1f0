import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  customType,
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

/**
 * The Jixiao database. Conventions:
 * - money is integer fen in `bigint` columns (mode number: exact below 2^53);
 * - indicator values are `numeric` (exact, read as strings); weights and scores are integer hundredths;
 * - every record a user edits has a `version` for optimistic concurrency: an update names the version it
 *   read, and a stale one is refused with a conflict instead of overwriting;
 * - files are stored in the database (bytea) so several app instances share them.
 */

/** bytea as Uint8Array: pg returns Buffer, PGlite Uint8Array; both are Uint8Arrays. */
const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({
  dataType: () => 'bytea',
});

const fen = (name: string) => bigint(name, { mode: 'number' });
const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();
const updatedAt = () => timestamp('updated_at', { withTimezone: true }).notNull().defaultNow();
const version = () => integer('version').notNull().default(1);

/** 财政局 → 部门 → 下级预算单位 */
export const organisations = pgTable(
  'organisations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: text('kind').$type<'finance-bureau' | 'department' | 'unit'>().notNull(),
    parentId: uuid('parent_id'),
    code: text('code').notNull(),
    name: text('name').notNull(),
    createdAt: createdAt(),
    version: version(),
  },
  (table) => [uniqueIndex('organisations_code_key').on(table.code), index('organisations_parent_idx').on(table.parentId)],
);

export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    username: text('username').notNull(),
    displayName: text('display_name').notNull(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    phone: text('phone'),
    passwordHash: text('password_hash').notNull(),
    mustChangePassword: boolean('must_change_password').notNull().default(true),
    failedLogins: integer('failed_logins').notNull().default(0),
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    disabled: boolean('disabled').notNull().default(false),
    locale: text('locale').notNull().default('zh-CN'),
    createdAt: createdAt(),
    version: version(),
  },
  (table) => [
    uniqueIndex('users_username_key').on(sql`lower(${table.username})`),
    index('users_organisation_idx').on(table.organisationId),
  ],
);

/** A role is held within an organisation (and, for departments and the bureau, everything below it). */
export const userRoles = pgTable(
  'user_roles',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    role: text('role').notNull(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
  },
  (table) => [primaryKey({ columns: [table.userId, table.role, table.organisationId] })],
);

/** The cookie holds a random token; only its SHA-256 is stored, so a leaked table cannot be replayed. */
export const sessions = pgTable(
  'sessions',
  {
    id: text('id').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    csrfToken: text('csrf_token').notNull(),
    createdAt: createdAt(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    ip: text('ip'),
    userAgent: text('user_agent'),
  },
  (table) => [index('sessions_user_idx').on(table.userId)],
);

/** Counters in a window, shared by every app instance: failed logins per (username, address), survey submissions per address (shared/throttle.ts). */
export const loginThrottle = pgTable('login_throttle', {
  key: text('key').primaryKey(),
  failures: integer('failures').notNull(),
  windowStart: timestamp('window_start', { withTimezone: true }).notNull(),
});

export const fiscalYears = pgTable('fiscal_years', {
  year: integer('year').primaryKey(),
  status: text('status').$type<'open' | 'closed'>().notNull().default('open'),
  /** 单位提交截止 */
  submitDeadline: date('submit_deadline'),
  /** 部门审核截止 */
  reviewDeadline: date('review_deadline'),
  /** 财政复核截止 */
  financeDeadline: date('finance_deadline'),
  version: version(),
});

export const projects = pgTable(
  'projects',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    fiscalYear: integer('fiscal_year')
      .notNull()
      .references(() => fiscalYears.year),
    code: text('code').notNull(),
    name: text('name').notNull(),
    /** 购置 / 培训 / 会议 / 补贴 / 建设 / 信息化 / 其他 — picks the indicator library's suggestions */
    category: text('category').notNull(),
    budgetFen: fen('budget_fen').notNull().default(0),
    createdAt: createdAt(),
    version: version(),
  },
  (table) => [uniqueIndex('projects_org_year_code_key').on(table.organisationId, table.fiscalYear, table.code)],
);

export type EvaluationStatus = 'draft' | 'returned' | 'submitted' | 'department_approved' | 'finance_approved' | 'published';

/** Money in fen (integers), actuals as the exact decimal text the ledger computed. */
export interface ComputedActualColumn {
  actual: string;
  source: string;
  text?: string | undefined;
  survey?: { valid: number; planned: number } | undefined;
}

export interface LedgerSnapshot {
  takenAt: string;
  /** `text` and `survey` are set for actuals taken from a 满意度调查 (surveys/survey-sources.ts). */
  actuals: Record<string, ComputedActualColumn>;
  budget: { initial: number; carryOver: number; adjusted: number; executed: number } | null;
  /** 管理效率 items bound to the ledger, by catalogue code: their formula inputs in fen. Absent in snapshots taken before. */
  management?: Record<string, { amounts: Record<string, number>; source: string }>;
}

export interface NarrativeColumn {
  conclusion?: string | undefined;
  dutyIntro?: string | undefined;
  management?: string | undefined;
  problems: string[];
  measures: string[];
}

/** One 资金来源 row of an evaluation's budget, money in fen (the totals stay in the evaluation's own columns). */
export interface FundingSourceColumn {
  source: 'fiscal-appropriation' | 'special-account' | 'unit-funds' | 'other';
  initialFen: number;
  adjustedFen: number;
  executedFen: number;
}

/** A department's own 管理效率 item (open catalogue), as the workbook declares it; its target is the entry's `target`. */
export interface OwnManagementColumn {
  name: string;
  area?: string | undefined;
  direction: string;
  unit?: string | undefined;
  formula?: { numerator: string; denominator: string } | undefined;
  inputs?: Record<string, string> | undefined;
  standard?: string | undefined;
}

/** One self-evaluation: the department-wide one of a department, or one project's. */
export const evaluations = pgTable(
  'evaluations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    fiscalYear: integer('fiscal_year')
      .notNull()
      .references(() => fiscalYears.year),
    kind: text('kind').$type<'department' | 'project'>().notNull(),
    projectId: uuid('project_id').references(() => projects.id),
    schemeId: text('scheme_id').notNull(),
    schemeOverrides: jsonb('scheme_overrides').$type<Record<string, unknown>>().notNull().default({}),
    status: text('status').$type<EvaluationStatus>().notNull().default('draft'),
    initialFen: fen('initial_fen').notNull().default(0),
    carryOverFen: fen('carry_over_fen').notNull().default(0),
    adjustedFen: fen('adjusted_fen').notNull().default(0),
    executedFen: fen('executed_fen').notNull().default(0),
    executionReason: text('execution_reason'),
    executionAdjustmentScore: integer('execution_adjustment_score'),
    executionAdjustmentReason: text('execution_adjustment_reason'),
    budgetIllustrative: boolean('budget_illustrative').notNull().default(false),
    /** 资金来源 rows as the forms print them; empty when the budget is given as totals only. */
    fundingSources: jsonb('funding_sources').$type<FundingSourceColumn[]>().notNull().default([]),
    /** The execution score written on an imported form, checked against the computed one (hundredths). */
    declaredExecutionScore: integer('declared_execution_score'),
    /** `ledger`: the budget figures come from the unit's budget lines and payments, not from typed numbers. */
    budgetSource: text('budget_source').$type<'manual' | 'ledger'>().notNull().default('manual'),
    /**
     * The ledger figures (bound indicators' actuals, ledger budget) as they stood when the unit submitted:
     * what the reviewers approve and the public reads must not move with later payments. Cleared on return.
     */
    ledgerSnapshot: jsonb('ledger_snapshot').$type<LedgerSnapshot>(),
    preparerName: text('preparer_name'),
    preparerPhone: text('preparer_phone'),
    filledOn: date('filled_on'),
    declaredTotal: integer('declared_total'),
    narrative: jsonb('narrative').$type<NarrativeColumn>().notNull().default({ problems: [], measures: [] }),
    notes: text('notes'),
    /** The approved declaration (target_declarations.id) and its version this evaluation opened from, if any. */
    declarationId: uuid('declaration_id'),
    declarationVersion: integer('declaration_version'),
    /** Cached result of the last scoring, refreshed in the same transaction as every content change. */
    totalScore: integer('total_score'),
    grade: text('grade'),
    errorCount: integer('error_count').notNull().default(0),
    warningCount: integer('warning_count').notNull().default(0),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    /** Version of the header fields (budget, narrative, preparer). */
    version: version(),
    /** Revision of the whole evaluation, bumped by any change to it or its goals and indicators:
     * a workflow step names the revision it saw, so nobody approves content they have not seen. */
    revision: integer('revision').notNull().default(1),
  },
  (table) => [
    index('evaluations_org_year_idx').on(table.organisationId, table.fiscalYear),
    index('evaluations_year_status_idx').on(table.fiscalYear, table.status),
    uniqueIndex('evaluations_department_key').on(table.organisationId, table.fiscalYear).where(sql`${table.kind} = 'department'`),
    uniqueIndex('evaluations_project_key').on(table.projectId),
  ],
);

export const goals = pgTable(
  'goals',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    evaluationId: uuid('evaluation_id')
      .notNull()
      .references(() => evaluations.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    code: text('code').notNull(),
    text: text('text').notNull(),
    summary: text('summary'),
    version: version(),
  },
  (table) => [uniqueIndex('goals_evaluation_code_key').on(table.evaluationId, table.code)],
);

export const indicators = pgTable(
  'indicators',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    evaluationId: uuid('evaluation_id')
      .notNull()
      .references(() => evaluations.id, { onDelete: 'cascade' }),
    goalId: uuid('goal_id').references(() => goals.id, { onDelete: 'set null' }),
    position: integer('position').notNull(),
    code: text('code').notNull(),
    /** null on flat forms without 一级 / 二级 columns (schemes with free level weights). */
    level1: text('level1'),
    level2: text('level2'),
    name: text('name').notNull(),
    direction: text('direction').notNull(),
    target: numeric('target'),
    unit: text('unit'),
    actual: numeric('actual'),
    targetText: text('target_text'),
    actualText: text('actual_text'),
    lastYearActual: numeric('last_year_actual'),
    /** 调整指标值: set only when a mid-year adjustment of the target was approved; scored against. */
    adjustedTarget: numeric('adjusted_target'),
    adjustedTargetText: text('adjusted_target_text'),
    /** The approved 绩效目标调整 behind the adjusted target (its reason, date and the version it wrote), when it came from one. */
    targetAdjustment: jsonb('target_adjustment').$type<{ reason: string; approvedAt: string; version: number }>(),
    /** 得分系数 of an imported form (0–1), checked as coefficient × weight. */
    scoreCoefficient: numeric('score_coefficient'),
    /** 是否核心指标 */
    isCore: boolean('is_core').notNull().default(false),
    /** hundredths of a point; null shares the level's weight evenly */
    weight: integer('weight'),
    notApplicable: boolean('not_applicable').notNull().default(false),
    deviationReason: text('deviation_reason'),
    dataSource: text('data_source'),
    band: text('band'),
    qualitativeScore: integer('qualitative_score'),
    adjustmentScore: integer('adjustment_score'),
    adjustmentReason: text('adjustment_reason'),
    adjustedBy: uuid('adjusted_by').references(() => users.id),
    illustrative: boolean('illustrative').notNull().default(false),
    /** A ledger metric that fills the actual value (e.g. paid-on-time-in-full-rate), with its scope. */
    bindingMetric: text('binding_metric'),
    bindingScope: jsonb('binding_scope').$type<{ budgetLineIds?: string[]; projectId?: string }>(),
    /** The approved 绩效目标申报表 line this indicator was opened from (declared_indicators.id), if any. */
    declaredIndicatorId: uuid('declared_indicator_id'),
    updatedAt: updatedAt(),
    updatedBy: uuid('updated_by').references(() => users.id),
    version: version(),
  },
  (table) => [
    index('indicators_evaluation_idx').on(table.evaluationId, table.position),
    uniqueIndex('indicators_evaluation_code_key').on(table.evaluationId, table.code),
  ],
);

/** 管理效率 entries of a department-wide evaluation, keyed by the catalogue code. */
export const managementEntries = pgTable(
  'management_entries',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    evaluationId: uuid('evaluation_id')
      .notNull()
      .references(() => evaluations.id, { onDelete: 'cascade' }),
    code: text('code').notNull(),
    /** formula inputs in fen, by the catalogue's amount key */
    amounts: jsonb('amounts').$type<Record<string, number>>().notNull().default({}),
    target: numeric('target'),
    weight: integer('weight'),
    notApplicable: boolean('not_applicable').notNull().default(false),
    band: text('band'),
    score: integer('score'),
    deviationReason: text('deviation_reason'),
    adjustmentScore: integer('adjustment_score'),
    adjustmentReason: text('adjustment_reason'),
    note: text('note'),
    illustrative: boolean('illustrative').notNull().default(false),
    /** The value entered as a rate (percent, or the own item's unit), instead of or beside the amounts. */
    rate: numeric('rate'),
    /** A score written on an imported form, checked against the computed one (hundredths). */
    declaredScore: integer('declared_score'),
    /** Set for the department's own item; null for an item of the scheme's catalogue. */
    own: jsonb('own').$type<OwnManagementColumn>(),
    /** A ledger metric whose numerator and denominator fill the item's formula inputs, with its scope. */
    bindingMetric: text('binding_metric'),
    bindingScope: jsonb('binding_scope').$type<{ budgetLineIds?: string[] }>(),
    version: version(),
  },
  (table) => [uniqueIndex('management_entries_evaluation_code_key').on(table.evaluationId, table.code)],
);

/** Everyone who changed an evaluation's content or submitted it: they may not approve it. */
export const evaluationContributors = pgTable(
  'evaluation_contributors',
  {
    evaluationId: uuid('evaluation_id')
      .notNull()
      .references(() => evaluations.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
  },
  (table) => [primaryKey({ columns: [table.evaluationId, table.userId] })],
);

/** The workflow history of an evaluation, with review comments. */
export const evaluationTransitions = pgTable(
  'evaluation_transitions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    evaluationId: uuid('evaluation_id')
      .notNull()
      .references(() => evaluations.id, { onDelete: 'cascade' }),
    action: text('action').notNull(),
    fromStatus: text('from_status').notNull(),
    toStatus: text('to_status').notNull(),
    actorId: uuid('actor_id')
      .notNull()
      .references(() => users.id),
    comment: text('comment'),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index('evaluation_transitions_evaluation_idx').on(table.evaluationId, table.at)],
);

/** Evidence files (佐证材料), in the database so every app instance serves them. */
export const attachments = pgTable(
  'attachments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    evaluationId: uuid('evaluation_id')
      .notNull()
      .references(() => evaluations.id, { onDelete: 'cascade' }),
    indicatorId: uuid('indicator_id').references(() => indicators.id, { onDelete: 'cascade' }),
    filename: text('filename').notNull(),
    contentType: text('content_type').notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    sha256: text('sha256').notNull(),
    data: bytea('data').notNull(),
    uploadedBy: uuid('uploaded_by')
      .notNull()
      .references(() => users.id),
    uploadedAt: timestamp('uploaded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index('attachments_evaluation_idx').on(table.evaluationId), index('attachments_indicator_idx').on(table.indicatorId)],
);

/**
 * Who changed what, when, from what to what. Append-only: the application never updates or deletes rows.
 * Tamper-evident (apps/server/src/audit/audit-chain.ts): the writer stores `content_hash`, SHA-256 of the
 * entry's canonical content; at commit the trigger `audit_log_chain` (migration audit_hash_chain) gives the
 * entry the next `seq` from `audit_chain_head`, locked, and `hash` = SHA-256 of seq, content hash and the
 * previous entry's hash. Chaining at commit keeps the head lock the last lock a transaction takes, so it
 * cannot deadlock with the row locks the write took before, and holds it only for the commit.
 * The four columns are empty only on rows written before the chain existed (chained at start-up).
 */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    actorId: uuid('actor_id'),
    actorName: text('actor_name'),
    organisationId: uuid('organisation_id'),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id').notNull(),
    action: text('action').notNull(),
    before: jsonb('before'),
    after: jsonb('after'),
    requestId: text('request_id'),
    ip: text('ip'),
    /** Position in the chain: 1, 2, 3 … in commit order, without gaps (ids have gaps and follow insertion order). */
    seq: bigint('seq', { mode: 'number' }),
    contentHash: text('content_hash'),
    prevHash: text('prev_hash'),
    hash: text('hash'),
  },
  (table) => [
    index('audit_log_entity_idx').on(table.entityType, table.entityId),
    index('audit_log_org_at_idx').on(table.organisationId, table.at),
    uniqueIndex('audit_log_seq_idx').on(table.seq),
  ],
);

/** The end of the audit chain, one row: the last entry's seq and hash (genesis: 0 and 64 zeros). */
export const auditChainHead = pgTable(
  'audit_chain_head',
  {
    id: integer('id').primaryKey(),
    seq: bigint('seq', { mode: 'number' }).notNull(),
    hash: text('hash').notNull(),
  },
  (table) => [check('audit_chain_head_single_row', sql`${table.id} = 1`)],
);

/** The frozen report of a published evaluation: what the public reads at a stable URL. */
export const publishedReports = pgTable(
  'published_reports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    evaluationId: uuid('evaluation_id')
      .notNull()
      .references(() => evaluations.id),
    organisationCode: text('organisation_code').notNull(),
    organisationName: text('organisation_name').notNull(),
    fiscalYear: integer('fiscal_year').notNull(),
    kind: text('kind').notNull(),
    /** '' for the department-wide report */
    projectCode: text('project_code').notNull().default(''),
    title: text('title').notNull(),
    total: text('total').notNull(),
    grade: text('grade').notNull(),
    html: text('html').notNull(),
    docx: bytea('docx').notNull(),
    pdf: bytea('pdf'),
    publishedAt: timestamp('published_at', { withTimezone: true }).notNull().defaultNow(),
    publishedBy: uuid('published_by')
      .notNull()
      .references(() => users.id),
  },
  (table) => [
    uniqueIndex('published_reports_evaluation_key').on(table.evaluationId),
    uniqueIndex('published_reports_url_key').on(table.organisationCode, table.fiscalYear, table.kind, table.projectCode),
  ],
);

/**
 * 指标库: common indicators by project type (category) and industry to pick from, maintained by the
 * finance bureau. A retired entry (停用) is no longer offered but keeps its history (indicator_usage).
 */
export const indicatorLibrary = pgTable(
  'indicator_library',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Stable code quoted in declarations and exports; never reused. */
    code: text('code').notNull(),
    /** 项目类别 */
    category: text('category').notNull(),
    /** 行业 */
    industry: text('industry'),
    level1: text('level1').notNull(),
    level2: text('level2').notNull(),
    /** 三级指标 */
    name: text('name').notNull(),
    direction: text('direction').notNull(),
    unit: text('unit'),
    targetHint: text('target_hint'),
    /** 指标解释 */
    description: text('description'),
    /** 计算公式 */
    formula: text('formula'),
    /** 数据来源 */
    dataSource: text('data_source'),
    /** 佐证材料 */
    evidence: text('evidence'),
    /** Where the entry comes from (the framework or document it follows). */
    source: text('source'),
    status: text('status').$type<'active' | 'retired'>().notNull().default('active'),
    updatedBy: uuid('updated_by').references(() => users.id),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (table) => [
    index('indicator_library_category_idx').on(table.category),
    uniqueIndex('indicator_library_code_key').on(table.code),
    uniqueIndex('indicator_library_category_name_key').on(table.category, table.name),
  ],
);

export * from './adjustment-schema.ts';
export * from './control-schema.ts';
export * from './ex-ante-schema.ts';
export * from './library-schema.ts';
export * from './monitoring-rules-schema.ts';
export * from './monitoring-schema.ts';
export * from './notification-schema.ts';
export * from './overview-schema.ts';
export * from './public-schema.ts';
export * from './rectification-schema.ts';
export * from './rereview-schema.ts';
export * from './results-schema.ts';
export * from './survey-schema.ts';
export * from './targets-schema.ts';
