import { closureRequesterApprover, signerAccepter } from '../control/segregation.ts';
import { type Actor, holdsAny, type Permissions, type Posts, ROLES } from './roles.ts';

export type ContractStatus = 'active' | 'closed';
/** sign: 合同签订; accept: 里程碑验收; requestClosure / decideClosure: 结清、终止的申请与审批. */
export type ContractAction = 'sign' | 'accept' | 'requestClosure' | 'decideClosure';

export const contractPolicy = {
  posts: {
    sign: ['requester', 'approver'],
    // 验收 by anyone with a post in the unit (the signer excepted): the delivery is checked by its users.
    accept: ROLES,
    // Those who may sign may ask to close; the posts that approve payments decide.
    requestClosure: ['requester', 'approver'],
    decideClosure: ['approver', 'department-head'],
  } satisfies Posts<ContractAction>,
} as const;

export interface ContractPeople {
  readonly status: ContractStatus;
  readonly signedBy: string;
  /** The closure waiting for a decision, if there is one. */
  readonly pendingClosure?: { readonly requestedBy: string } | null | undefined;
}

/** What the actor may do with this contract now: the signer never accepts, the closure's requester never decides it. */
export function contractPermissions(actor: Actor, contract: ContractPeople): Permissions<Exclude<ContractAction, 'sign'>> {
  const open = contract.status === 'active';
  const pending = contract.pendingClosure;
  return {
    accept: open && holdsAny(actor.posts, contractPolicy.posts.accept) && !signerAccepter(contract.signedBy, actor.userId),
    requestClosure: open && !pending && holdsAny(actor.posts, contractPolicy.posts.requestClosure),
    decideClosure:
      open &&
      Boolean(pending) &&
      holdsAny(actor.posts, contractPolicy.posts.decideClosure) &&
      !closureRequesterApprover(pending?.requestedBy, actor.userId, ''),
  };
}
