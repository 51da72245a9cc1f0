import type { Role } from './roles.ts';

/** read: the finance bureau's overview (总览) of a year over the departments a reader's roles reach. */
export type OverviewAction = 'read';

/**
 * The overview is the supervisors' view: 财政审核人 over the bureau's departments, the auditor
 * read-only, a department's reviewer over their own department (the scope is the roles' reach).
 * It only reads; nothing on it is a workflow step.
 */
export const overviewPolicy = {
  posts: {
    read: ['finance-reviewer', 'department-reviewer', 'auditor', 'admin'],
  } satisfies Readonly<Record<OverviewAction, readonly Role[]>>,
} as const;
