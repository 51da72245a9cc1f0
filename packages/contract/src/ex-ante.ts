import { z } from 'zod';
import { Int32, NonNegativeMoney, Uuid, Version, YearText } from './common.ts';

/** 事前绩效评估 (docs/targets.md): one per project and year, graded sub-item by sub-item, concluded once. */
export const EX_ANTE_GRADES = ['excellent', 'good', 'fair', 'poor'] as const;
export const EX_ANTE_CONCLUSIONS = ['support', 'adjust', 'reject'] as const;
export const EX_ANTE_DIMENSIONS = ['necessity', 'economy', 'targets', 'feasibility', 'compliance'] as const;

export const ExAnteListQuery = z.object({ organisationId: Uuid.optional(), fiscalYear: YearText.optional() });

export const CreateExAnte = z.object({
  projectId: Uuid,
  fiscalYear: YearText,
  /** 申请资金 (元); the project's budget when left out. */
  funds: NonNegativeMoney.optional(),
});

export const ExAnteEntryBody = z.object({
  code: z.string().min(1).max(40),
  grade: z.enum(EX_ANTE_GRADES).nullable().optional(),
  opinion: z.string().trim().max(1000).optional(),
});

export const SaveExAnte = z.object({
  version: Version,
  entries: z.array(ExAnteEntryBody).max(100),
  opinion: z.string().trim().max(2000).optional(),
});

/** Concluding is final: the client shows the conclusion the grades give and sends `confirm: true` with it. */
export const ConcludeExAnte = z.object({
  version: Version,
  confirm: z.literal(true, { error: '请确认评估结论' }),
  /** The conclusion the user saw; refused if the grades now give another. */
  conclusion: z.enum(EX_ANTE_CONCLUSIONS),
  opinion: z.string().trim().min(1, { error: '请填写评估意见' }).max(2000),
});

const Permissions = z.object({ grade: z.boolean(), conclude: z.boolean() });

export const ExAnteItem = z.object({
  code: z.string(),
  name: z.string(),
  nameEn: z.string(),
  hint: z.string(),
  points: z.string(),
  grade: z.enum(EX_ANTE_GRADES).nullable(),
  score: z.string().nullable(),
  opinion: z.string().nullable(),
});

export const ExAnteDimension = z.object({
  dimension: z.enum(EX_ANTE_DIMENSIONS),
  name: z.string(),
  nameEn: z.string(),
  points: z.string(),
  score: z.string(),
  items: z.array(ExAnteItem),
});

export const ExAnteSummary = z.object({
  id: Uuid,
  organisationId: Uuid,
  organisationName: z.string(),
  projectId: Uuid,
  projectCode: z.string(),
  projectName: z.string(),
  fiscalYear: Int32,
  funds: z.string(),
  total: z.string(),
  conclusion: z.enum(EX_ANTE_CONCLUSIONS).nullable(),
  concludedAt: z.string().nullable(),
  version: Int32,
});

export const ExAnteAssessment = ExAnteSummary.extend({
  dimensions: z.array(ExAnteDimension),
  ungraded: z.array(z.string()),
  /** What the grades give now (null while any sub-item is ungraded); the stored conclusion once concluded. */
  proposedConclusion: z.enum(EX_ANTE_CONCLUSIONS).nullable(),
  explanation: z.string(),
  explanationEn: z.string(),
  opinion: z.string().nullable(),
  cutOffs: z.object({ support: z.string(), adjust: z.string() }),
  grades: z.array(z.object({ grade: z.enum(EX_ANTE_GRADES), share: z.string() })),
  permissions: Permissions,
});

export type ExAnteSummary = z.infer<typeof ExAnteSummary>;
export type ExAnteAssessment = z.infer<typeof ExAnteAssessment>;
export type ExAnteGradeValue = (typeof EX_ANTE_GRADES)[number];
export type ExAnteConclusionValue = (typeof EX_ANTE_CONCLUSIONS)[number];
export type CreateExAnteBody = z.input<typeof CreateExAnte>;
export type SaveExAnteBody = z.infer<typeof SaveExAnte>;
export type ConcludeExAnteBody = z.infer<typeof ConcludeExAnte>;
