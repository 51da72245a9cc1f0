import type { CreateGrant, Grant, GrantDetail, GrantQuery, GrantSummary, SummaryQuery } from '@jixiao/contract';
import { formatYuan, policy } from '@jixiao/core';
import type { z } from 'zod';
import { recordAudit } from '../../audit/audit.repository.ts';
import type { Deps, RequestContext } from '../../context.ts';
import { notFound, validationFailed } from '../../errors.ts';
import { scopeOf } from '../../policies/scope.ts';
import { chinaToday } from '../../time.ts';
import { controlled, refuseIfViolated, requirePost } from '../control-access.ts';
import { chargeableLine, chargeViolations } from '../line-charge.ts';
import { requireReader } from '../readable.ts';
import { presentFollowUp } from './follow-up.service.ts';
import * as repo from './subsidy.repository.ts';

export const GRANT = '补贴';

const counts = (row: repo.GrantListRow) => ({
  total: Number(row.total),
  done: Number(row.done),
  pending: Number(row.pending),
  overdue: Number(row.overdue),
  abnormal: Number(row.abnormal),
  abnormalOperation: Number(row.abnormalOperation),
});

function presentGrant(row: repo.GrantListRow): z.infer<typeof Grant> {
  const { grant } = row;
  return {
    id: grant.id,
    organisationId: grant.organisationId,
    organisationName: row.organisationName,
    fiscalYear: row.fiscalYear,
    recipientId: grant.recipientId,
    recipientName: row.recipientName,
    recipientUscc: row.recipientUscc,
    budgetLineId: grant.budgetLineId,
    budgetLineCode: row.lineCode,
    budgetLineName: row.lineName,
    programme: grant.programme,
    amount: formatYuan(grant.amountFen),
    awardedOn: grant.awardedOn,
    dueOn: grant.dueOn,
    conditions: grant.conditions,
    paid: formatYuan(Number(row.paid)),
    committed: formatYuan(Number(row.committed)),
    followUpCounts: counts(row),
    version: grant.version,
  };
}

export async function listGrants(deps: Deps, ctx: RequestContext, query: z.infer<typeof GrantQuery>) {
  if (query.organisationId) await requireReader(deps.db, ctx, query.organisationId, '单位');
  const rows = await repo.findGrants(deps.db, { ...query, scope: scopeOf(ctx.principal) }, chinaToday(deps.clock()));
  return rows.map(presentGrant);
}

export async function getGrantDetail(deps: Deps, ctx: RequestContext, id: string): Promise<z.infer<typeof GrantDetail>> {
  const today = chinaToday(deps.clock());
  const [row] = await repo.findGrants(deps.db, { scope: 'all', id }, today);
  if (!row) throw notFound(GRANT);
  const posts = await requireReader(deps.db, ctx, row.grant.organisationId, GRANT);
  const followUps = await repo.findFollowUps(deps.db, id);
  return {
    ...presentGrant(row),
    followUps: followUps.map((entry) => presentFollowUp(entry, today)),
    permissions: { followUp: policy.holdsAny(posts, policy.subsidyPolicy.posts.followUp) },
  };
}

/** Awarded, paid and committed, and the state of the follow-up checks, over the grants the user may see. */
export async function summariseGrants(
  deps: Deps,
  ctx: RequestContext,
  query: z.infer<typeof SummaryQuery>,
): Promise<z.infer<typeof GrantSummary>> {
  if (query.organisationId) await requireReader(deps.db, ctx, query.organisationId, '单位');
  const today = chinaToday(deps.clock());
  const rows = await repo.findGrants(deps.db, { ...query, scope: scopeOf(ctx.principal) }, today);
  const sum = (pick: (row: repo.GrantListRow) => number) => rows.reduce((total, row) => total + pick(row), 0);
  const followUps = { total: 0, done: 0, pending: 0, overdue: 0, abnormal: 0, abnormalOperation: 0 };
  for (const row of rows) {
    for (const [key, value] of Object.entries(counts(row))) followUps[key as keyof typeof followUps] += value;
  }
  return {
    today,
    grantCount: rows.length,
    awarded: formatYuan(sum((row) => row.grant.amountFen)),
    paid: formatYuan(sum((row) => Number(row.paid))),
    committed: formatYuan(sum((row) => Number(row.committed))),
    followUps,
  };
}

/** A grant by an 经办人, charged to a 项目支出 line of the unit with enough left (docs/rules.md §5.5, §5.9(d)). */
export async function createGrant(deps: Deps, ctx: RequestContext, body: z.infer<typeof CreateGrant>) {
  return controlled(deps, ctx, () =>
    deps.db.transaction(async (tx) => {
      await requirePost(tx, ctx, body.organisationId, policy.subsidyPolicy.posts.grant);
      const charged = await chargeableLine(tx, body.organisationId, body.budgetLineId);
      const { line } = charged;
      const recipient = await repo.getRecipient(tx, body.recipientId);
      if (!recipient) throw validationFailed([{ path: 'body.recipientId', message: '补贴对象不存在' }]);
      if (body.dueOn < body.awardedOn) throw validationFailed([{ path: 'body.dueOn', message: '应拨付日期不能早于批准日期' }]);
      refuseIfViolated(
        { organisationId: body.organisationId, entityType: 'subsidy-grant' },
        chargeViolations(charged, { amount: body.amount, field: 'amount', what: '补贴金额', projectOnly: '补贴资金' }),
      );
      const created = await repo.insertGrant(tx, {
        organisationId: body.organisationId,
        recipientId: recipient.id,
        budgetLineId: line.id,
        programme: body.programme,
        amountFen: body.amount,
        awardedOn: body.awardedOn,
        dueOn: body.dueOn,
        conditions: body.conditions || null,
      });
      await recordAudit(tx, ctx, {
        entityType: 'subsidy-grant',
        entityId: created.id,
        action: 'create',
        organisationId: body.organisationId,
        after: created,
      });
      return created;
    }),
  );
}
