import { LEVEL2_OF as CORE_LEVEL2_OF, control } from '@jixiao/core';
import { z } from 'zod';
import { DecimalText, Int32, IsoDate, ListSearch, Money, NonNegativeMoney, PointsText, Uuid, Version, Year, YearText } from './common.ts';

export const LEVEL1 = ['output', 'effect', 'satisfaction'] as const;
export const LEVEL2 = [
  'quantity',
  'quality',
  'timeliness',
  'cost',
  'economic',
  'social',
  'ecological',
  'sustainability',
  'beneficiary',
] as const;
/** Which 二级指标 belong under each 一级指标 (财预〔2020〕10号): the core's table, which the server enforces. */
export const LEVEL2_OF = CORE_LEVEL2_OF;
export const DIRECTION = ['>=', '>', '<=', '<', '=', 'qualitative'] as const;
export const BAND = ['achieved', 'partial', 'not-achieved'] as const;
export const STATUS = ['draft', 'returned', 'submitted', 'department_approved', 'finance_approved', 'published'] as const;
export const SCHEME = ['mof-2020-project', 'department-overall'] as const;
export const PROJECT_CATEGORIES = ['购置', '培训', '会议', '补贴', '建设', '信息化', '其他'] as const;

const text = (max: number) => z.string().trim().max(max);
const optionalText = (max: number) => text(max).nullable().optional();

/** Fields of an indicator a preparer edits; decimals travel as strings, weights as point strings. */
/** Ledger metrics an indicator's actual can be bound to: the core's list, so the two cannot drift. */
export const LEDGER_METRICS = control.LEDGER_METRICS;

export const Binding = z.object({ metric: z.enum(LEDGER_METRICS), budgetLineIds: z.array(Uuid).max(200).optional() });

export const IndicatorFields = z.object({
  code: text(40).min(1).optional(),
  goalId: Uuid.nullable().optional(),
  /** Both null for an indicator of a flat form, scored by a scheme with free level weights. */
  level1: z.enum(LEVEL1).nullable(),
  level2: z.enum(LEVEL2).nullable(),
  name: text(200).min(1),
  direction: z.enum(DIRECTION),
  target: DecimalText.nullable().optional(),
  unit: optionalText(40),
  actual: DecimalText.nullable().optional(),
  targetText: optionalText(200),
  actualText: optionalText(500),
  lastYearActual: DecimalText.nullable().optional(),
  /** 调整指标值: set when a mid-year adjustment of the target is approved; the indicator is scored against it. */
  adjustedTarget: DecimalText.nullable().optional(),
  adjustedTargetText: optionalText(200),
  /** 得分系数 of an imported form, 0–1. */
  scoreCoefficient: DecimalText.refine((value) => Number(value) >= 0 && Number(value) <= 1, { error: '得分系数应在 0 到 1 之间，如 0.8' })
    .nullable()
    .optional(),
  isCore: z.boolean().optional(),
  weight: PointsText.nullable().optional(),
  notApplicable: z.boolean().optional(),
  deviationReason: optionalText(500),
  dataSource: optionalText(300),
  band: z.enum(BAND).nullable().optional(),
  qualitativeScore: PointsText.nullable().optional(),
  /** Fill the actual from the ledger; null unbinds. */
  binding: Binding.nullable().optional(),
});
export type IndicatorFields = z.infer<typeof IndicatorFields>;

export const CreateIndicator = IndicatorFields;
export const UpdateIndicator = IndicatorFields.partial().extend({ version: Version });

export const Indicator = z.object({
  id: Uuid,
  code: z.string(),
  goalId: Uuid.nullable(),
  position: Int32,
  /** null for an indicator of a flat form (no 一级 / 二级 columns). */
  level1: z.enum(LEVEL1).nullable(),
  level2: z.enum(LEVEL2).nullable(),
  name: z.string(),
  direction: z.enum(DIRECTION),
  target: z.string().nullable(),
  unit: z.string().nullable(),
  actual: z.string().nullable(),
  targetText: z.string().nullable(),
  actualText: z.string().nullable(),
  lastYearActual: z.string().nullable(),
  adjustedTarget: z.string().nullable(),
  adjustedTargetText: z.string().nullable(),
  /** The approved 绩效目标调整 behind the adjusted target: its reason, the date it was approved (yyyy-mm-dd) and the version it wrote. */
  targetAdjustment: z.object({ reason: z.string(), approvedAt: z.string(), version: Int32 }).nullable(),
  scoreCoefficient: z.string().nullable(),
  isCore: z.boolean(),
  weight: z.string().nullable(),
  notApplicable: z.boolean(),
  deviationReason: z.string().nullable(),
  dataSource: z.string().nullable(),
  band: z.enum(BAND).nullable(),
  qualitativeScore: z.string().nullable(),
  adjustment: z.object({ score: z.string(), reason: z.string(), by: z.string().nullable() }).nullable(),
  illustrative: z.boolean(),
  attachmentCount: Int32,
  binding: Binding.nullable(),
  /** The actual computed from the ledger for a bound indicator, and how. */
  computedActual: z.string().nullable(),
  actualSource: z.string().nullable(),
  /** The approved 绩效目标申报表 line this indicator opened from (docs/targets.md), if any. */
  declaredIndicatorId: Uuid.nullable(),
  version: Version,
});
export type Indicator = z.infer<typeof Indicator>;

export const Adjustment = z.object({
  version: Version,
  /** null removes the adjustment */
  score: PointsText.nullable(),
  reason: optionalText(500),
});

export const GoalFields = z.object({
  code: text(40).min(1).optional(),
  text: text(2000).min(1),
  summary: optionalText(200),
});
export const UpdateGoal = GoalFields.partial().extend({ version: Version });
export const Goal = z.object({
  id: Uuid,
  code: z.string(),
  position: Int32,
  text: z.string(),
  summary: z.string().nullable(),
  version: Version,
});
export type Goal = z.infer<typeof Goal>;

export const ManagementFields = z.object({
  amounts: z.record(z.string(), Money).optional(),
  target: DecimalText.nullable().optional(),
  weight: PointsText.nullable().optional(),
  notApplicable: z.boolean().optional(),
  band: z.enum(BAND).nullable().optional(),
  score: PointsText.nullable().optional(),
  deviationReason: optionalText(500),
  note: optionalText(1000),
  /** The value entered as a rate (percent, or an own item's unit), instead of or beside the amounts. */
  rate: DecimalText.nullable().optional(),
  /** Fill the item's formula inputs from a ledger metric; null unbinds. */
  binding: Binding.nullable().optional(),
  version: Version.optional(),
});
export const ManagementEntry = z.object({
  code: z.string(),
  name: z.string(),
  area: z.string(),
  kind: z.enum(['execution-rate', 'ratio', 'change-rate', 'entered', 'qualitative']),
  inputs: z.record(z.string(), z.string()),
  amounts: z.record(z.string(), z.string()),
  defaultTarget: z.string().nullable(),
  defaultWeight: z.string(),
  target: z.string().nullable(),
  weight: z.string().nullable(),
  notApplicable: z.boolean(),
  band: z.enum(BAND).nullable(),
  score: z.string().nullable(),
  deviationReason: z.string().nullable(),
  note: z.string().nullable(),
  illustrative: z.boolean(),
  rate: z.string().nullable(),
  /** The score written on an imported form, checked against the computed one. */
  declaredScore: z.string().nullable(),
  /** A department's own item (open catalogue), not one of the scheme's. */
  own: z.boolean(),
  unit: z.string().nullable(),
  binding: Binding.nullable(),
  /** For a bound item: how the ledger computed its inputs (the amounts above are the ledger's). */
  amountSource: z.string().nullable(),
  version: Int32.nullable(),
});
export type ManagementEntry = z.infer<typeof ManagementEntry>;

export const Budget = z.object({
  initial: Money,
  carryOver: Money,
  adjusted: Money,
  executed: Money,
  executionReason: z.string().nullable(),
  illustrative: z.boolean(),
  /** 资金来源 lines as the forms print them: the total first, then each source with its own rate (shown, never scored). */
  sources: z.array(z.object({ label: z.string(), initial: Money, adjusted: Money, executed: Money, rate: z.string().nullable() })),
  /** The execution score written on an imported form. */
  declaredScore: z.string().nullable(),
});

export const Narrative = z.object({
  conclusion: text(5000).optional(),
  dutyIntro: text(5000).optional(),
  management: text(5000).optional(),
  problems: z.array(text(2000).min(1)).max(50),
  measures: z.array(text(2000).min(1)).max(50),
});

export const UpdateEvaluation = z.object({
  version: Version,
  preparerName: optionalText(50),
  preparerPhone: optionalText(50),
  filledOn: IsoDate.nullable().optional(),
  schemeId: z.enum(SCHEME).optional(),
  /** `ledger`: budget figures come from the unit's budget lines and payments. */
  budgetSource: z.enum(['manual', 'ledger']).optional(),
  budget: z
    .object({
      initial: NonNegativeMoney,
      carryOver: NonNegativeMoney,
      adjusted: NonNegativeMoney,
      executed: NonNegativeMoney,
      executionReason: z.string().max(2000).nullable(),
    })
    .partial()
    .optional(),
  narrative: Narrative.partial().optional(),
});

export const CreateEvaluation = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('department'), fiscalYear: Year, organisationId: Uuid }),
  z.object({ kind: z.literal('project'), fiscalYear: Year, projectId: Uuid }),
]);

export const EvaluationSummary = z.object({
  id: Uuid,
  kind: z.enum(['department', 'project']),
  fiscalYear: Year,
  organisationId: Uuid,
  organisationName: z.string(),
  organisationCode: z.string(),
  projectId: Uuid.nullable(),
  projectName: z.string().nullable(),
  projectCode: z.string().nullable(),
  category: z.string().nullable(),
  status: z.enum(STATUS),
  statusLabel: z.string(),
  total: z.string().nullable(),
  grade: z.string().nullable(),
  errorCount: Int32,
  warningCount: Int32,
  adjustedBudget: Money,
  executedBudget: Money,
  updatedAt: z.string(),
  revision: Int32,
});
export type EvaluationSummary = z.infer<typeof EvaluationSummary>;

export const EvaluationList = z.object({ items: z.array(EvaluationSummary) });

export const Transition = z.object({
  id: Uuid,
  action: z.string(),
  actionLabel: z.string(),
  fromStatus: z.string(),
  toStatus: z.string(),
  actorName: z.string(),
  comment: z.string().nullable(),
  at: z.string(),
});

export const Attachment = z.object({
  id: Uuid,
  indicatorId: Uuid.nullable(),
  filename: z.string(),
  contentType: z.string(),
  sizeBytes: Int32,
  uploadedBy: z.string(),
  uploadedAt: z.string(),
});
export type Attachment = z.infer<typeof Attachment>;

export const Permissions = z.object({
  edit: z.boolean(),
  adjust: z.boolean(),
  submit: z.boolean(),
  approve: z.boolean(),
  return: z.boolean(),
  publish: z.boolean(),
  /** 撤回公开 of a published report (the posts that publish, never a preparer). */
  withdraw: z.boolean(),
  /** Why approve/publish is refused for this user (segregation of duties), if it is. */
  refusal: z.string().nullable(),
});

export const EvaluationDetail = EvaluationSummary.extend({
  schemeId: z.enum(SCHEME),
  budgetSource: z.enum(['manual', 'ledger']),
  preparerName: z.string().nullable(),
  preparerPhone: z.string().nullable(),
  filledOn: z.string().nullable(),
  subordinateUnitCount: Int32,
  budget: Budget,
  narrative: Narrative,
  goals: z.array(Goal),
  indicators: z.array(Indicator),
  management: z.array(ManagementEntry),
  transitions: z.array(Transition),
  attachments: z.array(Attachment),
  permissions: Permissions,
  version: Version,
  notes: z.string().nullable(),
  /**
   * The approved declaration the evaluation opened from and the version of its targets (1 as approved
   * at 批复; a later number after a mid-year adjustment), or null when the targets were typed in.
   */
  declaration: z.object({ id: Uuid, version: Int32 }).nullable(),
});
export type EvaluationDetail = z.infer<typeof EvaluationDetail>;

export const TransitionRequest = z.object({
  action: z.enum(['submit', 'approve', 'return', 'publish']),
  comment: text(2000).optional(),
  /** The revision the user saw: approving a changed evaluation is refused. */
  revision: Int32.min(1),
});

export const ListEvaluationsQuery = z.object({
  fiscalYear: YearText.optional(),
  status: z.enum(STATUS).optional(),
  kind: z.enum(['department', 'project']).optional(),
  organisationId: Uuid.optional(),
  /** Part of the project's name or code, or of the unit's name. */
  q: ListSearch.optional(),
});

/** What a workflow step answers: the evaluation's new status. */
/** 撤回公开: the reason is required and shown in the history, the audit log and the preparers' notice. */
export const WithdrawPublicationRequest = z.object({
  reason: z.string().trim().min(1, { error: '撤回公开必须填写撤回理由' }).max(500),
  revision: Int32.min(1),
});

export const TransitionResult = z.object({ status: z.enum(STATUS), statusLabel: z.string() });
export type TransitionResult = z.infer<typeof TransitionResult>;
