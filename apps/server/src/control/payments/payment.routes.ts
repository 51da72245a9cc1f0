import {
  ApprovePayment,
  CreatePayment,
  PAYMENT_STATUS_LABEL,
  Payment,
  PaymentList,
  PaymentQuery,
  PaymentStep,
  PayPayment,
  RejectPayment,
  ResubmitPayment,
  Uuid,
} from '@jixiao/contract';
import { formatYuan, policy } from '@jixiao/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../context.ts';
import { notFound } from '../../errors.ts';
import { contextOf } from '../../http/session-plugin.ts';
import { actorOver, actorsOver } from '../../policies/access.ts';
import { scopeOf } from '../../policies/scope.ts';
import * as commands from './payment.commands.ts';
import { findPayments, type PaymentListRow } from './payment.repository.ts';

const IdParams = z.object({ id: Uuid });

export function presentPayment(row: PaymentListRow, actor: policy.Actor): z.infer<typeof Payment> {
  const payment = row.payment;
  return {
    id: payment.id,
    organisationId: payment.organisationId,
    budgetLineId: payment.budgetLineId,
    budgetLineCode: row.lineCode,
    budgetLineName: row.lineName,
    contractId: payment.contractId,
    milestoneId: payment.milestoneId,
    grantId: payment.grantId,
    payeeName: payment.payeeName,
    payeeUscc: payment.payeeUscc,
    amount: formatYuan(payment.amountFen),
    invoiceNumber: payment.invoiceNumber,
    purpose: payment.purpose,
    expenseType: payment.expenseType,
    dueOn: payment.dueOn,
    status: payment.status,
    statusLabel: PAYMENT_STATUS_LABEL[payment.status],
    requestedBy: row.requester,
    reviewedBy: row.reviewer,
    approvedBy: row.approver,
    paidBy: row.payer,
    paidOn: payment.paidOn,
    decisionReference: payment.decisionReference,
    countersignedBy: row.countersigner,
    rejectReason: payment.rejectReason,
    imported: payment.imported,
    requestedAt: payment.requestedAt.toISOString(),
    version: payment.version,
    permissions: policy.paymentPermissions(actor, payment),
    waitingFor: [...policy.nextPaymentPosts(payment.status)],
  };
}

export const paymentRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['payments'];
    const one = async (request: Parameters<typeof contextOf>[0], id: string) => {
      const { principal } = contextOf(request);
      const { rows } = await findPayments(deps.db, { scope: scopeOf(principal), ids: [id], limit: 1, offset: 0 });
      const row = rows[0];
      if (!row) throw notFound('支付申请');
      return presentPayment(row, await actorOver(deps.db, principal, row.payment.organisationId));
    };

    app.get(
      '/api/payments',
      { schema: { tags, summary: '支付申请列表', querystring: PaymentQuery, response: { 200: PaymentList } } },
      async (request) => {
        const { principal } = contextOf(request);
        const { rows, total } = await findPayments(deps.db, { ...request.query, scope: scopeOf(principal) });
        const actor = await actorsOver(
          deps.db,
          principal,
          rows.map((row) => row.payment.organisationId),
        );
        return { items: rows.map((row) => presentPayment(row, actor(row.payment.organisationId))), total };
      },
    );
    app.get(
      '/api/payments/:id',
      { schema: { tags, summary: '支付申请详情', params: IdParams, response: { 200: Payment } } },
      async (request) => one(request, request.params.id),
    );
    app.post(
      '/api/payments',
      {
        schema: {
          tags,
          summary: '提出支付申请（经办人）：余额、合同、收款人、重复支付等规则在此检查',
          body: CreatePayment,
          response: { 201: Payment },
        },
      },
      async (request, reply) => {
        const created = await commands.requestPayment(deps, contextOf(request), request.body);
        return reply.status(201).send(await one(request, created.id));
      },
    );
    app.post(
      '/api/payments/:id/review',
      {
        schema: {
          tags,
          summary: '审核（财务审核；申请人不能审核自己的申请）',
          params: IdParams,
          body: PaymentStep,
          response: { 200: Payment },
        },
      },
      async (request) => {
        await commands.reviewPayment(deps, contextOf(request), request.params.id, request.body.version);
        return one(request, request.params.id);
      },
    );
    app.post(
      '/api/payments/:id/approve',
      {
        schema: {
          tags,
          summary: '审批（审批人或部门负责人；大额须集体决策文号或第三人会签）',
          params: IdParams,
          body: ApprovePayment,
          response: { 200: Payment },
        },
      },
      async (request) => {
        await commands.approvePayment(deps, contextOf(request), request.params.id, request.body);
        return one(request, request.params.id);
      },
    );
    app.post(
      '/api/payments/:id/pay',
      { schema: { tags, summary: '支付（出纳；审批人不能付款）', params: IdParams, body: PayPayment, response: { 200: Payment } } },
      async (request) => {
        await commands.payPayment(deps, contextOf(request), request.params.id, request.body);
        return one(request, request.params.id);
      },
    );
    app.post(
      '/api/payments/:id/archive',
      { schema: { tags, summary: '归档（财务审核）', params: IdParams, body: PaymentStep, response: { 200: Payment } } },
      async (request) => {
        await commands.archivePayment(deps, contextOf(request), request.params.id, request.body.version);
        return one(request, request.params.id);
      },
    );
    app.post(
      '/api/payments/:id/reject',
      { schema: { tags, summary: '驳回（须说明理由）', params: IdParams, body: RejectPayment, response: { 200: Payment } } },
      async (request) => {
        await commands.rejectPayment(deps, contextOf(request), request.params.id, request.body);
        return one(request, request.params.id);
      },
    );
    app.post(
      '/api/payments/:id/resubmit',
      {
        schema: {
          tags,
          summary: '修改后重新提交被驳回的申请（仅原申请人；规则按新申请重新检查，重新经过审核、审批）',
          params: IdParams,
          body: ResubmitPayment,
          response: { 200: Payment },
        },
      },
      async (request) => {
        await commands.resubmitPayment(deps, contextOf(request), request.params.id, request.body);
        return one(request, request.params.id);
      },
    );
  };
