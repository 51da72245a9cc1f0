import { z } from 'zod';
import { IsoDate, ListSearch, Uuid, Version, Year, YearText } from './common.ts';

/** 整改 (docs/finance-bureau.md "整改"): notices, the unit's feedback with evidence, the verification. */
export const RECTIFICATION_STATUS = ['issued', 'feedback_submitted', 'reopened', 'closed'] as const;
export const RECTIFICATION_SOURCE_KIND = ['self-evaluation', 'monitoring', 're-review', 'audit', 'other'] as const;
export const RECTIFICATION_STEP_ACTION = ['feedback', 'close', 'reopen'] as const;

const text = (max: number) => z.string().trim().max(max);

export const IssueRectification = z.object({
  /** The unit or department noticed. */
  organisationId: Uuid,
  /** The year the problem belongs to; taken from the evaluation for a 自评 source, required otherwise. */
  fiscalYear: Year.optional(),
  sourceKind: z.enum(RECTIFICATION_SOURCE_KIND),
  /** 自评: the evaluation's id; otherwise a free reference (an audit report's number), or none. */
  sourceId: text(200).nullable().optional(),
  /** A readable name of the source; for a 自评 source the evaluation's title when left empty. */
  sourceTitle: text(200).optional(),
  problem: text(2000).min(1, { error: '存在问题不能为空' }),
  measures: z
    .array(text(1000).min(1, { error: '整改措施不能为空' }))
    .min(1, { error: '至少填写一项整改要求' })
    .max(30),
  ownerName: text(60).nullable().optional(),
  deadline: IsoDate,
});
export type IssueRectification = z.infer<typeof IssueRectification>;

export const RectificationEvidence = z.object({
  description: text(500).min(1, { error: '佐证材料的说明不能为空' }),
  link: z.url({ error: '链接应为完整网址，如 https://…' }).max(1000).optional(),
});

/** 整改反馈 (POST /api/rectifications/:id/feedback): what was done, with the evidence. */
export const RectificationFeedbackRequest = z.object({
  /** The version the user saw: a step on an item changed since is refused. */
  version: Version,
  /** What was done and with what result (required; checked by the policy so the refusal names it). */
  text: text(4000).optional(),
  /** The evidence, each described, with a link where it can be read. */
  evidence: z.array(RectificationEvidence).max(30).optional(),
});
export type RectificationFeedbackRequest = z.infer<typeof RectificationFeedbackRequest>;

/** 整改核验 (POST /api/rectifications/:id/verification): close (销号) or re-open, with the opinion. */
export const RectificationVerifyRequest = z.object({
  version: Version,
  decision: z.enum(['close', 'reopen']),
  /** The verifier's opinion (required). */
  opinion: text(4000).optional(),
});
export type RectificationVerifyRequest = z.infer<typeof RectificationVerifyRequest>;

/** Either step as the server takes it. */
export interface RectificationStepRequest {
  readonly action: (typeof RECTIFICATION_STEP_ACTION)[number];
  readonly version: number;
  readonly text?: string | undefined;
  readonly evidence?: RectificationFeedbackRequest['evidence'];
}

export const RectificationStepResult = z.object({ status: z.enum(RECTIFICATION_STATUS), statusLabel: z.string(), version: Version });

export const ListRectificationsQuery = z.object({
  fiscalYear: YearText.optional(),
  status: z.enum(RECTIFICATION_STATUS).optional(),
  organisationId: Uuid.optional(),
  overdue: z.enum(['true', 'false']).optional(),
  /** Part of the problem, the source's title, the owner or the unit's name. */
  q: ListSearch.optional(),
});
export type ListRectificationsQuery = z.infer<typeof ListRectificationsQuery>;

export const RectificationSummary = z.object({
  id: Uuid,
  organisationId: Uuid,
  organisationName: z.string(),
  fiscalYear: Year,
  sourceKind: z.enum(RECTIFICATION_SOURCE_KIND),
  sourceKindLabel: z.string(),
  sourceTitle: z.string(),
  problem: z.string(),
  ownerName: z.string().nullable(),
  deadline: z.string(),
  status: z.enum(RECTIFICATION_STATUS),
  statusLabel: z.string(),
  overdue: z.boolean(),
  issuedAt: z.string(),
});
export type RectificationSummary = z.infer<typeof RectificationSummary>;
export const RectificationList = z.object({
  items: z.array(RectificationSummary),
  /** The organisations over which the signed-in user may issue notices (to them and everything below). */
  issueIn: z.array(Uuid),
});
export type RectificationList = z.infer<typeof RectificationList>;

export const RectificationStep = z.object({
  action: z.enum(['issue', ...RECTIFICATION_STEP_ACTION]),
  actionLabel: z.string(),
  toStatus: z.enum(RECTIFICATION_STATUS),
  actorName: z.string(),
  at: z.string(),
  text: z.string().nullable(),
  evidence: z.array(z.object({ description: z.string(), link: z.string().optional() })),
});

export const RectificationDetail = RectificationSummary.extend({
  /** 自评: the evaluation's id (the web links to it); otherwise the free reference, or null. */
  sourceId: z.string().nullable(),
  measures: z.array(z.string()),
  issuedByName: z.string(),
  closedAt: z.string().nullable(),
  version: Version,
  steps: z.array(RectificationStep),
  /** What the signed-in user may do now, from the policy; `refusal` says why a visible step is barred (segregation of duties). */
  permissions: z.object({ feedback: z.boolean(), close: z.boolean(), reopen: z.boolean(), refusal: z.string().nullable() }),
});
export type RectificationDetail = z.infer<typeof RectificationDetail>;

/** An open item of the previous year, as the next year's target declaration shows it (未完成整改事项). */
export const CarriedRectification = z.object({
  id: Uuid,
  fiscalYear: Year,
  sourceTitle: z.string(),
  problem: z.string(),
  deadline: z.string(),
  statusLabel: z.string(),
  overdue: z.boolean(),
});
export type CarriedRectification = z.infer<typeof CarriedRectification>;
