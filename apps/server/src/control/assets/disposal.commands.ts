import { ASSET_STATUS_LABEL, type DecideDisposal, DISPOSAL_STATUS_LABEL, type RequestDisposal } from '@jixiao/contract';
import { policy } from '@jixiao/core';
import type { z } from 'zod';
import { recordAudit } from '../../audit/audit.repository.ts';
import type { Deps, RequestContext } from '../../context.ts';
import { forbidden, notFound, validationFailed, versionConflict } from '../../errors.ts';
import { controlled, refuseIfViolated, requirePost } from '../control-access.ts';
import { invalidStep } from '../readable.ts';
import * as repo from './asset.repository.ts';
import { ASSET, lockAsset } from './asset.service.ts';

/**
 * 资产处置: requested by the 资产管理员 or the asset's 保管人, decided by an 审批人 or 部门负责人
 * who did not request it (财产保护控制, docs/rules.md §5.2). The asset carries the version: a request
 * moves it to 处置审批中, the decision to 已处置 or back to 在用.
 */

export async function requestDisposal(deps: Deps, ctx: RequestContext, assetId: string, body: z.infer<typeof RequestDisposal>) {
  return deps.db.transaction(async (tx) => {
    const { asset, posts } = await lockAsset(tx, ctx, assetId);
    if (!policy.mayRequestDisposal({ userId: ctx.principal.userId, posts }, asset)) {
      throw forbidden('资产处置须由资产管理员或该资产的保管人申请');
    }
    if (asset.version !== body.version) throw versionConflict(ASSET);
    if (asset.status !== 'in-use') throw invalidStep(ASSET, ASSET_STATUS_LABEL[asset.status], '申请处置');
    const disposal = await repo.insertDisposal(tx, {
      assetId,
      reason: body.reason,
      method: body.method,
      requestedBy: ctx.principal.userId,
    });
    const updated = await repo.updateAsset(tx, assetId, body.version, { status: 'disposal-requested' });
    if (!updated) throw versionConflict(ASSET);
    await recordAudit(tx, ctx, {
      entityType: 'asset',
      entityId: assetId,
      action: 'disposal.request',
      organisationId: asset.organisationId,
      before: { status: asset.status },
      after: { status: updated.status, disposal },
    });
    return disposal;
  });
}

export async function decideDisposal(
  deps: Deps,
  ctx: RequestContext,
  assetId: string,
  disposalId: string,
  body: z.infer<typeof DecideDisposal>,
) {
  return controlled(deps, ctx, () =>
    deps.db.transaction(async (tx) => {
      const { asset } = await lockAsset(tx, ctx, assetId);
      await requirePost(tx, ctx, asset.organisationId, policy.assetPolicy.posts.decideDisposal);
      if (asset.version !== body.version) throw versionConflict(ASSET);
      const disposal = await repo.getDisposal(tx, disposalId);
      if (!disposal || disposal.assetId !== assetId) throw notFound('资产处置申请');
      if (disposal.status !== 'requested') throw invalidStep('资产处置申请', DISPOSAL_STATUS_LABEL[disposal.status], '审批');
      if (!body.approve && !body.comment) throw validationFailed([{ path: 'body.comment', message: '驳回须说明理由' }]);
      if (disposal.requestedBy === ctx.principal.userId) {
        refuseIfViolated({ organisationId: asset.organisationId, entityType: 'asset', entityId: assetId }, [
          { code: 'IC_DISPOSAL_APPROVAL', message: '资产处置由你申请，不能由你审批' },
        ]);
      }
      const decided = await repo.decideDisposal(tx, disposalId, {
        status: body.approve ? 'approved' : 'rejected',
        decidedBy: ctx.principal.userId,
        decidedAt: deps.clock(),
        comment: body.comment || null,
      });
      const updated = await repo.updateAsset(tx, assetId, body.version, { status: body.approve ? 'disposed' : 'in-use' });
      if (!decided || !updated) throw versionConflict(ASSET);
      await recordAudit(tx, ctx, {
        entityType: 'asset',
        entityId: assetId,
        action: body.approve ? 'disposal.approve' : 'disposal.reject',
        organisationId: asset.organisationId,
        before: { status: asset.status },
        after: { status: updated.status, disposalId, comment: decided.comment },
      });
      return decided;
    }),
  );
}
