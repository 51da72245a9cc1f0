import { z } from 'zod';
import { Int32, IsoDate, ListSearch, Money, Uuid, Version, Year, YearText } from '../common.ts';
import { permissionsOf } from './access.ts';
import { OptionalText, PositiveAmountFen, Text } from './fields.ts';

export const FOLLOW_UP_RESULTS = ['pending', 'normal', 'abnormal'] as const;
export const FOLLOW_UP_RESULT_LABEL = { pending: '待检查', normal: '正常', abnormal: '异常' } as const;

export const RecipientQuery = z.object({ q: z.string().trim().max(100).optional() });

/** 补贴对象: an enterprise, identified by its 统一社会信用代码 (unique across the register). */
export const CreateRecipient = z.object({
  /** The unit registering it: recipients are shared, but registering one is a post's act, audited there. */
  organisationId: Uuid,
  name: Text(200),
  uscc: z.string().trim().min(1).max(40),
  contact: OptionalText(200),
});

export const Recipient = z.object({
  id: Uuid,
  name: z.string(),
  uscc: z.string(),
  contact: z.string().nullable(),
  grantCount: Int32,
  createdAt: z.string(),
  version: Version,
});

export const RecipientList = z.object({ items: z.array(Recipient) });

export const GrantQuery = z.object({
  fiscalYear: YearText.optional(),
  organisationId: Uuid.optional(),
  recipientId: Uuid.optional(),
  /** Part of the recipient's name or 统一社会信用代码, the programme or the budget line. */
  q: ListSearch.optional(),
});

export const CreateGrant = z.object({
  organisationId: Uuid,
  recipientId: Uuid,
  budgetLineId: Uuid,
  /** e.g. 产业扶持资金 */
  programme: Text(100),
  amount: PositiveAmountFen,
  awardedOn: IsoDate,
  /** 应拨付日期 */
  dueOn: IsoDate,
  conditions: OptionalText(2000),
});

const FollowUpCounts = z.object({
  total: Int32,
  done: Int32,
  pending: Int32,
  /** Pending past their due date (China time). */
  overdue: Int32,
  abnormal: Int32,
  /** Checks that found the enterprise listed for 经营异常. */
  abnormalOperation: Int32,
});

export const Grant = z.object({
  id: Uuid,
  organisationId: Uuid,
  organisationName: z.string(),
  fiscalYear: Year,
  recipientId: Uuid,
  recipientName: z.string(),
  recipientUscc: z.string(),
  budgetLineId: Uuid,
  budgetLineCode: z.string(),
  budgetLineName: z.string(),
  programme: z.string(),
  amount: Money,
  awardedOn: z.string(),
  dueOn: z.string(),
  conditions: z.string().nullable(),
  /** Paid or archived payment requests for the grant (the payments module's). */
  paid: Money,
  committed: Money,
  followUpCounts: FollowUpCounts,
  version: Version,
});

export const FollowUp = z.object({
  id: Uuid,
  grantId: Uuid,
  dueOn: z.string(),
  performedOn: z.string().nullable(),
  performedBy: Uuid.nullable(),
  performedByName: z.string().nullable(),
  result: z.enum(FOLLOW_UP_RESULTS),
  resultLabel: z.string(),
  abnormalOperation: z.boolean(),
  finding: z.string().nullable(),
  overdue: z.boolean(),
  version: Version,
});

export const GrantDetail = Grant.extend({
  followUps: z.array(FollowUp),
  /** Whether the signed-in user may plan and record 事后检查. */
  permissions: permissionsOf('followUp'),
});
export const GrantList = z.object({ items: z.array(Grant) });

export const CreateFollowUp = z.object({ dueOn: IsoDate });

/** 事后跟踪检查 result; performedBy is the user recording it. */
export const RecordFollowUp = z.object({
  version: Version,
  result: z.enum(['normal', 'abnormal']),
  abnormalOperation: z.boolean().default(false),
  finding: OptionalText(2000),
  performedOn: IsoDate,
});

export const OverdueQuery = z.object({ organisationId: Uuid.optional() });

export const OverdueFollowUp = FollowUp.extend({
  organisationId: Uuid,
  organisationName: z.string(),
  recipientName: z.string(),
  programme: z.string(),
  grantAmount: Money,
  daysOverdue: Int32,
});

export const OverdueList = z.object({ today: z.string(), items: z.array(OverdueFollowUp) });

export const SummaryQuery = z.object({ fiscalYear: YearText.optional(), organisationId: Uuid.optional() });

export const GrantSummary = z.object({
  today: z.string(),
  grantCount: Int32,
  awarded: Money,
  paid: Money,
  committed: Money,
  followUps: FollowUpCounts,
});

export type FollowUpResult = (typeof FOLLOW_UP_RESULTS)[number];
export type Recipient = z.infer<typeof Recipient>;
export type CreateRecipientBody = z.input<typeof CreateRecipient>;
export type Grant = z.infer<typeof Grant>;
export type GrantFilter = z.infer<typeof GrantQuery>;
export type FollowUp = z.infer<typeof FollowUp>;
export type GrantDetail = z.infer<typeof GrantDetail>;
export type CreateGrantBody = z.input<typeof CreateGrant>;
export type CreateFollowUpBody = z.input<typeof CreateFollowUp>;
export type RecordFollowUpBody = z.input<typeof RecordFollowUp>;
export type OverdueFollowUp = z.infer<typeof OverdueFollowUp>;
export type OverdueList = z.infer<typeof OverdueList>;
export type GrantSummaryFilter = z.infer<typeof SummaryQuery>;
export type GrantSummary = z.infer<typeof GrantSummary>;
export type RecipientList = z.infer<typeof RecipientList>;
export type GrantList = z.infer<typeof GrantList>;
