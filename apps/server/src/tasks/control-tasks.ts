import { PAYMENT_STATUS_LABEL, type Role } from '@jixiao/contract';
import { formatYuanGrouped, policy } from '@jixiao/core';
import type { Deps, RequestContext } from '../context.ts';
import { scopeOf } from '../policies/scope.ts';
import { chinaToday } from '../time.ts';
import * as repo from './control-tasks.repository.ts';

type RolesOver = (organisationId: string) => Set<Role>;

const yuan = (fen: number) => `${formatYuanGrouped(fen)} 元`;

/** A 事后跟踪检查 shows among the to-dos this many days before its date, and stays until recorded. */
const FOLLOW_UP_NOTICE_DAYS = 14;

/** The one forward step a payment in each status waits for; 驳回 alone is never a to-do. */
const PAYMENT_TASK = {
  requested: { step: 'review', action: 'payment-review', label: '财务审核支付申请' },
  reviewed: { step: 'approve', action: 'payment-approve', label: '审批支付申请' },
  approved: { step: 'pay', action: 'payment-pay', label: '出纳支付' },
  rejected: { step: 'resubmit', action: 'payment-fix', label: '按驳回理由修改支付申请后重新提交' },
} as const;

/**
 * 支付申请 waiting for the signed-in user: 财务审核 for the accountant, 审批 for the approver or
 * department head, 支付 for the cashier, and a rejected request for its own requester to correct.
 * The payment policy decides, segregation of duties included (never one's own request to review or
 * approve, never a request one approved to pay). 归档 of paid requests is bookkeeping and is left to the
 * payment list, or every paid request of the year would stand among the accountant's to-dos.
 */
async function paymentTasks(deps: Deps, ctx: RequestContext, rolesOver: RolesOver) {
  const rows = await repo.findOpenPayments(deps.db, scopeOf(ctx.principal));
  const today = chinaToday(deps.clock());
  return rows.flatMap((row) => {
    if (row.status !== 'requested' && row.status !== 'reviewed' && row.status !== 'approved' && row.status !== 'rejected') return [];
    const task = PAYMENT_TASK[row.status];
    const actor = { userId: ctx.principal.userId, posts: [...rolesOver(row.organisationId)] };
    if (!policy.paymentPermissions(actor, row)[task.step]) return [];
    const open = row.status !== 'rejected';
    return [
      {
        paymentId: row.id,
        title: `支付申请 · ${row.payeeName} · ${yuan(row.amountFen)}`,
        organisationName: row.organisationName,
        fiscalYear: row.fiscalYear,
        status: row.status,
        statusLabel: PAYMENT_STATUS_LABEL[row.status],
        action: task.action,
        actionLabel: task.label,
        // 应付日期: what 及时足额率 measures the payment against.
        deadline: row.dueOn,
        overdue: open && row.dueOn !== null && row.dueOn < today,
        lastComment: row.status === 'rejected' ? row.rejectReason : null,
      },
    ];
  });
}

/** 采购: 内部审批 for the approver (never the drafter), then 确定供应商 for the requester. */
async function procurementTasks(deps: Deps, ctx: RequestContext, rolesOver: RolesOver) {
  const rows = await repo.findOpenProcurements(deps.db, scopeOf(ctx.principal));
  return rows.flatMap((row) => {
    if (row.status !== 'draft' && row.status !== 'approved') return [];
    const actor = { userId: ctx.principal.userId, posts: [...rolesOver(row.organisationId)] };
    const may = policy.procurementPermissions(actor, row);
    const approve = row.status === 'draft';
    if (approve ? !may.approve : !may.award) return [];
    return [
      {
        procurementId: row.id,
        title: `采购 · ${row.code} ${row.title} · 预算 ${yuan(row.estimatedFen)}`,
        organisationName: row.organisationName,
        fiscalYear: row.fiscalYear,
        status: row.status,
        statusLabel: approve ? '待审批' : '已审批，待确定供应商',
        action: approve ? ('procurement-approve' as const) : ('procurement-award' as const),
        actionLabel: approve ? '审批采购需求' : '确定供应商（录入采购结果）',
        deadline: null,
        overdue: false,
        lastComment: null,
      },
    ];
  });
}

/** 合同结清/终止, 资产处置 and 预算调整 waiting for a decision by someone other than their requester. */
async function decisionTasks(deps: Deps, ctx: RequestContext, rolesOver: RolesOver) {
  const scope = scopeOf(ctx.principal);
  const [closures, disposals, adjustments] = await Promise.all([
    repo.findPendingClosures(deps.db, scope),
    repo.findPendingDisposals(deps.db, scope),
    repo.findPendingBudgetAdjustments(deps.db, scope),
  ]);
  const actorOver = (organisationId: string) => ({ userId: ctx.principal.userId, posts: [...rolesOver(organisationId)] });
  const common = { deadline: null, overdue: false };
  return [
    ...closures
      .filter(
        (row) =>
          policy.contractPermissions(actorOver(row.organisationId), {
            status: 'active',
            signedBy: '',
            pendingClosure: { requestedBy: row.requestedBy },
          }).decideClosure,
      )
      .map((row) => ({
        contractId: row.contractId,
        title: `合同${row.kind === 'settled' ? '结清' : '终止'} · ${row.code} ${row.title} · ${row.counterpartyName}`,
        organisationName: row.organisationName,
        fiscalYear: row.fiscalYear,
        status: 'closure-requested',
        statusLabel: '待审批',
        action: 'contract-closure' as const,
        actionLabel: row.kind === 'settled' ? '审批合同结清' : '审批合同终止',
        lastComment: row.reason,
        ...common,
      })),
    ...disposals
      .filter(
        (row) =>
          policy.assetPermissions(actorOver(row.organisationId), {
            status: 'disposal-requested',
            custodianId: '',
            pendingDisposal: { requestedBy: row.requestedBy },
          }).decideDisposal,
      )
      .map((row) => ({
        assetId: row.assetId,
        title: `资产处置 · ${row.code} ${row.name} · ${yuan(row.valueFen)}`,
        organisationName: row.organisationName,
        fiscalYear: Number(chinaToday(row.requestedAt).slice(0, 4)),
        status: 'disposal-requested',
        statusLabel: '待审批',
        action: 'asset-disposal' as const,
        actionLabel: `审批资产处置（${row.method}）`,
        lastComment: row.reason,
        ...common,
      })),
    ...adjustments
      .filter(
        (row) => policy.adjustmentPermissions(actorOver(row.organisationId), { status: 'requested', requestedBy: row.requestedBy }).decide,
      )
      .map((row) => ({
        budgetLineId: row.budgetLineId,
        title: `预算调整 · ${row.lineCode} ${row.lineName} · ${row.amountFen > 0 ? '+' : ''}${yuan(row.amountFen)}`,
        organisationName: row.organisationName,
        fiscalYear: row.fiscalYear,
        status: 'requested',
        statusLabel: '待审批',
        action: 'budget-adjustment' as const,
        actionLabel: '审批预算调整',
        lastComment: row.reason,
        ...common,
      })),
  ];
}

/** 补贴事后跟踪检查 due within two weeks or overdue, for the posts that record them (the subsidy policy). */
async function followUpTasks(deps: Deps, ctx: RequestContext, rolesOver: RolesOver) {
  const today = chinaToday(deps.clock());
  const until = chinaToday(new Date(deps.clock().getTime() + FOLLOW_UP_NOTICE_DAYS * 86_400_000));
  const rows = await repo.findDueFollowUps(deps.db, scopeOf(ctx.principal), until);
  return rows
    .filter((row) => policy.holdsAny([...rolesOver(row.organisationId)], policy.subsidyPolicy.posts.followUp))
    .map((row) => ({
      grantId: row.grantId,
      title: `补贴事后检查 · ${row.recipientName} · ${row.programme} · ${yuan(row.amountFen)}`,
      organisationName: row.organisationName,
      fiscalYear: row.fiscalYear,
      status: 'pending',
      statusLabel: '待检查',
      action: 'subsidy-follow-up' as const,
      actionLabel: '开展事后跟踪检查并记录结果',
      deadline: row.dueOn,
      overdue: row.dueOn < today,
      lastComment: null,
    }));
}

/** Every internal-control record waiting for the signed-in user (工作台 of the posts 经办人, 会计, 审批人, 出纳, 部门负责人). */
export async function controlTasks(deps: Deps, ctx: RequestContext, rolesOver: RolesOver) {
  const groups = await Promise.all([
    paymentTasks(deps, ctx, rolesOver),
    procurementTasks(deps, ctx, rolesOver),
    decisionTasks(deps, ctx, rolesOver),
    followUpTasks(deps, ctx, rolesOver),
  ]);
  return groups.flat();
}
