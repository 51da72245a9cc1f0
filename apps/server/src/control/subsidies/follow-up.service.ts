import {
  type CreateFollowUp,
  FOLLOW_UP_RESULT_LABEL,
  type FollowUp,
  type OverdueFollowUp,
  type OverdueQuery,
  type RecordFollowUp,
} from '@jixiao/contract';
import { formatYuan, policy } from '@jixiao/core';
import type { z } from 'zod';
import { recordAudit } from '../../audit/audit.repository.ts';
import type { Deps, RequestContext } from '../../context.ts';
import { type FieldDetail, notFound, validationFailed, versionConflict } from '../../errors.ts';
import { scopeOf } from '../../policies/scope.ts';
import { chinaToday } from '../../time.ts';
import { requirePost } from '../control-access.ts';
import { invalidStep, requireReader } from '../readable.ts';
import * as repo from './subsidy.repository.ts';

/**
 * 事后跟踪检查 after a subsidy is paid: the reference report admits "经费拨付后，对项目绩效的事后监管力度
 * 不强". Each grant gets checks with due dates; a check records whether the enterprise still
 * operates normally (经营异常 listed by market regulation); overdue checks are listed for warning.
 */

const FOLLOW_UP = '跟踪检查';

export function presentFollowUp(
  entry: { followUp: repo.FollowUpRow; performedByName: string | null },
  today: string,
): z.infer<typeof FollowUp> {
  const { followUp } = entry;
  return {
    id: followUp.id,
    grantId: followUp.grantId,
    dueOn: followUp.dueOn,
    performedOn: followUp.performedOn,
    performedBy: followUp.performedBy,
    performedByName: entry.performedByName,
    result: followUp.result,
    resultLabel: FOLLOW_UP_RESULT_LABEL[followUp.result],
    abnormalOperation: followUp.abnormalOperation,
    finding: followUp.finding,
    overdue: followUp.result === 'pending' && followUp.dueOn < today,
    version: followUp.version,
  };
}

export async function listOverdueFollowUps(deps: Deps, ctx: RequestContext, query: z.infer<typeof OverdueQuery>) {
  if (query.organisationId) await requireReader(deps.db, ctx, query.organisationId, '单位');
  const today = chinaToday(deps.clock());
  const rows = await repo.findOverdueFollowUps(deps.db, { ...query, scope: scopeOf(ctx.principal) }, today);
  const items: z.infer<typeof OverdueFollowUp>[] = rows.map((row) => ({
    ...presentFollowUp({ followUp: row.followUp, performedByName: null }, today),
    organisationId: row.grant.organisationId,
    organisationName: row.organisationName,
    recipientName: row.recipientName,
    programme: row.grant.programme,
    grantAmount: formatYuan(row.grant.amountFen),
    daysOverdue: Number(row.daysOverdue),
  }));
  return { today, items };
}

export async function createFollowUp(deps: Deps, ctx: RequestContext, grantId: string, body: z.infer<typeof CreateFollowUp>) {
  return deps.db.transaction(async (tx) => {
    const grant = await repo.getGrant(tx, grantId);
    if (!grant) throw notFound('补贴');
    await requireReader(tx, ctx, grant.organisationId, '补贴');
    await requirePost(tx, ctx, grant.organisationId, policy.subsidyPolicy.posts.followUp);
    if (body.dueOn < grant.awardedOn) throw validationFailed([{ path: 'body.dueOn', message: '检查期限不能早于补贴批准日期' }]);
    const created = await repo.insertFollowUp(tx, { grantId, dueOn: body.dueOn });
    await recordAudit(tx, ctx, {
      entityType: 'subsidy-follow-up',
      entityId: created.id,
      action: 'create',
      organisationId: grant.organisationId,
      after: created,
    });
    return created;
  });
}

function resultProblems(body: z.infer<typeof RecordFollowUp>, awardedOn: string, today: string): FieldDetail[] {
  const problems: FieldDetail[] = [];
  if (body.abnormalOperation && body.result !== 'abnormal')
    problems.push({ path: 'body.result', message: '发现经营异常时，检查结果应为“异常”' });
  if (body.result === 'abnormal' && !body.finding) problems.push({ path: 'body.finding', message: '检查结果异常须写明发现的问题' });
  if (body.performedOn > today) problems.push({ path: 'body.performedOn', message: '检查日期不能晚于今天' });
  if (body.performedOn < awardedOn) problems.push({ path: 'body.performedOn', message: '检查日期不能早于补贴批准日期' });
  return problems;
}

/** Records a pending check's result once; the user recording it is the one who performed it. */
export async function recordFollowUpResult(deps: Deps, ctx: RequestContext, id: string, body: z.infer<typeof RecordFollowUp>) {
  return deps.db.transaction(async (tx) => {
    const followUp = await repo.getFollowUp(tx, id);
    const grant = followUp ? await repo.getGrant(tx, followUp.grantId) : undefined;
    if (!followUp || !grant) throw notFound(FOLLOW_UP);
    await requireReader(tx, ctx, grant.organisationId, FOLLOW_UP);
    await requirePost(tx, ctx, grant.organisationId, policy.subsidyPolicy.posts.followUp);
    if (followUp.version !== body.version) throw versionConflict(FOLLOW_UP);
    if (followUp.result !== 'pending') throw invalidStep(FOLLOW_UP, FOLLOW_UP_RESULT_LABEL[followUp.result], '再次登记结果');
    const problems = resultProblems(body, grant.awardedOn, chinaToday(deps.clock()));
    if (problems.length) throw validationFailed(problems);
    const recorded = await repo.recordFollowUp(tx, id, body.version, {
      result: body.result,
      abnormalOperation: body.abnormalOperation,
      finding: body.finding || null,
      performedOn: body.performedOn,
      performedBy: ctx.principal.userId,
    });
    if (!recorded) throw versionConflict(FOLLOW_UP);
    await recordAudit(tx, ctx, {
      entityType: 'subsidy-follow-up',
      entityId: id,
      action: 'record',
      organisationId: grant.organisationId,
      before: { result: followUp.result },
      after: {
        result: recorded.result,
        abnormalOperation: recorded.abnormalOperation,
        finding: recorded.finding,
        performedOn: recorded.performedOn,
      },
    });
    return recorded;
  });
}
