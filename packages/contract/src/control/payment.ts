import { z } from 'zod';
import { ROLES } from '../auth.ts';
import { Int32, IsoDate, ListSearch, Money, Uuid, Version, YearText } from '../common.ts';
import { permissionsOf } from './access.ts';

export const PAYMENT_STATUSES = ['requested', 'reviewed', 'approved', 'paid', 'archived', 'rejected'] as const;
export const PAYMENT_STATUS_LABEL = {
  requested: '已申请',
  reviewed: '已审核',
  approved: '已审批',
  paid: '已支付',
  archived: '已归档',
  rejected: '已驳回',
} as const;

export const CreatePayment = z.object({
  budgetLineId: Uuid,
  contractId: Uuid.nullable().optional(),
  milestoneId: Uuid.nullable().optional(),
  grantId: Uuid.nullable().optional(),
  payeeName: z.string().trim().min(1).max(200),
  payeeUscc: z.string().trim().max(40).nullable().optional(),
  amount: Money,
  invoiceNumber: z.string().trim().max(60).nullable().optional(),
  purpose: z.string().trim().min(1).max(500),
  expenseType: z.enum(['basic', 'project']),
  dueOn: IsoDate.nullable().optional(),
  /** The requester confirms a suspected duplicate is not one (疑似重复 → 确认非重复). */
  confirmNotDuplicate: z.boolean().optional(),
});

export const PaymentStep = z.object({ version: Version });
export const ApprovePayment = PaymentStep.extend({
  /** 集体决策文号 (e.g. 会议纪要) */
  decisionReference: z.string().trim().max(200).optional(),
  /** 会签人 (a third person) */
  countersignedBy: Uuid.optional(),
});
export const PayPayment = PaymentStep.extend({ paidOn: IsoDate.optional() });
export const RejectPayment = PaymentStep.extend({ reason: z.string().trim().min(1, { error: '驳回须说明理由' }).max(500) });
/**
 * 重新提交 of a rejected request by its requester: what the request says may be corrected (the budget line,
 * contract and grant stay, so the money it reserves is checked against the same line); omitted fields keep their value.
 */
export const ResubmitPayment = PaymentStep.extend({
  payeeName: z.string().trim().min(1).max(200).optional(),
  payeeUscc: z.string().trim().max(40).nullable().optional(),
  amount: Money.optional(),
  invoiceNumber: z.string().trim().max(60).nullable().optional(),
  purpose: z.string().trim().min(1).max(500).optional(),
  dueOn: IsoDate.nullable().optional(),
  /** What was corrected, for the reviewers (shown in the audit log and the notification). */
  note: z.string().trim().max(500).optional(),
  confirmNotDuplicate: z.boolean().optional(),
});

export const Payment = z.object({
  id: Uuid,
  organisationId: Uuid,
  budgetLineId: Uuid,
  budgetLineCode: z.string(),
  budgetLineName: z.string(),
  contractId: Uuid.nullable(),
  milestoneId: Uuid.nullable(),
  grantId: Uuid.nullable(),
  payeeName: z.string(),
  payeeUscc: z.string().nullable(),
  amount: Money,
  invoiceNumber: z.string().nullable(),
  purpose: z.string(),
  expenseType: z.enum(['basic', 'project']),
  dueOn: z.string().nullable(),
  status: z.enum(PAYMENT_STATUSES),
  statusLabel: z.string(),
  requestedBy: z.string(),
  reviewedBy: z.string().nullable(),
  approvedBy: z.string().nullable(),
  paidBy: z.string().nullable(),
  paidOn: z.string().nullable(),
  decisionReference: z.string().nullable(),
  countersignedBy: z.string().nullable(),
  rejectReason: z.string().nullable(),
  imported: z.boolean(),
  requestedAt: z.string(),
  version: Version,
  /** The steps the signed-in user may take now (post, status and segregation of duties). */
  permissions: permissionsOf('review', 'approve', 'pay', 'archive', 'reject', 'resubmit'),
  /** The posts that take the next step (“待…”); empty once the request is done. */
  waitingFor: z.array(z.enum(ROLES)),
});

export const PaymentList = z.object({ items: z.array(Payment), total: Int32 });
export const PaymentQuery = z.object({
  fiscalYear: YearText.optional(),
  status: z.enum(PAYMENT_STATUSES).optional(),
  budgetLineId: Uuid.optional(),
  organisationId: Uuid.optional(),
  /** Part of the payee, purpose, invoice number or budget line (code or name). */
  q: ListSearch.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).default(0),
});

/** The steps of a payment request, each its own route (/api/payments/:id/<step>). */
export const PAYMENT_STEPS = ['review', 'approve', 'pay', 'archive', 'reject', 'resubmit'] as const;

export type PaymentStatus = (typeof PAYMENT_STATUSES)[number];
export type PaymentStepName = (typeof PAYMENT_STEPS)[number];
export type Payment = z.infer<typeof Payment>;
export type PaymentListResponse = z.infer<typeof PaymentList>;
export type PaymentFilter = Partial<z.infer<typeof PaymentQuery>>;
export type CreatePaymentBody = z.input<typeof CreatePayment>;
/** The body of any step: the version read, and what approve, pay or reject also take. */
export type PaymentStepBody = z.input<typeof PaymentStep> &
  Partial<
    Omit<
      z.input<typeof ApprovePayment> & z.input<typeof PayPayment> & z.input<typeof RejectPayment> & z.input<typeof ResubmitPayment>,
      'version'
    >
  >;
