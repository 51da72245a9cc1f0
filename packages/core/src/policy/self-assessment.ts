import type { Posts } from './roles.ts';

/** 内部控制基础性评价: filled in by the unit's head, its 财务审核 or the administrator. */
export const selfAssessmentPolicy = {
  posts: { edit: ['department-head', 'accountant', 'admin'] } satisfies Posts<'edit'>,
} as const;
