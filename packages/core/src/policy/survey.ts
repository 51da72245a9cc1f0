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

/**
 * Who the workbench reminds of flagged responses waiting for review: the department's reviewer, who may
 * keep or exclude them (the unit's preparer may not, so a reminder to it could not be acted on). The
 * finance bureau may review too but is not reminded of every unit's surveys.
 */
export const SURVEY_REVIEW_TASK_POSTS: readonly Role[] = ['department-reviewer'];

export function surveyPermissions(held: readonly Role[]): Permissions<SurveyAction> {
  return permissionsOf(surveyPolicy.posts, held);
}
