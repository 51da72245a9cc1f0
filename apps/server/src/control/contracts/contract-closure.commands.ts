import type { DecideClosure, RequestClosure } from '@jixiao/contract';
import { control, formatYuan, policy } from '@jixiao/core';
import type { z } from 'zod';
import { recordAudit } from '../../audit/audit.repository.ts';
import type { Deps, RequestContext } from '../../context.ts';
import type { Queryable } from '../../db/connect.ts';
import { AppError, notFound, validationFailed, versionConflict } from '../../errors.ts';
import { controlled, refuseIfViolated, requirePost } from '../control-access.ts';
import { lockLinePosition } from '../line-lock.ts';
import { invalidStep, requireReader } from '../readable.ts';
import * as repo from './contract.repository.ts';
import { CONTRACT } from './contract.service.ts';
import {
  CLOSURE_KIND_LABEL,
  CLOSURE_STATUS_LABEL,
  closureProblems,
  contractClosedViolation,
  releasedFen,
} from './contract-closure.rules.ts';

/**
 * 合同结清 / 终止: a request with its reason by an 经办人 or 审批人, decided by an 审批人 or 部门负责人
 * who did not request it. Approval closes the contract: it accepts no more payments or acceptances,
 * and the part of its amount never paid leaves the line's committed figure (linePosition counts only
 * active contracts). The contract carries the version: a request and a decision each move it on.
 */
const CLOSURE = '合同结清/终止申请';

const subjectOf = (contract: repo.ContractRow) => ({
  organisationId: contract.organisationId,
  entityType: 'contract',
  entityId: contract.id,
});

/** Refuses a closure the contract's state does not allow (409 naming every reason). */
async function requireClosable(tx: Queryable, contract: repo.ContractRow, kind: repo.ClosureRow['kind']): Promise<void> {
  if (contract.status !== 'active') refuseIfViolated(subjectOf(contract), [contractClosedViolation(contract, CLOSURE_KIND_LABEL[kind])]);
  const problems = closureProblems({
    contract,
    kind,
    openRequests: await repo.openRequestsOn(tx, contract.id),
    unacceptedMilestones: await repo.unacceptedMilestones(tx, contract.id),
  });
  if (problems.length) throw new AppError('INVALID_TRANSITION', problems.join('；'), { problems });
}

export async function requestContractClosure(deps: Deps, ctx: RequestContext, contractId: string, body: z.infer<typeof RequestClosure>) {
  return controlled(deps, ctx, () =>
    deps.db.transaction(async (tx) => {
      const contract = await repo.getContract(tx, contractId, true);
      if (!contract) throw notFound(CONTRACT);
      await requireReader(tx, ctx, contract.organisationId, CONTRACT);
      await requirePost(tx, ctx, contract.organisationId, policy.contractPolicy.posts.requestClosure);
      if (contract.version !== body.version) throw versionConflict(CONTRACT);
      await requireClosable(tx, contract, body.kind);
      // The contract row is locked, so a second request waits here and then sees the first.
      if ((await repo.findClosures(tx, contractId)).some((entry) => entry.closure.status === 'requested'))
        throw new AppError('INVALID_TRANSITION', `合同“${contract.code}”已有待审批的结清/终止申请`);
      const closure = await repo.insertClosure(tx, { contractId, kind: body.kind, reason: body.reason, requestedBy: ctx.principal.userId });
      const updated = await repo.updateContract(tx, contractId, body.version, {});
      if (!updated) throw versionConflict(CONTRACT);
      await recordAudit(tx, ctx, {
        entityType: 'contract',
        entityId: contractId,
        action: 'closure.request',
        organisationId: contract.organisationId,
        after: { closure },
      });
      return closure;
    }),
  );
}

/**
 * The decision. Locks in the order every money step uses — the request, the budget line, then the
 * contract — and checks the contract again, since payments may have moved while the request waited.
 */
export async function decideContractClosure(
  deps: Deps,
  ctx: RequestContext,
  contractId: string,
  closureId: string,
  body: z.infer<typeof DecideClosure>,
) {
  return controlled(deps, ctx, () =>
    deps.db.transaction(async (tx) => {
      const closure = await repo.getClosure(tx, closureId, true);
      const unlocked = await repo.getContract(tx, contractId);
      if (!closure || !unlocked || closure.contractId !== contractId) throw notFound(CLOSURE);
      const line = await lockLinePosition(tx, unlocked.budgetLineId);
      const contract = await repo.getContract(tx, contractId, true);
      if (!line || !contract) throw notFound(CONTRACT);
      await requireReader(tx, ctx, contract.organisationId, CONTRACT);
      await requirePost(tx, ctx, contract.organisationId, policy.contractPolicy.posts.decideClosure);
      if (contract.version !== body.version) throw versionConflict(CONTRACT);
      if (closure.status !== 'requested') throw invalidStep(CLOSURE, CLOSURE_STATUS_LABEL[closure.status], '审批');
      const opinion = body.opinion?.trim() || null;
      if (!body.approve && !opinion) throw validationFailed([{ path: 'body.opinion', message: '驳回须填写审批意见，说明理由' }]);
      refuseIfViolated(
        subjectOf(contract),
        control.segregation.found(
          control.segregation.closureRequesterApprover(closure.requestedBy, ctx.principal.userId, CLOSURE_KIND_LABEL[closure.kind]),
        ),
      );
      if (body.approve) await requireClosable(tx, contract, closure.kind);
      const released = body.approve ? releasedFen(contract.amountFen, await repo.paidOn(tx, contractId)) : null;
      const decided = await repo.decideClosure(tx, closureId, {
        status: body.approve ? 'approved' : 'rejected',
        decidedBy: ctx.principal.userId,
        decidedAt: deps.clock(),
        opinion,
        releasedFen: released,
      });
      const updated = await repo.updateContract(tx, contractId, body.version, body.approve ? { status: 'closed' } : {});
      if (!decided || !updated) throw versionConflict(CONTRACT);
      await recordAudit(tx, ctx, {
        entityType: 'contract',
        entityId: contractId,
        action: body.approve ? 'closure.approve' : 'closure.reject',
        organisationId: contract.organisationId,
        before: { status: contract.status, lineCommitted: formatYuan(line.committed) },
        after: { status: updated.status, closure: decided, released: released === null ? null : formatYuan(released) },
      });
      return decided;
    }),
  );
}
