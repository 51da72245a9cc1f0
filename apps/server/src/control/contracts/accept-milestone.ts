import type { AcceptMilestone } from '@jixiao/contract';
import { control } from '@jixiao/core';
import type { z } from 'zod';
import { recordAudit } from '../../audit/audit.repository.ts';
import type { Deps, RequestContext } from '../../context.ts';
import { AppError, forbidden, notFound, versionConflict } from '../../errors.ts';
import { chinaToday } from '../../time.ts';
import { type CardSource, insertCards, prepareCards } from '../assets/asset-cards.ts';
import { controlled, refuseIfViolated } from '../control-access.ts';
import { getProcurement } from '../procurement/procurement.repository.ts';
import { requireReader } from '../readable.ts';
import * as repo from './contract.repository.ts';
import { CONTRACT } from './contract.service.ts';

const MILESTONE = '合同里程碑';

/**
 * 验收 of one milestone by someone of the department who did not sign the contract (合同签订 /
 * 验收, docs/rules.md §5.4). Goods may be carded at the same time, kept by someone other than the
 * accepter (验收 / 保管). The contract row is locked, as payments lock it to read what is accepted,
 * so a payment never sees half an acceptance.
 */
export async function acceptMilestone(
  deps: Deps,
  ctx: RequestContext,
  contractId: string,
  milestoneId: string,
  input: z.infer<typeof AcceptMilestone>,
) {
  return controlled(deps, ctx, () =>
    deps.db.transaction(async (tx) => {
      const contract = await repo.getContract(tx, contractId, true);
      if (!contract) throw notFound(CONTRACT);
      const posts = await requireReader(tx, ctx, contract.organisationId, CONTRACT);
      if (posts.length === 0) throw forbidden('验收须由本单位人员执行');
      const milestone = await repo.getMilestone(tx, milestoneId);
      if (!milestone || milestone.contractId !== contractId) throw notFound(MILESTONE);
      if (milestone.version !== input.version) throw versionConflict(MILESTONE);
      if (milestone.acceptedAt) throw new AppError('INVALID_TRANSITION', `里程碑“${milestone.description}”已经验收`);
      refuseIfViolated(
        { organisationId: contract.organisationId, entityType: 'contract-milestone', entityId: milestoneId },
        control.checkContractOpen(contract, '验收'),
      );
      const procurement = contract.procurementId ? await getProcurement(tx, contract.procurementId) : undefined;
      const source: CardSource = {
        organisationId: contract.organisationId,
        contractId,
        milestone,
        acceptedBy: ctx.principal.userId,
        acquiredOn: chinaToday(deps.clock()),
        category: procurement?.category ?? null,
      };
      const cards = input.assets?.length
        ? await prepareCards(tx, source, { custodianId: input.custodianId, assets: input.assets })
        : undefined;
      const signerAccepts = control.segregation.found(control.segregation.signerAccepter(contract.signedBy, ctx.principal.userId));
      refuseIfViolated({ organisationId: contract.organisationId, entityType: 'contract-milestone', entityId: milestoneId }, [
        ...signerAccepts,
        ...(cards?.violations ?? []),
      ]);
      const accepted = await repo.markAccepted(tx, milestoneId, input.version, {
        acceptedAt: deps.clock(),
        acceptedBy: ctx.principal.userId,
        acceptanceNote: input.note,
      });
      if (!accepted) throw versionConflict(MILESTONE);
      await recordAudit(tx, ctx, {
        entityType: 'contract-milestone',
        entityId: milestoneId,
        action: 'accept',
        organisationId: contract.organisationId,
        before: { acceptedAt: null },
        after: { acceptedAt: accepted.acceptedAt, acceptedBy: accepted.acceptedBy, acceptanceNote: accepted.acceptanceNote },
      });
      const assets = cards ? await insertCards(tx, ctx, source, cards) : [];
      return { milestone: accepted, assets };
    }),
  );
}
