import { holdsAny, type Posts, type Role } from './roles.ts';

/**
 * 绩效目标申报 (财预〔2020〕10号 and the 预算绩效目标管理 rules it rests on): the unit's 填报人 drafts and
 * submits, the department reviews (部门审核), the finance bureau reviews each indicator and approves
 * (财政审核 → 批复). The approved targets are frozen; later changes go through the mid-year adjustment.
 */
export type DeclarationStatus = 'draft' | 'returned' | 'submitted' | 'department_approved' | 'approved';

export const DECLARATION_STATUS_LABEL: Readonly<Record<DeclarationStatus, string>> = {
  draft: '草稿',
  returned: '已退回',
  submitted: '待部门审核',
  department_approved: '待财政审核',
  approved: '已批复',
};

export type DeclarationAction = 'submit' | 'approve' | 'return';

export const DECLARATION_ACTION_LABEL: Readonly<Record<DeclarationAction, string>> = {
  submit: '提交',
  approve: '审核通过',
  return: '退回',
};

/** 财政审核 opinion on one indicator. */
export type IndicatorVerdict = 'pass' | 'pass-after-change' | 'fail';

export const VERDICT_LABEL: Readonly<Record<IndicatorVerdict, string>> = {
  pass: '通过',
  'pass-after-change': '修改后通过',
  fail: '不通过',
};

export type DeclarationStage = 'unit' | 'department' | 'finance';

export interface DeclarationTransition {
  readonly action: DeclarationAction;
  readonly from: DeclarationStatus;
  readonly to: DeclarationStatus;
  readonly stage: DeclarationStage;
}

export const DECLARATION_TRANSITIONS: readonly DeclarationTransition[] = [
  { action: 'submit', from: 'draft', to: 'submitted', stage: 'unit' },
  { action: 'submit', from: 'returned', to: 'submitted', stage: 'unit' },
  { action: 'approve', from: 'submitted', to: 'department_approved', stage: 'department' },
  { action: 'return', from: 'submitted', to: 'returned', stage: 'department' },
  // The finance bureau's approval is the 批复: the targets are approved and frozen as version 1.
  { action: 'approve', from: 'department_approved', to: 'approved', stage: 'finance' },
  { action: 'return', from: 'department_approved', to: 'returned', stage: 'finance' },
];

/** The posts of each stage: the only list of who declares and who reviews targets. */
export const declarationPolicy = {
  posts: {
    create: ['preparer'],
    edit: ['preparer'],
    unit: ['preparer'],
    department: ['department-reviewer', 'department-head'],
    finance: ['finance-reviewer'],
  } satisfies Posts<'create' | 'edit' | DeclarationStage>,
} as const;

const STAGE_LABEL: Readonly<Record<DeclarationStage, string>> = {
  unit: '单位填报人',
  department: '部门审核人或部门负责人',
  finance: '财政审核人',
};

export const isDeclarationEditable = (status: DeclarationStatus): boolean => status === 'draft' || status === 'returned';

export const mayEditDeclaration = (posts: readonly Role[], status: DeclarationStatus): boolean =>
  holdsAny(posts, declarationPolicy.posts.edit) && isDeclarationEditable(status);

export interface DeclarationFacts {
  readonly status: DeclarationStatus;
  /** Everyone who drafted, edited or submitted the declaration. */
  readonly preparers: ReadonlySet<string>;
  /** Who approved at the department stage since the last submission. */
  readonly departmentApprover?: string | undefined;
}

export type DeclarationRefusal = {
  readonly kind: 'invalid-transition' | 'role' | 'segregation' | 'comment';
  readonly message: string;
};

/**
 * Whether `actor` may take `action` now. Segregation of duties (不相容岗位相互分离): whoever prepared
 * the declaration may not approve it at either stage, and the department's approver may not also
 * give the finance bureau's approval. A return must say what to change.
 */
export function decideDeclarationStep(
  action: DeclarationAction,
  facts: DeclarationFacts,
  actor: { readonly userId: string; readonly posts: readonly Role[] },
  comment: string | undefined,
): { ok: true; transition: DeclarationTransition } | { ok: false; refusal: DeclarationRefusal } {
  const transition = DECLARATION_TRANSITIONS.find((entry) => entry.action === action && entry.from === facts.status);
  if (!transition) {
    const message = `申报表当前为“${DECLARATION_STATUS_LABEL[facts.status]}”，不能执行“${DECLARATION_ACTION_LABEL[action]}”`;
    return { ok: false, refusal: { kind: 'invalid-transition', message } };
  }
  if (!holdsAny(actor.posts, declarationPolicy.posts[transition.stage])) {
    const message = `“${DECLARATION_ACTION_LABEL[action]}”须由${STAGE_LABEL[transition.stage]}执行`;
    return { ok: false, refusal: { kind: 'role', message } };
  }
  if (action === 'approve' && facts.preparers.has(actor.userId)) {
    const message = '不相容岗位相互分离：你参与了本申报表的填报，不能审核通过它';
    return { ok: false, refusal: { kind: 'segregation', message } };
  }
  if (action === 'approve' && transition.stage === 'finance' && facts.departmentApprover === actor.userId) {
    const message = '不相容岗位相互分离：部门审核与财政审核不能由同一人完成';
    return { ok: false, refusal: { kind: 'segregation', message } };
  }
  if (action === 'return' && !comment?.trim()) {
    return { ok: false, refusal: { kind: 'comment', message: '退回时必须填写审核意见，说明需要修改的内容' } };
  }
  return { ok: true, transition };
}

/** The statuses waiting for someone holding these posts (the to-do list and the review queue). */
export function declarationStatusesFor(posts: readonly Role[]): DeclarationStatus[] {
  const statuses = DECLARATION_TRANSITIONS.filter((entry) => holdsAny(posts, declarationPolicy.posts[entry.stage])).map(
    (entry) => entry.from,
  );
  return [...new Set(statuses)];
}
