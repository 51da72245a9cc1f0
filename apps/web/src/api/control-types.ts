import type * as contract from '@jixiao/contract';
import type { LEDGER_METRICS, Role } from '@jixiao/contract';
import type { z } from 'zod';

/** What the signed-in user may do with a record, as the server's policy decides it. */
type PermissionsOf<S extends z.ZodType<{ permissions: unknown }>> = z.infer<S>['permissions'];

/**
 * The internal-control (内部控制) API. Its zod schemas live beside the server's routes
 * (apps/server/src/control/**\/*.schemas.ts), not in @jixiao/contract, so the shapes the app relies
 * on are written out here, field for field. Money is a decimal yuan string, dates are ISO strings.
 */

export type LedgerMetric = (typeof LEDGER_METRICS)[number];
export type SpendingType = 'basic' | 'project';
type Money = string;

// ── 预算指标 budget lines ───────────────────────────────────────────────────────────────────────
export interface BudgetLine {
  readonly id: string;
  readonly organisationId: string;
  readonly organisationName: string;
  readonly fiscalYear: number;
  readonly projectId: string | null;
  readonly projectName: string | null;
  readonly code: string;
  readonly name: string;
  readonly spendingType: SpendingType;
  readonly fundingSource: string;
  readonly initial: Money;
  readonly carryOver: Money;
  readonly adjustments: Money;
  readonly budget: Money;
  readonly planned: Money;
  readonly committed: Money;
  readonly paid: Money;
  readonly available: Money;
  readonly version: number;
}

export type AdjustmentStatus = 'requested' | 'approved' | 'rejected';

export interface BudgetAdjustment {
  readonly id: string;
  /** Signed: positive adds to the line, negative takes from it. */
  readonly amount: Money;
  readonly reason: string;
  readonly status: AdjustmentStatus;
  /** A user id (the server sends no name). */
  readonly requestedBy: string;
  readonly requestedAt: string;
  readonly decidedBy: string | null;
  readonly decidedAt: string | null;
  readonly comment: string | null;
  readonly permissions: PermissionsOf<typeof contract.BudgetAdjustment>;
}

export interface BudgetLineDetail extends BudgetLine {
  /** 用款计划, January to December. */
  readonly plan: readonly Money[];
  readonly adjustmentHistory: readonly BudgetAdjustment[];
  readonly permissions: PermissionsOf<typeof contract.BudgetLineDetail>;
}

export interface BudgetLineFilter {
  readonly fiscalYear?: number | undefined;
  readonly organisationId?: string | undefined;
  readonly projectId?: string | undefined;
}

export interface CreateBudgetLineBody {
  readonly organisationId: string;
  readonly fiscalYear: number;
  readonly projectId?: string | null;
  readonly code: string;
  readonly name: string;
  readonly spendingType: SpendingType;
  readonly fundingSource: string;
  readonly initial: Money;
  readonly carryOver?: Money;
}

// ── 支付申请 payment requests ─────────────────────────────────────────────────────────────────────
export const PAYMENT_STATUSES = ['requested', 'reviewed', 'approved', 'paid', 'archived', 'rejected'] as const;
export type PaymentStatus = (typeof PAYMENT_STATUSES)[number];
export type PaymentStep = 'review' | 'approve' | 'pay' | 'archive' | 'reject';

export interface Payment {
  readonly id: string;
  readonly organisationId: string;
  readonly budgetLineId: string;
  readonly budgetLineCode: string;
  readonly budgetLineName: string;
  readonly contractId: string | null;
  readonly milestoneId: string | null;
  readonly grantId: string | null;
  readonly payeeName: string;
  readonly payeeUscc: string | null;
  readonly amount: Money;
  readonly invoiceNumber: string | null;
  readonly purpose: string;
  readonly expenseType: SpendingType;
  readonly dueOn: string | null;
  readonly status: PaymentStatus;
  readonly statusLabel: string;
  /** Display names of who did each step. */
  readonly requestedBy: string;
  readonly reviewedBy: string | null;
  readonly approvedBy: string | null;
  readonly paidBy: string | null;
  readonly paidOn: string | null;
  readonly decisionReference: string | null;
  readonly countersignedBy: string | null;
  readonly rejectReason: string | null;
  readonly imported: boolean;
  readonly requestedAt: string;
  readonly version: number;
  readonly permissions: PermissionsOf<typeof contract.Payment>;
  /** The posts that take the next step; empty once done. */
  readonly waitingFor: readonly Role[];
}

export interface PaymentListResponse {
  readonly items: readonly Payment[];
  readonly total: number;
}

export interface PaymentFilter {
  readonly fiscalYear?: number | undefined;
  readonly status?: PaymentStatus | undefined;
  readonly budgetLineId?: string | undefined;
  readonly organisationId?: string | undefined;
  readonly limit?: number | undefined;
  readonly offset?: number | undefined;
}

export interface CreatePaymentBody {
  readonly budgetLineId: string;
  readonly contractId?: string | null;
  readonly milestoneId?: string | null;
  readonly grantId?: string | null;
  readonly payeeName: string;
  readonly payeeUscc?: string | null;
  readonly amount: Money;
  readonly invoiceNumber?: string | null;
  readonly purpose: string;
  readonly expenseType: SpendingType;
  readonly dueOn?: string | null;
  readonly confirmNotDuplicate?: boolean;
}

export interface PaymentStepBody {
  readonly version: number;
  readonly decisionReference?: string;
  readonly countersignedBy?: string;
  readonly paidOn?: string;
  readonly reason?: string;
}

// ── 台账 ledger ───────────────────────────────────────────────────────────────────────────────────
export interface MetricTerm {
  readonly label: string;
  readonly amount: Money;
  readonly count: number;
}

export interface LedgerMetricView {
  readonly metric: LedgerMetric;
  readonly label: string;
  /** "94.00" (no % sign), null when the denominator is zero. */
  readonly percent: string | null;
  readonly formula: string;
  readonly source: string;
  readonly numerator: MetricTerm;
  readonly denominator: MetricTerm;
}

export interface MonthProgressView {
  readonly month: number;
  readonly paid: Money;
  readonly cumulativePaid: Money;
  readonly planned: Money;
  readonly cumulativePlanned: Money;
  /** Percentages as "65.07" strings; absent (undefined) when the budget is zero. */
  readonly spendingProgress?: string | undefined;
  readonly timeProgress: string;
  readonly planProgress?: string | undefined;
  readonly deviationFromTime?: string | undefined;
}

export interface LedgerOverview {
  readonly asOf: string;
  readonly metrics: readonly LedgerMetricView[];
  readonly monthly: readonly MonthProgressView[];
}

export interface LedgerQuery {
  readonly organisationId: string;
  readonly fiscalYear: number;
  readonly projectId?: string | undefined;
  readonly budgetLineId?: string | undefined;
}

export type MetricTermKey = 'numerator' | 'denominator';

export interface DrillDown {
  readonly metric: LedgerMetricView;
  readonly term: { readonly label: string; readonly amount: Money };
  readonly payments: readonly {
    readonly id: string;
    readonly budgetLineId: string;
    readonly amount: Money;
    readonly paidOn: string | null;
    readonly dueOn: string | null;
  }[];
  readonly budgetLines: readonly {
    readonly id: string;
    readonly code: string;
    readonly name: string;
    readonly budget: Money;
    readonly initial: Money;
  }[];
  readonly adjustments: readonly { readonly id: string; readonly budgetLineId: string; readonly amount: Money }[];
  readonly procurements: readonly { readonly id: string; readonly estimated: Money; readonly result: Money | null }[];
}

export interface RollupRow {
  readonly organisationId: string;
  readonly organisationName: string;
  readonly month: number;
  readonly paidFen: number;
  readonly paid: Money;
}

// ── 台账导入 ledger import ────────────────────────────────────────────────────────────────────────
export type LedgerImportKind = 'budget-lines' | 'payments';
export type ImportJobStatus = 'validating' | 'committing' | 'done' | 'failed';

export interface ImportIssue {
  readonly row: number;
  readonly column: string;
  readonly message: string;
}

export interface ImportJob {
  readonly id: string;
  readonly kind: LedgerImportKind;
  readonly filename: string;
  readonly status: ImportJobStatus;
  readonly totalRows: number;
  readonly processedRows: number;
  readonly createdRows: number;
  readonly errorCount: number;
  readonly errors: readonly ImportIssue[];
  readonly message: string | null;
  readonly createdAt: string;
  readonly finishedAt: string | null;
}

// ── 政府采购 procurement ─────────────────────────────────────────────────────────────────────────
export const PROCUREMENT_CATEGORIES = ['goods', 'services', 'works'] as const;
export type ProcurementCategory = (typeof PROCUREMENT_CATEGORIES)[number];
export const PROCUREMENT_STATUSES = ['draft', 'approved', 'awarded', 'cancelled'] as const;
export type ProcurementStatus = (typeof PROCUREMENT_STATUSES)[number];
/** 采购方式, as the server names them (@jixiao/core control/procurement.ts). */
export const PROCUREMENT_METHODS = [
  '公开招标',
  '邀请招标',
  '竞争性谈判',
  '竞争性磋商',
  '询价',
  '单一来源',
  '框架协议',
  '限额以下自行采购',
] as const;
export type ProcurementMethod = (typeof PROCUREMENT_METHODS)[number];

export interface Procurement {
  readonly id: string;
  readonly organisationId: string;
  readonly organisationName: string;
  readonly fiscalYear: number;
  readonly budgetLineId: string;
  readonly budgetLineCode: string;
  readonly budgetLineName: string;
  readonly code: string;
  readonly title: string;
  readonly requirement: string | null;
  readonly category: ProcurementCategory;
  readonly categoryLabel: string;
  readonly estimated: Money;
  readonly method: string;
  readonly methodJustification: string | null;
  readonly supplierName: string | null;
  readonly supplierUscc: string | null;
  readonly result: Money | null;
  readonly status: ProcurementStatus;
  readonly statusLabel: string;
  readonly draftedBy: string;
  readonly draftedByName: string;
  readonly approvedBy: string | null;
  readonly approvedByName: string | null;
  readonly approvedAt: string | null;
  readonly createdAt: string;
  readonly version: number;
  readonly permissions: PermissionsOf<typeof contract.Procurement>;
}

export interface CreateProcurementBody {
  readonly organisationId: string;
  readonly budgetLineId: string;
  readonly code?: string;
  readonly title: string;
  readonly requirement?: string | null;
  readonly category: ProcurementCategory;
  readonly estimated: Money;
  readonly method: ProcurementMethod;
  readonly methodJustification?: string | null;
}

export interface AwardProcurementBody {
  readonly version: number;
  readonly supplierName: string;
  readonly supplierUscc: string;
  readonly result: Money;
  readonly awardJustification?: string | null;
}

// ── 合同 contracts ────────────────────────────────────────────────────────────────────────────────
export type AcceptanceState = 'none' | 'partial' | 'complete';

export interface ContractSummary {
  readonly id: string;
  readonly organisationId: string;
  readonly organisationName: string;
  readonly fiscalYear: number;
  readonly budgetLineId: string;
  readonly budgetLineCode: string;
  readonly budgetLineName: string;
  readonly procurementId: string | null;
  readonly procurementCode: string | null;
  readonly code: string;
  readonly title: string;
  readonly counterpartyName: string;
  readonly counterpartyUscc: string;
  readonly amount: Money;
  readonly signedOn: string;
  readonly signedBy: string;
  readonly signedByName: string;
  readonly status: 'active' | 'closed';
  /** How a closed contract ended: 结清 or 终止. */
  readonly closedKind: ClosureKind | null;
  readonly milestoneCount: number;
  readonly acceptedCount: number;
  readonly accepted: Money;
  readonly paid: Money;
  readonly committed: Money;
  readonly acceptance: AcceptanceState;
  readonly acceptanceLabel: string;
  readonly version: number;
}

export interface Milestone {
  readonly id: string;
  readonly seq: number;
  readonly description: string;
  readonly amount: Money;
  readonly dueOn: string | null;
  readonly acceptedAt: string | null;
  readonly acceptedBy: string | null;
  readonly acceptedByName: string | null;
  readonly acceptanceNote: string | null;
  readonly paid: Money;
  readonly committed: Money;
  readonly assetCount: number;
  readonly version: number;
}

export interface ContractDetail extends ContractSummary {
  readonly milestones: readonly Milestone[];
  readonly payments: readonly { readonly status: string; readonly count: number; readonly amount: Money }[];
  /** Amount less what is paid: what a closure would release from the line now. */
  readonly unpaid: Money;
  /** 结清 / 终止 requests, newest first. */
  readonly closures: readonly ContractClosure[];
  readonly permissions: PermissionsOf<typeof contract.ContractDetail>;
}

export type ClosureKind = 'settled' | 'terminated';
export const CLOSURE_KINDS: readonly ClosureKind[] = ['settled', 'terminated'];

/** Who asked and who decided, on every request-then-approve record (处置, 结清/终止). */
export interface DecisionTrail {
  readonly status: AdjustmentStatus;
  readonly statusLabel: string;
  readonly requestedBy: string;
  readonly requestedByName: string;
  readonly requestedAt: string;
  readonly decidedBy: string | null;
  readonly decidedByName: string | null;
  readonly decidedAt: string | null;
}

export interface ContractClosure extends DecisionTrail {
  readonly id: string;
  readonly kind: ClosureKind;
  readonly kindLabel: string;
  readonly reason: string;
  readonly opinion: string | null;
  /** What the approval released from the line's committed figure. */
  readonly released: Money | null;
}

export interface RequestClosureBody {
  readonly version: number;
  readonly kind: ClosureKind;
  readonly reason: string;
}

export interface DecideClosureBody {
  readonly version: number;
  readonly approve: boolean;
  readonly opinion?: string;
}

export interface CreateContractBody {
  readonly organisationId: string;
  readonly budgetLineId: string;
  readonly procurementId?: string | null;
  readonly code: string;
  readonly title: string;
  readonly counterpartyName: string;
  readonly counterpartyUscc: string;
  readonly amount: Money;
  readonly signedOn: string;
  readonly milestones: readonly { readonly description: string; readonly amount: Money; readonly dueOn?: string | null }[];
}

export interface AssetCardInput {
  readonly name: string;
  readonly category: string;
  readonly value: Money;
  readonly location: string;
  readonly custodianId?: string;
}

export interface AcceptMilestoneBody {
  readonly version: number;
  readonly note: string;
  readonly custodianId?: string;
  readonly assets?: readonly AssetCardInput[];
}

// ── 资产 assets ───────────────────────────────────────────────────────────────────────────────────
export type AssetStatus = 'in-use' | 'disposal-requested' | 'disposed';
/** 国有资产处置方式 */
export const DISPOSAL_METHODS = ['报废', '报损', '出售', '出让', '转让', '置换', '对外捐赠', '无偿划转'] as const;
export type DisposalMethod = (typeof DISPOSAL_METHODS)[number];

export interface Asset {
  readonly id: string;
  readonly organisationId: string;
  readonly organisationName: string;
  readonly contractId: string | null;
  readonly contractCode: string | null;
  readonly milestoneId: string | null;
  readonly code: string;
  readonly name: string;
  readonly category: string;
  readonly value: Money;
  readonly custodianId: string;
  readonly custodianName: string;
  readonly location: string;
  readonly acquiredOn: string;
  readonly status: AssetStatus;
  readonly statusLabel: string;
  readonly version: number;
}

export interface AssetDetail extends Asset {
  readonly stocktakes: readonly {
    readonly stocktakeId: string;
    readonly takenOn: string;
    readonly performedByName: string;
    readonly found: boolean;
    readonly locationFound: string | null;
    readonly difference: string | null;
  }[];
  readonly disposals: readonly (DecisionTrail & {
    readonly id: string;
    readonly reason: string;
    readonly method: string;
    readonly comment: string | null;
  })[];
  readonly permissions: PermissionsOf<typeof contract.AssetDetail>;
}

export interface Stocktake {
  readonly id: string;
  readonly organisationId: string;
  readonly organisationName: string;
  readonly takenOn: string;
  readonly performedBy: string;
  readonly performedByName: string;
  readonly note: string | null;
  readonly lineCount: number;
  readonly differenceCount: number;
  readonly createdAt: string;
}

export interface StocktakeDetail extends Stocktake {
  readonly lines: readonly {
    readonly assetId: string;
    readonly assetCode: string;
    readonly assetName: string;
    readonly bookLocation: string;
    readonly found: boolean;
    readonly locationFound: string | null;
    readonly difference: string | null;
  }[];
}

export interface CreateStocktakeBody {
  readonly organisationId: string;
  readonly takenOn: string;
  readonly note?: string | null;
  readonly lines: readonly {
    readonly assetId: string;
    readonly found: boolean;
    readonly locationFound?: string | null;
    readonly difference?: string | null;
  }[];
}

// ── 补贴 subsidies ────────────────────────────────────────────────────────────────────────────────
export interface Recipient {
  readonly id: string;
  readonly name: string;
  readonly uscc: string;
  readonly contact: string | null;
  readonly grantCount: number;
  readonly createdAt: string;
  readonly version: number;
}

export interface FollowUpCounts {
  readonly total: number;
  readonly done: number;
  readonly pending: number;
  readonly overdue: number;
  readonly abnormal: number;
  /** Checks that found the enterprise listed for 经营异常. */
  readonly abnormalOperation: number;
}

export interface Grant {
  readonly id: string;
  readonly organisationId: string;
  readonly organisationName: string;
  readonly fiscalYear: number;
  readonly recipientId: string;
  readonly recipientName: string;
  readonly recipientUscc: string;
  readonly budgetLineId: string;
  readonly budgetLineCode: string;
  readonly budgetLineName: string;
  readonly programme: string;
  readonly amount: Money;
  readonly awardedOn: string;
  readonly dueOn: string;
  readonly conditions: string | null;
  readonly paid: Money;
  readonly committed: Money;
  readonly followUpCounts: FollowUpCounts;
  readonly version: number;
}

export type FollowUpResult = 'pending' | 'normal' | 'abnormal';

export interface FollowUp {
  readonly id: string;
  readonly grantId: string;
  readonly dueOn: string;
  readonly performedOn: string | null;
  readonly performedBy: string | null;
  readonly performedByName: string | null;
  readonly result: FollowUpResult;
  readonly resultLabel: string;
  readonly abnormalOperation: boolean;
  readonly finding: string | null;
  readonly overdue: boolean;
  readonly version: number;
}

export interface GrantDetail extends Grant {
  readonly followUps: readonly FollowUp[];
  readonly permissions: PermissionsOf<typeof contract.GrantDetail>;
}

export interface OverdueFollowUp extends FollowUp {
  readonly organisationId: string;
  readonly organisationName: string;
  readonly recipientName: string;
  readonly programme: string;
  readonly grantAmount: Money;
  readonly daysOverdue: number;
}

export interface GrantSummary {
  readonly today: string;
  readonly grantCount: number;
  readonly awarded: Money;
  readonly paid: Money;
  readonly committed: Money;
  readonly followUps: FollowUpCounts;
}

export interface CreateGrantBody {
  readonly organisationId: string;
  readonly recipientId: string;
  readonly budgetLineId: string;
  readonly programme: string;
  readonly amount: Money;
  readonly awardedOn: string;
  readonly dueOn: string;
  readonly conditions?: string | null;
}

export interface RecordFollowUpBody {
  readonly version: number;
  readonly result: 'normal' | 'abnormal';
  readonly abnormalOperation: boolean;
  readonly finding?: string | null;
  readonly performedOn: string;
}

// ── 内部控制基础性评价 self-assessment ─────────────────────────────────────────────────────────────
export type AssessmentLevel = 'unit' | 'business';
export type Prefill =
  | { readonly kind: 'score'; readonly score: string; readonly basis: string }
  | { readonly kind: 'manual' }
  | { readonly kind: 'not-applicable'; readonly basis: string };

export interface AssessmentItem {
  readonly code: string;
  readonly level: AssessmentLevel;
  readonly category: string;
  readonly name: string;
  /** 分值 as a points string ("4.00"). */
  readonly points: string;
  readonly prefill: Prefill;
  /** The score in force: the unit's own, else the pre-fill's; null while unscored. */
  readonly score: string | null;
  readonly notApplicable: boolean;
  readonly note: string | null;
}

export interface SelfAssessment {
  readonly organisationId: string;
  readonly fiscalYear: number;
  /** 0 until first saved. */
  readonly version: number;
  readonly items: readonly AssessmentItem[];
  readonly unit: { readonly score: string; readonly points: string };
  readonly business: { readonly score: string; readonly points: string };
  readonly notApplicablePoints: string;
  readonly total: string;
  readonly unscored: readonly string[];
  readonly explanation: string;
}

export interface AssessmentEntryBody {
  readonly code: string;
  readonly score?: string | null;
  readonly notApplicable?: boolean;
  readonly note?: string;
}

export interface SaveAssessmentBody {
  readonly organisationId: string;
  readonly fiscalYear: number;
  readonly version: number;
  readonly entries: readonly AssessmentEntryBody[];
}
