import {
  ACCEPTANCE_LABEL,
  type Closure,
  type ContractDetail,
  type ContractQuery,
  type ContractSummary,
  type CreateContract,
} from '@jixiao/contract';
import { control, formatYuan, formatYuanGrouped, policy } from '@jixiao/core';
import type { z } from 'zod';
import { recordAudit } from '../../audit/audit.repository.ts';
import type { Deps, RequestContext } from '../../context.ts';
import type { Queryable } from '../../db/connect.ts';
import { type FieldDetail, notFound, rethrowUnique, validationFailed } from '../../errors.ts';
import { scopeOf } from '../../policies/scope.ts';
import { controlled, refuseIfViolated, requirePost } from '../control-access.ts';
import { chargeableLine, chargeViolations } from '../line-charge.ts';
import { getProcurement } from '../procurement/procurement.repository.ts';
import { requireReader } from '../readable.ts';
import * as repo from './contract.repository.ts';
import { CLOSURE_KIND_LABEL, CLOSURE_STATUS_LABEL, releasedFen } from './contract-closure.rules.ts';

export const CONTRACT = '合同';

function acceptanceOf(row: repo.ContractListRow) {
  const accepted = Number(row.acceptedCount);
  if (accepted > 0 && accepted === Number(row.milestoneCount)) return 'complete' as const;
  return accepted > 0 ? ('partial' as const) : ('none' as const);
}

export function presentContract(row: repo.ContractListRow): z.infer<typeof ContractSummary> {
  const { contract } = row;
  const acceptance = acceptanceOf(row);
  return {
    id: contract.id,
    organisationId: contract.organisationId,
    organisationName: row.organisationName,
    fiscalYear: row.fiscalYear,
    budgetLineId: contract.budgetLineId,
    budgetLineCode: row.lineCode,
    budgetLineName: row.lineName,
    procurementId: contract.procurementId,
    procurementCode: row.procurementCode,
    code: contract.code,
    title: contract.title,
    counterpartyName: contract.counterpartyName,
    counterpartyUscc: contract.counterpartyUscc,
    amount: formatYuan(contract.amountFen),
    signedOn: contract.signedOn,
    signedBy: contract.signedBy,
    signedByName: row.signedByName,
    status: contract.status,
    closedKind: row.closedKind,
    milestoneCount: Number(row.milestoneCount),
    acceptedCount: Number(row.acceptedCount),
    accepted: formatYuan(Number(row.accepted)),
    paid: formatYuan(Number(row.paid)),
    committed: formatYuan(Number(row.committed)),
    acceptance,
    acceptanceLabel: ACCEPTANCE_LABEL[acceptance],
    version: contract.version,
  };
}

export async function listContracts(deps: Deps, ctx: RequestContext, query: z.infer<typeof ContractQuery>) {
  if (query.organisationId) await requireReader(deps.db, ctx, query.organisationId, '单位');
  const rows = await repo.findContracts(deps.db, { ...query, scope: scopeOf(ctx.principal) });
  return rows.map(presentContract);
}

/** The contract with its milestones (accepted, paid, carded), its payments by status, and whether the user may accept. */
export async function getContractDetail(deps: Deps, ctx: RequestContext, id: string): Promise<z.infer<typeof ContractDetail>> {
  const [row] = await repo.findContracts(deps.db, { scope: 'all', id });
  if (!row) throw notFound(CONTRACT);
  const posts = await requireReader(deps.db, ctx, row.contract.organisationId, CONTRACT);
  const [milestones, payments, closures] = await Promise.all([
    repo.findMilestones(deps.db, id),
    repo.paymentsByStatus(deps.db, id),
    repo.findClosures(deps.db, id),
  ]);
  const pending = closures.find((entry) => entry.closure.status === 'requested')?.closure;
  const actor = { userId: ctx.principal.userId, posts };
  return {
    ...presentContract(row),
    milestones: milestones.map(({ milestone, acceptedByName, paid, committed, assetCount }) => ({
      id: milestone.id,
      seq: milestone.seq,
      description: milestone.description,
      amount: formatYuan(milestone.amountFen),
      dueOn: milestone.dueOn,
      acceptedAt: milestone.acceptedAt?.toISOString() ?? null,
      acceptedBy: milestone.acceptedBy,
      acceptedByName,
      acceptanceNote: milestone.acceptanceNote,
      paid: formatYuan(Number(paid)),
      committed: formatYuan(Number(committed)),
      assetCount: Number(assetCount),
      version: milestone.version,
    })),
    payments: payments.map((entry) => ({ status: entry.status, count: Number(entry.count), amount: formatYuan(Number(entry.amount)) })),
    unpaid: formatYuan(releasedFen(row.contract.amountFen, Number(row.paid))),
    closures: closures.map(presentClosure),
    permissions: {
      ...policy.contractPermissions(actor, { ...row.contract, pendingClosure: pending }),
      createAssetCards: policy.holdsAny(posts, policy.assetPolicy.posts.cards),
    },
  };
}

function presentClosure({ closure, requestedByName, decidedByName }: repo.ClosureListRow): z.infer<typeof Closure> {
  return {
    id: closure.id,
    kind: closure.kind,
    kindLabel: CLOSURE_KIND_LABEL[closure.kind],
    reason: closure.reason,
    status: closure.status,
    statusLabel: CLOSURE_STATUS_LABEL[closure.status],
    requestedBy: closure.requestedBy,
    requestedByName,
    requestedAt: closure.requestedAt.toISOString(),
    decidedBy: closure.decidedBy,
    decidedByName,
    decidedAt: closure.decidedAt?.toISOString() ?? null,
    opinion: closure.opinion,
    released: closure.releasedFen === null ? null : formatYuan(closure.releasedFen),
  };
}

/** Milestones are the contract's payment schedule: they add up to its amount and fall due after signing. */
function milestoneProblems(body: z.infer<typeof CreateContract>): FieldDetail[] {
  const problems: FieldDetail[] = [];
  const total = body.milestones.reduce((sum, milestone) => sum + milestone.amount, 0);
  if (total !== body.amount) {
    problems.push({
      path: 'body.milestones',
      message: `里程碑金额合计 ${formatYuanGrouped(total)} 元与合同金额 ${formatYuanGrouped(body.amount)} 元不一致`,
    });
  }
  body.milestones.forEach((milestone, index) => {
    if (milestone.dueOn && milestone.dueOn < body.signedOn)
      problems.push({ path: `body.milestones[${index}].dueOn`, message: '付款节点日期不能早于合同签订日期' });
  });
  return problems;
}

/**
 * A contract signed on a procurement follows its award: awarded, the same line, the same supplier,
 * and (with every contract already signed on it) no more than the award.
 */
async function procurementProblems(tx: Queryable, body: z.infer<typeof CreateContract>, counterpartyUscc: string): Promise<FieldDetail[]> {
  if (!body.procurementId) return [];
  const procurement = await getProcurement(tx, body.procurementId, true);
  if (!procurement || procurement.organisationId !== body.organisationId) {
    return [{ path: 'body.procurementId', message: '采购不存在或不属于所选单位' }];
  }
  if (procurement.status !== 'awarded' || procurement.resultFen === null) {
    return [{ path: 'body.procurementId', message: `采购“${procurement.title}”尚未确定成交供应商，不能据以签订合同` }];
  }
  const problems: FieldDetail[] = [];
  if (procurement.budgetLineId !== body.budgetLineId) {
    problems.push({ path: 'body.budgetLineId', message: '合同须使用采购所列支的预算指标' });
  }
  if (procurement.supplierUscc !== counterpartyUscc) {
    problems.push({
      path: 'body.counterpartyUscc',
      message: `合同相对方须为采购成交供应商“${procurement.supplierName}”（统一社会信用代码 ${procurement.supplierUscc}）`,
    });
  }
  const signed = await repo.contractedOnProcurement(tx, procurement.id);
  if (signed + body.amount > procurement.resultFen) {
    problems.push({
      path: 'body.amount',
      message: `合同金额 ${formatYuanGrouped(body.amount)} 元超过采购成交金额 ${formatYuanGrouped(procurement.resultFen)} 元（已签订 ${formatYuanGrouped(signed)} 元）`,
    });
  }
  return problems;
}

/** 合同签订 by an 经办人 or 审批人, who becomes the signer and so may not accept its deliveries. */
export async function createContract(deps: Deps, ctx: RequestContext, body: z.infer<typeof CreateContract>) {
  return controlled(deps, ctx, () =>
    deps.db.transaction(async (tx) => {
      await requirePost(tx, ctx, body.organisationId, policy.contractPolicy.posts.sign);
      const uscc = control.checkUscc('counterpartyUscc', '合同相对方', body.counterpartyUscc);
      // The procurement is locked before the line, as its award does (line-lock.ts: record → line).
      const problems = [...milestoneProblems(body), ...(await procurementProblems(tx, body, uscc.code))];
      const charged = await chargeableLine(tx, body.organisationId, body.budgetLineId);
      const { line } = charged;
      if (problems.length) throw validationFailed(problems);
      refuseIfViolated({ organisationId: body.organisationId, entityType: 'contract' }, [
        ...uscc.violations,
        ...chargeViolations(charged, { amount: body.amount, field: 'amount', what: '合同金额' }),
      ]);
      const created = await repo
        .insertContract(
          tx,
          {
            organisationId: body.organisationId,
            budgetLineId: line.id,
            procurementId: body.procurementId ?? null,
            code: body.code,
            title: body.title,
            counterpartyName: body.counterpartyName,
            counterpartyUscc: uscc.code,
            amountFen: body.amount,
            signedOn: body.signedOn,
            signedBy: ctx.principal.userId,
          },
          body.milestones.map((milestone) => ({
            description: milestone.description,
            amountFen: milestone.amount,
            dueOn: milestone.dueOn ?? null,
          })),
        )
        .catch((error: unknown) => rethrowUnique(error, 'body.code', `合同编号“${body.code}”在本单位已存在`));
      await recordAudit(tx, ctx, {
        entityType: 'contract',
        entityId: created.contract.id,
        action: 'create',
        organisationId: body.organisationId,
        after: { ...created.contract, milestones: created.milestones },
      });
      return created.contract;
    }),
  );
}
