import type { DecideClosure, RequestClosure } from '@jixiao/contract';
import { control, formatYuan, policy } from '@jixiao/core';
import type { z } from 'zod';
import type { Deps, RequestContext } from '../../context.ts';
import type { Queryable } from '../../db/connect.ts';
import { AppError, notFound, versionConflict } from '../../errors.ts';
import { decideStep, requestStep } from '../approval-step.ts';
import { controlled, refuseIfViolated, requirePost } from '../control-access.ts';
import { lockLinePosition } from '../line-lock.ts';
import { invalidStep, requireReader } from '../readable.ts';
import * as repo from './contract.repository.ts';
import { CONTRACT } from './contract.service.ts';
import { CLOSURE_KIND_LABEL, CLOSURE_STATUS_LABEL, releasedFen } from './contract-closure.rules.ts';

/**
 * 合同结清 / 终止: a request with its reason by an 经办人 or 审批人, decided by an 审批人 or 部门负责人
 * who did not request it. Approval closes the contract: it accepts no more payments or acceptances,
 * and the part of its amount never paid leaves the line's committed figure (linePosition counts only
 * active contracts). The contract carries the version: a request and a decision each move it on.
 */
const CLOSURE = '合同结清/终止申请';

const subjectOf = (contract: repo.ContractRow) => ({
  organisationId: contract.organisationId,
  entityType: 'contract' as const,
  entityId: contract.id,
});

/** Refuses a closure the contract's state does not allow (409 naming every reason). */
async function requireClosable(tx: Queryable, contract: repo.ContractRow, kind: repo.ClosureRow['kind']): Promise<void> {
  refuseIfViolated(subjectOf(contract), control.checkContractOpen(contract, CLOSURE_KIND_LABEL[kind]));
  const problems = control.closureProblems({
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
      return requestStep(tx, ctx, {
        insert: (requestedBy) => repo.insertClosure(tx, { contractId, kind: body.kind, reason: body.reason, requestedBy }),
        touch: () => repo.updateContract(tx, contractId, body.version, {}),
        conflict: () => versionConflict(CONTRACT),
        audit: (closure) => ({
          entityType: 'contract',
          entityId: contractId,
          action: 'closure.request',
          organisationId: contract.organisationId,
          after: { closure },
        }),
      });
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
      const { decided } = await decideStep(tx, ctx, closure, body, {
        subject: subjectOf(contract),
        notPending: () => invalidStep(CLOSURE, CLOSURE_STATUS_LABEL[closure.status], '审批'),
        opinionRequired: { path: 'body.opinion', message: '驳回须填写审批意见，说明理由' },
        separation: (requestedBy, deciderId) =>
          control.segregation.found(control.segregation.closureRequesterApprover(requestedBy, deciderId, CLOSURE_KIND_LABEL[closure.kind])),
        onApprove: () => requireClosable(tx, contract, closure.kind),
        write: async (decision) => {
          const released = decision.approve ? releasedFen(contract.amountFen, await repo.paidOn(tx, contractId)) : null;
          const row = await repo.decideClosure(tx, closureId, {
            status: decision.status,
            decidedBy: decision.decidedBy,
            decidedAt: deps.clock(),
            opinion: decision.opinion,
            releasedFen: released,
          });
          const updated = await repo.updateContract(tx, contractId, body.version, decision.approve ? { status: 'closed' } : {});
          return row && updated ? { decided: row, updated, released } : undefined;
        },
        conflict: () => versionConflict(CONTRACT),
        audit: ({ decided: row, updated, released }, decision) => ({
          entityType: 'contract',
          entityId: contractId,
          action: decision.approve ? 'closure.approve' : 'closure.reject',
          organisationId: contract.organisationId,
          before: { status: contract.status, lineCommitted: formatYuan(line.committed) },
          after: { status: updated.status, closure: row, released: released === null ? null : formatYuan(released) },
        }),
      });
      return decided;
    }),
  );
}
