import { z } from 'zod';
import { Int32, IsoDate, ListSearch, Money, Uuid, Version } from '../common.ts';
import { permissionsOf } from './access.ts';
import { DecisionTrail, OptionalText, PositiveAmountFen, Text } from './fields.ts';

export const ASSET_STATUSES = ['in-use', 'disposal-requested', 'disposed'] as const;
export const ASSET_STATUS_LABEL = { 'in-use': '在用', 'disposal-requested': '处置审批中', disposed: '已处置' } as const;
/** 国有资产处置方式 */
export const DISPOSAL_METHODS = ['报废', '报损', '出售', '出让', '转让', '置换', '对外捐赠', '无偿划转'] as const;
export const DISPOSAL_STATUS_LABEL = { requested: '待审批', approved: '已批准', rejected: '已驳回' } as const;

/** One asset card (资产卡片) from an accepted delivery. */
export const AssetCardInput = z.object({
  name: Text(200),
  category: Text(60),
  value: PositiveAmountFen,
  location: Text(200),
  /** 保管人; defaults to the request's custodianId. */
  custodianId: Uuid.optional(),
});

export const AssetQuery = z.object({
  organisationId: Uuid.optional(),
  status: z.enum(ASSET_STATUSES).optional(),
  custodianId: Uuid.optional(),
  contractId: Uuid.optional(),
  /** Part of the card's code, name, category or location, or of the custodian's name. */
  q: ListSearch.optional(),
});

export const CreateAssetCards = z.object({
  contractId: Uuid,
  milestoneId: Uuid,
  custodianId: Uuid.optional(),
  assets: z.array(AssetCardInput).min(1).max(200),
});

export const UpdateAsset = z
  .object({ version: Version, custodianId: Uuid.optional(), location: Text(200).optional() })
  .refine((body) => body.custodianId !== undefined || body.location !== undefined, {
    error: '请填写新的保管人或存放地点',
    path: ['location'],
  });

export const RequestDisposal = z.object({ version: Version, reason: Text(500), method: z.enum(DISPOSAL_METHODS) });

/** The asset's version: a disposal request changes the asset's status, so the asset carries the version. */
export const DecideDisposal = z.object({ version: Version, approve: z.boolean(), comment: OptionalText(500) });

export const Asset = z.object({
  id: Uuid,
  organisationId: Uuid,
  organisationName: z.string(),
  contractId: Uuid.nullable(),
  contractCode: z.string().nullable(),
  milestoneId: Uuid.nullable(),
  code: z.string(),
  name: z.string(),
  category: z.string(),
  value: Money,
  custodianId: Uuid,
  custodianName: z.string(),
  location: z.string(),
  acquiredOn: z.string(),
  status: z.enum(ASSET_STATUSES),
  statusLabel: z.string(),
  version: Version,
});

export const AssetDetail = Asset.extend({
  stocktakes: z.array(
    z.object({
      stocktakeId: Uuid,
      takenOn: z.string(),
      performedByName: z.string(),
      found: z.boolean(),
      locationFound: z.string().nullable(),
      difference: z.string().nullable(),
    }),
  ),
  disposals: z.array(
    z.object({
      id: Uuid,
      reason: z.string(),
      method: z.string(),
      ...DecisionTrail,
      comment: z.string().nullable(),
    }),
  ),
  /** What the signed-in user may do now: 变更保管人, 申请处置 (资产管理员 or the keeper), 审批处置 (not its requester). */
  permissions: permissionsOf('update', 'requestDisposal', 'decideDisposal'),
});

export const AssetList = z.object({ items: z.array(Asset) });

export const StocktakeLineInput = z.object({
  assetId: Uuid,
  found: z.boolean(),
  locationFound: OptionalText(200),
  /** Left out, the difference is stated from the facts: 未找到, or 存放地点不符. */
  difference: OptionalText(500),
});

export const CreateStocktake = z.object({
  organisationId: Uuid,
  takenOn: IsoDate,
  note: OptionalText(1000),
  lines: z.array(StocktakeLineInput).min(1).max(5000),
});

export const StocktakeQuery = z.object({ organisationId: Uuid.optional() });

export const Stocktake = z.object({
  id: Uuid,
  organisationId: Uuid,
  organisationName: z.string(),
  takenOn: z.string(),
  performedBy: Uuid,
  performedByName: z.string(),
  note: z.string().nullable(),
  lineCount: Int32,
  differenceCount: Int32,
  createdAt: z.string(),
});

export const StocktakeDetail = Stocktake.extend({
  lines: z.array(
    z.object({
      assetId: Uuid,
      assetCode: z.string(),
      assetName: z.string(),
      bookLocation: z.string(),
      found: z.boolean(),
      locationFound: z.string().nullable(),
      difference: z.string().nullable(),
    }),
  ),
});

export const StocktakeList = z.object({ items: z.array(Stocktake) });

export const CreatedStocktake = z.object({ id: Uuid, differenceCount: Int32 });

export type AssetStatus = (typeof ASSET_STATUSES)[number];
export type DisposalMethod = (typeof DISPOSAL_METHODS)[number];
export type Asset = z.infer<typeof Asset>;
export type AssetDetail = z.infer<typeof AssetDetail>;
export type AssetFilter = z.infer<typeof AssetQuery>;
export type AssetCardBody = z.input<typeof AssetCardInput>;
export type UpdateAssetBody = z.input<typeof UpdateAsset>;
export type RequestDisposalBody = z.input<typeof RequestDisposal>;
export type DecideDisposalBody = z.input<typeof DecideDisposal>;
export type Stocktake = z.infer<typeof Stocktake>;
export type StocktakeDetail = z.infer<typeof StocktakeDetail>;
export type CreateStocktakeBody = z.input<typeof CreateStocktake>;
export type CreatedStocktake = z.infer<typeof CreatedStocktake>;
export type AssetList = z.infer<typeof AssetList>;
export type StocktakeList = z.infer<typeof StocktakeList>;
