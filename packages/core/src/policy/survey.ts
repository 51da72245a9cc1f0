import { type Permissions, type Posts, permissionsOf, type Role } from './roles.ts';

/** design / distribute / review / read: 满意度调查 of a unit. */
export type SurveyAction = 'design' | 'distribute' | 'review';

/**
 * The unit designs and distributes its survey; excluding a response or entering a paper questionnaire
 * changes the figure the unit is judged by, so it sits with reviewers (the department's or the
 * finance bureau's), never with the preparer alone.
 */
export const surveyPolicy = {
  posts: {
    design: ['preparer', 'department-reviewer', 'finance-reviewer'],
    distribute: ['preparer', 'department-reviewer', 'finance-reviewer'],
    review: ['department-reviewer', 'finance-reviewer'],
  } satisfies Posts<SurveyAction>,
} as const;

/** Who the workbench reminds while a survey is short of its planned sample: the unit that runs it. */
export const SURVEY_FOLLOW_UP_POSTS: readonly Role[] = ['preparer'];

export function surveyPermissions(held: readonly Role[]): Permissions<SurveyAction> {
  return permissionsOf(surveyPolicy.posts, held);
}
