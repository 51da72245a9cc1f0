import { procurementDrafterApprover } from '../control/segregation.ts';
import { type Actor, holdsAny, type Permissions, type Posts } from './roles.ts';

/** 采购需求 → 内部审批 → 确定供应商, or 取消 before a supplier is chosen. */
export type ProcurementStatus = 'draft' | 'approved' | 'awarded' | 'cancelled';
export type ProcurementAction = 'create' | 'approve' | 'award' | 'cancel';

export const procurementPolicy = {
  posts: {
    create: ['requester'],
    approve: ['approver', 'department-head'],
    award: ['requester'],
    cancel: ['requester', 'approver', 'department-head'],
  } satisfies Posts<ProcurementAction>,
  from: {
    approve: ['draft'],
    award: ['approved'],
    cancel: ['draft', 'approved'],
  } satisfies Record<Exclude<ProcurementAction, 'create'>, readonly ProcurementStatus[]>,
} as const;

export interface ProcurementPeople {
  readonly status: ProcurementStatus;
  readonly draftedBy: string;
}

/** What the actor may do with this procurement now; the drafter never approves it. */
export function procurementPermissions(actor: Actor, procurement: ProcurementPeople): Permissions<'approve' | 'award' | 'cancel'> {
  const at = (action: 'approve' | 'award' | 'cancel') =>
    holdsAny(actor.posts, procurementPolicy.posts[action]) &&
    (procurementPolicy.from[action] as readonly ProcurementStatus[]).includes(procurement.status);
  return {
    approve: at('approve') && !procurementDrafterApprover(procurement.draftedBy, actor.userId),
    award: at('award'),
    cancel: at('cancel'),
  };
}
