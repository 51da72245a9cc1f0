import type { Role } from '@jixiao/contract';

/** The internal-control (内部控制) pages, grouped in the side menu. */
export const CONTROL_NAV_KEYS = [
  'control-ledger',
  'control-payments',
  'control-procurements',
  'control-contracts',
  'control-assets',
  'control-subsidies',
  'control-import',
  'control-self-assessment',
] as const;
export type ControlNavKey = (typeof CONTROL_NAV_KEYS)[number];

/** The pages of the side menu; which ones a user sees follows from their roles (the server still decides). */
export type NavKey = 'dashboard' | 'evaluations' | 'reviews' | ControlNavKey | 'admin' | 'audit' | 'public-reports';

const REVIEWERS: readonly Role[] = ['department-reviewer', 'department-head', 'finance-reviewer'];
/** Who may read the audit log: the same roles the server's audit route accepts. */
const AUDIT_READERS: readonly Role[] = ['admin', 'auditor', 'finance-reviewer', 'department-head'];

const isReviewer = (roles: readonly Role[]) => roles.some((role) => REVIEWERS.includes(role));

/** Who oversees internal control without holding a post in it: they read every page of the group. */
const OVERSIGHT: readonly Role[] = ['department-head', 'finance-reviewer', 'auditor', 'admin'];

/**
 * Which posts use which internal-control page (docs/rules.md §5.5–5.6; the server's requirePost calls):
 * a page is shown to the posts that act on it and to oversight. Reading needs any role over the
 * unit, so a page hidden here is not forbidden, only not this post's business.
 */
const CONTROL_PAGE_ROLES: Readonly<Record<ControlNavKey, readonly Role[]>> = {
  'control-ledger': ['requester', 'accountant', 'approver', 'cashier', 'asset-manager', ...OVERSIGHT],
  'control-payments': ['requester', 'accountant', 'approver', 'cashier', ...OVERSIGHT],
  'control-procurements': ['requester', 'accountant', 'approver', ...OVERSIGHT],
  'control-contracts': ['requester', 'accountant', 'approver', 'asset-manager', ...OVERSIGHT],
  'control-assets': ['asset-manager', 'accountant', 'approver', ...OVERSIGHT],
  'control-subsidies': ['requester', 'accountant', 'approver', 'cashier', ...OVERSIGHT],
  // 导入 writes budget lines and paid payments: 财务审核 or the administrator only (server: import.service.ts).
  'control-import': ['accountant', 'admin'],
  'control-self-assessment': ['accountant', ...OVERSIGHT],
};

export function controlNavKeys(roles: readonly Role[]): ControlNavKey[] {
  return CONTROL_NAV_KEYS.filter((key) => CONTROL_PAGE_ROLES[key].some((role) => roles.includes(role)));
}

export function navKeys(roles: readonly Role[]): NavKey[] {
  const keys: NavKey[] = ['dashboard'];
  if (roles.includes('preparer') || isReviewer(roles) || roles.includes('auditor')) keys.push('evaluations');
  if (isReviewer(roles)) keys.push('reviews');
  keys.push(...controlNavKeys(roles));
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
