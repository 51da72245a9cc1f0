import type { IssueRectification } from '@jixiao/contract';
import { policy, rectification } from '@jixiao/core';
import { recordAudit } from '../../audit/audit.repository.ts';
import type { Deps, RequestContext } from '../../context.ts';
import { AppError, alreadyExists, notFound, rethrowUnique, validationFailed } from '../../errors.ts';
import { getEvaluationSummary } from '../../evaluations/evaluation.repository.ts';
import { getOrganisation } from '../../organisations/organisation.repository.ts';
import { actorOver } from '../../policies/access.ts';
import { isOutOfScope } from '../../policies/scope.ts';
import * as repo from '../rectification.repository.ts';
import { todayOf } from '../rectification-access.ts';

/**
 * 下发整改通知, in one transaction: the issuer must hold a reviewer's post over the unit; a 自评 source
 * must be an evaluation of that unit (its year and title are taken from it); a second open notice on the
 * same source and unit is refused naming the first. The notice, its first step and the audit record
 * are written together.
 */
export async function issueRectification(deps: Deps, ctx: RequestContext, input: IssueRectification) {
  return deps.db.transaction(async (tx) => {
    const organisation = await getOrganisation(tx, input.organisationId);
    if (!organisation) throw notFound('被通知单位');
    const actor = await actorOver(tx, ctx.principal, organisation.id);
    if (isOutOfScope(ctx.principal, actor.posts)) throw notFound('被通知单位');
    if (!policy.mayIssueRectification(actor.posts)) {
      throw new AppError('FORBIDDEN', '只有财政局审核人或主管部门审核人可以对其所辖单位下发整改通知');
    }
    if (organisation.kind === 'finance-bureau') {
      throw validationFailed([{ path: 'body.organisationId', message: `整改通知须下发给部门或单位，“${organisation.name}”是财政局` }]);
    }
    const sourceId = input.sourceId?.trim() || null;
    let fiscalYear = input.fiscalYear;
    let sourceTitle = input.sourceTitle?.trim() ?? '';
    if (input.sourceKind === 'self-evaluation') {
      const evaluation = sourceId && /^[0-9a-f-]{36}$/i.test(sourceId) ? await getEvaluationSummary(tx, sourceId) : undefined;
      if (!evaluation || evaluation.evaluation.organisationId !== organisation.id) {
        throw validationFailed([
          { path: 'body.sourceId', message: `问题来源为绩效自评时须选择“${organisation.name}”的一份自评，所选自评不存在或不属于该单位` },
        ]);
      }
      fiscalYear = evaluation.evaluation.fiscalYear;
      sourceTitle ||= evaluation.projectName
        ? `${evaluation.evaluation.fiscalYear} 年度${evaluation.projectName}项目支出绩效自评`
        : `${evaluation.evaluation.fiscalYear} 年度${evaluation.organisationName}部门整体支出绩效自评`;
    }
    if (fiscalYear === undefined) throw validationFailed([{ path: 'body.fiscalYear', message: '请填写问题所属年度' }]);
    if (!sourceTitle) throw validationFailed([{ path: 'body.sourceTitle', message: '请填写问题来源事项的名称（如审计报告的标题）' }]);
    const today = todayOf(deps);
    if (input.deadline < today) {
      throw validationFailed([{ path: 'body.deadline', message: `整改期限 ${input.deadline} 早于今天 ${today}，请给出今天或以后的日期` }]);
    }
    const duplicateMessage = (existing: repo.RectificationRow) =>
      `该事项已下发整改通知，尚未销号：“${existing.sourceTitle}”（${rectification.RECTIFICATION_STATUS_LABEL[existing.status]}，整改期限 ${existing.deadline}），同一事项不能重复通知`;
    if (sourceId) {
      const existing = await repo.findOpenDuplicate(tx, { sourceKind: input.sourceKind, sourceId, organisationId: organisation.id });
      if (existing) throw alreadyExists('body.sourceId', duplicateMessage(existing));
    }
    const created = await repo
      .insertRectification(tx, {
        organisationId: organisation.id,
        fiscalYear,
        sourceKind: input.sourceKind,
        sourceId,
        sourceTitle,
        problem: input.problem,
        measures: input.measures,
        ownerName: input.ownerName?.trim() || null,
        deadline: input.deadline,
        issuedBy: ctx.principal.userId,
        issuedAt: deps.clock(),
      })
      .catch((error: unknown) => rethrowUnique(error, 'body.sourceId', '该事项已有尚未销号的整改通知，同一事项不能重复通知'));
    await repo.insertStep(tx, {
      rectificationId: created.id,
      action: 'issue',
      fromStatus: null,
      toStatus: 'issued',
      actorId: ctx.principal.userId,
      text: null,
      at: created.issuedAt,
    });
    await recordAudit(tx, ctx, {
      entityType: 'rectification',
      entityId: created.id,
      action: 'create',
      organisationId: created.organisationId,
      after: created,
    });
    return created;
  });
}
