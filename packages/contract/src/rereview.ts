import { z } from 'zod';
import { NonNegativeMoney, PointsText, Uuid, Version, Year, YearText } from './common.ts';

/** 抽查复核: the finance bureau's sampled re-review (docs/finance-bureau.md §抽查复核). */

/** A share in percent, up to two decimals: "20", "12.5". */
const SharePercent = z.string().regex(/^\d{1,3}(\.\d{1,2})?$/, { error: '抽取比例应为百分数，如 "20"' });

export const RereviewRule = z.object({
  /** Every evaluation whose budget (调整后预算数) ≥ this amount, in yuan; null: none. */
  threshold: NonNegativeMoney.nullable().default(null),
  /** A share drawn at random among the rest; null: none. */
  random: z
    .object({
      share: SharePercent,
      stratify: z.enum(['none', 'department', 'amount']).default('none'),
      /** Band limits in yuan, ascending, for stratifying by amount (default 1,000,000 and 5,000,000). */
      bands: z.array(NonNegativeMoney).max(10).optional(),
    })
    .nullable()
    .default(null),
  include: z.array(Uuid).max(500).default([]),
  exclude: z.array(Uuid).max(500).default([]),
});
export type RereviewRuleBody = z.infer<typeof RereviewRule>;

export const RereviewPreview = z.object({
  fiscalYear: Year,
  rule: RereviewRule,
  /** Leave out for a fresh one; give the seed shown to see the same draw again. */
  seed: z.string().min(1).max(64).optional(),
});

export const CreateRereview = RereviewPreview.extend({
  title: z.string().trim().min(1, { error: '批次名称不能为空' }).max(100),
  seed: z.string().min(1).max(64),
});
export type CreateRereviewBody = z.infer<typeof CreateRereview>;

export const UpdateRereviewSample = z.object({
  include: z.array(Uuid).max(500),
  exclude: z.array(Uuid).max(500),
  version: Version,
});

export const RereviewVersion = z.object({ version: Version });

export const RereviewListQuery = z.object({ fiscalYear: YearText.optional() });

export const SampledEvaluation = z.object({
  evaluationId: Uuid,
  kind: z.enum(['department', 'project']),
  name: z.string(),
  departmentName: z.string(),
  organisationName: z.string(),
  budget: z.string(),
  reason: z.enum(['threshold', 'random', 'manual']),
  /** Why it was drawn, in words: "金额 ≥ 500万元", "随机抽取（部门A）", "手工选取". */
  reasonText: z.string(),
  selfTotal: z.string().nullable(),
});

export const RereviewPreviewAnswer = z.object({
  seed: z.string(),
  population: z.number().int(),
  strata: z.array(z.object({ label: z.string(), pool: z.number().int(), drawn: z.number().int() })),
  sample: z.array(SampledEvaluation),
  /** The rest of the population, to add by hand. */
  others: z.array(SampledEvaluation),
});

export const RereviewPermissions = z.object({
  edit: z.boolean(),
  confirm: z.boolean(),
  rescore: z.boolean(),
  publish: z.boolean(),
});

export const RereviewSummary = z.object({
  id: Uuid,
  fiscalYear: z.number().int(),
  title: z.string(),
  status: z.enum(['draft', 'confirmed']),
  sampleCount: z.number().int(),
  completedCount: z.number().int(),
  published: z.boolean(),
  publishedOn: z.string().nullable(),
  createdAt: z.string(),
  version: z.number().int(),
});

export const RereviewResult = z.object({
  sampleId: Uuid,
  evaluationId: Uuid,
  name: z.string(),
  departmentName: z.string(),
  status: z.enum(['open', 'completed']),
  selfTotal: z.string().nullable(),
  rereviewTotal: z.string().nullable(),
  /** 自评 − 复核 */
  deviation: z.string().nullable(),
  opinion: z.string().nullable(),
});

export const DepartmentDeviation = z.object({
  departmentName: z.string(),
  completed: z.number().int(),
  averageDeviation: z.string().nullable(),
});

export const RereviewDetail = RereviewSummary.extend({
  rule: RereviewRule,
  ruleText: z.string(),
  seed: z.string(),
  population: z.number().int(),
  sample: z.array(SampledEvaluation.extend({ sampleId: Uuid })),
  others: z.array(SampledEvaluation),
  results: z.array(RereviewResult),
  departments: z.array(DepartmentDeviation),
  permissions: RereviewPermissions,
});
export type RereviewDetail = z.infer<typeof RereviewDetail>;

export const RescoreItem = z.object({
  itemId: z.string(),
  kind: z.enum(['indicator', 'execution', 'management']),
  part: z.string(),
  name: z.string(),
  weight: z.string(),
  selfScore: z.string(),
  score: z.string().nullable(),
  reason: z.string().nullable(),
});

export const RereviewSampleDetail = z.object({
  sampleId: Uuid,
  roundId: Uuid,
  evaluationId: Uuid,
  name: z.string(),
  departmentName: z.string(),
  status: z.enum(['open', 'completed']),
  items: z.array(RescoreItem),
  selfTotal: z.string(),
  rereviewTotal: z.string().nullable(),
  deviation: z.string().nullable(),
  opinion: z.string().nullable(),
  permissions: z.object({ rescore: z.boolean(), complete: z.boolean(), refusal: z.string().nullable() }),
  version: z.number().int(),
});
export type RereviewSampleDetail = z.infer<typeof RereviewSampleDetail>;

export const SaveRescores = z.object({
  scores: z
    .array(
      z.object({
        itemId: z.string().min(1).max(100),
        score: PointsText,
        reason: z.string().max(1000).nullable().optional(),
      }),
    )
    .min(1, { error: '请至少复核一个评分项' })
    .max(300),
  version: Version,
});

export const CompleteRereview = z.object({
  opinion: z.string().trim().min(1, { error: '请填写复核意见' }).max(2000),
  version: Version,
});
