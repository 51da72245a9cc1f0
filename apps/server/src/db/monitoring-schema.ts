import { sql } from 'drizzle-orm';
import { date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { fiscalYears, organisations, projects, users } from './schema.ts';
import { targetDeclarations } from './targets-schema.ts';

/**
 * 绩效运行监控 (docs/monitoring.md 监控任务, 监控表): the finance bureau's monitoring tasks, the forms each
 * creates (one per approved project declaration, one per department), and the forms' steps with the
 * reviewers' opinions. Money is integer fen; indicator values exact decimal text.
 */
const at = (name: string) => timestamp(name, { withTimezone: true });
const user = (name: string) => uuid(name).references(() => users.id);

export type MonitoringTaskKindColumn = 'general' | 'key';
export type MonitoringFormStatusColumn = 'draft' | 'submitted' | 'department_approved' | 'finance_approved' | 'returned';
export type LightColumn = 'green' | 'yellow' | 'red' | 'blue' | 'none';

export const monitoringTasks = pgTable(
  'monitoring_tasks',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    fiscalYear: integer('fiscal_year')
      .notNull()
      .references(() => fiscalYears.year),
    title: text('title').notNull(),
    /** 截至日期: the figures are read as at the end of this day (截至 X 月底). */
    cutoffDate: date('cutoff_date').notNull(),
    kind: text('kind').$type<MonitoringTaskKindColumn>().notNull(),
    /** 填报截止 */
    deadline: date('deadline').notNull(),
    /** `all`: every department and unit; `chosen`: the organisations listed (and their units). */
    targets: text('targets').$type<'all' | 'chosen'>().notNull(),
    targetOrganisationIds: jsonb('target_organisation_ids').$type<string[]>().notNull().default([]),
    /** The rule table the lights are computed with: its region, and the version active at issue (0 = built-in default). */
    region: text('region').notNull().default(''),
    ruleSetVersion: integer('rule_set_version').notNull().default(0),
    status: text('status').$type<'open' | 'closed'>().notNull().default('open'),
    issuedBy: user('issued_by').notNull(),
    issuedAt: at('issued_at').notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (table) => [index('monitoring_tasks_year_idx').on(table.fiscalYear)],
);

/** One 资金来源 row of a form: 年初预算数 and 调整预算数 from the budget lines, 截至 X 月底支出数 from the payments. */
export interface MonitoringMoneyColumn {
  source: string;
  initialFen: number;
  adjustedFen: number;
  spentFen: number;
  /** 全年预计执行数, typed by the unit; null until it is. */
  forecastFen: number | null;
  /** The budget lines behind the row (drill-down to the ledger). */
  budgetLineIds: string[];
  planByMonthFen: number[];
  paidByMonthFen: number[];
}

/** One indicator row: the approved line's fields as monitored, and what the unit typed. */
export interface MonitoringIndicatorColumn {
  indicatorId: string;
  level1: string;
  level2: string;
  name: string;
  nature: 'quantitative' | 'qualitative';
  direction: string;
  unit: string | null;
  /** 年度指标值: the latest approved version's (the adjusted one after an approved 调整). */
  target: string | null;
  targetText: string | null;
  /** 原指标值 (version 1) when an adjustment changed it. */
  originalTarget: string | null;
  actualToDate: string | null;
  actualText: string | null;
  forecastYearEnd: string | null;
  reasons: string[];
  reasonText: string | null;
  likelihood: 'certain' | 'possible' | 'impossible' | null;
  measures: string | null;
  /**
   * Set when the 1–X 月实际完成值 is not typed but computed: from the ledger as of the cut-off (a line named as
   * a ledger rate) or from a survey linked to the declared line. Absent on forms saved before it existed.
   */
  computed?: MonitoringComputedActual | null;
}

export interface MonitoringComputedActual {
  kind: 'ledger' | 'survey';
  /** The figure put in 实际完成值, percent with two decimals. */
  actual: string;
  /** The rule in plain Chinese, e.g. "预算执行率 = 已支付 ÷ 预算（含结转与调整）". */
  rule: string;
  /** The figures used, e.g. "已支付 1,200.00 元 ÷ 预算（含结转与调整） 4,000.00 元 = 30.00%". */
  formula: string;
  /** The ledger's budget lines the figure was read from, or the survey's id. */
  budgetLineIds: string[];
  surveyId: string | null;
}

export const monitoringForms = pgTable(
  'monitoring_forms',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    taskId: uuid('task_id')
      .notNull()
      .references(() => monitoringTasks.id, { onDelete: 'cascade' }),
    kind: text('kind').$type<'project' | 'department'>().notNull(),
    /** The filling unit (the project's unit, or the department). */
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    /** The approved declaration monitored; null for a department without an approved 部门整体 declaration. */
    declarationId: uuid('declaration_id').references(() => targetDeclarations.id),
    projectId: uuid('project_id').references(() => projects.id),
    title: text('title').notNull(),
    status: text('status').$type<MonitoringFormStatusColumn>().notNull().default('draft'),
    /**
     * The rows are read and written only with their form (saved whole, shown whole, frozen whole at
     * submission), so they are kept on it rather than in tables of their own.
     */
    money: jsonb('money').$type<MonitoringMoneyColumn[]>().notNull().default([]),
    indicators: jsonb('indicators').$type<MonitoringIndicatorColumn[]>().notNull().default([]),
    /** The core's assessment (lights, curves, warnings) as last computed: on issue, on each save, frozen at submission. */
    assessment: jsonb('assessment').$type<Record<string, unknown>>(),
    /** The project's light (the worst of its lights), for the finance bureau's page and the to-dos. */
    light: text('light').$type<LightColumn>().notNull().default('none'),
    /** Everyone who filled, saved or submitted the form: they may not approve it. */
    preparers: jsonb('preparers').$type<string[]>().notNull().default([]),
    /** The 整改通知 the finance bureau started from this form, if any. */
    rectificationId: uuid('rectification_id'),
    submittedAt: at('submitted_at'),
    updatedAt: at('updated_at').notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (table) => [
    index('monitoring_forms_task_idx').on(table.taskId),
    index('monitoring_forms_org_idx').on(table.organisationId),
    uniqueIndex('monitoring_forms_task_declaration_key').on(table.taskId, table.declarationId),
    uniqueIndex('monitoring_forms_task_department_key').on(table.taskId, table.organisationId).where(sql`${table.kind} = 'department'`),
  ],
);

export const monitoringFormSteps = pgTable(
  'monitoring_form_steps',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    formId: uuid('form_id')
      .notNull()
      .references(() => monitoringForms.id, { onDelete: 'cascade' }),
    action: text('action').notNull(),
    fromStatus: text('from_status'),
    toStatus: text('to_status').notNull(),
    stage: text('stage').notNull(),
    actorId: user('actor_id').notNull(),
    opinion: text('opinion'),
    at: at('at').notNull().defaultNow(),
  },
  (table) => [index('monitoring_form_steps_form_idx').on(table.formId, table.at)],
);
