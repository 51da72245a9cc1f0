import { z } from 'zod';
import { AUDIT_ENTITY_TYPES } from './audit-actions.ts';
import { ROLES } from './auth.ts';
import { Int32, IsoDate, Money, NonNegativeMoney, Uuid, Version, Year } from './common.ts';
import { PROJECT_CATEGORIES } from './evaluation.ts';

export const ORGANISATION_KINDS = ['finance-bureau', 'department', 'unit'] as const;
export const ORGANISATION_KIND_LABEL = { 'finance-bureau': '财政局', department: '部门', unit: '下级预算单位' } as const;

export const Organisation = z.object({
  id: Uuid,
  kind: z.enum(ORGANISATION_KINDS),
  parentId: Uuid.nullable(),
  code: z.string(),
  name: z.string(),
  version: Version,
});
export type Organisation = z.infer<typeof Organisation>;
export const OrganisationList = z.object({ items: z.array(Organisation) });

export const CreateOrganisation = z.object({
  kind: z.enum(ORGANISATION_KINDS),
  parentId: Uuid.nullable(),
  code: z
    .string()
    .trim()
    .min(1)
    .max(40)
    .regex(/^[A-Za-z0-9_-]+$/, { error: '编码只能包含字母、数字、- 和 _' }),
  name: z.string().trim().min(1).max(100),
});
export const UpdateOrganisation = CreateOrganisation.pick({ name: true, code: true }).partial().extend({ version: Version });

export const User = z.object({
  id: Uuid,
  username: z.string(),
  displayName: z.string(),
  organisationId: Uuid,
  organisationName: z.string(),
  phone: z.string().nullable(),
  roles: z.array(z.object({ role: z.enum(ROLES), organisationId: Uuid, organisationName: z.string() })),
  disabled: z.boolean(),
  locked: z.boolean(),
  mustChangePassword: z.boolean(),
  version: Version,
});
export type User = z.infer<typeof User>;
export const UserList = z.object({ items: z.array(User) });

export const RoleAssignment = z.object({ role: z.enum(ROLES), organisationId: Uuid });
export const CreateUser = z.object({
  username: z
    .string()
    .trim()
    .min(2)
    .max(50)
    .regex(/^[A-Za-z0-9._-]+$/, { error: '用户名只能包含字母、数字和 . _ -' }),
  displayName: z.string().trim().min(1).max(50),
  organisationId: Uuid,
  phone: z.string().trim().max(50).nullable().optional(),
  roles: z.array(RoleAssignment).min(1, { error: '至少分配一个角色' }),
});
export const UpdateUser = z.object({
  version: Version,
  displayName: z.string().trim().min(1).max(50).optional(),
  phone: z.string().trim().max(50).nullable().optional(),
  roles: z.array(RoleAssignment).min(1).optional(),
  disabled: z.boolean().optional(),
  unlock: z.boolean().optional(),
});
/** Creating a user or resetting a password returns the one-time initial password, shown once. */
export const InitialPassword = z.object({ id: Uuid, initialPassword: z.string() });

export const FiscalYear = z.object({
  year: Year,
  status: z.enum(['open', 'closed']),
  submitDeadline: z.string().nullable(),
  reviewDeadline: z.string().nullable(),
  financeDeadline: z.string().nullable(),
  version: Version,
});
export const FiscalYearList = z.object({ items: z.array(FiscalYear) });
export const CreateFiscalYear = z.object({
  year: Year,
  submitDeadline: IsoDate.nullable().optional(),
  reviewDeadline: IsoDate.nullable().optional(),
  financeDeadline: IsoDate.nullable().optional(),
});
export const UpdateFiscalYear = CreateFiscalYear.omit({ year: true }).extend({
  version: Version,
  status: z.enum(['open', 'closed']).optional(),
});

export const Project = z.object({
  id: Uuid,
  organisationId: Uuid,
  organisationName: z.string(),
  fiscalYear: Year,
  code: z.string(),
  name: z.string(),
  category: z.string(),
  budget: Money,
  evaluationId: Uuid.nullable(),
  version: Version,
});
export const ProjectList = z.object({ items: z.array(Project) });
export const CreateProject = z.object({
  organisationId: Uuid,
  fiscalYear: Year,
  code: z.string().trim().min(1).max(40),
  name: z.string().trim().min(1).max(200),
  category: z.enum(PROJECT_CATEGORIES),
  budget: NonNegativeMoney,
});

/** Result of an .xlsx import of units and users: all rows or none; problems by sheet, row and column. */
export const ImportIssue = z.object({
  sheet: z.string(),
  row: Int32.optional(),
  column: z.string().optional(),
  message: z.string(),
});
export const ImportResult = z.object({
  organisationsCreated: Int32,
  usersCreated: z.array(z.object({ username: z.string(), initialPassword: z.string() })),
});

export const AuditEntry = z.object({
  id: Int32,
  at: z.string(),
  actorName: z.string().nullable(),
  entityType: z.string(),
  entityId: z.string(),
  /** The record's own name and amount from the entry's snapshot (a payment's payee and amount), when it has them. */
  subjectName: z.string().nullable(),
  subjectAmountFen: z.number().int().nullable(),
  action: z.string(),
  before: z.unknown(),
  after: z.unknown(),
  requestId: z.string().nullable(),
  ip: z.string().nullable(),
});
export const AuditPage = z.object({ items: z.array(AuditEntry), nextBeforeId: Int32.nullable() });
/** Everyone who has acted in the part of the log the reader may see, for the filter by person. */
export const AuditActor = z.object({ id: Uuid, name: z.string(), entries: Int32 });
export const AuditActorList = z.object({ items: z.array(AuditActor) });
export const AuditQuery = z.object({
  entityType: z.enum(AUDIT_ENTITY_TYPES).optional(),
  entityId: z.string().optional(),
  /** Part of the actor's name (操作人). */
  actor: z.string().trim().min(1).max(50).optional(),
  /** The person who acted, as one of `GET /api/audit/actors` (the audit page's 操作人 select). */
  actorId: Uuid.optional(),
  from: IsoDate.optional(),
  to: IsoDate.optional(),
  beforeId: z.coerce.number().int().min(1).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

/** The audit log's hash chain checked end to end: intact with its count, or the first place it breaks. */
export const AuditChainProblem = z.enum(['content-changed', 'link-broken', 'entry-missing', 'unchained']);
export const AuditVerification = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), count: z.number().int(), head: z.object({ seq: z.number().int(), hash: z.string() }) }),
  z.object({
    ok: z.literal(false),
    count: z.number().int(),
    broken: z.object({
      problem: AuditChainProblem,
      seq: z.number().int().nullable(),
      id: z.number().int().nullable(),
      at: z.string().nullable(),
      message: z.string(),
    }),
  }),
]);

/** 工作台: what the signed-in user has to do, with deadlines. */
export const Task = z.object({
  /** The evaluation the task is about; absent for a 绩效目标申报表's task, which names `declarationId`. */
  evaluationId: Uuid.optional(),
  declarationId: Uuid.optional(),
  /** A 抽查复核 round whose sampled evaluations wait for re-scoring. */
  rereviewId: Uuid.optional(),
  /** A 整改 item's task (整改反馈 for the unit, 整改核验 for the bureau). */
  rectificationId: Uuid.optional(),
  /** A 满意度调查 short of its planned sample (the unit collects, or extends the window). */
  surveyId: Uuid.optional(),
  /** A 绩效目标调整 request (review for the department and the bureau, fixing a returned one for the unit). */
  adjustmentId: Uuid.optional(),
  /** A finance-approved project evaluation whose 结果应用 the bureau has not decided yet. */
  resultEvaluationId: Uuid.optional(),
  /** Internal control: the 支付申请, 采购, 合同 (结清/终止), 资产 (处置), 预算指标 (调整) or 补贴 (事后检查) waiting. */
  paymentId: Uuid.optional(),
  procurementId: Uuid.optional(),
  contractId: Uuid.optional(),
  assetId: Uuid.optional(),
  budgetLineId: Uuid.optional(),
  grantId: Uuid.optional(),
  /** A 绩效运行监控表 (fill or fix for the unit, review for the department and the bureau, a red light for the unit). */
  monitoringFormId: Uuid.optional(),
  title: z.string(),
  organisationName: z.string(),
  fiscalYear: Year,
  status: z.string(),
  statusLabel: z.string(),
  action: z.enum([
    'fill',
    'fix',
    'review-department',
    'review-finance',
    'publish',
    'declare',
    'fix-declaration',
    'review-declaration-department',
    'review-declaration-finance',
    'rereview',
    'rectification-feedback',
    'rectification-verify',
    'survey-collect',
    'survey-short',
    'survey-flagged',
    'fix-adjustment',
    'review-adjustment-department',
    'review-adjustment-finance',
    'result-decide',
    'payment-review',
    'payment-approve',
    'payment-pay',
    'payment-fix',
    'procurement-approve',
    'procurement-award',
    'contract-closure',
    'asset-disposal',
    'budget-adjustment',
    'subsidy-follow-up',
    'monitoring-fill',
    'monitoring-fix',
    'monitoring-review-department',
    'monitoring-review-finance',
    'monitoring-red',
  ]),
  actionLabel: z.string(),
  deadline: z.string().nullable(),
  overdue: z.boolean(),
  lastComment: z.string().nullable(),
});
export const TaskList = z.object({ items: z.array(Task) });

export const PublishedReport = z.object({
  url: z.string(),
  organisationName: z.string(),
  organisationCode: z.string(),
  fiscalYear: Year,
  kind: z.string(),
  projectCode: z.string(),
  title: z.string(),
  total: z.string(),
  grade: z.string(),
  publishedAt: z.string(),
});
export const PublishedReportList = z.object({ items: z.array(PublishedReport) });
