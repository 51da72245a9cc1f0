import {
  isMonitoringFormEditable,
  MONITORING_FORM_ACTION_LABEL,
  MONITORING_FORM_STATUS_LABEL,
  MONITORING_FORM_TRANSITIONS,
  type MonitoringFormAction,
  type MonitoringFormStage,
  type MonitoringFormStatus,
  type MonitoringFormTransition,
  monitoringTransitionOf,
} from '../monitoring/form.ts';
import { type Actor, holdsAny, type Posts, type Role } from './roles.ts';

/**
 * 绩效运行监控: the finance bureau's reviewer issues the task (财预〔2019〕136号: the bureau organises
 * the monitoring); the unit's 填报人 fills and submits; the department reviews (部门审核人 or 部门负责人);
 * the finance bureau's reviewer approves or returns, and may start a 整改 or point the unit to a target
 * adjustment. Segregation of duties (不相容岗位相互分离, 财会〔2012〕21号): whoever filled or submitted a form
 * may not approve it at either stage, and the department's approver may not give the finance approval.
 */
export const monitoringPolicy = {
  posts: {
    issue: ['finance-reviewer'],
    unit: ['preparer'],
    department: ['department-reviewer', 'department-head'],
    finance: ['finance-reviewer'],
    rectify: ['finance-reviewer'],
  } satisfies Posts<'issue' | 'rectify' | MonitoringFormStage>,
} as const;

const STAGE_LABEL: Readonly<Record<MonitoringFormStage, string>> = {
  unit: '单位填报人',
  department: '部门审核人或部门负责人',
  finance: '财政审核人',
};

export interface MonitoringFormFacts {
  readonly status: MonitoringFormStatus;
  /** Everyone who filled, saved or submitted the form. */
  readonly preparers: ReadonlySet<string>;
  /** Who approved at the department stage since the last submission. */
  readonly departmentApprover?: string | undefined;
}

export type MonitoringRefusal = {
  readonly kind: 'invalid-transition' | 'role' | 'segregation' | 'opinion';
  readonly message: string;
};

/**
 * Whether `actor` may take `action` now. A return needs the reviewer's opinion at either stage, and the
 * finance bureau's approval its opinion too (the 审核意见 the monitoring result is filed with).
 */
export function decideMonitoringStep(
  action: MonitoringFormAction,
  facts: MonitoringFormFacts,
  actor: Actor,
  opinion: string | undefined,
): { ok: true; transition: MonitoringFormTransition } | { ok: false; refusal: MonitoringRefusal } {
  const transition = monitoringTransitionOf(facts.status, action);
  if (!transition) {
    const message = `监控表当前为“${MONITORING_FORM_STATUS_LABEL[facts.status]}”，不能执行“${MONITORING_FORM_ACTION_LABEL[action]}”`;
    return { ok: false, refusal: { kind: 'invalid-transition', message } };
  }
  if (!holdsAny(actor.posts, monitoringPolicy.posts[transition.stage])) {
    return {
      ok: false,
      refusal: { kind: 'role', message: `“${MONITORING_FORM_ACTION_LABEL[action]}”须由${STAGE_LABEL[transition.stage]}执行` },
    };
  }
  if (action === 'approve' && facts.preparers.has(actor.userId)) {
    return { ok: false, refusal: { kind: 'segregation', message: '不相容岗位相互分离：监控表由你填报或提交，不能由你审核通过' } };
  }
  if (action === 'approve' && transition.stage === 'finance' && facts.departmentApprover === actor.userId) {
    return { ok: false, refusal: { kind: 'segregation', message: '不相容岗位相互分离：部门审核与财政审核不能由同一人完成' } };
  }
  if (action === 'return' && !opinion?.trim())
    return { ok: false, refusal: { kind: 'opinion', message: '退回时必须填写审核意见，说明需要修改的内容' } };
  if (action === 'approve' && transition.stage === 'finance' && !opinion?.trim())
    return { ok: false, refusal: { kind: 'opinion', message: '财政审核通过时须填写审核意见（监控结果及处理意见）' } };
  return { ok: true, transition };
}

/** The unit's 填报人 edits while the unit holds the form. */
export const mayEditMonitoringForm = (posts: readonly Role[], status: MonitoringFormStatus): boolean =>
  holdsAny(posts, monitoringPolicy.posts.unit) && isMonitoringFormEditable(status);

/** The statuses waiting for someone holding these posts (the to-do list). */
export function monitoringStatusesFor(posts: readonly Role[]): MonitoringFormStatus[] {
  const statuses = MONITORING_FORM_TRANSITIONS.filter((entry) => holdsAny(posts, monitoringPolicy.posts[entry.stage])).map(
    (entry) => entry.from,
  );
  return [...new Set(statuses)];
}
