/**
 * The yearly review workflow of a self-evaluation (草稿 → 单位提交 → 部门审核 → 财政复核 → 已公开):
 * states, the commands that move between them, and who may issue each. Pure data and functions;
 * the server enforces them, the web app uses them to show the right buttons.
 */
export type EvaluationStatus = 'draft' | 'returned' | 'submitted' | 'department_approved' | 'finance_approved' | 'published';

export const STATUS_LABEL: Readonly<Record<EvaluationStatus, string>> = {
  draft: '草稿',
  returned: '已退回',
  submitted: '待部门审核',
  department_approved: '待财政复核',
  finance_approved: '财政复核通过',
  published: '已公开',
};

export type WorkflowAction = 'submit' | 'approve' | 'return' | 'publish' | 'withdraw';

export const ACTION_LABEL: Readonly<Record<WorkflowAction, string>> = {
  submit: '提交',
  approve: '审核通过',
  return: '退回',
  publish: '公开',
  withdraw: '撤回公开',
};

export type WorkflowRole = 'preparer' | 'department-reviewer' | 'department-head' | 'finance-reviewer';

export interface Transition {
  readonly action: WorkflowAction;
  readonly from: EvaluationStatus;
  readonly to: EvaluationStatus;
  /** Any of these roles, held over the evaluation's organisation, may act. */
  readonly roles: readonly WorkflowRole[];
  /** The review stage, for the segregation rules and the audit trail. */
  readonly stage: 'unit' | 'department' | 'finance' | 'publication';
  /** A return must say what to fix; a withdrawal why the report leaves the public site. */
  readonly commentRequired: boolean;
  /** Segregation of duties: whoever prepared the evaluation may not take this step. */
  readonly notByPreparer: boolean;
}

const DEPARTMENT_REVIEWERS: readonly WorkflowRole[] = ['department-reviewer', 'department-head'];

export const TRANSITIONS: readonly Transition[] = [
  { action: 'submit', from: 'draft', to: 'submitted', roles: ['preparer'], stage: 'unit', commentRequired: false, notByPreparer: false },
  { action: 'submit', from: 'returned', to: 'submitted', roles: ['preparer'], stage: 'unit', commentRequired: false, notByPreparer: false },
  {
    action: 'approve',
    from: 'submitted',
    to: 'department_approved',
    roles: DEPARTMENT_REVIEWERS,
    stage: 'department',
    commentRequired: false,
    notByPreparer: true,
  },
  {
    action: 'return',
    from: 'submitted',
    to: 'returned',
    roles: DEPARTMENT_REVIEWERS,
    stage: 'department',
    commentRequired: true,
    notByPreparer: false,
  },
  {
    action: 'approve',
    from: 'department_approved',
    to: 'finance_approved',
    roles: ['finance-reviewer'],
    stage: 'finance',
    commentRequired: false,
    notByPreparer: true,
  },
  {
    action: 'return',
    from: 'department_approved',
    to: 'returned',
    roles: ['finance-reviewer'],
    stage: 'finance',
    commentRequired: true,
    notByPreparer: false,
  },
  {
    action: 'publish',
    from: 'finance_approved',
    to: 'published',
    roles: ['finance-reviewer', 'department-head'],
    stage: 'publication',
    commentRequired: false,
    notByPreparer: true,
  },
  // 撤回公开: whoever may publish may take a report off the public site again, with a reason; the
  // evaluation goes back to 财政复核通过, from where it can be published again (the frozen report is
  // made anew from the same reviewed content).
  {
    action: 'withdraw',
    from: 'published',
    to: 'finance_approved',
    roles: ['finance-reviewer', 'department-head'],
    stage: 'publication',
    commentRequired: true,
    notByPreparer: true,
  },
];

export function findTransition(action: WorkflowAction, from: EvaluationStatus): Transition | undefined {
  return TRANSITIONS.find((transition) => transition.action === action && transition.from === from);
}

/** Content (goals, indicators, actuals, budget, narrative) can change only while the unit holds it. */
export function isEditable(status: EvaluationStatus): boolean {
  return status === 'draft' || status === 'returned';
}

/** Reviewers may adjust scores (评价人调整) while the evaluation is at their stage. */
export function adjustingRoles(status: EvaluationStatus): readonly WorkflowRole[] {
  if (status === 'submitted') return DEPARTMENT_REVIEWERS;
  if (status === 'department_approved') return ['finance-reviewer'];
  return [];
}

export type WorkflowRefusal =
  | { readonly kind: 'invalid-transition'; readonly message: string }
  | { readonly kind: 'role'; readonly message: string }
  | { readonly kind: 'segregation'; readonly message: string }
  | { readonly kind: 'comment'; readonly message: string };

export interface WorkflowActor {
  readonly userId: string;
  /** Roles the actor holds over the evaluation's organisation. */
  readonly roles: readonly string[];
}

export interface WorkflowFacts {
  readonly status: EvaluationStatus;
  /** Everyone who edited the content or submitted it. */
  readonly preparers: ReadonlySet<string>;
  /** Who approved at the department stage, so the finance stage is someone else. */
  readonly departmentApprover?: string | undefined;
}

/** Decides whether `actor` may take `action` now; a refusal says why, in Chinese. */
export function decideTransition(
  action: WorkflowAction,
  facts: WorkflowFacts,
  actor: WorkflowActor,
  comment: string | undefined,
): { ok: true; transition: Transition } | { ok: false; refusal: WorkflowRefusal } {
  const transition = findTransition(action, facts.status);
  if (!transition) {
    return {
      ok: false,
      refusal: { kind: 'invalid-transition', message: `当前状态为“${STATUS_LABEL[facts.status]}”，不能执行“${ACTION_LABEL[action]}”` },
    };
  }
  if (!transition.roles.some((role) => actor.roles.includes(role))) {
    return {
      ok: false,
      refusal: { kind: 'role', message: `“${ACTION_LABEL[action]}”须由${transition.roles.map(roleLabel).join('或')}执行` },
    };
  }
  if (transition.notByPreparer && facts.preparers.has(actor.userId)) {
    return {
      ok: false,
      refusal: {
        kind: 'segregation',
        message: `不相容岗位相互分离：你参与了本自评的填报，不能${action === 'withdraw' ? '撤回它的公开' : '审核通过或公开它'}`,
      },
    };
  }
  if (transition.stage === 'finance' && facts.departmentApprover === actor.userId) {
    return { ok: false, refusal: { kind: 'segregation', message: '不相容岗位相互分离：部门审核与财政复核不能由同一人完成' } };
  }
  if (transition.commentRequired && !comment?.trim()) {
    const message = action === 'withdraw' ? '撤回公开必须填写撤回理由' : '退回时必须填写退回意见，说明需要修改的内容';
    return { ok: false, refusal: { kind: 'comment', message } };
  }
  return { ok: true, transition };
}

const ROLE_LABEL: Readonly<Record<WorkflowRole, string>> = {
  preparer: '单位填报人',
  'department-reviewer': '部门审核人',
  'department-head': '部门负责人',
  'finance-reviewer': '财政审核人',
};

function roleLabel(role: WorkflowRole): string {
  return ROLE_LABEL[role];
}
