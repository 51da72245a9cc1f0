import { type Actor, holdsAny, type Permissions, type Posts } from './roles.ts';

export type AssetStatus = 'in-use' | 'disposal-requested' | 'disposed';
/** cards: 资产卡片; update: 变更保管人、存放地点; stocktake: 盘点; requestDisposal / decideDisposal: 处置的申请与审批. */
export type AssetAction = 'cards' | 'update' | 'stocktake' | 'requestDisposal' | 'decideDisposal';

export const assetPolicy = {
  posts: {
    cards: ['asset-manager'],
    update: ['asset-manager'],
    stocktake: ['asset-manager'],
    // The asset's 保管人 may also ask to dispose of it (assetPermissions).
    requestDisposal: ['asset-manager'],
    decideDisposal: ['approver', 'department-head'],
  } satisfies Posts<AssetAction>,
} as const;

export interface AssetPeople {
  readonly status: AssetStatus;
  readonly custodianId: string;
  /** The disposal waiting for a decision, if there is one. */
  readonly pendingDisposal?: { readonly requestedBy: string } | null | undefined;
}

/** What the actor may do with this asset now; a disposal is decided by someone other than its requester (IC_DISPOSAL_APPROVAL). */
export function assetPermissions(actor: Actor, asset: AssetPeople): Permissions<'update' | 'requestDisposal' | 'decideDisposal'> {
  const inUse = asset.status === 'in-use';
  const pending = asset.pendingDisposal;
  return {
    update: inUse && holdsAny(actor.posts, assetPolicy.posts.update),
    requestDisposal: inUse && mayRequestDisposal(actor, asset),
    decideDisposal:
      asset.status === 'disposal-requested' &&
      Boolean(pending) &&
      holdsAny(actor.posts, assetPolicy.posts.decideDisposal) &&
      pending?.requestedBy !== actor.userId,
  };
}

/** 资产处置 is asked for by the 资产管理员 or by the asset's own 保管人. */
export function mayRequestDisposal(actor: Actor, asset: Pick<AssetPeople, 'custodianId'>): boolean {
  return holdsAny(actor.posts, assetPolicy.posts.requestDisposal) || asset.custodianId === actor.userId;
}
