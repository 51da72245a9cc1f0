import {
  ADJUSTMENT_ACTION_LABEL,
  ADJUSTMENT_STATUS_LABEL,
  ADJUSTMENT_TRANSITIONS,
  type AdjustmentAction,
  type AdjustmentStage,
  type AdjustmentStatus,
  type AdjustmentTransition,
  adjustmentTransitionOf,
  isAdjustmentEditable,
} from '../adjustment/model.ts';
import { type Actor, holdsAny, type Posts, type Role } from './roles.ts';

/**
 * 绩效目标调整: the unit's 填报人 requests and submits, the department reviews (部门审核人 or 部门负责人),
 * the finance bureau's reviewer approves, returns or rejects — the declaration's own posts. Segregation of
 * duties (不相容岗位相互分离, 财会〔2012〕21号): whoever drafted, edited or submitted a request may not
 * approve it at either stage, and the department's approver may not give the finance bureau's approval.
 */
export const adjustmentPolicy = {
  posts: {
    create: ['preparer'],
    unit: ['preparer'],
    department: ['department-reviewer', 'department-head'],
    finance: ['finance-reviewer'],
  } satisfies Posts<'create' | AdjustmentStage>,
} as const;

const STAGE_LABEL: Readonly<Record<AdjustmentStage, string>> = {
  unit: '单位填报人',
  department: '部门审核人或部门负责人',
  finance: '财政审核人',
};

export interface AdjustmentFacts {
  readonly status: AdjustmentStatus;
  /** Everyone who drafted, edited or submitted the request. */
  readonly preparers: ReadonlySet<string>;
  /** Who approved at the department stage since the last submission. */
  readonly departmentApprover?: string | undefined;
}

export type AdjustmentRefusal = {
  readonly kind: 'invalid-transition' | 'role' | 'segregation' | 'opinion';
  readonly message: string;
};

/** Whether `actor` may take `action` now; a return or a rejection must carry the reviewer's opinion. */
export function decideAdjustmentStep(
  action: AdjustmentAction,
  facts: AdjustmentFacts,
  actor: Actor,
  opinion: string | undefined,
): { ok: true; transition: AdjustmentTransition } | { ok: false; refusal: AdjustmentRefusal } {
  const transition = adjustmentTransitionOf(facts.status, action);
  if (!transition) {
    const message = `调整申请当前为“${ADJUSTMENT_STATUS_LABEL[facts.status]}”，不能执行“${ADJUSTMENT_ACTION_LABEL[action]}”`;
    return { ok: false, refusal: { kind: 'invalid-transition', message } };
  }
  if (!holdsAny(actor.posts, adjustmentPolicy.posts[transition.stage])) {
    const message = `“${ADJUSTMENT_ACTION_LABEL[action]}”须由${STAGE_LABEL[transition.stage]}执行`;
    return { ok: false, refusal: { kind: 'role', message } };
  }
  if (action === 'approve' && facts.preparers.has(actor.userId)) {
    return { ok: false, refusal: { kind: 'segregation', message: '不相容岗位相互分离：调整申请由你填报或提交，不能由你审核通过' } };
  }
  if (action === 'approve' && transition.stage === 'finance' && facts.departmentApprover === actor.userId) {
    return { ok: false, refusal: { kind: 'segregation', message: '不相容岗位相互分离：部门审核与财政审批不能由同一人完成' } };
  }
  if ((action === 'return' || action === 'reject') && !opinion?.trim()) {
    const message = action === 'return' ? '退回时必须填写审核意见，说明需要修改的内容' : '不予批准时必须填写审核意见，说明理由';
    return { ok: false, refusal: { kind: 'opinion', message } };
  }
  return { ok: true, transition };
}

/** Whether the actor may edit a request in this status (the unit's 填报人 while the unit holds it). */
export const mayEditAdjustment = (posts: readonly Role[], status: AdjustmentStatus): boolean =>
  holdsAny(posts, adjustmentPolicy.posts.unit) && isAdjustmentEditable(status);

/** The statuses waiting for someone holding these posts (the to-do list). */
export function adjustmentStatusesFor(posts: readonly Role[]): AdjustmentStatus[] {
  const statuses = ADJUSTMENT_TRANSITIONS.filter((entry) => holdsAny(posts, adjustmentPolicy.posts[entry.stage])).map(
    (entry) => entry.from,
  );
  return [...new Set(statuses)];
}
