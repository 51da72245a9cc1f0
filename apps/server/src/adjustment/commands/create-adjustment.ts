import { adjustment, policy } from '@jixiao/core';
import { recordAudit } from '../../audit/audit.repository.ts';
import type { Deps, RequestContext } from '../../context.ts';
import { AppError, alreadyExists, rethrowUnique, validationFailed } from '../../errors.ts';
import { latestVersion } from '../../targets/declaration.repository.ts';
import { authoriseDeclaration } from '../../targets/declaration-access.ts';
import * as repo from '../adjustment.repository.ts';
import { currentYear } from '../adjustment.service.ts';

const openMessage = (open: repo.AdjustmentRow) =>
  `该申报表已有一份未办结的调整申请（${adjustment.ADJUSTMENT_STATUS_LABEL[open.status]}，${open.createdAt.toISOString().slice(0, 10)} 新建），同一申报表同一时间只能有一份调整申请，请先办结它`;

/**
 * 新建调整申请, in one transaction: the unit's 填报人, on an approved declaration of the current year
 * (the declaration row locked, so two requests cannot both pass the one-open check); the request is
 * written against the latest approved version, with its first step and the audit record.
 */
export async function createAdjustment(deps: Deps, ctx: RequestContext, declarationId: string) {
  return deps.db.transaction(async (tx) => {
    const { declaration, actor } = await authoriseDeclaration(tx, ctx, declarationId, 'read', true);
    if (!policy.holdsAny(actor.posts, policy.adjustmentPolicy.posts.create))
      throw new AppError('FORBIDDEN', '只有本单位的填报人可以申请调整绩效目标');
    if (declaration.status !== 'approved')
      throw validationFailed([
        {
          path: 'body.declarationId',
          message: `申报表处于“${policy.DECLARATION_STATUS_LABEL[declaration.status]}”状态，尚未批复，可直接修改，无需申请调整`,
        },
      ]);
    const year = currentYear(deps);
    if (declaration.fiscalYear !== year)
      throw validationFailed([
        { path: 'body.declarationId', message: `只能调整本年度（${year} 年）的绩效目标，该申报表属于 ${declaration.fiscalYear} 年度` },
      ]);
    const open = await repo.findOpenFor(tx, declarationId);
    if (open) throw alreadyExists('body.declarationId', openMessage(open));
    const latest = await latestVersion(tx, declarationId);
    if (!latest) throw new AppError('NOT_EDITABLE', '申报表没有已批复的版本，无法调整');
    const created = await repo
      .insertAdjustment(tx, {
        declarationId,
        organisationId: declaration.organisationId,
        fiscalYear: declaration.fiscalYear,
        baseVersion: latest.version.number,
        preparers: [ctx.principal.userId],
        createdBy: ctx.principal.userId,
        createdAt: deps.clock(),
        updatedAt: deps.clock(),
      })
      .catch((error: unknown) => rethrowUnique(error, 'body.declarationId', '该申报表已有一份未办结的调整申请，同一时间只能有一份'));
    await repo.insertStep(tx, {
      adjustmentId: created.id,
      action: 'create',
      fromStatus: null,
      toStatus: 'draft',
      stage: 'unit',
      actorId: ctx.principal.userId,
      at: deps.clock(),
    });
    await recordAudit(tx, ctx, {
      entityType: 'target-adjustment',
      entityId: created.id,
      action: 'create',
      organisationId: created.organisationId,
      after: created,
    });
    return created;
  });
}
