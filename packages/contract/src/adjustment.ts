import { z } from 'zod';
import { DecimalText, Int32, Uuid, Version, Year, YearText } from './common.ts';
import { DIRECTION, LEVEL1, LEVEL2 } from './evaluation.ts';
import { DeclarationFinding, DeclaredIndicatorFields, INDICATOR_NATURE } from './targets.ts';

/** 绩效目标调整 (docs/targets.md "目标调整"): requests to change approved targets, their review and the versions they write. */
export const ADJUSTMENT_STATUS = ['draft', 'submitted', 'department_approved', 'returned', 'approved', 'rejected'] as const;
export const ADJUSTMENT_CHANGE_KIND = ['target', 'add', 'drop'] as const;

const text = (max: number) => z.string().trim().max(max);

/** 佐证材料: described, with a link where it can be read (no upload: the evidence usually lives in the unit's own files). */
export const AdjustmentEvidence = z.object({
  description: text(500).min(1, { error: '佐证材料的说明不能为空' }),
  link: z.url({ error: '链接应为完整网址，如 https://…' }).max(1000).optional(),
});

/** The reason is required; the server checks it (so the refusal names the change) rather than the schema. */
const changeCommon = { reason: text(1000), evidence: z.array(AdjustmentEvidence).max(20).optional() };

/**
 * One change: `target` (indicatorId, the new 指标值), `add` (indicator, all its declaration fields) or
 * `drop` (indicatorId). One flat object rather than a union, so a wrong field is named as itself; the
 * server says which field a kind is missing.
 */
export const AdjustmentChangeInput = z.object({
  kind: z.enum(ADJUSTMENT_CHANGE_KIND),
  indicatorId: Uuid.optional(),
  target: DecimalText.nullable().optional(),
  targetText: text(200).nullable().optional(),
  indicator: DeclaredIndicatorFields.omit({ id: true }).optional(),
  ...changeCommon,
});
export type AdjustmentChangeInput = z.infer<typeof AdjustmentChangeInput>;

export const CreateAdjustment = z.object({ declarationId: Uuid });

/** The whole list of changes, saved at once (PUT /api/adjustments/:id). */
export const SaveAdjustment = z.object({ version: Version, changes: z.array(AdjustmentChangeInput).max(100) });
export type SaveAdjustment = z.infer<typeof SaveAdjustment>;

/** 提交: the reason for each warning of the declaration checks kept on the adjusted set, by the finding's key. */
export const SubmitAdjustmentRequest = z.object({ version: Version, reasons: z.record(z.string().max(200), text(1000)).optional() });
export type SubmitAdjustmentRequest = z.infer<typeof SubmitAdjustmentRequest>;

/** 审核: approve, return (department or finance) or reject (finance); an opinion is required to return or reject. */
export const AdjustmentDecisionRequest = z.object({
  version: Version,
  action: z.enum(['approve', 'return', 'reject']),
  opinion: text(2000).optional(),
});
export type AdjustmentDecisionRequest = z.infer<typeof AdjustmentDecisionRequest>;

export const AdjustmentStepResult = z.object({
  status: z.enum(ADJUSTMENT_STATUS),
  statusLabel: z.string(),
  version: Version,
  /** The declaration version the approval wrote. */
  resultVersion: Int32.nullable(),
});

export const ListAdjustmentsQuery = z.object({
  fiscalYear: YearText.optional(),
  status: z.enum(ADJUSTMENT_STATUS).optional(),
  organisationId: Uuid.optional(),
});
export type ListAdjustmentsQuery = z.infer<typeof ListAdjustmentsQuery>;

export const AdjustmentSummary = z.object({
  id: Uuid,
  declarationId: Uuid,
  /** The declaration as users name it: the project's name, or the department's 部门整体支出. */
  declarationTitle: z.string(),
  organisationId: Uuid,
  organisationName: z.string(),
  fiscalYear: Year,
  status: z.enum(ADJUSTMENT_STATUS),
  statusLabel: z.string(),
  changeCount: Int32,
  baseVersion: Int32,
  resultVersion: Int32.nullable(),
  createdByName: z.string(),
  updatedAt: z.string(),
});
export type AdjustmentSummary = z.infer<typeof AdjustmentSummary>;
export const AdjustmentList = z.object({ items: z.array(AdjustmentSummary) });
export type AdjustmentList = z.infer<typeof AdjustmentList>;

const TargetValue = z.object({ target: z.string().nullable(), targetText: z.string().nullable() });

/** An approved line as the request shows it (调整前). */
export const AdjustableIndicator = z.object({
  id: Uuid,
  level1: z.enum(LEVEL1),
  level2: z.enum(LEVEL2),
  name: z.string(),
  nature: z.enum(INDICATOR_NATURE),
  direction: z.enum(DIRECTION),
  target: z.string().nullable(),
  targetText: z.string().nullable(),
  unit: z.string().nullable(),
  /** The 指标值 of version 1 when an earlier adjustment changed it. */
  originalTarget: TargetValue.nullable(),
});
export type AdjustableIndicator = z.infer<typeof AdjustableIndicator>;

export const AdjustmentChange = z.object({
  id: Uuid,
  kind: z.enum(ADJUSTMENT_CHANGE_KIND),
  kindLabel: z.string(),
  indicatorId: Uuid,
  indicatorName: z.string(),
  unit: z.string().nullable(),
  /** 调整前 (null for an added line) and 调整后 (null for a dropped one). */
  before: TargetValue.nullable(),
  after: TargetValue.nullable(),
  /** The added line's fields. */
  indicator: DeclaredIndicatorFields.omit({ id: true }).nullable(),
  reason: z.string(),
  evidence: z.array(z.object({ description: z.string(), link: z.string().optional() })),
});
export type AdjustmentChange = z.infer<typeof AdjustmentChange>;

export const AdjustmentStep = z.object({
  action: z.string(),
  actionLabel: z.string(),
  stage: z.string(),
  toStatus: z.enum(ADJUSTMENT_STATUS),
  actorName: z.string(),
  opinion: z.string().nullable(),
  at: z.string(),
});

export const AdjustmentProblem = z.object({ index: Int32.nullable(), field: z.string(), message: z.string() });

export const AdjustmentDetail = AdjustmentSummary.extend({
  version: Version,
  /** The approved lines the changes are written against (the base version). */
  indicators: z.array(AdjustableIndicator),
  changes: z.array(AdjustmentChange),
  /** The changes' own problems (missing reason, no change, …): any blocks the submission. */
  problems: z.array(AdjustmentProblem),
  /** The declaration checks on the adjusted set, as at declaration: errors block, warnings need a reason. */
  findings: z.array(DeclarationFinding),
  steps: z.array(AdjustmentStep),
  permissions: z.object({
    edit: z.boolean(),
    submit: z.boolean(),
    approve: z.boolean(),
    return: z.boolean(),
    reject: z.boolean(),
    /** Why approving is refused to this user (segregation of duties), if it is. */
    refusal: z.string().nullable(),
  }),
});
export type AdjustmentDetail = z.infer<typeof AdjustmentDetail>;

/** The approved versions of a declaration (v1 批复, v2 调整 …) with what each adjustment changed. */
export const DeclarationVersionList = z.object({
  versions: z.array(
    z.object({
      number: Int32,
      kind: z.enum(['approval', 'adjustment']),
      approvedAt: z.string(),
      approvedByName: z.string(),
      adjustmentId: Uuid.nullable(),
      changes: z.array(
        AdjustmentChange.pick({ kind: true, kindLabel: true, indicatorName: true, unit: true, before: true, after: true, reason: true }),
      ),
    }),
  ),
  /** The request still open on the declaration, if any (one at a time). */
  openAdjustment: z.object({ id: Uuid, status: z.enum(ADJUSTMENT_STATUS), statusLabel: z.string() }).nullable(),
  permissions: z.object({ requestAdjustment: z.boolean() }),
});
export type DeclarationVersionList = z.infer<typeof DeclarationVersionList>;
