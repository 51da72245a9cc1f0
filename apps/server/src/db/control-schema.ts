import { sql } from 'drizzle-orm';
import { bigint, boolean, date, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { fiscalYears, organisations, projects, users } from './schema.ts';

/**
 * Internal control (财会〔2012〕21号): budget lines, payment plans, payment requests, procurement,
 * contracts, assets and subsidies. Money is integer fen; every edited record has a version.
 */
const fen = (name: string) => bigint(name, { mode: 'number' });
const version = () => integer('version').notNull().default(1);
const at = (name: string) => timestamp(name, { withTimezone: true });
const createdAt = () => at('created_at').notNull().defaultNow();
const user = (name: string) => uuid(name).references(() => users.id);

/** 预算指标: a unit's budget line for a year, 基本支出 or 项目支出, never used for the other. */
export const budgetLines = pgTable(
  'budget_lines',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    fiscalYear: integer('fiscal_year')
      .notNull()
      .references(() => fiscalYears.year),
    projectId: uuid('project_id').references(() => projects.id),
    code: text('code').notNull(),
    name: text('name').notNull(),
    spendingType: text('spending_type').$type<'basic' | 'project'>().notNull(),
    /** 资金来源: 一般公共预算 / 政府性基金 / 上级转移支付 / … */
    fundingSource: text('funding_source').notNull(),
    initialFen: fen('initial_fen').notNull(),
    carryOverFen: fen('carry_over_fen').notNull().default(0),
    /** Net of approved adjustments; changed only by the adjustment workflow. */
    adjustmentsFen: fen('adjustments_fen').notNull().default(0),
    createdAt: createdAt(),
    version: version(),
  },
  (table) => [
    uniqueIndex('budget_lines_org_year_code_key').on(table.organisationId, table.fiscalYear, table.code),
    index('budget_lines_project_idx').on(table.projectId),
  ],
);

/** 预算调整: requested with a reason, approved by someone else; the line's history. */
export const budgetAdjustments = pgTable(
  'budget_adjustments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    budgetLineId: uuid('budget_line_id')
      .notNull()
      .references(() => budgetLines.id),
    amountFen: fen('amount_fen').notNull(),
    reason: text('reason').notNull(),
    status: text('status').$type<'requested' | 'approved' | 'rejected'>().notNull().default('requested'),
    requestedBy: user('requested_by').notNull(),
    requestedAt: createdAt(),
    decidedBy: user('decided_by'),
    decidedAt: at('decided_at'),
    comment: text('comment'),
  },
  (table) => [index('budget_adjustments_line_idx').on(table.budgetLineId)],
);

/** 用款计划: the monthly planned amounts of a budget line. */
export const paymentPlans = pgTable(
  'payment_plans',
  {
    budgetLineId: uuid('budget_line_id')
      .notNull()
      .references(() => budgetLines.id, { onDelete: 'cascade' }),
    month: integer('month').notNull(),
    amountFen: fen('amount_fen').notNull(),
  },
  (table) => [primaryKey({ columns: [table.budgetLineId, table.month] })],
);

/** 政府采购登记 */
export const procurements = pgTable(
  'procurements',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    budgetLineId: uuid('budget_line_id')
      .notNull()
      .references(() => budgetLines.id),
    code: text('code').notNull(),
    /** 采购需求 */
    title: text('title').notNull(),
    requirement: text('requirement'),
    category: text('category').$type<'goods' | 'services' | 'works'>().notNull(),
    estimatedFen: fen('estimated_fen').notNull(),
    method: text('method').notNull(),
    methodJustification: text('method_justification'),
    supplierName: text('supplier_name'),
    supplierUscc: text('supplier_uscc'),
    resultFen: fen('result_fen'),
    status: text('status').$type<'draft' | 'approved' | 'awarded' | 'cancelled'>().notNull().default('draft'),
    draftedBy: user('drafted_by').notNull(),
    approvedBy: user('approved_by'),
    approvedAt: at('approved_at'),
    createdAt: createdAt(),
    version: version(),
  },
  (table) => [uniqueIndex('procurements_org_code_key').on(table.organisationId, table.code)],
);

/** 合同, with its counterparty identified by 统一社会信用代码. */
export const contracts = pgTable(
  'contracts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    budgetLineId: uuid('budget_line_id')
      .notNull()
      .references(() => budgetLines.id),
    procurementId: uuid('procurement_id').references(() => procurements.id),
    code: text('code').notNull(),
    title: text('title').notNull(),
    counterpartyName: text('counterparty_name').notNull(),
    counterpartyUscc: text('counterparty_uscc').notNull(),
    amountFen: fen('amount_fen').notNull(),
    signedOn: date('signed_on').notNull(),
    /** Who signed (合同签订): may not accept the same contract's deliveries. */
    signedBy: user('signed_by').notNull(),
    status: text('status').$type<'active' | 'closed'>().notNull().default('active'),
    createdAt: createdAt(),
    version: version(),
  },
  (table) => [
    uniqueIndex('contracts_org_code_key').on(table.organisationId, table.code),
    index('contracts_line_idx').on(table.budgetLineId),
  ],
);

/**
 * 合同结清 / 终止: requested with a reason, decided by an approver who did not request it. On approval
 * the contract closes and the part of its amount never paid (`released_fen`) leaves the line's
 * committed figure. At most one request is open per contract.
 */
export const contractClosures = pgTable(
  'contract_closures',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    contractId: uuid('contract_id')
      .notNull()
      .references(() => contracts.id),
    kind: text('kind').$type<'settled' | 'terminated'>().notNull(),
    reason: text('reason').notNull(),
    status: text('status').$type<'requested' | 'approved' | 'rejected'>().notNull().default('requested'),
    requestedBy: user('requested_by').notNull(),
    requestedAt: at('requested_at').notNull().defaultNow(),
    decidedBy: user('decided_by'),
    decidedAt: at('decided_at'),
    /** 审批意见 */
    opinion: text('opinion'),
    releasedFen: fen('released_fen'),
  },
  (table) => [
    index('contract_closures_contract_idx').on(table.contractId),
    uniqueIndex('contract_closures_open_key').on(table.contractId).where(sql`status = 'requested'`),
  ],
);

/** 合同里程碑 and their 验收. */
export const contractMilestones = pgTable(
  'contract_milestones',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    contractId: uuid('contract_id')
      .notNull()
      .references(() => contracts.id, { onDelete: 'cascade' }),
    seq: integer('seq').notNull(),
    description: text('description').notNull(),
    amountFen: fen('amount_fen').notNull(),
    dueOn: date('due_on'),
    acceptedAt: at('accepted_at'),
    acceptedBy: user('accepted_by'),
    acceptanceNote: text('acceptance_note'),
    version: version(),
  },
  (table) => [uniqueIndex('contract_milestones_seq_key').on(table.contractId, table.seq)],
);

/** 产业扶持资金 recipients (enterprises). */
export const subsidyRecipients = pgTable(
  'subsidy_recipients',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    uscc: text('uscc').notNull(),
    contact: text('contact'),
    createdAt: createdAt(),
    version: version(),
  },
  (table) => [uniqueIndex('subsidy_recipients_uscc_key').on(table.uscc)],
);

export const subsidyGrants = pgTable(
  'subsidy_grants',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    recipientId: uuid('recipient_id')
      .notNull()
      .references(() => subsidyRecipients.id),
    budgetLineId: uuid('budget_line_id')
      .notNull()
      .references(() => budgetLines.id),
    programme: text('programme').notNull(),
    amountFen: fen('amount_fen').notNull(),
    awardedOn: date('awarded_on').notNull(),
    /** 应拨付日期: the basis of 及时足额率. */
    dueOn: date('due_on').notNull(),
    conditions: text('conditions'),
    createdAt: createdAt(),
    version: version(),
  },
  (table) => [index('subsidy_grants_recipient_idx').on(table.recipientId)],
);

/** 事后跟踪检查 after money is paid (the reference report's weak spot). */
export const subsidyFollowUps = pgTable(
  'subsidy_follow_ups',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    grantId: uuid('grant_id')
      .notNull()
      .references(() => subsidyGrants.id, { onDelete: 'cascade' }),
    dueOn: date('due_on').notNull(),
    performedOn: date('performed_on'),
    performedBy: user('performed_by'),
    result: text('result').$type<'pending' | 'normal' | 'abnormal'>().notNull().default('pending'),
    /** 经营异常 (listed by market regulation), found at the check. */
    abnormalOperation: boolean('abnormal_operation').notNull().default(false),
    finding: text('finding'),
    version: version(),
  },
  (table) => [index('subsidy_follow_ups_grant_idx').on(table.grantId)],
);

export type PaymentStatus = 'requested' | 'reviewed' | 'approved' | 'paid' | 'archived' | 'rejected';

/** 支付申请: 申请 → 审核 → 审批 → 支付 → 归档, each step by a different person where the rules say so. */
export const paymentRequests = pgTable(
  'payment_requests',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    budgetLineId: uuid('budget_line_id')
      .notNull()
      .references(() => budgetLines.id),
    contractId: uuid('contract_id').references(() => contracts.id),
    milestoneId: uuid('milestone_id').references(() => contractMilestones.id),
    grantId: uuid('grant_id').references(() => subsidyGrants.id),
    payeeName: text('payee_name').notNull(),
    payeeUscc: text('payee_uscc'),
    amountFen: fen('amount_fen').notNull(),
    invoiceNumber: text('invoice_number'),
    purpose: text('purpose').notNull(),
    expenseType: text('expense_type').$type<'basic' | 'project'>().notNull(),
    /** 应付日期, for 及时足额率. */
    dueOn: date('due_on'),
    status: text('status').$type<PaymentStatus>().notNull().default('requested'),
    requestedBy: user('requested_by').notNull(),
    requestedAt: createdAt(),
    reviewedBy: user('reviewed_by'),
    reviewedAt: at('reviewed_at'),
    approvedBy: user('approved_by'),
    approvedAt: at('approved_at'),
    decisionReference: text('decision_reference'),
    countersignedBy: user('countersigned_by'),
    paidBy: user('paid_by'),
    paidOn: date('paid_on'),
    archivedBy: user('archived_by'),
    archivedAt: at('archived_at'),
    duplicateConfirmedBy: user('duplicate_confirmed_by'),
    rejectedBy: user('rejected_by'),
    rejectReason: text('reject_reason'),
    /** Imported from an existing ledger rather than requested in Jixiao. */
    imported: boolean('imported').notNull().default(false),
    version: version(),
  },
  (table) => [
    index('payment_requests_line_status_idx').on(table.budgetLineId, table.status),
    index('payment_requests_duplicate_idx').on(table.payeeName, table.amountFen, table.invoiceNumber),
    index('payment_requests_org_paid_idx').on(table.organisationId, table.paidOn),
    index('payment_requests_contract_idx').on(table.contractId),
  ],
);

/** 资产卡片, created from accepted contract deliveries. */
export const assets = pgTable(
  'assets',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    contractId: uuid('contract_id').references(() => contracts.id),
    milestoneId: uuid('milestone_id').references(() => contractMilestones.id),
    code: text('code').notNull(),
    name: text('name').notNull(),
    category: text('category').notNull(),
    valueFen: fen('value_fen').notNull(),
    custodianId: user('custodian_id').notNull(),
    location: text('location').notNull(),
    acquiredOn: date('acquired_on').notNull(),
    status: text('status').$type<'in-use' | 'disposal-requested' | 'disposed'>().notNull().default('in-use'),
    createdAt: createdAt(),
    version: version(),
  },
  (table) => [uniqueIndex('assets_org_code_key').on(table.organisationId, table.code)],
);

export const assetDisposals = pgTable('asset_disposals', {
  id: uuid('id').primaryKey().defaultRandom(),
  assetId: uuid('asset_id')
    .notNull()
    .references(() => assets.id),
  reason: text('reason').notNull(),
  method: text('method').notNull(),
  status: text('status').$type<'requested' | 'approved' | 'rejected'>().notNull().default('requested'),
  requestedBy: user('requested_by').notNull(),
  requestedAt: createdAt(),
  decidedBy: user('decided_by'),
  decidedAt: at('decided_at'),
  comment: text('comment'),
});

/** 资产盘点 with the differences found. */
export const stocktakes = pgTable('stocktakes', {
  id: uuid('id').primaryKey().defaultRandom(),
  organisationId: uuid('organisation_id')
    .notNull()
    .references(() => organisations.id),
  takenOn: date('taken_on').notNull(),
  performedBy: user('performed_by').notNull(),
  note: text('note'),
  createdAt: createdAt(),
});

export const stocktakeLines = pgTable(
  'stocktake_lines',
  {
    stocktakeId: uuid('stocktake_id')
      .notNull()
      .references(() => stocktakes.id, { onDelete: 'cascade' }),
    assetId: uuid('asset_id')
      .notNull()
      .references(() => assets.id),
    found: boolean('found').notNull(),
    locationFound: text('location_found'),
    difference: text('difference'),
  },
  (table) => [primaryKey({ columns: [table.stocktakeId, table.assetId] })],
);

/** Steps the system refused for breaking a control rule: evidence for the self-assessment. */
export const controlRefusals = pgTable(
  'control_refusals',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    at: at('at').notNull().defaultNow(),
    organisationId: uuid('organisation_id'),
    userId: uuid('user_id'),
    ruleCode: text('rule_code').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id'),
    message: text('message').notNull(),
  },
  (table) => [index('control_refusals_org_at_idx').on(table.organisationId, table.at)],
);

/** Deployment-wide control thresholds (ControlConfig overrides); one row. */
export const controlSettings = pgTable('control_settings', {
  id: integer('id').primaryKey().default(1),
  config: jsonb('config').$type<Record<string, unknown>>().notNull().default({}),
  version: version(),
});

/** 内部控制基础性评价 per unit and year: the unit's scores over the system's pre-fill. */
export const selfAssessments = pgTable(
  'self_assessments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    fiscalYear: integer('fiscal_year').notNull(),
    entries: jsonb('entries').$type<{ code: string; score?: number; notApplicable?: boolean; note?: string }[]>().notNull().default([]),
    updatedAt: at('updated_at').notNull().defaultNow(),
    version: version(),
  },
  (table) => [uniqueIndex('self_assessments_org_year_key').on(table.organisationId, table.fiscalYear)],
);

/**
 * Long imports run as jobs: progress and errors live in the database, so any instance behind the
 * load balancer can report them, and the error list can be downloaded afterwards.
 */
export const importJobs = pgTable('import_jobs', {
  id: uuid('id').primaryKey().defaultRandom(),
  organisationId: uuid('organisation_id')
    .notNull()
    .references(() => organisations.id),
  kind: text('kind').$type<'budget-lines' | 'payments'>().notNull(),
  filename: text('filename').notNull(),
  status: text('status').$type<'validating' | 'committing' | 'done' | 'failed'>().notNull().default('validating'),
  totalRows: integer('total_rows').notNull().default(0),
  processedRows: integer('processed_rows').notNull().default(0),
  createdRows: integer('created_rows').notNull().default(0),
  /** Problems by row and column: [{ row, column, message }], the first 1,000 of them. */
  errors: jsonb('errors').$type<{ row: number; column: string; message: string }[]>().notNull().default([]),
  /** All problems found, stored or not. */
  errorCount: integer('error_count').notNull().default(0),
  /** Last progress; a job that stops moving (its process ended) is marked failed. */
  updatedAt: at('updated_at').notNull().defaultNow(),
  message: text('message'),
  createdBy: user('created_by').notNull(),
  createdAt: createdAt(),
  finishedAt: at('finished_at'),
});
