import { control } from '@jixiao/core';
import { z } from 'zod';
import { ListSearch, Money, Uuid, Version, Year, YearText } from '../common.ts';
import { permissionsOf } from './access.ts';
import { OptionalText, PositiveAmountFen, Text } from './fields.ts';

export const PROCUREMENT_CATEGORIES = ['goods', 'services', 'works'] as const;
export const PROCUREMENT_STATUSES = ['draft', 'approved', 'awarded', 'cancelled'] as const;
export const PROCUREMENT_STATUS_LABEL = { draft: '待审批', approved: '已审批', awarded: '已确定供应商', cancelled: '已取消' } as const;

export const ProcurementQuery = z.object({
  fiscalYear: YearText.optional(),
  organisationId: Uuid.optional(),
  status: z.enum(PROCUREMENT_STATUSES).optional(),
  /** Part of the code, title, supplier or budget line name. */
  q: ListSearch.optional(),
});

/** 采购需求 by the 经办人; the code is generated (CG2024-001) when left out. */
export const CreateProcurement = z.object({
  organisationId: Uuid,
  budgetLineId: Uuid,
  code: z
    .string()
    .trim()
    .min(1)
    .max(40)
    .regex(/^[A-Za-z0-9_-]+$/, { error: '编号只能包含字母、数字、- 和 _' })
    .optional(),
  title: Text(200),
  requirement: OptionalText(2000),
  category: z.enum(PROCUREMENT_CATEGORIES),
  estimated: PositiveAmountFen,
  method: z.enum(control.PROCUREMENT_METHODS),
  methodJustification: OptionalText(1000),
});

export const ApproveProcurement = z.object({ version: Version, comment: OptionalText(500) });

export const AwardProcurement = z.object({
  version: Version,
  supplierName: Text(200),
  supplierUscc: z.string().trim().min(1).max(40),
  result: PositiveAmountFen,
  /** Required when the result exceeds the estimate by more than the tolerance (award-rule.ts). */
  awardJustification: OptionalText(1000),
});

export const CancelProcurement = z.object({ version: Version, reason: Text(500) });

export const Procurement = z.object({
  id: Uuid,
  organisationId: Uuid,
  organisationName: z.string(),
  fiscalYear: Year,
  budgetLineId: Uuid,
  budgetLineCode: z.string(),
  budgetLineName: z.string(),
  code: z.string(),
  title: z.string(),
  requirement: z.string().nullable(),
  category: z.enum(PROCUREMENT_CATEGORIES),
  categoryLabel: z.string(),
  estimated: Money,
  method: z.string(),
  methodJustification: z.string().nullable(),
  supplierName: z.string().nullable(),
  supplierUscc: z.string().nullable(),
  result: Money.nullable(),
  status: z.enum(PROCUREMENT_STATUSES),
  statusLabel: z.string(),
  draftedBy: Uuid,
  draftedByName: z.string(),
  approvedBy: Uuid.nullable(),
  approvedByName: z.string().nullable(),
  approvedAt: z.string().nullable(),
  createdAt: z.string(),
  version: Version,
  /** What the signed-in user may do now (the drafter never approves). */
  permissions: permissionsOf('approve', 'award', 'cancel'),
});

export const ProcurementList = z.object({ items: z.array(Procurement) });

export const PROCUREMENT_METHODS = control.PROCUREMENT_METHODS;

export type ProcurementCategory = (typeof PROCUREMENT_CATEGORIES)[number];
export type ProcurementStatus = (typeof PROCUREMENT_STATUSES)[number];
export type ProcurementMethod = (typeof PROCUREMENT_METHODS)[number];
export type Procurement = z.infer<typeof Procurement>;
export type ProcurementFilter = z.infer<typeof ProcurementQuery>;
export type CreateProcurementBody = z.input<typeof CreateProcurement>;
export type ApproveProcurementBody = z.input<typeof ApproveProcurement>;
export type AwardProcurementBody = z.input<typeof AwardProcurement>;
export type CancelProcurementBody = z.input<typeof CancelProcurement>;
export type ProcurementList = z.infer<typeof ProcurementList>;
