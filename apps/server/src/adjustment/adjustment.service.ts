import { randomUUID } from 'node:crypto';
import type { AdjustmentDetail, AdjustmentSummary, DeclarationVersionList, ListAdjustmentsQuery, SaveAdjustment } from '@jixiao/contract';
import { adjustment, LEVEL2_OF, type Level1, type Level2, policy } from '@jixiao/core';
import { recordAudit } from '../audit/audit.repository.ts';
import type { Deps, RequestContext } from '../context.ts';
import { type Queryable, readAll } from '../db/connect.ts';
import { AppError, type FieldDetail, validationFailed } from '../errors.ts';
import { scopeOf } from '../policies/scope.ts';
import type { VersionSnapshot } from '../targets/approved-targets.ts';
import { getDeclaration, getOrganisationName } from '../targets/declaration.repository.ts';
import { authoriseDeclaration } from '../targets/declaration-access.ts';
import { chinaToday } from '../time.ts';
import * as repo from './adjustment.repository.ts';
import { authoriseAdjustment, factsOf } from './adjustment-access.ts';
import { baseLines, changeRows, checkRequest } from './adjustment-lines.ts';
import { presentAdjustment, presentChange, summaryOf } from './adjustment-presenter.ts';

// Lists, the detail, saving the changes and a declaration's version history. The steps are in commands/.

/** The year adjustments are open for: the China year of the server clock (only the current year's targets are adjusted). */
export const currentYear = (deps: Deps): number => Number(chinaToday(deps.clock()).slice(0, 4));

export async function listAdjustments(deps: Deps, ctx: RequestContext, query: ListAdjustmentsQuery): Promise<AdjustmentSummary[]> {
  const rows = await repo.findAdjustments(deps.db, { ...query, scope: scopeOf(ctx.principal) });
  return rows.map(summaryOf);
}

export async function getAdjustmentDetail(deps: Deps, ctx: RequestContext, id: string, db: Queryable = deps.db): Promise<AdjustmentDetail> {
  const { row, actor } = await authoriseAdjustment(db, ctx, id);
  const [declaration, organisationName, createdBy, changes, steps, base] = await readAll(db, [
    () => getDeclaration(db, row.declarationId),
    () => getOrganisationName(db, row.organisationId),
    () => repo.getUserName(db, row.createdBy),
    () => repo.findChanges(db, id),
    () => repo.findSteps(db, id),
    () => baseLines(db, row),
  ]);
  if (!declaration) throw new AppError('NOT_FOUND', '调整申请所属的申报表不存在');
  const check = await checkRequest(db, declaration, base, changes);
  const facts = factsOf(row, steps);
  const can = (action: adjustment.AdjustmentAction) => policy.decideAdjustmentStep(action, facts, actor, 'opinion');
  const approve = can('approve');
  return presentAdjustment({
    entry: {
      adjustment: row,
      organisationName,
      projectName: declaration.projectName,
      createdByName: createdBy,
    },
    base,
    changes,
    check,
    reasons: { ...declaration.warningReasons, ...row.warningReasons },
    steps,
    permissions: {
      edit: policy.mayEditAdjustment(actor.posts, row.status),
      submit: can('submit').ok,
      approve: approve.ok,
      return: can('return').ok,
      reject: can('reject').ok,
      refusal: !approve.ok && approve.refusal.kind === 'segregation' ? approve.refusal.message : null,
    },
  });
}

/**
 * Saves the whole list of changes in one transaction, with its audit record. A change must name a line
 * of the approved version it is written against, and an added line's 二级 must belong to its 一级; the
 * reasons and the declaration checks are shown live and block only the submission.
 */
export async function saveAdjustment(deps: Deps, ctx: RequestContext, id: string, input: SaveAdjustment): Promise<AdjustmentDetail> {
  return deps.db.transaction(async (tx) => {
    const { row, actor } = await authoriseAdjustment(tx, ctx, id, true);
    if (!policy.holdsAny(actor.posts, policy.adjustmentPolicy.posts.unit))
      throw new AppError('FORBIDDEN', '只有本单位的填报人可以修改调整申请');
    if (!adjustment.isAdjustmentEditable(row.status)) {
      throw new AppError(
        'NOT_EDITABLE',
        `调整申请处于“${adjustment.ADJUSTMENT_STATUS_LABEL[row.status]}”状态，不能修改；如需修改，请审核人退回`,
      );
    }
    if (row.version !== input.version) {
      throw new AppError('VERSION_CONFLICT', '调整申请在你打开之后已被修改，请刷新查看最新内容后再保存', { currentVersion: row.version });
    }
    const base = await baseLines(tx, row);
    const known = new Set(base.map((line) => line.id));
    const problems: FieldDetail[] = [];
    input.changes.forEach((change, index) => {
      const at = (field: string) => `body.changes[${index}].${field}`;
      const { indicator, indicatorId } = change;
      if (change.kind === 'add') {
        if (!indicator) problems.push({ path: at('indicator'), message: `第 ${index + 1} 项调整为新增指标，请填写指标内容` });
        else if (!(LEVEL2_OF[indicator.level1 as Level1] as readonly Level2[]).includes(indicator.level2 as Level2))
          problems.push({
            path: at('indicator.level2'),
            message: `第 ${index + 1} 项调整：二级指标“${indicator.level2}”不属于一级指标“${indicator.level1}”（财预〔2020〕10号）`,
          });
      } else if (!indicatorId) problems.push({ path: at('indicatorId'), message: `第 ${index + 1} 项调整未选择要调整的指标` });
      else if (!known.has(indicatorId))
        problems.push({
          path: at('indicatorId'),
          message: `第 ${index + 1} 项调整所指的指标 ${indicatorId} 不在已批复的第 ${row.baseVersion} 版绩效目标中`,
        });
    });
    if (problems.length > 0) throw validationFailed(problems);
    const before = await repo.findChanges(tx, id);
    const rows = changeRows(input.changes, randomUUID);
    await repo.replaceChanges(tx, id, rows);
    await repo.updateAdjustment(tx, id, { preparers: [...new Set([...row.preparers, ctx.principal.userId])] });
    await recordAudit(tx, ctx, {
      entityType: 'target-adjustment',
      entityId: id,
      action: 'update',
      organisationId: row.organisationId,
      before: { changes: before },
      after: { changes: rows },
    });
    return getAdjustmentDetail(deps, ctx, id, tx);
  });
}

/**
 * A declaration's approved versions (v1 批复, v2 调整 …) with what each adjustment changed, its open
 * request, and whether the signed-in user may request one: the unit's 填报人, on an approved declaration
 * of the current year, with no request open.
 */
export async function declarationVersions(deps: Deps, ctx: RequestContext, declarationId: string): Promise<DeclarationVersionList> {
  const { declaration, actor } = await authoriseDeclaration(deps.db, ctx, declarationId, 'read');
  const [versions, changes, open] = await readAll(deps.db, [
    () => repo.findVersions(deps.db, declarationId),
    () => repo.findApprovedWithChanges(deps.db, declarationId),
    () => repo.findOpenFor(deps.db, declarationId),
  ]);
  const snapshots = new Map(versions.map((entry) => [entry.version.number, entry.version.snapshot as VersionSnapshot]));
  return {
    versions: versions.map(({ version, approvedByName }) => {
      const adjustmentId = (version.snapshot as VersionSnapshot).adjustmentId ?? null;
      const base = snapshots.get(version.number - 1)?.indicators ?? [];
      return {
        number: version.number,
        kind: adjustmentId ? 'adjustment' : 'approval',
        approvedAt: version.approvedAt.toISOString(),
        approvedByName,
        adjustmentId,
        changes: changes
          .filter((entry) => entry.adjustmentId === adjustmentId)
          .map(({ change }) => {
            const shown = presentChange(change, base);
            return {
              kind: shown.kind,
              kindLabel: shown.kindLabel,
              indicatorName: shown.indicatorName,
              unit: shown.unit,
              before: shown.before,
              after: shown.after,
              reason: shown.reason,
            };
          }),
      };
    }),
    openAdjustment: open ? { id: open.id, status: open.status, statusLabel: adjustment.ADJUSTMENT_STATUS_LABEL[open.status] } : null,
    permissions: {
      requestAdjustment:
        !open &&
        declaration.status === 'approved' &&
        declaration.fiscalYear === currentYear(deps) &&
        policy.holdsAny(actor.posts, policy.adjustmentPolicy.posts.create),
    },
  };
}
