import { z } from 'zod';
import { DecimalText, Int32, IsoDate, ListSearch, Money, NonNegativeMoney, PointsText, Uuid, Version, Year, YearText } from './common.ts';
import { DIRECTION, LEVEL1, LEVEL2 } from './evaluation.ts';
import { CarriedRectification } from './rectification.ts';
import { AppliedResult } from './results.ts';
import { ScoreFinding } from './score.ts';

/** 绩效目标申报表 (docs/targets.md "申报表"): the forms, their review and approval. */
export const DECLARATION_STATUS = ['draft', 'returned', 'submitted', 'department_approved', 'approved'] as const;
export const DECLARATION_KIND = ['project', 'department'] as const;
export const PROJECT_ATTRIBUTE = ['new', 'continuing'] as const;
export const INDICATOR_NATURE = ['quantitative', 'qualitative'] as const;
export const TARGET_BASIS = ['plan', 'industry', 'history', 'fiscal', 'other'] as const;
export const VERDICT = ['pass', 'pass-after-change', 'fail'] as const;

const text = (max: number) => z.string().trim().max(max);
const optionalText = (max: number) => text(max).nullable().optional();

export const DeclaredGoalFields = z.object({
  /** Kept when the goal exists; a new goal may bring an id of its own so new indicators can name it. */
  id: Uuid.optional(),
  text: text(2000).min(1, { error: '年度目标不能为空' }),
  summary: optionalText(200),
});

export const DeclaredIndicatorFields = z.object({
  /** Present for a line already saved: its id is kept (the year-end evaluation refers to it). */
  id: Uuid.optional(),
  goalId: Uuid.nullable().optional(),
  level1: z.enum(LEVEL1),
  level2: z.enum(LEVEL2),
  /** 三级指标 */
  name: text(200).min(1, { error: '三级指标名称不能为空' }),
  nature: z.enum(INDICATOR_NATURE),
  direction: z.enum(DIRECTION),
  target: DecimalText.nullable().optional(),
  targetText: optionalText(200),
  unit: optionalText(40),
  basis: z.enum(TARGET_BASIS).nullable().optional(),
  basisText: optionalText(500),
  dataSource: optionalText(300),
  method: optionalText(300),
  evidence: optionalText(300),
  lastYearActual: DecimalText.nullable().optional(),
  core: z.boolean().optional(),
  scoringRule: optionalText(1000),
  weight: PointsText.nullable().optional(),
  libraryEntryId: Uuid.nullable().optional(),
});
export type DeclaredIndicatorFields = z.infer<typeof DeclaredIndicatorFields>;

/** The whole form, saved at once: header, funds, goals and the indicator table. */
export const SaveDeclaration = z.object({
  version: Version,
  projectName: optionalText(200),
  projectCode: optionalText(60),
  department: text(200).min(1, { error: '主管部门不能为空' }),
  implementingUnit: text(200).min(1, { error: '实施单位不能为空' }),
  attribute: z.enum(PROJECT_ATTRIBUTE).nullable().optional(),
  periodStart: IsoDate.nullable().optional(),
  periodEnd: IsoDate.nullable().optional(),
  funds: z.object({ fiscal: NonNegativeMoney, other: NonNegativeMoney }),
  overallGoal: text(4000),
  annualGoals: z.array(DeclaredGoalFields).max(50),
  indicators: z.array(DeclaredIndicatorFields).max(300),
});
export type SaveDeclaration = z.infer<typeof SaveDeclaration>;

export const CreateDeclaration = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('project'), projectId: Uuid }),
  z.object({ kind: z.literal('department'), organisationId: Uuid, fiscalYear: Year }),
]);

export const ListDeclarationsQuery = z.object({
  fiscalYear: YearText.optional(),
  status: z.enum(DECLARATION_STATUS).optional(),
  kind: z.enum(DECLARATION_KIND).optional(),
  /** The department filter of readers who see several units. */
  organisationId: Uuid.optional(),
  /** Part of the project's name or code, or of the unit's name. */
  q: ListSearch.optional(),
});

export const Opinion = z.object({
  stage: z.enum(['department', 'finance']),
  verdict: z.enum(VERDICT).nullable(),
  verdictLabel: z.string().nullable(),
  text: z.string().nullable(),
  actorName: z.string(),
  at: z.string(),
});
export type Opinion = z.infer<typeof Opinion>;

export const DeclaredIndicator = z.object({
  id: Uuid,
  position: Int32,
  goalId: z.string().nullable(),
  level1: z.enum(LEVEL1),
  level2: z.enum(LEVEL2),
  name: z.string(),
  nature: z.enum(INDICATOR_NATURE),
  direction: z.enum(DIRECTION),
  target: z.string().nullable(),
  targetText: z.string().nullable(),
  unit: z.string().nullable(),
  basis: z.enum(TARGET_BASIS).nullable(),
  basisText: z.string().nullable(),
  dataSource: z.string().nullable(),
  method: z.string().nullable(),
  evidence: z.string().nullable(),
  lastYearActual: z.string().nullable(),
  core: z.boolean(),
  scoringRule: z.string().nullable(),
  weight: z.string().nullable(),
  libraryEntryId: Uuid.nullable(),
  /** The opinions of the last review on this line, shown beside it. */
  opinions: z.array(Opinion),
});
export type DeclaredIndicator = z.infer<typeof DeclaredIndicator>;

/** A finding of the declaration checks; a warning kept at submission carries the preparer's reason. */
export const DeclarationFinding = ScoreFinding.extend({ key: z.string(), reason: z.string().nullable() });
export type DeclarationFinding = z.infer<typeof DeclarationFinding>;

export const DeclarationTransition = z.object({
  id: Uuid,
  action: z.string(),
  actionLabel: z.string(),
  stage: z.string(),
  fromStatus: z.string(),
  toStatus: z.string(),
  actorName: z.string(),
  comment: z.string().nullable(),
  at: z.string(),
});

export const DeclarationPermissions = z.object({
  edit: z.boolean(),
  submit: z.boolean(),
  approve: z.boolean(),
  return: z.boolean(),
  /** Whether the current step asks for an opinion on every indicator (财政审核). */
  opinionPerIndicator: z.boolean(),
  /** Why approving is refused to this user (segregation of duties), if it is. */
  refusal: z.string().nullable(),
});

export const DeclarationSummary = z.object({
  id: Uuid,
  kind: z.enum(DECLARATION_KIND),
  fiscalYear: Year,
  organisationId: Uuid,
  organisationName: z.string(),
  projectId: Uuid.nullable(),
  projectName: z.string().nullable(),
  projectCode: z.string().nullable(),
  fundsTotal: Money,
  indicatorCount: Int32,
  status: z.enum(DECLARATION_STATUS),
  statusLabel: z.string(),
  updatedAt: z.string(),
  version: Version,
});
export type DeclarationSummary = z.infer<typeof DeclarationSummary>;
export const DeclarationList = z.object({ items: z.array(DeclarationSummary) });
export type DeclarationList = z.infer<typeof DeclarationList>;

export const DeclarationDetail = DeclarationSummary.extend({
  department: z.string(),
  implementingUnit: z.string(),
  attribute: z.enum(PROJECT_ATTRIBUTE).nullable(),
  periodStart: z.string().nullable(),
  periodEnd: z.string().nullable(),
  funds: z.object({ total: Money, fiscal: Money, other: Money }),
  overallGoal: z.string(),
  annualGoals: z.array(z.object({ id: z.string(), text: z.string(), summary: z.string().nullable() })),
  indicators: z.array(DeclaredIndicator),
  findings: z.array(DeclarationFinding),
  /** The overall opinions of the last review round (部门审核 / 财政审核). */
  opinions: z.array(Opinion),
  transitions: z.array(DeclarationTransition),
  approved: z.object({ number: Int32, approvedAt: z.string(), approvedBy: z.string() }).nullable(),
  /** 未完成整改事项: the unit's rectification items of the year before still open (read through ports/rectification-reader.ts). */
  carriedRectifications: z.array(CarriedRectification),
  /** 上年度评价结果应用: the bureau's decision on the same project of the year before (ports/result-reader.ts); null when none. */
  appliedResult: AppliedResult.nullable(),
  permissions: DeclarationPermissions,
});
export type DeclarationDetail = z.infer<typeof DeclarationDetail>;

export const IndicatorOpinionInput = z.object({
  indicatorId: Uuid,
  verdict: z.enum(VERDICT).nullable().optional(),
  text: optionalText(1000),
});

export const DeclarationStepRequest = z.object({
  action: z.enum(['submit', 'approve', 'return']),
  /** The version the user saw: a step on content changed since is refused. */
  version: Version,
  /** The overall opinion (required to return). */
  comment: text(2000).optional(),
  /** 提交: the reason for each warning kept, by the finding's key. */
  reasons: z.record(z.string().max(200), text(1000)).optional(),
  /** 审核: an opinion per indicator (财政审核: every indicator, with its verdict). */
  opinions: z.array(IndicatorOpinionInput).max(300).optional(),
});
export type DeclarationStepRequest = z.infer<typeof DeclarationStepRequest>;

export const DeclarationStepResult = z.object({ status: z.enum(DECLARATION_STATUS), statusLabel: z.string(), version: Version });
