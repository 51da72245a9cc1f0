import { and, eq, inArray, lte } from 'drizzle-orm';
import type { Queryable } from '../db/connect.ts';
import {
  assetDisposals,
  assets,
  budgetAdjustments,
  budgetLines,
  contractClosures,
  contracts,
  organisations,
  paymentRequests,
  procurements,
  subsidyFollowUps,
  subsidyGrants,
  subsidyRecipients,
} from '../db/schema.ts';
import { inScope, type Scope } from '../policies/scope.ts';

/**
 * The internal-control records in scope that wait for someone: the to-dos decide who (the policies of
 * core/policy). Each query reads only the pending rows with what names them, one round trip per kind.
 */

/** 支付申请 waiting for 审核, 审批, 支付, or for their requester to correct them (驳回). Imported rows come finished. */
export async function findOpenPayments(db: Queryable, scope: Scope) {
  return db
    .select({
      id: paymentRequests.id,
      organisationId: paymentRequests.organisationId,
      organisationName: organisations.name,
      fiscalYear: budgetLines.fiscalYear,
      payeeName: paymentRequests.payeeName,
      amountFen: paymentRequests.amountFen,
      dueOn: paymentRequests.dueOn,
      status: paymentRequests.status,
      requestedBy: paymentRequests.requestedBy,
      approvedBy: paymentRequests.approvedBy,
      rejectReason: paymentRequests.rejectReason,
    })
    .from(paymentRequests)
    .innerJoin(budgetLines, eq(budgetLines.id, paymentRequests.budgetLineId))
    .innerJoin(organisations, eq(organisations.id, paymentRequests.organisationId))
    .where(
      and(
        inArray(paymentRequests.status, ['requested', 'reviewed', 'approved', 'rejected']),
        eq(paymentRequests.imported, false),
        inScope(paymentRequests.organisationId, scope),
      ),
    );
}

/** 采购 waiting for 内部审批 (draft) or for the supplier to be recorded (approved). */
export async function findOpenProcurements(db: Queryable, scope: Scope) {
  return db
    .select({
      id: procurements.id,
      organisationId: procurements.organisationId,
      organisationName: organisations.name,
      fiscalYear: budgetLines.fiscalYear,
      code: procurements.code,
      title: procurements.title,
      estimatedFen: procurements.estimatedFen,
      status: procurements.status,
      draftedBy: procurements.draftedBy,
    })
    .from(procurements)
    .innerJoin(budgetLines, eq(budgetLines.id, procurements.budgetLineId))
    .innerJoin(organisations, eq(organisations.id, procurements.organisationId))
    .where(and(inArray(procurements.status, ['draft', 'approved']), inScope(procurements.organisationId, scope)));
}

/** 合同结清/终止 requests waiting for a decision. */
export async function findPendingClosures(db: Queryable, scope: Scope) {
  return db
    .select({
      id: contractClosures.id,
      contractId: contracts.id,
      organisationId: contracts.organisationId,
      organisationName: organisations.name,
      fiscalYear: budgetLines.fiscalYear,
      code: contracts.code,
      title: contracts.title,
      counterpartyName: contracts.counterpartyName,
      kind: contractClosures.kind,
      reason: contractClosures.reason,
      requestedBy: contractClosures.requestedBy,
    })
    .from(contractClosures)
    .innerJoin(contracts, eq(contracts.id, contractClosures.contractId))
    .innerJoin(budgetLines, eq(budgetLines.id, contracts.budgetLineId))
    .innerJoin(organisations, eq(organisations.id, contracts.organisationId))
    .where(and(eq(contractClosures.status, 'requested'), eq(contracts.status, 'active'), inScope(contracts.organisationId, scope)));
}

/** 资产处置 requests waiting for a decision. */
export async function findPendingDisposals(db: Queryable, scope: Scope) {
  return db
    .select({
      id: assetDisposals.id,
      assetId: assets.id,
      organisationId: assets.organisationId,
      organisationName: organisations.name,
      code: assets.code,
      name: assets.name,
      valueFen: assets.valueFen,
      method: assetDisposals.method,
      reason: assetDisposals.reason,
      requestedAt: assetDisposals.requestedAt,
      requestedBy: assetDisposals.requestedBy,
    })
    .from(assetDisposals)
    .innerJoin(assets, eq(assets.id, assetDisposals.assetId))
    .innerJoin(organisations, eq(organisations.id, assets.organisationId))
    .where(and(eq(assetDisposals.status, 'requested'), inScope(assets.organisationId, scope)));
}

/** 预算调整 requests waiting for a decision. */
export async function findPendingBudgetAdjustments(db: Queryable, scope: Scope) {
  return db
    .select({
      id: budgetAdjustments.id,
      budgetLineId: budgetLines.id,
      organisationId: budgetLines.organisationId,
      organisationName: organisations.name,
      fiscalYear: budgetLines.fiscalYear,
      lineCode: budgetLines.code,
      lineName: budgetLines.name,
      amountFen: budgetAdjustments.amountFen,
      reason: budgetAdjustments.reason,
      requestedBy: budgetAdjustments.requestedBy,
    })
    .from(budgetAdjustments)
    .innerJoin(budgetLines, eq(budgetLines.id, budgetAdjustments.budgetLineId))
    .innerJoin(organisations, eq(organisations.id, budgetLines.organisationId))
    .where(and(eq(budgetAdjustments.status, 'requested'), inScope(budgetLines.organisationId, scope)));
}

/** 事后跟踪检查 not yet recorded whose date has come by `until`. */
export async function findDueFollowUps(db: Queryable, scope: Scope, until: string) {
  return db
    .select({
      id: subsidyFollowUps.id,
      grantId: subsidyGrants.id,
      organisationId: subsidyGrants.organisationId,
      organisationName: organisations.name,
      fiscalYear: budgetLines.fiscalYear,
      programme: subsidyGrants.programme,
      recipientName: subsidyRecipients.name,
      amountFen: subsidyGrants.amountFen,
      dueOn: subsidyFollowUps.dueOn,
    })
    .from(subsidyFollowUps)
    .innerJoin(subsidyGrants, eq(subsidyGrants.id, subsidyFollowUps.grantId))
    .innerJoin(subsidyRecipients, eq(subsidyRecipients.id, subsidyGrants.recipientId))
    .innerJoin(budgetLines, eq(budgetLines.id, subsidyGrants.budgetLineId))
    .innerJoin(organisations, eq(organisations.id, subsidyGrants.organisationId))
    .where(and(eq(subsidyFollowUps.result, 'pending'), lte(subsidyFollowUps.dueOn, until), inScope(subsidyGrants.organisationId, scope)));
}
