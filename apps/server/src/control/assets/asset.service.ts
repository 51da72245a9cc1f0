import {
  ASSET_STATUS_LABEL,
  type Asset,
  type AssetDetail,
  type AssetQuery,
  type CreateAssetCards,
  DISPOSAL_STATUS_LABEL,
  type UpdateAsset,
} from '@jixiao/contract';
import { control, formatYuan, policy } from '@jixiao/core';
import type { z } from 'zod';
import { recordAudit } from '../../audit/audit.repository.ts';
import type { Deps, RequestContext } from '../../context.ts';
import type { Queryable } from '../../db/connect.ts';
import { AppError, notFound, validationFailed, versionConflict } from '../../errors.ts';
import { scopeOf } from '../../policies/scope.ts';
import { chinaToday } from '../../time.ts';
import { getContract, getMilestone } from '../contracts/contract.repository.ts';
import { controlled, refuseIfViolated, requirePost } from '../control-access.ts';
import { getProcurement } from '../procurement/procurement.repository.ts';
import { requireReader } from '../readable.ts';
import * as repo from './asset.repository.ts';
import { insertCards, prepareCards } from './asset-cards.ts';
import { findAssetStocktakes } from './stocktake.repository.ts';

export const ASSET = '资产';

export function presentAsset(row: repo.AssetListRow): z.infer<typeof Asset> {
  const { asset } = row;
  return {
    id: asset.id,
    organisationId: asset.organisationId,
    organisationName: row.organisationName,
    contractId: asset.contractId,
    contractCode: row.contractCode,
    milestoneId: asset.milestoneId,
    code: asset.code,
    name: asset.name,
    category: asset.category,
    value: formatYuan(asset.valueFen),
    custodianId: asset.custodianId,
    custodianName: row.custodianName,
    location: asset.location,
    acquiredOn: asset.acquiredOn,
    status: asset.status,
    statusLabel: ASSET_STATUS_LABEL[asset.status],
    version: asset.version,
  };
}

export async function listAssets(deps: Deps, ctx: RequestContext, query: z.infer<typeof AssetQuery>) {
  if (query.organisationId) await requireReader(deps.db, ctx, query.organisationId, '单位');
  const rows = await repo.findAssets(deps.db, { ...query, scope: scopeOf(ctx.principal) });
  return rows.map(presentAsset);
}

/** The card with its 盘点 history and its 处置 requests. */
export async function getAssetDetail(deps: Deps, ctx: RequestContext, id: string): Promise<z.infer<typeof AssetDetail>> {
  const [row] = await repo.findAssets(deps.db, { scope: 'all', ids: [id] });
  if (!row) throw notFound(ASSET);
  const posts = await requireReader(deps.db, ctx, row.asset.organisationId, ASSET);
  const [counts, disposals] = await Promise.all([findAssetStocktakes(deps.db, id), repo.findDisposals(deps.db, id)]);
  const pendingDisposal = disposals.find((entry) => entry.disposal.status === 'requested')?.disposal;
  return {
    ...presentAsset(row),
    stocktakes: counts.map(({ line, takenOn, performedByName }) => ({
      stocktakeId: line.stocktakeId,
      takenOn,
      performedByName,
      found: line.found,
      locationFound: line.locationFound,
      difference: line.difference,
    })),
    disposals: disposals.map(({ disposal, requestedByName, decidedByName }) => ({
      id: disposal.id,
      reason: disposal.reason,
      method: disposal.method,
      status: disposal.status,
      statusLabel: DISPOSAL_STATUS_LABEL[disposal.status],
      requestedBy: disposal.requestedBy,
      requestedByName,
      requestedAt: disposal.requestedAt.toISOString(),
      decidedBy: disposal.decidedBy,
      decidedByName,
      decidedAt: disposal.decidedAt?.toISOString() ?? null,
      comment: disposal.comment,
    })),
    permissions: policy.assetPermissions({ userId: ctx.principal.userId, posts }, { ...row.asset, pendingDisposal }),
  };
}

/** The asset, locked for the step, with the posts the user holds over it (none: not found). */
export async function lockAsset(tx: Queryable, ctx: RequestContext, id: string) {
  const asset = await repo.getAsset(tx, id, true);
  if (!asset) throw notFound(ASSET);
  const posts = await requireReader(tx, ctx, asset.organisationId, ASSET);
  return { asset, posts };
}

/** Cards for a milestone accepted earlier without them, by the 资产管理员. */
export async function createAssetCards(deps: Deps, ctx: RequestContext, body: z.infer<typeof CreateAssetCards>) {
  return controlled(deps, ctx, () =>
    deps.db.transaction(async (tx) => {
      const contract = await getContract(tx, body.contractId, true);
      if (!contract) throw notFound('合同');
      await requireReader(tx, ctx, contract.organisationId, '合同');
      await requirePost(tx, ctx, contract.organisationId, policy.assetPolicy.posts.cards);
      const milestone = await getMilestone(tx, body.milestoneId);
      if (!milestone || milestone.contractId !== contract.id) throw notFound('合同里程碑');
      if (!milestone.acceptedAt || !milestone.acceptedBy) {
        throw validationFailed([{ path: 'body.milestoneId', message: `里程碑“${milestone.description}”尚未验收，不能登记资产` }]);
      }
      const acceptedAt = milestone.acceptedAt;
      const procurement = contract.procurementId ? await getProcurement(tx, contract.procurementId) : undefined;
      const source = {
        organisationId: contract.organisationId,
        contractId: contract.id,
        milestone,
        acceptedBy: milestone.acceptedBy,
        acquiredOn: chinaToday(acceptedAt),
        category: procurement?.category ?? null,
      };
      const prepared = await prepareCards(tx, source, { custodianId: body.custodianId, assets: body.assets });
      refuseIfViolated({ organisationId: contract.organisationId, entityType: 'asset' }, prepared.violations);
      return insertCards(tx, ctx, source, prepared);
    }),
  );
}

/** 保管人 or 存放地点 changes by the 资产管理员; the accepter of the delivery never becomes its keeper. */
export async function updateAsset(deps: Deps, ctx: RequestContext, id: string, body: z.infer<typeof UpdateAsset>) {
  return controlled(deps, ctx, () =>
    deps.db.transaction(async (tx) => {
      const { asset } = await lockAsset(tx, ctx, id);
      await requirePost(tx, ctx, asset.organisationId, policy.assetPolicy.posts.update);
      if (asset.version !== body.version) throw versionConflict(ASSET);
      if (asset.status !== 'in-use') {
        throw new AppError('NOT_EDITABLE', `资产处于“${ASSET_STATUS_LABEL[asset.status]}”状态，不能变更保管人或存放地点`);
      }
      if (body.custodianId && body.custodianId !== asset.custodianId) {
        const known = await repo.custodiansOf(tx, asset.organisationId, [body.custodianId]);
        if (!known.has(body.custodianId)) throw validationFailed([{ path: 'body.custodianId', message: '保管人须为本单位在职人员' }]);
        const milestone = asset.milestoneId ? await getMilestone(tx, asset.milestoneId) : undefined;
        refuseIfViolated(
          { organisationId: asset.organisationId, entityType: 'asset', entityId: id },
          control.segregation.found(
            control.segregation.accepterCustodian(
              milestone?.acceptedBy,
              body.custodianId,
              `“${asset.name}”由此人验收，不能由其保管（验收与保管须分离）`,
            ),
          ),
        );
      }
      const values = { custodianId: body.custodianId ?? asset.custodianId, location: body.location ?? asset.location };
      const updated = await repo.updateAsset(tx, id, body.version, values);
      if (!updated) throw versionConflict(ASSET);
      await recordAudit(tx, ctx, {
        entityType: 'asset',
        entityId: id,
        action: 'update',
        organisationId: asset.organisationId,
        before: { custodianId: asset.custodianId, location: asset.location },
        after: values,
      });
      return updated;
    }),
  );
}
