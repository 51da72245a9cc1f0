import { ASSET_STATUS_LABEL, type DecideDisposal, DISPOSAL_STATUS_LABEL, type RequestDisposal } from '@jixiao/contract';
import { control, policy } from '@jixiao/core';
import type { z } from 'zod';
import type { Deps, RequestContext } from '../../context.ts';
import { forbidden, notFound, versionConflict } from '../../errors.ts';
import { decideStep, requestStep } from '../approval-step.ts';
import { controlled, requirePost } from '../control-access.ts';
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
    return requestStep(tx, ctx, {
      insert: (requestedBy) => repo.insertDisposal(tx, { assetId, reason: body.reason, method: body.method, requestedBy }),
      touch: () => repo.updateAsset(tx, assetId, body.version, { status: 'disposal-requested' }),
      conflict: () => versionConflict(ASSET),
      audit: (disposal, updated) => ({
        entityType: 'asset',
        entityId: assetId,
        action: 'disposal.request',
        organisationId: asset.organisationId,
        before: { status: asset.status },
        after: { status: updated?.status, disposal },
      }),
    });
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
      const { decided } = await decideStep(
        tx,
        ctx,
        disposal,
        { approve: body.approve, opinion: body.comment },
        {
          subject: { organisationId: asset.organisationId, entityType: 'asset', entityId: assetId },
          notPending: () => invalidStep('资产处置申请', DISPOSAL_STATUS_LABEL[disposal.status], '审批'),
          opinionRequired: { path: 'body.comment', message: '驳回须说明理由' },
          separation: control.checkDisposalDecider,
          write: async (decision) => {
            const row = await repo.decideDisposal(tx, disposalId, {
              status: decision.status,
              decidedBy: decision.decidedBy,
              decidedAt: deps.clock(),
              comment: decision.opinion,
            });
            const updated = await repo.updateAsset(tx, assetId, body.version, { status: decision.approve ? 'disposed' : 'in-use' });
            return row && updated ? { decided: row, updated } : undefined;
          },
          conflict: () => versionConflict(ASSET),
          audit: ({ decided: row, updated }, decision) => ({
            entityType: 'asset',
            entityId: assetId,
            action: decision.approve ? 'disposal.approve' : 'disposal.reject',
            organisationId: asset.organisationId,
            before: { status: asset.status },
            after: { status: updated.status, disposalId, comment: row.comment },
          }),
        },
      );
      return decided;
    }),
  );
}
