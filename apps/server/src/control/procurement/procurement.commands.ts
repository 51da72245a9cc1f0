import { type ApproveProcurement, type AwardProcurement, type CancelProcurement, PROCUREMENT_STATUS_LABEL } from '@jixiao/contract';
import { control, policy } from '@jixiao/core';
import type { z } from 'zod';
import { recordAudit } from '../../audit/audit.repository.ts';
import type { Deps, RequestContext } from '../../context.ts';
import { versionConflict } from '../../errors.ts';
import { announceLedgerChanged } from '../../events/ledger-events.ts';
import { controlConfig, controlled, refuseIfViolated, requirePost } from '../control-access.ts';
import { chargeableLine, chargeViolations } from '../line-charge.ts';
import { invalidStep } from '../readable.ts';
import * as repo from './procurement.repository.ts';
import { approvalViolations } from './procurement.rules.ts';
import { lockProcurement, PROCUREMENT } from './procurement.service.ts';

/**
 * The steps of a procurement after its drafting: 审批 → 确定供应商 (or 取消). Each runs in one
 * transaction on the locked row, checks the version the user saw, and writes the audit entry with
 * the change; a broken control rule rolls everything back and is recorded as a refusal.
 */

const subjectOf = (procurement: repo.ProcurementRow) => ({
  organisationId: procurement.organisationId,
  entityType: 'procurement' as const,
  entityId: procurement.id,
});

/** 内部审批 by an 审批人 or 部门负责人 who did not draft the requirement; the method is checked again. */
export async function approveProcurement(deps: Deps, ctx: RequestContext, id: string, input: z.infer<typeof ApproveProcurement>) {
  return controlled(deps, ctx, () =>
    deps.db.transaction(async (tx) => {
      const procurement = await lockProcurement(tx, ctx, id);
      await requirePost(tx, ctx, procurement.organisationId, policy.procurementPolicy.posts.approve);
      if (procurement.version !== input.version) throw versionConflict(PROCUREMENT);
      if (procurement.status !== 'draft') throw invalidStep('政府采购', PROCUREMENT_STATUS_LABEL[procurement.status], '审批');
      refuseIfViolated(subjectOf(procurement), approvalViolations(procurement, ctx.principal.userId, await controlConfig(tx)));
      const updated = await repo.updateProcurement(tx, id, input.version, {
        status: 'approved',
        approvedBy: ctx.principal.userId,
        approvedAt: deps.clock(),
      });
      if (!updated) throw versionConflict(PROCUREMENT);
      await recordAudit(tx, ctx, {
        entityType: 'procurement',
        entityId: id,
        action: 'approve',
        organisationId: procurement.organisationId,
        before: { status: procurement.status },
        after: { status: updated.status, comment: input.comment ?? null },
      });
      await announceLedgerChanged(tx, { organisationId: procurement.organisationId });
      return updated;
    }),
  );
}

/**
 * 确定成交供应商 by the 经办人: the supplier is identified by a valid 统一社会信用代码; a result
 * more than 10 % above the estimate needs a justification (kept in the audit entry), and the
 * result must still fit the line.
 */
export async function awardProcurement(deps: Deps, ctx: RequestContext, id: string, input: z.infer<typeof AwardProcurement>) {
  return controlled(deps, ctx, () =>
    deps.db.transaction(async (tx) => {
      const procurement = await lockProcurement(tx, ctx, id);
      await requirePost(tx, ctx, procurement.organisationId, policy.procurementPolicy.posts.award);
      if (procurement.version !== input.version) throw versionConflict(PROCUREMENT);
      if (procurement.status !== 'approved') throw invalidStep('政府采购', PROCUREMENT_STATUS_LABEL[procurement.status], '确定供应商');
      const uscc = control.checkUscc('supplierUscc', '供应商', input.supplierUscc);
      const charged = await chargeableLine(tx, procurement.organisationId, procurement.budgetLineId);
      refuseIfViolated(subjectOf(procurement), [
        ...uscc.violations,
        ...control.checkAwardTolerance(input.result, procurement.estimatedFen, input.awardJustification),
        ...chargeViolations(charged, { amount: input.result, field: 'result', what: '成交金额' }),
      ]);
      const updated = await repo.updateProcurement(tx, id, input.version, {
        status: 'awarded',
        supplierName: input.supplierName,
        supplierUscc: uscc.code,
        resultFen: input.result,
      });
      if (!updated) throw versionConflict(PROCUREMENT);
      await recordAudit(tx, ctx, {
        entityType: 'procurement',
        entityId: id,
        action: 'award',
        organisationId: procurement.organisationId,
        before: { status: procurement.status },
        after: {
          status: updated.status,
          supplierName: updated.supplierName,
          supplierUscc: updated.supplierUscc,
          resultFen: updated.resultFen,
          awardJustification: input.awardJustification || null,
        },
      });
      await announceLedgerChanged(tx, { organisationId: procurement.organisationId });
      return updated;
    }),
  );
}

/** 取消 before a supplier is chosen, by the 经办人 or an approver, with the reason in the audit entry. */
export async function cancelProcurement(deps: Deps, ctx: RequestContext, id: string, input: z.infer<typeof CancelProcurement>) {
  return deps.db.transaction(async (tx) => {
    const procurement = await lockProcurement(tx, ctx, id);
    await requirePost(tx, ctx, procurement.organisationId, policy.procurementPolicy.posts.cancel);
    if (procurement.version !== input.version) throw versionConflict(PROCUREMENT);
    if (procurement.status !== 'draft' && procurement.status !== 'approved') {
      throw invalidStep('政府采购', PROCUREMENT_STATUS_LABEL[procurement.status], '取消');
    }
    const updated = await repo.updateProcurement(tx, id, input.version, { status: 'cancelled' });
    if (!updated) throw versionConflict(PROCUREMENT);
    await recordAudit(tx, ctx, {
      entityType: 'procurement',
      entityId: id,
      action: 'cancel',
      organisationId: procurement.organisationId,
      before: { status: procurement.status },
      after: { status: updated.status, reason: input.reason },
    });
    await announceLedgerChanged(tx, { organisationId: procurement.organisationId });
    return updated;
  });
}
