import { type Permissions, type Posts, permissionsOf, type Role } from './roles.ts';

/** create / grade / conclude: 事前绩效评估 of a project. */
export type ExAnteAction = 'create' | 'grade' | 'conclude';

/**
 * The assessment is a review of the unit's proposal, so it sits with reviewers: the finance bureau's
 * (财政评审) or the department's (主管部门预审). Preparers propose the project and never assess it.
 */
export const exAntePolicy = {
  posts: {
    create: ['finance-reviewer', 'department-reviewer'],
    grade: ['finance-reviewer', 'department-reviewer'],
    conclude: ['finance-reviewer', 'department-reviewer'],
  } satisfies Posts<ExAnteAction>,
} as const;

/** Grading and concluding end with the conclusion: a concluded assessment is the record the budget relies on. */
export function exAntePermissions(held: readonly Role[], assessment: { readonly concluded: boolean }): Permissions<ExAnteAction> {
  const byPost = permissionsOf(exAntePolicy.posts, held);
  return { create: byPost.create, grade: byPost.grade && !assessment.concluded, conclude: byPost.conclude && !assessment.concluded };
}
