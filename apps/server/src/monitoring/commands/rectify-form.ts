import type { MonitoringRectification } from '@jixiao/contract';
import { policy } from '@jixiao/core';
import { recordAudit } from '../../audit/audit.repository.ts';
import type { Deps, RequestContext } from '../../context.ts';
import { AppError } from '../../errors.ts';
import { issueRectification } from '../../rectification/commands/issue-rectification.ts';
import * as repo from '../monitoring.repository.ts';
import { authoriseForm } from '../monitoring-access.ts';

/**
 * 整改 from a monitoring form (the finance bureau's reviewer, once the department has passed the form on):
 * the 整改通知 is issued to the form's unit by the rectification module's own command, with the form as its
 * source, and the form keeps the notice's id. Both in one transaction (the notice's in a savepoint of it),
 * so a refused notice leaves the form as it was.
 */
export async function rectifyForm(deps: Deps, ctx: RequestContext, id: string, input: MonitoringRectification) {
  return deps.db.transaction(async (tx) => {
    const { row, task, actor } = await authoriseForm(tx, ctx, id, true);
    if (!policy.holdsAny(actor.posts, policy.monitoringPolicy.posts.rectify))
      throw new AppError('FORBIDDEN', '只有财政审核人可以根据监控结果下发整改通知');
    if (row.status === 'draft' || row.status === 'returned' || row.status === 'submitted')
      throw new AppError('NOT_EDITABLE', '监控表须经部门审核后，财政局才能据此下发整改通知');
    if (row.rectificationId) throw new AppError('ALREADY_EXISTS', '已根据该监控表下发过整改通知');
    const created = await issueRectification({ ...deps, db: tx }, ctx, {
      organisationId: row.organisationId,
      fiscalYear: task.fiscalYear,
      sourceKind: 'monitoring',
      sourceId: row.id,
      sourceTitle: `${task.title}：${row.title}`,
      problem: input.problem,
      measures: input.measures,
      deadline: input.deadline,
    });
    await repo.updateForm(tx, id, { rectificationId: created.id });
    await recordAudit(tx, ctx, {
      entityType: 'monitoring-form',
      entityId: id,
      action: 'monitoring.rectify',
      organisationId: row.organisationId,
      after: { rectificationId: created.id, problem: input.problem, deadline: input.deadline },
    });
    return { id: created.id };
  });
}
