import { z } from 'zod';
import { Money, NonNegativeMoney, PointsText, Uuid, Version, Year, YearText } from './common.ts';

/** 结果应用 (docs/finance-bureau.md "结果应用"): each result's suggestion for next year's budget, and the bureau's decision. */
export const RESULT_TREATMENT = ['prioritise', 'maintain', 'reduce', 'suspend'] as const;
export const RESULT_DECISION = ['adopt', 'adjust'] as const;
export const RESULT_GRADE = ['优', '良', '中', '差'] as const;

export const ListResultsQuery = z.object({
  fiscalYear: YearText.optional(),
  /** A department: its own evaluations and its units'. */
  departmentId: Uuid.optional(),
  grade: z.enum(RESULT_GRADE).optional(),
  /** Only those without a decision (true) or with one (false). */
  undecided: z.enum(['true', 'false']).optional(),
});
export type ListResultsQuery = z.infer<typeof ListResultsQuery>;

export const ResultDecisionView = z.object({
  decision: z.enum(RESULT_DECISION),
  decisionLabel: z.string(),
  treatment: z.enum(RESULT_TREATMENT),
  treatmentLabel: z.string(),
  decidedAmount: Money,
  reason: z.string().nullable(),
  decidedByName: z.string(),
  decidedAt: z.string(),
  version: Version,
});
export type ResultDecisionView = z.infer<typeof ResultDecisionView>;

export const ResultItem = z.object({
  evaluationId: Uuid,
  organisationId: Uuid,
  organisationName: z.string(),
  departmentName: z.string(),
  projectCode: z.string(),
  projectName: z.string(),
  fiscalYear: Year,
  /** Which score the suggestion rests on: the bureau's re-review where one was completed, else the approved self-score. */
  scoreSource: z.enum(['rereview', 'self']),
  scoreSourceLabel: z.string(),
  total: PointsText,
  selfTotal: PointsText,
  grade: z.enum(RESULT_GRADE),
  treatment: z.enum(RESULT_TREATMENT),
  treatmentLabel: z.string(),
  /** The project's budget of the year (元). */
  budget: Money,
  suggestedAmount: Money,
  /** How the suggestion follows, and its basis, in plain Chinese. */
  explanation: z.string(),
  basis: z.string(),
  decision: ResultDecisionView.nullable(),
  permissions: z.object({ decide: z.boolean() }),
});
export type ResultItem = z.infer<typeof ResultItem>;

export const ResultGradeTotal = z.object({
  grade: z.enum(RESULT_GRADE),
  count: z.number().int(),
  budget: Money,
  suggestedAmount: Money,
  /** The decided amounts where a decision exists, the suggestion where not. */
  plannedAmount: Money,
});

export const ResultList = z.object({
  fiscalYear: Year.nullable(),
  years: z.array(Year),
  /** The configured cut of 中 (JIXIAO_RESULT_REDUCE_PERCENT). */
  reducePercent: z.number().int(),
  departments: z.array(z.object({ id: Uuid, name: z.string() })),
  items: z.array(ResultItem),
  byGrade: z.array(ResultGradeTotal),
});
export type ResultList = z.infer<typeof ResultList>;

/** POST /api/results/:evaluationId/decision: the bureau's 结果应用 decision, once per evaluation. */
export const DecideResult = z.object({
  decision: z.enum(RESULT_DECISION),
  treatment: z.enum(RESULT_TREATMENT),
  decidedAmount: NonNegativeMoney,
  /** Required when the amount or the treatment differs from the suggestion. */
  reason: z.string().trim().max(2000).optional(),
});
export type DecideResult = z.infer<typeof DecideResult>;

/** What the next year shows of a project's decided application (declarations, budget lines). */
export const AppliedResult = z.object({
  evaluationId: Uuid,
  fiscalYear: Year,
  projectName: z.string(),
  grade: z.enum(RESULT_GRADE),
  total: PointsText,
  treatment: z.enum(RESULT_TREATMENT),
  treatmentLabel: z.string(),
  decidedAmount: Money,
  reason: z.string().nullable(),
  /** One sentence for the form: "2025 年度评价结果：良（85.00 分），财政决定保障，安排 1,000.00 元". */
  note: z.string(),
});
export type AppliedResult = z.infer<typeof AppliedResult>;
