import type { CarriedRectification, ListRectificationsQuery, RectificationDetail, RectificationSummary } from '@jixiao/contract';
import { policy, rectification } from '@jixiao/core';
import type { Deps, RequestContext } from '../context.ts';
import type { Queryable } from '../db/connect.ts';
import { getOrganisation } from '../organisations/organisation.repository.ts';
import { sessionAccess } from '../policies/access.ts';
import { scopeOf } from '../policies/scope.ts';
import { chinaToday } from '../time.ts';
import * as repo from './rectification.repository.ts';
import { authoriseRectification, isOverdue, todayOf } from './rectification-access.ts';

// Lists and the detail of 整改 notices. The steps are in commands/ (issue, feedback, verification).

export function summaryOf(row: repo.RectificationRow, organisationName: string, today: string): RectificationSummary {
  return {
    id: row.id,
    organisationId: row.organisationId,
    organisationName,
    fiscalYear: row.fiscalYear,
    sourceKind: row.sourceKind,
    sourceKindLabel: rectification.RECTIFICATION_SOURCE_LABEL[row.sourceKind],
    sourceTitle: row.sourceTitle,
    problem: row.problem,
    ownerName: row.ownerName,
    deadline: row.deadline,
    status: row.status,
    statusLabel: rectification.RECTIFICATION_STATUS_LABEL[row.status],
    overdue: isOverdue(row, today),
    issuedAt: row.issuedAt.toISOString(),
  };
}

export async function listRectifications(
  deps: Deps,
  ctx: RequestContext,
  query: ListRectificationsQuery,
): Promise<{ items: RectificationSummary[]; issueIn: string[] }> {
  const rows = await repo.findRectifications(deps.db, {
    scope: scopeOf(ctx.principal),
    fiscalYear: query.fiscalYear,
    status: query.status,
    organisationId: query.organisationId,
    q: query.q,
  });
  const today = todayOf(deps);
  const items = rows.map((entry) => summaryOf(entry.rectification, entry.organisationName, today));
  const { issueRectificationIn: issueIn } = sessionAccess(ctx.principal);
  return { items: query.overdue === undefined ? items : items.filter((item) => item.overdue === (query.overdue === 'true')), issueIn };
}

export async function getRectificationDetail(deps: Deps, ctx: RequestContext, id: string): Promise<RectificationDetail> {
  const { row, actor } = await authoriseRectification(deps.db, ctx, id);
  const [steps, organisation, issuedByName, answeredBy] = await Promise.all([
    repo.findSteps(deps.db, id),
    getOrganisation(deps.db, row.organisationId),
    repo.userName(deps.db, row.issuedBy),
    repo.lastAnswerer(deps.db, id),
  ]);
  const facts = { status: row.status, issuedBy: row.issuedBy, answeredBy };
  const can = (action: rectification.RectificationAction) => policy.decideRectificationStep(action, facts, actor, 'text');
  const decisions = { feedback: can('feedback'), close: can('close'), reopen: can('reopen') };
  const barred = Object.values(decisions).find((decision) => !decision.ok && decision.refusal.kind === 'segregation');
  return {
    ...summaryOf(row, organisation?.name ?? '', todayOf(deps)),
    sourceId: row.sourceId,
    measures: row.measures,
    issuedByName,
    closedAt: row.closedAt?.toISOString() ?? null,
    version: row.version,
    steps: steps.map(({ step, actorName }) => ({
      action: step.action,
      actionLabel: rectification.RECTIFICATION_ACTION_LABEL[step.action],
      toStatus: step.toStatus as rectification.RectificationStatus,
      actorName,
      at: step.at.toISOString(),
      text: step.text,
      evidence: step.evidence,
    })),
    permissions: {
      feedback: decisions.feedback.ok,
      close: decisions.close.ok,
      reopen: decisions.reopen.ok,
      refusal: barred && !barred.ok ? barred.refusal.message : null,
    },
  };
}

/**
 * 未完成整改事项 carried into year `fiscalYear`: the open notices of the year before on this
 * organisation, for the target declarations of `fiscalYear` (through ports/rectification-reader.ts).
 */
export async function carriedInto(db: Queryable, organisationId: string, fiscalYear: number, now: Date): Promise<CarriedRectification[]> {
  const rows = await repo.findRectifications(db, { scope: 'all', organisationId, fiscalYear: fiscalYear - 1, open: true });
  const today = chinaToday(now);
  return rows.map(({ rectification: row }) => ({
    id: row.id,
    fiscalYear: row.fiscalYear,
    sourceTitle: row.sourceTitle,
    problem: row.problem,
    deadline: row.deadline,
    statusLabel: rectification.RECTIFICATION_STATUS_LABEL[row.status],
    overdue: isOverdue(row, today),
  }));
}
