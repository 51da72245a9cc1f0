import { type CreateProcurement, PROCUREMENT_STATUS_LABEL, type Procurement, type ProcurementQuery } from '@jixiao/contract';
import { control, formatYuan, policy } from '@jixiao/core';
import type { z } from 'zod';
import { recordAudit } from '../../audit/audit.repository.ts';
import type { Deps, RequestContext } from '../../context.ts';
import type { Queryable } from '../../db/connect.ts';
import { notFound, rethrowUnique } from '../../errors.ts';
import { actorsOver } from '../../policies/access.ts';
import { scopeOf } from '../../policies/scope.ts';
import { controlConfig, controlled, refuseIfViolated, requirePost } from '../control-access.ts';
import { chargeableLine, chargeViolations } from '../line-charge.ts';
import { requireReader } from '../readable.ts';
import * as repo from './procurement.repository.ts';
import { methodFacts } from './procurement.rules.ts';

export const PROCUREMENT = '政府采购登记';

export function presentProcurement(row: repo.ProcurementListRow, actor: policy.Actor): z.infer<typeof Procurement> {
  const { procurement } = row;
  return {
    id: procurement.id,
    organisationId: procurement.organisationId,
    organisationName: row.organisationName,
    fiscalYear: row.fiscalYear,
    budgetLineId: procurement.budgetLineId,
    budgetLineCode: row.lineCode,
    budgetLineName: row.lineName,
    code: procurement.code,
    title: procurement.title,
    requirement: procurement.requirement,
    category: procurement.category,
    categoryLabel: control.PROCUREMENT_CATEGORY_LABEL[procurement.category],
    estimated: formatYuan(procurement.estimatedFen),
    method: procurement.method,
    methodJustification: procurement.methodJustification,
    supplierName: procurement.supplierName,
    supplierUscc: procurement.supplierUscc,
    result: procurement.resultFen === null ? null : formatYuan(procurement.resultFen),
    status: procurement.status,
    statusLabel: PROCUREMENT_STATUS_LABEL[procurement.status],
    draftedBy: procurement.draftedBy,
    draftedByName: row.draftedByName,
    approvedBy: procurement.approvedBy,
    approvedByName: row.approvedByName,
    approvedAt: procurement.approvedAt?.toISOString() ?? null,
    createdAt: procurement.createdAt.toISOString(),
    version: procurement.version,
    permissions: policy.procurementPermissions(actor, procurement),
  };
}

export async function listProcurements(deps: Deps, ctx: RequestContext, query: z.infer<typeof ProcurementQuery>) {
  if (query.organisationId) await requireReader(deps.db, ctx, query.organisationId, '单位');
  const rows = await repo.findProcurements(deps.db, { ...query, scope: scopeOf(ctx.principal) });
  const actor = await actorsOver(
    deps.db,
    ctx.principal,
    rows.map((row) => row.procurement.organisationId),
  );
  return rows.map((row) => presentProcurement(row, actor(row.procurement.organisationId)));
}

export async function getProcurementDetail(deps: Deps, ctx: RequestContext, id: string) {
  const [row] = await repo.findProcurements(deps.db, { scope: 'all', id });
  if (!row) throw notFound(PROCUREMENT);
  const posts = await requireReader(deps.db, ctx, row.procurement.organisationId, PROCUREMENT);
  return presentProcurement(row, { userId: ctx.principal.userId, posts });
}

/** The procurement, locked, readable by the user; the version the user saw must still be current. */
export async function lockProcurement(tx: Queryable, ctx: RequestContext, id: string) {
  const procurement = await repo.getProcurement(tx, id, true);
  if (!procurement) throw notFound(PROCUREMENT);
  await requireReader(tx, ctx, procurement.organisationId, PROCUREMENT);
  return procurement;
}

/** CG2024-001, CG2024-002, … per organisation and fiscal year. */
async function nextCode(tx: Queryable, organisationId: string, fiscalYear: number): Promise<string> {
  const prefix = `CG${fiscalYear}-`;
  const last = await repo.lastCodeNumber(tx, organisationId, prefix);
  return `${prefix}${String(last + 1).padStart(3, '0')}`;
}

/**
 * 采购需求 by the 经办人: the method must suit the amount (checked again at approval), the line
 * must be the unit's own with enough left, and 工程 is never paid from 基本支出.
 */
export async function createProcurement(deps: Deps, ctx: RequestContext, body: z.infer<typeof CreateProcurement>) {
  return controlled(deps, ctx, () =>
    deps.db.transaction(async (tx) => {
      await requirePost(tx, ctx, body.organisationId, policy.procurementPolicy.posts.create);
      const charged = await chargeableLine(tx, body.organisationId, body.budgetLineId);
      const { line } = charged;
      const facts = {
        category: body.category,
        estimatedFen: body.estimated,
        method: body.method,
        methodJustification: body.methodJustification,
      };
      const violations = [
        ...control.checkProcurementMethod(methodFacts(facts), await controlConfig(tx)),
        ...chargeViolations(charged, {
          amount: body.estimated,
          field: 'estimated',
          what: '采购预算',
          projectOnly: body.category === 'works' ? '工程采购' : undefined,
        }),
      ];
      refuseIfViolated({ organisationId: body.organisationId, entityType: 'procurement' }, violations);
      const code = body.code ?? (await nextCode(tx, body.organisationId, line.fiscalYear));
      const created = await repo
        .insertProcurement(tx, {
          organisationId: body.organisationId,
          budgetLineId: line.id,
          code,
          title: body.title,
          requirement: body.requirement || null,
          category: body.category,
          estimatedFen: body.estimated,
          method: body.method,
          methodJustification: body.methodJustification || null,
          draftedBy: ctx.principal.userId,
        })
        .catch((error: unknown) => rethrowUnique(error, 'body.code', `采购编号“${code}”在本单位已存在`));
      await recordAudit(tx, ctx, {
        entityType: 'procurement',
        entityId: created.id,
        action: 'create',
        organisationId: created.organisationId,
        after: created,
      });
      return created;
    }),
  );
}
