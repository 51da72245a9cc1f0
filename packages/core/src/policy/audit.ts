import { holdsAny, type Posts, type Role } from './roles.ts';

/** Who reads the audit log (审计日志), and who verifies its hash chain. */
export const auditPolicy = {
  posts: {
    read: ['admin', 'auditor', 'finance-reviewer', 'department-head'],
    verify: ['admin'],
  } satisfies Posts<'read' | 'verify'>,
} as const;

export const mayReadAudit = (roles: readonly Role[]): boolean => holdsAny(roles, auditPolicy.posts.read);
