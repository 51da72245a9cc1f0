import { approverPayer, requesterApprover, requesterReviewer } from '../control/segregation.ts';
import { type Actor, holdsAny, type Permissions, type Posts, type Role } from './roles.ts';

/**
 * 申请 → 审核 → 审批 → 支付 → 归档, or 驳回 (财会〔2012〕21号 支出业务控制); a rejected request is
 * corrected and resubmitted (重新提交) by its own requester, and then passes every step again.
 */
export type PaymentStatus = 'requested' | 'reviewed' | 'approved' | 'paid' | 'archived' | 'rejected';
export type PaymentStepAction = 'review' | 'approve' | 'pay' | 'archive' | 'reject' | 'resubmit';
export type PaymentAction = 'request' | PaymentStepAction;

export const paymentPolicy = {
  posts: {
    request: ['requester'],
    review: ['accountant'],
    approve: ['approver', 'department-head'],
    pay: ['cashier'],
    archive: ['accountant'],
    reject: ['accountant', 'approver', 'department-head'],
    resubmit: ['requester'],
  } satisfies Posts<PaymentAction>,
  /** The statuses each step starts from, and where it leads. */
  steps: {
    review: { from: ['requested'], to: 'reviewed' },
    approve: { from: ['reviewed'], to: 'approved' },
    pay: { from: ['approved'], to: 'paid' },
    archive: { from: ['paid'], to: 'archived' },
    reject: { from: ['requested', 'reviewed', 'approved'], to: 'rejected' },
    resubmit: { from: ['rejected'], to: 'requested' },
  } satisfies Record<PaymentStepAction, { from: readonly PaymentStatus[]; to: PaymentStatus }>,
} as const;

export interface PaymentPeople {
  readonly status: PaymentStatus;
  /** User ids of who took the earlier steps. */
  readonly requestedBy: string;
  readonly approvedBy?: string | null | undefined;
}

const STEP_ACTIONS: readonly PaymentStepAction[] = ['review', 'approve', 'pay', 'archive', 'reject', 'resubmit'];

/**
 * Segregation of duties of one step: the requester neither reviews nor approves, the approver does not pay.
 * Resubmission is the requester's own: another 经办人 correcting it would be a new request in someone else's name.
 */
function segregated(step: PaymentStepAction, payment: PaymentPeople, actor: Actor): boolean {
  if (step === 'resubmit') return payment.requestedBy === actor.userId;
  if (step === 'review') return !requesterReviewer(payment.requestedBy, actor.userId);
  if (step === 'approve') return !requesterApprover(payment.requestedBy, actor.userId);
  if (step === 'pay') return !approverPayer(payment.approvedBy, actor.userId);
  return true;
}

/** Which steps the actor may take on this payment now: post, status and segregation of duties. */
export function paymentPermissions(actor: Actor, payment: PaymentPeople): Permissions<PaymentStepAction> {
  return Object.fromEntries(
    STEP_ACTIONS.map((step) => [
      step,
      holdsAny(actor.posts, paymentPolicy.posts[step]) &&
        (paymentPolicy.steps[step].from as readonly PaymentStatus[]).includes(payment.status) &&
        segregated(step, payment, actor),
    ]),
  ) as Permissions<PaymentStepAction>;
}

/** The posts that take the next step of a payment in this status (for “待…” hints); none once it is done. */
export function nextPaymentPosts(status: PaymentStatus): readonly Role[] {
  const next = STEP_ACTIONS.find(
    (step) => step !== 'reject' && (paymentPolicy.steps[step].from as readonly PaymentStatus[]).includes(status),
  );
  return next ? paymentPolicy.posts[next] : [];
}
