import {
  type ApprovePayment,
  type CreatePayment,
  PAYMENT_STATUS_LABEL,
  type PayPayment,
  type RejectPayment,
  type ResubmitPayment,
} from '@jixiao/contract';
import { control, formatYuanGrouped, parseYuan, policy } from '@jixiao/core';
import type { z } from 'zod';
import { recordAudit } from '../../audit/audit.repository.ts';
import { findRoles } from '../../auth/auth.repository.ts';
import type { Deps, RequestContext } from '../../context.ts';
import type { Queryable } from '../../db/connect.ts';
import { AppError, notFound, validationFailed, versionConflict } from '../../errors.ts';
import { announceLedgerChanged } from '../../events/ledger-events.ts';
import { type NotificationMessage, notify } from '../../notifications/notify.ts';
import { ancestorIds } from '../../organisations/organisation.repository.ts';
import { isOutOfScope } from '../../policies/scope.ts';
import { chinaToday } from '../../time.ts';
import * as budget from '../budget/budget.repository.ts';
import { controlConfig, controlled, postsOver, refuseIfViolated, requirePost } from '../control-access.ts';
import { lockLinePosition } from '../line-lock.ts';
import * as repo from './payment.repository.ts';

type Facts = control.PaymentFacts;
const DAY_MS = 86_400_000;

function amountOf(text: string): number {
  const parsed = parseYuan(text);
  if (!parsed.ok || parsed.value <= 0) throw validationFailed([{ path: 'body.amount', message: '金额须为大于 0 的金额，最多两位小数' }]);
  return parsed.value;
}

/** The facts the rules need, read inside the transaction after the budget line (and contract) are locked. */
async function gatherFacts(
  tx: Queryable,
  payment: Pick<
    repo.PaymentRow,
    | 'amountFen'
    | 'expenseType'
    | 'budgetLineId'
    | 'contractId'
    | 'payeeName'
    | 'payeeUscc'
    | 'requestedBy'
    | 'reviewedBy'
    | 'approvedBy'
    | 'decisionReference'
    | 'countersignedBy'
    | 'grantId'
  >,
  actor: string,
  excludeId: string | undefined,
): Promise<Omit<Facts, 'duplicates' | 'duplicateConfirmed'>> {
  const position = await lockLinePosition(tx, payment.budgetLineId, {
    requestId: excludeId,
    contractId: payment.contractId,
    grantId: payment.grantId,
  });
  if (!position) throw notFound('预算指标');
  const { line } = position;
  const contract = payment.contractId ? await repo.contractPosition(tx, payment.contractId, excludeId) : undefined;
  if (payment.contractId && !contract) throw validationFailed([{ path: 'body.contractId', message: '合同不存在' }]);
  if (contract && contract.contract.budgetLineId !== line.id)
    throw validationFailed([{ path: 'body.contractId', message: '合同不属于所选预算指标' }]);
  if (contract) {
    refuseIfViolated(
      { organisationId: line.organisationId, entityType: 'payment-request', entityId: excludeId },
      control.checkContractOpen(contract.contract, '支付', 'contractId'),
    );
  }
  return {
    amount: payment.amountFen,
    expenseType: payment.expenseType,
    budgetLine: { spendingType: line.spendingType, budget: position.budget, paid: position.paid, committedByOthers: position.committed },
    payee: { name: payment.payeeName, uscc: payment.payeeUscc ?? undefined },
    contract: contract && {
      counterpartyName: contract.contract.counterpartyName,
      counterpartyUscc: contract.contract.counterpartyUscc,
      amount: contract.contract.amountFen,
      paid: contract.paid,
      committedByOthers: contract.committed,
      accepted: contract.accepted,
    },
    collectiveDecision: { reference: payment.decisionReference ?? undefined, countersignedBy: payment.countersignedBy ?? undefined },
    people: { requester: payment.requestedBy, reviewer: payment.reviewedBy ?? undefined, approver: payment.approvedBy ?? undefined, actor },
  };
}

/** IC_NOT_ACCEPTED, by core's one rule, at the request and again at 支付. */
const milestoneVerdict = (milestone: { description: string; acceptedAt: Date | null }) =>
  control.checkMilestoneAccepted({ description: milestone.description, accepted: milestone.acceptedAt !== null });

/** 支付申请 by the 经办人: every rule is checked before anything is written. */
export async function requestPayment(deps: Deps, ctx: RequestContext, body: z.infer<typeof CreatePayment>) {
  const amountFen = amountOf(body.amount);
  return controlled(deps, ctx, () =>
    deps.db.transaction(async (tx) => {
      const line = await budget.getLine(tx, body.budgetLineId);
      const unknownLine = validationFailed([{ path: 'body.budgetLineId', message: '预算指标不存在' }]);
      if (!line) throw unknownLine;
      // Another organisation's line is answered as an unknown one, which is what the body names.
      if (isOutOfScope(ctx.principal, await postsOver(tx, ctx, line.organisationId))) throw unknownLine;
      await requirePost(tx, ctx, line.organisationId, policy.paymentPolicy.posts.request);
      const config = await controlConfig(tx);
      const extra: control.ControlViolation[] = [];
      let dueOn = body.dueOn ?? null;
      if (body.milestoneId) {
        const milestone = await repo.getMilestone(tx, body.milestoneId);
        if (!milestone || milestone.contractId !== body.contractId)
          throw validationFailed([{ path: 'body.milestoneId', message: '里程碑不属于所选合同' }]);
        extra.push(...milestoneVerdict(milestone));
        dueOn ??= milestone.dueOn;
      }
      if (body.grantId) {
        const grant = await repo.getGrantWithRecipient(tx, body.grantId);
        if (!grant || grant.grant.budgetLineId !== line.id)
          throw validationFailed([{ path: 'body.grantId', message: '补贴不属于所选预算指标' }]);
        extra.push(...control.checkGrantPayee({ name: body.payeeName, uscc: body.payeeUscc ?? undefined }, grant.recipient));
        dueOn ??= grant.grant.dueOn;
      }
      const draft = {
        amountFen,
        expenseType: body.expenseType,
        budgetLineId: line.id,
        contractId: body.contractId ?? null,
        grantId: body.grantId ?? null,
        payeeName: body.payeeName,
        payeeUscc: body.payeeUscc?.toUpperCase() ?? null,
        requestedBy: ctx.principal.userId,
        reviewedBy: null,
        approvedBy: null,
        decisionReference: null,
        countersignedBy: null,
      };
      const facts = await gatherFacts(tx, draft, ctx.principal.userId, undefined);
      const duplicates = await repo.countDuplicates(tx, {
        payeeName: body.payeeName,
        amountFen,
        invoiceNumber: body.invoiceNumber ?? null,
        since: new Date(deps.clock().getTime() - config.duplicateWindowDays * DAY_MS),
      });
      const violations = [
        ...extra,
        ...control.checkPayment('request', { ...facts, duplicates, duplicateConfirmed: body.confirmNotDuplicate === true }, config),
      ];
      refuseIfViolated({ organisationId: line.organisationId, entityType: 'payment-request' }, violations);
      const created = await repo.insertPayment(tx, {
        ...draft,
        organisationId: line.organisationId,
        milestoneId: body.milestoneId ?? null,
        grantId: body.grantId ?? null,
        invoiceNumber: body.invoiceNumber ?? null,
        purpose: body.purpose,
        dueOn,
        duplicateConfirmedBy: duplicates > 0 ? ctx.principal.userId : null,
      });
      await recordAudit(tx, ctx, {
        entityType: 'payment-request',
        entityId: created.id,
        action: 'request',
        organisationId: line.organisationId,
        after: created,
      });
      await announceLedgerChanged(tx, { organisationId: line.organisationId, fiscalYear: line.fiscalYear });
      return created;
    }),
  );
}

type Step = Exclude<policy.PaymentStepAction, 'resubmit'>;

const STEP_LABEL: Readonly<Record<Step, string>> = { review: '审核', approve: '审批', pay: '支付', archive: '归档', reject: '驳回' };

/** How a payment is named to people: 支付申请 · 收款人 · 金额. */
export const paymentTitle = (payment: Pick<repo.PaymentRow, 'payeeName' | 'amountFen'>): string =>
  `支付申请 · ${payment.payeeName} · ${formatYuanGrouped(payment.amountFen)} 元`;

export const paymentLink = (id: string): string => `/control/payments?payment=${id}`;

/** What the requester is told when their request is approved, paid or rejected (the other steps stay within finance). */
function requesterMessage(name: Step, payment: repo.PaymentRow, reason: string | null): NotificationMessage | undefined {
  const title = paymentTitle(payment);
  const link = paymentLink(payment.id);
  if (name === 'approve') return { kind: 'payment.approved', title: `${title} 已审批，待出纳支付`, link };
  if (name === 'pay') return { kind: 'payment.paid', title: `${title} 已支付`, link };
  if (name === 'reject') return { kind: 'payment.rejected', title: `${title} 被驳回，请修改后重新提交`, body: reason, link };
  return undefined;
}

/**
 * One step of 申请 → 审核 → 审批 → 支付 → 归档 (or 驳回): the request and its budget line are locked,
 * the step's post and the rules checked against fresh facts, and the step recorded with the actor.
 */
async function step(
  deps: Deps,
  ctx: RequestContext,
  id: string,
  name: Step,
  version: number,
  change: (payment: repo.PaymentRow, tx: Queryable) => Promise<Partial<repo.PaymentRow>>,
) {
  const definition = { ...policy.paymentPolicy.steps[name], posts: policy.paymentPolicy.posts[name], label: STEP_LABEL[name] };
  return controlled(deps, ctx, () =>
    deps.db.transaction(async (tx) => {
      const payment = await repo.getPayment(tx, id, true);
      if (!payment) throw notFound('支付申请');
      await requirePost(tx, ctx, payment.organisationId, definition.posts, '支付申请');
      if (payment.version !== version) throw versionConflict('支付申请');
      if (!(definition.from as readonly repo.PaymentRow['status'][]).includes(payment.status)) {
        throw new AppError('INVALID_TRANSITION', `支付申请处于“${PAYMENT_STATUS_LABEL[payment.status]}”状态，不能${definition.label}`);
      }
      const values = await change(payment, tx);
      const updated = await repo.updatePayment(tx, id, version, { ...values, status: definition.to });
      if (!updated) throw versionConflict('支付申请');
      await recordAudit(tx, ctx, {
        entityType: 'payment-request',
        entityId: id,
        action: name,
        organisationId: payment.organisationId,
        before: { status: payment.status },
        after: { status: updated.status, ...values },
      });
      const message = requesterMessage(name, updated, updated.rejectReason);
      if (message) await notify(tx, [payment.requestedBy], message, ctx.principal.userId);
      // What the ledger counts changes only when a request is paid (its amount) or rejected (its due date
      // leaves 及时足额率); reviewing, approving and archiving leave every figure as it was.
      if (definition.to === 'paid' || definition.to === 'rejected')
        await announceLedgerChanged(tx, { organisationId: payment.organisationId });
      return updated;
    }),
  );
}

async function checkStep(
  tx: Queryable,
  ctx: RequestContext,
  payment: repo.PaymentRow,
  stepName: control.PaymentStep,
  override: Partial<repo.PaymentRow> = {},
): Promise<void> {
  const config = await controlConfig(tx);
  const facts = await gatherFacts(tx, { ...payment, ...override }, ctx.principal.userId, payment.id);
  const violations = control.checkPayment(stepName, { ...facts, duplicates: 0, duplicateConfirmed: true }, config);
  if (payment.milestoneId && stepName === 'pay') {
    const milestone = await repo.getMilestone(tx, payment.milestoneId);
    if (milestone) violations.push(...milestoneVerdict(milestone));
  }
  refuseIfViolated({ organisationId: payment.organisationId, entityType: 'payment-request', entityId: payment.id }, violations);
}

export function reviewPayment(deps: Deps, ctx: RequestContext, id: string, version: number) {
  return step(deps, ctx, id, 'review', version, async (payment, tx) => {
    await checkStep(tx, ctx, payment, 'review');
    return { reviewedBy: ctx.principal.userId, reviewedAt: deps.clock() };
  });
}

export function approvePayment(deps: Deps, ctx: RequestContext, id: string, body: z.infer<typeof ApprovePayment>) {
  return step(deps, ctx, id, 'approve', body.version, async (payment, tx) => {
    if (body.countersignedBy) await requireCountersigner(tx, body.countersignedBy, payment.organisationId);
    const decision = { decisionReference: body.decisionReference?.trim() || null, countersignedBy: body.countersignedBy ?? null };
    await checkStep(tx, ctx, payment, 'approve', decision);
    return { ...decision, approvedBy: ctx.principal.userId, approvedAt: deps.clock() };
  });
}

/** A countersigner must be a real person with a post in the unit's line of organisations. */
async function requireCountersigner(tx: Queryable, userId: string, organisationId: string): Promise<void> {
  const chain = new Set(await ancestorIds(tx, organisationId));
  const grants = await findRoles(tx, userId);
  if (!grants.some((grant) => chain.has(grant.organisationId)))
    throw validationFailed([{ path: 'body.countersignedBy', message: '会签人须为本单位人员' }]);
}

export function payPayment(deps: Deps, ctx: RequestContext, id: string, body: z.infer<typeof PayPayment>) {
  return step(deps, ctx, id, 'pay', body.version, async (payment, tx) => {
    const paidOn = body.paidOn ?? chinaToday(deps.clock());
    const line = await budget.getLine(tx, payment.budgetLineId);
    if (line && !paidOn.startsWith(String(line.fiscalYear))) {
      throw validationFailed([
        { path: 'body.paidOn', message: `支付日期 ${paidOn} 不在预算指标的年度 ${line.fiscalYear} 内（跨年度支出应通过结转处理）` },
      ]);
    }
    if (paidOn > chinaToday(deps.clock())) throw validationFailed([{ path: 'body.paidOn', message: '支付日期不能晚于今天' }]);
    await checkStep(tx, ctx, payment, 'pay');
    return { paidBy: ctx.principal.userId, paidOn };
  });
}

export function archivePayment(deps: Deps, ctx: RequestContext, id: string, version: number) {
  return step(deps, ctx, id, 'archive', version, async () => ({ archivedBy: ctx.principal.userId, archivedAt: deps.clock() }));
}

export function rejectPayment(deps: Deps, ctx: RequestContext, id: string, body: z.infer<typeof RejectPayment>) {
  return step(deps, ctx, id, 'reject', body.version, async (payment, tx) => {
    // A rejection releases what the request held: it takes the line's lock like every step that moves money.
    await lockLinePosition(tx, payment.budgetLineId);
    return { rejectedBy: ctx.principal.userId, rejectReason: body.reason };
  });
}

/**
 * 重新提交: the requester corrects a rejected request and sends it back to 财务审核. The request is
 * locked, its budget line locked before its position is read (line-lock.ts), and every rule of a new
 * request checked again on the corrected values; the earlier reviewer's and approver's steps are cleared,
 * since they judged what was rejected. The rejection stays in the audit log with what was changed.
 */
export async function resubmitPayment(deps: Deps, ctx: RequestContext, id: string, body: z.infer<typeof ResubmitPayment>) {
  const amountFen = body.amount === undefined ? undefined : amountOf(body.amount);
  return controlled(deps, ctx, () =>
    deps.db.transaction(async (tx) => {
      const payment = await repo.getPayment(tx, id, true);
      if (!payment) throw notFound('支付申请');
      await requirePost(tx, ctx, payment.organisationId, policy.paymentPolicy.posts.resubmit, '支付申请');
      if (payment.version !== body.version) throw versionConflict('支付申请');
      if (!(policy.paymentPolicy.steps.resubmit.from as readonly string[]).includes(payment.status)) {
        throw new AppError(
          'INVALID_TRANSITION',
          `支付申请处于“${PAYMENT_STATUS_LABEL[payment.status]}”状态，只有已驳回的申请可以修改后重新提交`,
        );
      }
      if (payment.requestedBy !== ctx.principal.userId)
        throw new AppError('FORBIDDEN', '被驳回的支付申请只能由原申请人修改后重新提交；他人经办请另行提出申请');
      const corrected = {
        ...(body.payeeName !== undefined ? { payeeName: body.payeeName } : {}),
        ...(body.payeeUscc !== undefined ? { payeeUscc: body.payeeUscc?.toUpperCase() ?? null } : {}),
        ...(amountFen !== undefined ? { amountFen } : {}),
        ...(body.invoiceNumber !== undefined ? { invoiceNumber: body.invoiceNumber } : {}),
        ...(body.purpose !== undefined ? { purpose: body.purpose } : {}),
        ...(body.dueOn !== undefined ? { dueOn: body.dueOn } : {}),
      };
      const cleared = {
        reviewedBy: null,
        reviewedAt: null,
        approvedBy: null,
        approvedAt: null,
        decisionReference: null,
        countersignedBy: null,
        rejectedBy: null,
        rejectReason: null,
      };
      const next = { ...payment, ...corrected, ...cleared };
      const config = await controlConfig(tx);
      const facts = await gatherFacts(tx, next, ctx.principal.userId, payment.id);
      const extra: control.ControlViolation[] = [];
      if (next.milestoneId) {
        const milestone = await repo.getMilestone(tx, next.milestoneId);
        if (milestone) extra.push(...milestoneVerdict(milestone));
      }
      if (next.grantId) {
        const grant = await repo.getGrantWithRecipient(tx, next.grantId);
        if (grant) extra.push(...control.checkGrantPayee({ name: next.payeeName, uscc: next.payeeUscc ?? undefined }, grant.recipient));
      }
      const duplicates = await repo.countDuplicates(tx, {
        payeeName: next.payeeName,
        amountFen: next.amountFen,
        invoiceNumber: next.invoiceNumber,
        since: new Date(deps.clock().getTime() - config.duplicateWindowDays * DAY_MS),
        excludeId: payment.id,
      });
      refuseIfViolated({ organisationId: payment.organisationId, entityType: 'payment-request', entityId: payment.id }, [
        ...extra,
        ...control.checkPayment('request', { ...facts, duplicates, duplicateConfirmed: body.confirmNotDuplicate === true }, config),
      ]);
      const updated = await repo.updatePayment(tx, id, body.version, {
        ...corrected,
        ...cleared,
        status: policy.paymentPolicy.steps.resubmit.to,
        duplicateConfirmedBy: duplicates > 0 ? ctx.principal.userId : null,
      });
      if (!updated) throw versionConflict('支付申请');
      const before = Object.fromEntries(Object.keys(corrected).map((key) => [key, payment[key as keyof typeof corrected]]));
      await recordAudit(tx, ctx, {
        entityType: 'payment-request',
        entityId: id,
        action: 'resubmit',
        organisationId: payment.organisationId,
        before: { status: payment.status, rejectReason: payment.rejectReason, ...before },
        after: { status: updated.status, ...corrected, note: body.note?.trim() || null },
      });
      // The request holds its amount on the line again (a rejected one held nothing).
      await announceLedgerChanged(tx, { organisationId: payment.organisationId });
      return updated;
    }),
  );
}
