import { z } from 'zod';
import { Int32, IsoDate, ListSearch, Money, Uuid, Version, Year, YearText } from '../common.ts';
import { permissionsOf } from './access.ts';
import { AssetCardInput } from './asset.ts';
import { DecisionTrail, PositiveAmountFen, Text } from './fields.ts';

export const ContractQuery = z.object({
  fiscalYear: YearText.optional(),
  organisationId: Uuid.optional(),
  procurementId: Uuid.optional(),
  /** Part of the number, title or counterparty. */
  q: ListSearch.optional(),
});

export const MilestoneInput = z.object({
  description: Text(500),
  amount: PositiveAmountFen,
  dueOn: IsoDate.nullable().optional(),
});

/** A signed contract with its payment milestones, whose amounts add up to the contract amount. */
export const CreateContract = z.object({
  organisationId: Uuid,
  budgetLineId: Uuid,
  procurementId: Uuid.nullable().optional(),
  code: Text(60),
  title: Text(200),
  counterpartyName: Text(200),
  counterpartyUscc: z.string().trim().min(1).max(40),
  amount: PositiveAmountFen,
  signedOn: IsoDate,
  milestones: z.array(MilestoneInput).min(1).max(50),
});

/** 验收 of one milestone; for goods, asset cards may be created with it (保管人 ≠ 验收人). */
export const AcceptMilestone = z.object({
  version: Version,
  /** 验收意见 */
  note: Text(1000),
  /** The custodian of every card that does not name its own. */
  custodianId: Uuid.optional(),
  assets: z.array(AssetCardInput).max(200).optional(),
});

export const CLOSURE_KINDS = ['settled', 'terminated'] as const;

/** 结清 or 终止 requested with its reason; the version is the contract's. */
export const RequestClosure = z.object({
  version: Version,
  kind: z.enum(CLOSURE_KINDS),
  reason: Text(1000),
});

/** The approver's decision on a closure request; a rejection needs an opinion (审批意见). The version is the contract's. */
export const DecideClosure = z.object({
  version: Version,
  approve: z.boolean(),
  opinion: z.string().trim().max(1000).optional(),
});

export const Closure = z.object({
  id: Uuid,
  kind: z.enum(CLOSURE_KINDS),
  kindLabel: z.string(),
  reason: z.string(),
  ...DecisionTrail,
  opinion: z.string().nullable(),
  /** What the approval released from the line's committed figure (the never-paid remainder). */
  released: Money.nullable(),
});

export const ACCEPTANCE_STATES = ['none', 'partial', 'complete'] as const;
export const ACCEPTANCE_LABEL = { none: '未验收', partial: '部分验收', complete: '全部验收' } as const;

export const ContractSummary = z.object({
  id: Uuid,
  organisationId: Uuid,
  organisationName: z.string(),
  fiscalYear: Year,
  budgetLineId: Uuid,
  budgetLineCode: z.string(),
  budgetLineName: z.string(),
  procurementId: Uuid.nullable(),
  procurementCode: z.string().nullable(),
  code: z.string(),
  title: z.string(),
  counterpartyName: z.string(),
  counterpartyUscc: z.string(),
  amount: Money,
  signedOn: z.string(),
  signedBy: Uuid,
  signedByName: z.string(),
  status: z.enum(['active', 'closed']),
  /** How a closed contract ended: 结清 or 终止. */
  closedKind: z.enum(CLOSURE_KINDS).nullable(),
  milestoneCount: Int32,
  acceptedCount: Int32,
  /** Sum of the accepted milestones: the most that may be paid so far. */
  accepted: Money,
  paid: Money,
  /** Requested, reviewed or approved but not yet paid. */
  committed: Money,
  acceptance: z.enum(ACCEPTANCE_STATES),
  acceptanceLabel: z.string(),
  version: Version,
});

export const Milestone = z.object({
  id: Uuid,
  seq: Int32,
  description: z.string(),
  amount: Money,
  dueOn: z.string().nullable(),
  acceptedAt: z.string().nullable(),
  acceptedBy: Uuid.nullable(),
  acceptedByName: z.string().nullable(),
  acceptanceNote: z.string().nullable(),
  paid: Money,
  committed: Money,
  assetCount: Int32,
  version: Version,
});

export const ContractDetail = ContractSummary.extend({
  milestones: z.array(Milestone),
  /** Payment requests against the contract, by status (支付申请 live in the payments module). */
  payments: z.array(z.object({ status: z.string(), count: Int32, amount: Money })),
  /** Amount less what is paid: what a closure would release from the line now. */
  unpaid: Money,
  /** Closure requests, newest first. */
  closures: z.array(Closure),
  /**
   * What the signed-in user may do: accept milestones (not the signer, 合同签订 / 验收 分离), request
   * 结清 / 终止 (open, none pending), decide the pending request (an approver who did not request it),
   * and register asset cards for accepted deliveries.
   */
  permissions: permissionsOf('accept', 'requestClosure', 'decideClosure', 'createAssetCards'),
});

export const ContractList = z.object({ items: z.array(ContractSummary) });

export const MilestoneAccepted = z.object({ contract: ContractDetail, assetIds: z.array(Uuid) });

export type ClosureKind = (typeof CLOSURE_KINDS)[number];
export type AcceptanceState = (typeof ACCEPTANCE_STATES)[number];
export type ContractSummary = z.infer<typeof ContractSummary>;
export type Milestone = z.infer<typeof Milestone>;
export type ContractClosure = z.infer<typeof Closure>;
export type ContractDetail = z.infer<typeof ContractDetail>;
export type ContractFilter = z.infer<typeof ContractQuery>;
export type MilestoneAccepted = z.infer<typeof MilestoneAccepted>;
export type CreateContractBody = z.input<typeof CreateContract>;
export type AcceptMilestoneBody = z.input<typeof AcceptMilestone>;
export type RequestClosureBody = z.input<typeof RequestClosure>;
export type DecideClosureBody = z.input<typeof DecideClosure>;
export type ContractList = z.infer<typeof ContractList>;
