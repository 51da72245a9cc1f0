import { z } from 'zod';
import { DecimalText, Int32, IsoDate, Money, NonNegativeMoney, Uuid, Version, Year, YearText } from './common.ts';

/** 绩效运行监控 (docs/monitoring.md 监控任务, 监控表): tasks, forms, their review and the finance bureau's lights page. */
export const MONITORING_TASK_KIND = ['general', 'key'] as const;
export const MONITORING_FORM_STATUS = ['draft', 'submitted', 'department_approved', 'finance_approved', 'returned'] as const;
export const MONITORING_LIGHT = ['green', 'yellow', 'red', 'blue', 'none'] as const;
export const DEVIATION_REASON = ['funding', 'rules', 'staffing', 'facilities', 'other'] as const;
export const LIKELIHOOD = ['certain', 'possible', 'impossible'] as const;

const text = (max: number) => z.string().trim().max(max);

export const IssueMonitoringTask = z.object({
  fiscalYear: Year,
  /** Defaults to “{year} 年绩效运行监控（截至 X 月底）”. */
  title: text(200).optional(),
  cutoffDate: IsoDate,
  kind: z.enum(MONITORING_TASK_KIND),
  deadline: IsoDate,
  targets: z.enum(['all', 'chosen']),
  /** With `chosen`: the departments or units (a department brings its units). */
  organisationIds: z.array(Uuid).max(500).optional(),
});
export type IssueMonitoringTask = z.infer<typeof IssueMonitoringTask>;

export const ListMonitoringTasksQuery = z.object({ fiscalYear: YearText.optional() });

const LightCounts = z.object({ green: Int32, yellow: Int32, red: Int32, blue: Int32, none: Int32 });

export const MonitoringTaskSummary = z.object({
  id: Uuid,
  fiscalYear: Year,
  title: z.string(),
  cutoffDate: z.string(),
  kind: z.enum(MONITORING_TASK_KIND),
  kindLabel: z.string(),
  deadline: z.string(),
  targets: z.enum(['all', 'chosen']),
  targetOrganisationIds: z.array(Uuid),
  ruleSetVersion: Int32,
  issuedByName: z.string(),
  issuedAt: z.string(),
  /** The forms the signed-in user can see, and how many of them are past the unit. */
  formCount: Int32,
  submittedCount: Int32,
  lights: LightCounts,
});
export type MonitoringTaskSummary = z.infer<typeof MonitoringTaskSummary>;
export const MonitoringTaskList = z.object({ items: z.array(MonitoringTaskSummary), permissions: z.object({ issue: z.boolean() }) });
export type MonitoringTaskList = z.infer<typeof MonitoringTaskList>;

export const MonitoringFormSummary = z.object({
  id: Uuid,
  taskId: Uuid,
  kind: z.enum(['project', 'department']),
  title: z.string(),
  organisationId: Uuid,
  organisationName: z.string(),
  /** The department the unit belongs to (the unit itself for a department's own form). */
  departmentName: z.string(),
  status: z.enum(MONITORING_FORM_STATUS),
  statusLabel: z.string(),
  light: z.enum(MONITORING_LIGHT),
  updatedAt: z.string(),
});
export type MonitoringFormSummary = z.infer<typeof MonitoringFormSummary>;

export const MonitoringTaskDetail = MonitoringTaskSummary.extend({ forms: z.array(MonitoringFormSummary) });
export type MonitoringTaskDetail = z.infer<typeof MonitoringTaskDetail>;

export const LightFigure = z.object({ label: z.string(), labelEn: z.string(), value: z.string() });

/** One light with the rule, the figures and the sentence that explain it (core/monitoring). */
export const MonitoringLight = z.object({
  light: z.enum(MONITORING_LIGHT),
  ratio: z.string().optional(),
  expected: z.string().optional(),
  reason: z.string().optional(),
  rule: z.object({ code: z.string(), preset: z.string(), source: z.string() }),
  explanation: z.string(),
  explanationEn: z.string(),
  inputs: z.array(LightFigure),
});
export type MonitoringLight = z.infer<typeof MonitoringLight>;

export const ExpectedCurve = z.object({
  curve: z.enum(['plan', 'profile', 'linear']),
  byMonth: z.array(z.string()),
  linear: z.array(z.string()),
  atCutoff: z.string(),
  linearAtCutoff: z.string(),
});

export const MonitoringMoneyRow = z.object({
  source: z.string(),
  /** 年初预算数, 调整预算数, 截至 X 月底支出数, 全年预计执行数 (yuan, exact). */
  initial: Money,
  adjusted: Money,
  spent: Money,
  forecast: Money.nullable(),
  /** 执行率 and 序时进度 (the expected share at the cut-off), percentages with two decimals. */
  executionRate: z.string().nullable(),
  timeProgress: z.string(),
  light: MonitoringLight,
  budgetLineIds: z.array(Uuid),
});
export type MonitoringMoneyRow = z.infer<typeof MonitoringMoneyRow>;

export const MonitoringIndicatorRow = z.object({
  indicatorId: Uuid,
  level1: z.string(),
  level2: z.string(),
  name: z.string(),
  nature: z.enum(['quantitative', 'qualitative']),
  direction: z.string(),
  unit: z.string().nullable(),
  target: z.string().nullable(),
  targetText: z.string().nullable(),
  originalTarget: z.string().nullable(),
  actualToDate: z.string().nullable(),
  actualText: z.string().nullable(),
  forecastYearEnd: z.string().nullable(),
  reasons: z.array(z.enum(DEVIATION_REASON)),
  reasonText: z.string().nullable(),
  likelihood: z.enum(LIKELIHOOD).nullable(),
  measures: z.string().nullable(),
  /** Set when 实际完成值 is computed (from the ledger as of the cut-off, or a linked survey) rather than typed. */
  computed: z
    .object({
      kind: z.enum(['ledger', 'survey']),
      actual: z.string(),
      rule: z.string(),
      formula: z.string(),
      budgetLineIds: z.array(Uuid),
      surveyId: Uuid.nullable(),
    })
    .nullable(),
  light: MonitoringLight,
});
export type MonitoringIndicatorRow = z.infer<typeof MonitoringIndicatorRow>;

export const MonitoringWarning = z.object({ code: z.string(), subject: z.string(), message: z.string(), messageEn: z.string() });

export const MonitoringFormDetail = MonitoringFormSummary.extend({
  version: Version,
  fiscalYear: Year,
  cutoffDate: z.string(),
  deadline: z.string(),
  taskKind: z.enum(MONITORING_TASK_KIND),
  declarationId: Uuid.nullable(),
  projectId: Uuid.nullable(),
  money: z.array(MonitoringMoneyRow),
  /** All sources together: the budget light and the expected curve (plan or linear) beside the payments by month. */
  budget: z.object({
    light: MonitoringLight,
    expected: ExpectedCurve,
    adjusted: Money,
    paidByMonth: z.array(Money),
  }),
  indicators: z.array(MonitoringIndicatorRow),
  warnings: z.array(MonitoringWarning),
  /** The rule table the lights were computed with. */
  ruleSet: z.object({ region: z.string(), version: Int32, preset: z.string() }),
  /** Where the spending figures can be checked: the ledger of the unit, narrowed to the project. */
  ledger: z.object({ organisationId: Uuid, projectId: Uuid.nullable(), fiscalYear: Year }),
  rectificationId: Uuid.nullable(),
  steps: z.array(
    z.object({
      action: z.string(),
      actionLabel: z.string(),
      stage: z.string(),
      toStatus: z.enum(MONITORING_FORM_STATUS),
      actorName: z.string(),
      opinion: z.string().nullable(),
      at: z.string(),
    }),
  ),
  /** What stops the submission now (empty when it may go). */
  problems: z.array(z.object({ index: Int32.nullable(), field: z.string(), message: z.string() })),
  permissions: z.object({
    edit: z.boolean(),
    submit: z.boolean(),
    approve: z.boolean(),
    return: z.boolean(),
    rectify: z.boolean(),
    /** The unit may request a target adjustment of the declaration (the adjustment module decides the rest). */
    requestAdjustment: z.boolean(),
    refusal: z.string().nullable(),
  }),
});
export type MonitoringFormDetail = z.infer<typeof MonitoringFormDetail>;

export const SaveMonitoringForm = z.object({
  version: Version,
  /** 全年预计执行数 per source, by source name. */
  money: z.array(z.object({ source: text(60), forecast: NonNegativeMoney.nullable() })).max(20),
  indicators: z
    .array(
      z.object({
        indicatorId: Uuid,
        actualToDate: DecimalText.nullable().optional(),
        actualText: text(500).nullable().optional(),
        forecastYearEnd: DecimalText.nullable().optional(),
        reasons: z.array(z.enum(DEVIATION_REASON)).max(5).optional(),
        reasonText: text(1000).nullable().optional(),
        likelihood: z.enum(LIKELIHOOD).nullable().optional(),
        measures: text(2000).nullable().optional(),
      }),
    )
    .max(200),
});
export type SaveMonitoringForm = z.infer<typeof SaveMonitoringForm>;

export const SubmitMonitoringForm = z.object({ version: Version });

export const MonitoringDecision = z.object({ version: Version, action: z.enum(['approve', 'return']), opinion: text(2000).optional() });
export type MonitoringDecision = z.infer<typeof MonitoringDecision>;

export const MonitoringStepResult = z.object({ status: z.enum(MONITORING_FORM_STATUS), statusLabel: z.string(), version: Version });

/** 整改 from a form: what the finance bureau found and asks for; the source is the form. */
export const MonitoringRectification = z.object({
  problem: text(2000).min(1, { error: '存在问题不能为空' }),
  measures: z
    .array(text(1000).min(1, { error: '整改要求不能为空' }))
    .min(1, { error: '至少填写一项整改要求' })
    .max(30),
  deadline: IsoDate,
});
export type MonitoringRectification = z.infer<typeof MonitoringRectification>;

export const MonitoringLightsQuery = z.object({ taskId: Uuid });

/** One form on the finance bureau's page: every light of every unit, with the sentence of its worst. */
export const MonitoringLightRow = MonitoringFormSummary.extend({
  budgetLight: z.enum(MONITORING_LIGHT),
  executionRate: z.string().nullable(),
  timeProgress: z.string().nullable(),
  indicatorLights: LightCounts,
  /** The explanation of the worst light (the budget's, else the first indicator's of that colour). */
  worst: z.string().nullable(),
});
export type MonitoringLightRow = z.infer<typeof MonitoringLightRow>;
export const MonitoringLights = z.object({ taskId: Uuid, cutoffDate: z.string(), items: z.array(MonitoringLightRow) });
export type MonitoringLights = z.infer<typeof MonitoringLights>;

export const MonitoringExportQuery = z.object({ organisationId: Uuid.optional() });
