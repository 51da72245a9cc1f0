import type { Role } from '@jixiao/contract';

/** The pages of the side menu; which ones a user sees follows from their roles (the server still decides). */
export type NavKey = 'dashboard' | 'evaluations' | 'reviews' | 'admin' | 'audit' | 'public-reports';

const REVIEWERS: readonly Role[] = ['department-reviewer', 'department-head', 'finance-reviewer'];
/** Who may read the audit log: the same roles the server's audit route accepts. */
const AUDIT_READERS: readonly Role[] = ['admin', 'auditor', 'finance-reviewer', 'department-head'];

const isReviewer = (roles: readonly Role[]) => roles.some((role) => REVIEWERS.includes(role));

export function navKeys(roles: readonly Role[]): NavKey[] {
  const keys: NavKey[] = ['dashboard'];
  if (roles.includes('preparer') || isReviewer(roles) || roles.includes('auditor')) keys.push('evaluations');
  if (isReviewer(roles)) keys.push('reviews');
  if (roles.includes('admin')) keys.push('admin');
  if (roles.some((role) => AUDIT_READERS.includes(role))) keys.push('audit');
  keys.push('public-reports');
  return keys;
}

/** The evaluation statuses waiting for a reviewer with these roles (部门审核: submitted; 财政复核: department_approved). */
export function reviewStatuses(roles: readonly Role[]): ('submitted' | 'department_approved')[] {
  const statuses: ('submitted' | 'department_approved')[] = [];
  if (roles.includes('department-reviewer') || roles.includes('department-head')) statuses.push('submitted');
  if (roles.includes('finance-reviewer')) statuses.push('department_approved');
  return statuses;
}

export const uniqueRoles = (grants: readonly { role: Role }[]): Role[] => [...new Set(grants.map((grant) => grant.role))];
