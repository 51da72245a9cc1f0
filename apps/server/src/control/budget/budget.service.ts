import type { CreateBudgetLine, DecideAdjustment, RequestAdjustment, SetPlan } from '@jixiao/contract';
import { control, formatYuan, formatYuanGrouped, parseYuan, policy } from '@jixiao/core';
import type { z } from 'zod';
import { findFiscalYears } from '../../admin/admin.repository.ts';
import { recordAudit } from '../../audit/audit.repository.ts';
import type { Deps, RequestContext } from '../../context.ts';
import { AppError, notFound, rethrowUnique, validationFailed, versionConflict } from '../../errors.ts';
import { announceLedgerChanged } from '../../events/ledger-events.ts';
import { conclusionFor } from '../../ex-ante/ex-ante.repository.ts';
import { getProject } from '../../organisations/project.repository.ts';
import { actorOver } from '../../policies/access.ts';
import { scopeOf } from '../../policies/scope.ts';
import { resultReader } from '../../ports/result-reader.ts';
import { decideStep, requestStep } from '../approval-step.ts';
import { controlled, refuseIfViolated, requirePost } from '../control-access.ts';
import { lockLinePosition } from '../line-lock.ts';
import * as repo from './budget.repository.ts';

type PositionRow = Awaited<ReturnType<typeof repo.findLinesWithPosition>>[number];

export const budgetOf = repo.budgetOf;

function present(row: PositionRow) {
  const { line, position } = row;
  return {
    id: line.id,
    organisationId: line.organisationId,
    organisationName: row.organisationName,
    fiscalYear: line.fiscalYear,
    projectId: line.projectId,
    projectName: row.projectName,
    code: line.code,
    name: line.name,
    spendingType: line.spendingType,
    fundingSource: line.fundingSource,
    initial: formatYuan(line.initialFen),
    carryOver: formatYuan(line.carryOverFen),
    adjustments: formatYuan(line.adjustmentsFen),
    budget: formatYuan(position.budget),
    planned: formatYuan(Number(row.planned)),
    committed: formatYuan(position.committed),
    paid: formatYuan(position.paid),
    available: formatYuan(position.available),
    version: line.version,
  };
}

export async function listLines(
  deps: Deps,
  ctx: RequestContext,
  filter: { fiscalYear?: number | undefined; organisationId?: string | undefined; projectId?: string | undefined },
) {
  const rows = await repo.findLinesWithPosition(deps.db, { ...filter, scope: scopeOf(ctx.principal) });
  return rows.map(present);
}

export async function getLineDetail(deps: Deps, ctx: RequestContext, id: string) {
  const [row] = await repo.findLinesWithPosition(deps.db, { scope: scopeOf(ctx.principal), ids: [id] });
  if (!row) throw notFound('预算指标');
  const [plan, adjustments, actor, appliedResult] = await Promise.all([
    repo.findPlan(deps.db, id),
    repo.findAdjustments(deps.db, id),
    actorOver(deps.db, ctx.principal, row.line.organisationId),
    appliedResultOfProject(deps, row.line.projectId),
  ]);
  const months = Array.from({ length: 12 }, (_, index) => formatYuan(plan.find((entry) => entry.month === index + 1)?.amountFen ?? 0));
  return {
    ...present(row),
    plan: months,
    adjustmentHistory: adjustments.map((entry) => ({
      id: entry.id,
      amount: formatYuan(entry.amountFen),
      reason: entry.reason,
      status: entry.status,
      requestedBy: entry.requestedBy,
      requestedAt: entry.requestedAt.toISOString(),
      decidedBy: entry.decidedBy,
      decidedAt: entry.decidedAt?.toISOString() ?? null,
      comment: entry.comment,
      permissions: policy.adjustmentPermissions(actor, entry),
    })),
    appliedResult,
    permissions: policy.budgetLinePermissions(actor),
  };
}

function fen(path: string, text: string | undefined): number {
  if (text === undefined) return 0;
  const parsed = parseYuan(text);
  if (!parsed.ok) throw validationFailed([{ path, message: '金额格式不正确' }]);
  return parsed.value;
}

/** 上年度评价结果应用 of a line's project (ports/result-reader.ts): shown beside the amount set for it. */
export async function appliedResultOfProject(deps: Deps, projectId: string | null) {
  return projectId ? resultReader().appliedResultForProject(deps.db, projectId) : null;
}

/** 预算指标 are set up by the unit's finance staff (财务审核) or an administrator. */
export async function createLine(deps: Deps, ctx: RequestContext, body: z.infer<typeof CreateBudgetLine>) {
  return controlled(deps, ctx, () =>
    deps.db.transaction(async (tx) => {
      await requirePost(tx, ctx, body.organisationId, policy.budgetLinePolicy.posts.create);
      if (!(await findFiscalYears(tx)).some((year) => year.year === body.fiscalYear))
        throw validationFailed([{ path: 'body.fiscalYear', message: `${body.fiscalYear} 年度尚未设立` }]);
      if (body.projectId) {
        const project = await getProject(tx, body.projectId);
        if (!project || project.organisationId !== body.organisationId)
          throw validationFailed([{ path: 'body.projectId', message: '项目不属于该单位' }]);
        // 事前绩效评估 concluded 不予支持: no budget for the project (share-locked against a conclusion in flight).
        const conclusion = await conclusionFor(tx, project.id, body.fiscalYear);
        refuseIfViolated(
          { organisationId: body.organisationId, entityType: 'budget-line' },
          control.checkExAnteForBudgetLine({ name: project.name, conclusion }),
        );
      }
      const initialFen = fen('body.initial', body.initial);
      if (initialFen < 0) throw validationFailed([{ path: 'body.initial', message: '年初预算数不能为负' }]);
      const created = await repo
        .insertLine(tx, {
          organisationId: body.organisationId,
          fiscalYear: body.fiscalYear,
          projectId: body.projectId ?? null,
          code: body.code,
          name: body.name,
          spendingType: body.spendingType,
          fundingSource: body.fundingSource,
          initialFen,
          carryOverFen: fen('body.carryOver', body.carryOver),
        })
        .catch((error: unknown) => rethrowUnique(error, 'body.code', `指标编码“${body.code}”在本单位本年度已存在`));
      await recordAudit(tx, ctx, {
        entityType: 'budget-line',
        entityId: created.id,
        action: 'create',
        organisationId: created.organisationId,
        after: created,
      });
      await announceLedgerChanged(tx, { organisationId: created.organisationId, fiscalYear: created.fiscalYear });
      return created;
    }),
  );
}

/** 用款计划: twelve monthly amounts that together may not exceed the line's budget. */
export async function setPlan(deps: Deps, ctx: RequestContext, lineId: string, body: z.infer<typeof SetPlan>) {
  const months = body.months.map((text, index) => fen(`body.months[${index}]`, text));
  const negative = months.findIndex((amount) => amount < 0);
  if (negative >= 0) throw validationFailed([{ path: `body.months[${negative}]`, message: `${negative + 1} 月计划数不能为负` }]);
  return deps.db.transaction(async (tx) => {
    const line = await repo.lockLine(tx, lineId);
    if (!line) throw notFound('预算指标');
    await requirePost(tx, ctx, line.organisationId, policy.budgetLinePolicy.posts.plan, '预算指标');
    const total = months.reduce((sum, amount) => sum + amount, 0);
    if (total > budgetOf(line)) {
      throw validationFailed([
        { path: 'body.months', message: `用款计划合计 ${formatYuanGrouped(total)} 元超过预算 ${formatYuanGrouped(budgetOf(line))} 元` },
      ]);
    }
    if (!(await repo.bumpLineVersion(tx, lineId, body.version))) throw versionConflict('预算指标');
    const before = await repo.findPlan(tx, lineId);
    await repo.replacePlan(tx, lineId, months);
    await recordAudit(tx, ctx, {
      entityType: 'payment-plan',
      entityId: lineId,
      action: 'update',
      organisationId: line.organisationId,
      before: before.map((entry) => entry.amountFen),
      after: months,
    });
  });
}

/** 预算调整 is requested with a reason; it changes the line only once someone else approves it. */
export async function requestAdjustment(deps: Deps, ctx: RequestContext, lineId: string, body: z.infer<typeof RequestAdjustment>) {
  const amountFen = fen('body.amount', body.amount);
  if (amountFen === 0) throw validationFailed([{ path: 'body.amount', message: '调整金额不能为 0' }]);
  return deps.db.transaction(async (tx) => {
    const line = await repo.getLine(tx, lineId);
    if (!line) throw notFound('预算指标');
    await requirePost(tx, ctx, line.organisationId, policy.budgetLinePolicy.posts.requestAdjustment, '预算指标');
    return requestStep(tx, ctx, {
      insert: (requestedBy) => repo.insertAdjustment(tx, { budgetLineId: lineId, amountFen, reason: body.reason, requestedBy }),
      conflict: () => versionConflict('预算指标'),
      audit: (adjustment) => ({
        entityType: 'budget-adjustment',
        entityId: adjustment.id,
        action: 'request',
        organisationId: line.organisationId,
        after: adjustment,
      }),
    });
  });
}

export async function decideAdjustment(deps: Deps, ctx: RequestContext, adjustmentId: string, body: z.infer<typeof DecideAdjustment>) {
  return controlled(deps, ctx, () =>
    deps.db.transaction(async (tx) => {
      const adjustment = await repo.getAdjustment(tx, adjustmentId, true);
      if (!adjustment) throw notFound('预算调整');
      const position = await lockLinePosition(tx, adjustment.budgetLineId);
      if (!position) throw notFound('预算指标');
      const { line } = position;
      await requirePost(tx, ctx, line.organisationId, policy.budgetLinePolicy.posts.decideAdjustment, '预算调整');
      const subject = { organisationId: line.organisationId, entityType: 'budget-adjustment' as const, entityId: adjustmentId };
      const decided = await decideStep(
        tx,
        ctx,
        adjustment,
        { approve: body.approve, opinion: body.comment },
        {
          subject,
          notPending: () => new AppError('INVALID_TRANSITION', '该调整已审批，不能重复处理'),
          separation: control.checkAdjustmentDecider,
          onApprove: async () => {
            refuseIfViolated(subject, control.checkAdjustmentApproval(position, adjustment.amountFen));
            await repo.addApprovedAdjustment(tx, line.id, adjustment.amountFen);
          },
          write: (decision) =>
            repo.decideAdjustment(tx, adjustmentId, {
              status: decision.status,
              decidedBy: decision.decidedBy,
              decidedAt: new Date(),
              comment: decision.opinion,
            }),
          conflict: () => notFound('预算调整'),
          audit: (row, decision) => ({
            entityType: 'budget-adjustment',
            entityId: adjustmentId,
            action: decision.approve ? 'approve' : 'reject',
            organisationId: line.organisationId,
            before: adjustment,
            after: row,
          }),
        },
      );
      await announceLedgerChanged(tx, { organisationId: line.organisationId, fiscalYear: line.fiscalYear });
      return decided;
    }),
  );
}
