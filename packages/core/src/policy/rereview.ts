import { holdsAny, type Permissions, type Posts, permissionsOf, type Role } from './roles.ts';

/** draw / rescore / complete / publish / read: 抽查复核 by the finance bureau. */
export type RereviewAction = 'draw' | 'rescore' | 'complete' | 'publish' | 'read';

/**
 * The sampled re-review is the finance bureau's check on what departments scored themselves: only the
 * bureau's reviewers draw, re-score, complete and publish; the auditor reads. Segregation: nobody of
 * the evaluated department (by their own organisation or a post over it) re-scores its evaluation —
 * a department does not re-review itself.
 */
export const rereviewPolicy = {
  posts: {
    draw: ['finance-reviewer'],
    rescore: ['finance-reviewer'],
    complete: ['finance-reviewer'],
    publish: ['finance-reviewer'],
    read: ['finance-reviewer', 'auditor'],
  } satisfies Posts<RereviewAction>,
} as const;

export function rereviewPermissions(held: readonly Role[]): Permissions<RereviewAction> {
  return permissionsOf(rereviewPolicy.posts, held);
}

/** Why this person may not re-score an evaluation, or null when they may. */
export function rereviewRefusal(actor: {
  /** Posts held at the finance bureau. */
  readonly bureauPosts: readonly Role[];
  /** The person belongs to the evaluated department (their organisation or a post over it). */
  readonly ofEvaluatedDepartment: boolean;
}): string | null {
  if (!holdsAny(actor.bureauPosts, rereviewPolicy.posts.rescore)) return '抽查复核只能由财政局的财政审核人进行';
  if (actor.ofEvaluatedDepartment) return '被评价部门的人员不能复核本部门的自评（不相容岗位相互分离）';
  return null;
}
