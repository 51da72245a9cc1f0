import { z } from 'zod';
import { Money, Uuid, Version, Year, YearText } from '../common.ts';
import { AppliedResult } from '../results.ts';
import { permissionsOf } from './access.ts';

export const SPENDING_TYPES = ['basic', 'project'] as const;

export const CreateBudgetLine = z.object({
  organisationId: Uuid,
  fiscalYear: Year,
  projectId: Uuid.nullable().optional(),
  code: z
    .string()
    .trim()
    .min(1)
    .max(40)
    .regex(/^[A-Za-z0-9_-]+$/, { error: '编码只能包含字母、数字、- 和 _' }),
  name: z.string().trim().min(1).max(200),
  spendingType: z.enum(SPENDING_TYPES),
  fundingSource: z.string().trim().min(1).max(60),
  initial: Money,
  carryOver: Money.optional(),
});

/** A new line, with the 结果应用 decision on its project of the year before where the bureau took one (a note for whoever set the amount). */
export const BudgetLineCreated = z.object({ id: Uuid, appliedResult: AppliedResult.nullable() });
export type BudgetLineCreated = z.infer<typeof BudgetLineCreated>;

export const BudgetLine = z.object({
  id: Uuid,
  organisationId: Uuid,
  organisationName: z.string(),
  fiscalYear: Year,
  projectId: Uuid.nullable(),
  projectName: z.string().nullable(),
  code: z.string(),
  name: z.string(),
  spendingType: z.enum(SPENDING_TYPES),
  fundingSource: z.string(),
  initial: Money,
  carryOver: Money,
  adjustments: Money,
  budget: Money,
  planned: Money,
  committed: Money,
  paid: Money,
  available: Money,
  version: Version,
});

export const BudgetLineList = z.object({ items: z.array(BudgetLine) });

export const BudgetAdjustment = z.object({
  id: Uuid,
  amount: Money,
  reason: z.string(),
  status: z.enum(['requested', 'approved', 'rejected']),
  requestedBy: Uuid,
  requestedAt: z.string(),
  decidedBy: Uuid.nullable(),
  decidedAt: z.string().nullable(),
  comment: z.string().nullable(),
  /** Whether the signed-in user may decide it (once, never its requester). */
  permissions: permissionsOf('decide'),
});

export const BudgetLineDetail = BudgetLine.extend({
  plan: z.array(Money).length(12),
  adjustmentHistory: z.array(BudgetAdjustment),
  /** 上年度评价结果应用 of the line's project: the bureau's decision the amount set here is checked against. */
  appliedResult: AppliedResult.nullable(),
  /** What the signed-in user may do with the line: 用款计划, and 预算调整 requested or decided. */
  permissions: permissionsOf('plan', 'requestAdjustment', 'decideAdjustment'),
});

export const RequestAdjustment = z.object({ amount: Money, reason: z.string().trim().min(1).max(500) });
export const DecideAdjustment = z.object({ approve: z.boolean(), comment: z.string().trim().max(500).optional() });
export const SetPlan = z.object({ version: Version, months: z.array(Money).length(12, { error: '用款计划须有 12 个月' }) });

export const BudgetLineQuery = z.object({ fiscalYear: YearText.optional(), organisationId: Uuid.optional(), projectId: Uuid.optional() });

export type SpendingType = (typeof SPENDING_TYPES)[number];
export type BudgetLine = z.infer<typeof BudgetLine>;
export type BudgetAdjustment = z.infer<typeof BudgetAdjustment>;
export type AdjustmentStatus = BudgetAdjustment['status'];
export type BudgetLineDetail = z.infer<typeof BudgetLineDetail>;
export type BudgetLineFilter = z.infer<typeof BudgetLineQuery>;
export type CreateBudgetLineBody = z.input<typeof CreateBudgetLine>;
export type RequestAdjustmentBody = z.input<typeof RequestAdjustment>;
export type DecideAdjustmentBody = z.input<typeof DecideAdjustment>;
export type SetPlanBody = z.input<typeof SetPlan>;
export type BudgetLineList = z.infer<typeof BudgetLineList>;
