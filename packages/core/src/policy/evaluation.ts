import { type EvaluationStatus, isEditable, TRANSITIONS, type WorkflowAction } from '../workflow/workflow.ts';
import { holdsAny, type Posts, type Role } from './roles.ts';

/**
 * 绩效自评: the unit's 填报人 creates and fills it in; the review steps and who takes them are the
 * workflow's transitions (workflow/workflow.ts), which this policy reads rather than repeats.
 */
export const evaluationPolicy = {
  /** createProject: 项目 are set up by the unit's 填报人 (or an administrator, anywhere). */
  posts: { create: ['preparer'], edit: ['preparer'], createProject: ['preparer'] } satisfies Posts<'create' | 'edit' | 'createProject'>,
} as const;

export const mayEdit = (posts: readonly Role[], status: EvaluationStatus): boolean =>
  holdsAny(posts, evaluationPolicy.posts.edit) && isEditable(status);

/** The workflow actions these roles may take on an evaluation in this status (before segregation of duties). */
export function evaluationActions(posts: readonly Role[], status: EvaluationStatus): WorkflowAction[] {
  return [
    ...new Set(
      TRANSITIONS.filter((transition) => transition.from === status && holdsAny(posts, transition.roles)).map(
        (transition) => transition.action,
      ),
    ),
  ];
}

/** The roles that review evaluations (any review stage). */
export const REVIEW_ROLES: readonly Role[] = [
  ...new Set(
    TRANSITIONS.filter((transition) => transition.stage === 'department' || transition.stage === 'finance').flatMap((t) => t.roles),
  ),
];

/** The evaluation statuses waiting for a reviewer with these roles (部门审核: submitted; 财政复核: department_approved). */
export function reviewStatuses(roles: readonly Role[]): ('submitted' | 'department_approved')[] {
  const statuses = TRANSITIONS.filter(
    (transition) => transition.action === 'approve' && (transition.stage === 'department' || transition.stage === 'finance'),
  )
    .filter((transition) => holdsAny(roles, transition.roles))
    .map((transition) => transition.from as 'submitted' | 'department_approved');
  return [...new Set(statuses)];
}
