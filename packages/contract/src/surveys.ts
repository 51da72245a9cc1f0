import { z } from 'zod';
import { IsoDate, Uuid, Version, Year } from './common.ts';

/** 满意度调查: design, plan, distribution, public answering and results (docs/surveys.md). */

const Id = z.string().regex(/^[a-z0-9][a-z0-9-]{0,39}$/, { error: '编号只能用小写字母、数字和连字符，最长 40 个字符' });

export const ScaleLevel = z.enum(['very-satisfied', 'satisfied', 'fair', 'dissatisfied', 'very-dissatisfied']);

export const SurveyQuestion = z.object({
  id: Id,
  kind: z.enum(['scale', 'single', 'multiple', 'text']),
  text: z.string().min(1, { error: '题目不能为空' }).max(300),
  required: z.boolean(),
  weight: z
    .string()
    .regex(/^\d{1,3}(\.\d{1,2})?$/, { error: '权重应为正数，最多两位小数' })
    .optional(),
  options: z
    .array(z.object({ id: Id, label: z.string().min(1).max(100) }))
    .max(30)
    .optional(),
  maxLength: z.number().int().min(1).max(2000).optional(),
});
export type SurveyQuestionBody = z.infer<typeof SurveyQuestion>;

const Score = z.number().int().min(0).max(100);
export const SurveyScale = z.object({
  scores: z.object({ 'very-satisfied': Score, satisfied: Score, fair: Score, dissatisfied: Score, 'very-dissatisfied': Score }),
  satisfied: z.array(ScaleLevel).min(1),
});

export const SurveyIntegrity = z.object({
  minimumSeconds: z.number().int().min(0).max(3600),
  straightLiningMinimum: z.number().int().min(2).max(100),
  duplicateWindowSeconds: z
    .number()
    .int()
    .min(0)
    .max(30 * 86_400),
});

export const SurveyPlanInput = z.object({
  populationSource: z.enum(['manual', 'subsidy-register']),
  /** Required when the source is manual; counted from the register otherwise. */
  population: z.number().int().min(1).max(100_000_000).nullable().optional(),
  confidence: z.enum(['90', '95', '99']),
  /** ±e in percent, e.g. "5" or "4.5". */
  margin: z.string().regex(/^\d{1,2}(\.\d{1,2})?$/, { error: '误差应为百分数，如 "5"' }),
  /** Expected response rate in percent, e.g. "60". */
  responseRate: z.string().regex(/^\d{1,3}(\.\d{1,2})?$/, { error: '回收率应为百分数，如 "60"' }),
});

export const SurveyLinks = z.object({
  indicatorIds: z.array(Uuid).max(50).default([]),
  declaredIndicatorIds: z.array(Uuid).max(50).default([]),
});

export const SaveSurvey = z.object({
  organisationId: Uuid,
  fiscalYear: Year,
  title: z.string().min(1, { error: '调查名称不能为空' }).max(200),
  kind: z.enum(['subsidised-enterprises', 'training-participants', 'residents', 'custom']),
  intro: z.string().max(2000).nullable().optional(),
  questions: z.array(SurveyQuestion).min(1, { error: '问卷至少须有一道题' }).max(100),
  scale: SurveyScale.optional(),
  integrity: SurveyIntegrity.optional(),
  plan: SurveyPlanInput,
  opensOn: IsoDate,
  closesOn: IsoDate,
  inviteOnly: z.boolean().default(false),
  personalConsent: z.string().max(1000).nullable().optional(),
  links: SurveyLinks.default({ indicatorIds: [], declaredIndicatorIds: [] }),
});
export type SaveSurveyBody = z.infer<typeof SaveSurvey>;
export const UpdateSurvey = SaveSurvey.omit({ organisationId: true, fiscalYear: true }).extend({ version: Version });
export type UpdateSurveyBody = z.infer<typeof UpdateSurvey>;

export const SurveyPlan = z.object({
  population: z.number().int().nullable(),
  populationSource: z.enum(['manual', 'subsidy-register']),
  confidence: z.enum(['90', '95', '99']),
  margin: z.string(),
  responseRate: z.string(),
  required: z.number().int(),
  invitations: z.number().int(),
  census: z.boolean(),
});

export const SurveyStatus = z.enum(['not-open', 'open', 'closed']);

export const SurveySummary = z.object({
  id: Uuid,
  organisationId: Uuid,
  organisationName: z.string(),
  fiscalYear: z.number().int(),
  title: z.string(),
  kind: z.string(),
  slug: z.string(),
  opensOn: z.string(),
  closesOn: z.string(),
  status: SurveyStatus,
  plan: SurveyPlan,
  validResponses: z.number().int(),
  version: z.number().int(),
});
export type SurveySummary = z.infer<typeof SurveySummary>;

export const SurveyLinkedIndicator = z.object({
  kind: z.enum(['evaluation', 'declared']),
  id: Uuid,
  name: z.string(),
  context: z.string(),
});

export const SurveyDetail = SurveySummary.extend({
  intro: z.string().nullable(),
  questions: z.array(SurveyQuestion),
  scale: SurveyScale,
  integrity: SurveyIntegrity,
  inviteOnly: z.boolean(),
  personalConsent: z.string().nullable(),
  links: z.array(SurveyLinkedIndicator),
  codes: z.object({ total: z.number().int(), used: z.number().int() }),
  permissions: z.object({ design: z.boolean(), distribute: z.boolean(), review: z.boolean() }),
});
export type SurveyDetail = z.infer<typeof SurveyDetail>;

export const SurveyListQuery = z.object({ organisationId: Uuid.optional(), fiscalYear: z.coerce.number().pipe(Year).optional() });

export const SamplePlanQuery = SurveyPlanInput.omit({ populationSource: true }).extend({
  population: z.coerce.number().int().min(1).max(100_000_000).optional(),
});
export const SamplePlanAnswer = z.object({
  required: z.number().int(),
  invitations: z.number().int(),
  census: z.boolean(),
  n0: z.string(),
  n: z.string(),
});

export const CreateCodes = z.object({
  count: z.number().int().min(1, { error: '至少生成 1 个邀请码' }).max(5000, { error: '一次最多生成 5000 个邀请码' }),
});
export const SurveyCodeList = z.object({ items: z.array(z.object({ code: z.string(), used: z.boolean() })) });

/** What the public page needs to show the form (nothing internal). */
export const PublicSurvey = z.object({
  slug: z.string(),
  title: z.string(),
  organisationName: z.string(),
  intro: z.string().nullable(),
  questions: z.array(SurveyQuestion),
  inviteOnly: z.boolean(),
  personalConsent: z.string().nullable(),
  closesOn: z.string(),
  /** Echoed with the answers: carries the moment the server served the form. */
  formToken: z.string(),
});
export type PublicSurvey = z.infer<typeof PublicSurvey>;

export const AnswerValue = z.union([z.string().max(2000), z.array(z.string().max(100)).max(30)]);

export const SubmitAnswers = z.object({
  answers: z.record(z.string().max(40), AnswerValue),
  code: z.string().max(40).optional(),
  formToken: z.string().max(200).optional(),
  /** When the page was opened (the browser's clock), ISO. */
  openedAt: z.iso.datetime({ error: '打开时间格式不正确' }).optional(),
  /** Seconds the page was open before sending, measured by the page. */
  elapsedSeconds: z
    .number()
    .int()
    .min(0)
    .max(86_400 * 7)
    .optional(),
  consented: z.boolean().default(false),
  fingerprint: z.string().max(100).optional(),
});
export type SubmitAnswersBody = z.infer<typeof SubmitAnswers>;
export const SubmitAnswered = z.object({ ok: z.literal(true), message: z.string() });

export const PaperResponse = z.object({
  answers: z.record(z.string().max(40), AnswerValue),
  code: z.string().max(40).optional(),
  receivedOn: IsoDate.optional(),
});

export const ExcludeResponse = z.object({ reason: z.string().trim().min(2, { error: '排除理由至少 2 个字' }).max(500) });

export const SurveyResponseRow = z.object({
  id: Uuid,
  channel: z.enum(['online', 'paper']),
  receivedAt: z.string(),
  completionSeconds: z.number().int().nullable(),
  flags: z.array(z.enum(['too-fast', 'straight-lining', 'duplicate'])),
  answers: z.record(z.string(), AnswerValue),
  excluded: z.object({ at: z.string(), by: z.string(), reason: z.string() }).nullable(),
  /** A flagged response a reviewer kept as valid (复核保留). */
  kept: z.object({ at: z.string(), by: z.string() }).nullable(),
});
export type SurveyResponseRow = z.infer<typeof SurveyResponseRow>;
export const SurveyResponseList = z.object({ items: z.array(SurveyResponseRow) });

export const SurveyResults = z.object({
  surveyId: Uuid,
  title: z.string(),
  received: z.number().int(),
  excluded: z.number().int(),
  flagged: z.number().int(),
  valid: z.number().int(),
  planned: z.number().int(),
  /** 满意度 in points, two decimals ("94.12"); null before any valid response. */
  satisfaction: z.string().nullable(),
  /** 满意率 in percent, two decimals ("94.12"). */
  satisfiedRate: z.string().nullable(),
  /** ±margin reached in percent, one decimal ("4.8"); null before any response. */
  margin: z.string().nullable(),
  confidence: z.enum(['90', '95', '99']),
  method: z.string(),
  questions: z.array(
    z.object({
      questionId: z.string(),
      text: z.string(),
      kind: z.string(),
      answered: z.number().int(),
      counts: z.array(z.object({ value: z.string(), label: z.string(), count: z.number().int() })),
    }),
  ),
  timeline: z.array(z.object({ day: z.string(), count: z.number().int() })),
});
export type SurveyResults = z.infer<typeof SurveyResults>;
