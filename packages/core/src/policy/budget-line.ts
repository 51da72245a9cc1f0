import { type Actor, holdsAny, type Permissions, type Posts } from './roles.ts';

/** create: 预算指标; plan: 用款计划; requestAdjustment / decideAdjustment: 预算调整的申请与审批. */
export type BudgetLineAction = 'create' | 'plan' | 'requestAdjustment' | 'decideAdjustment';

export const budgetLinePolicy = {
  posts: {
    create: ['accountant', 'admin'],
    plan: ['accountant', 'requester'],
    requestAdjustment: ['accountant', 'requester', 'department-head'],
    decideAdjustment: ['approver', 'department-head', 'finance-reviewer'],
  } satisfies Posts<BudgetLineAction>,
} as const;

export function budgetLinePermissions(actor: Actor): Permissions<Exclude<BudgetLineAction, 'create'>> {
  return {
    plan: holdsAny(actor.posts, budgetLinePolicy.posts.plan),
    requestAdjustment: holdsAny(actor.posts, budgetLinePolicy.posts.requestAdjustment),
    decideAdjustment: holdsAny(actor.posts, budgetLinePolicy.posts.decideAdjustment),
  };
}

/** An adjustment is decided once, by someone other than its requester (IC_ADJUSTMENT_APPROVAL). */
export function adjustmentPermissions(
  actor: Actor,
  adjustment: { readonly status: 'requested' | 'approved' | 'rejected'; readonly requestedBy: string },
): Permissions<'decide'> {
  return {
    decide:
      adjustment.status === 'requested' &&
      holdsAny(actor.posts, budgetLinePolicy.posts.decideAdjustment) &&
      adjustment.requestedBy !== actor.userId,
  };
}
