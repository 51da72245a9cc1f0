import type { Posts, Role } from './roles.ts';

/** Users, organisations and settings are the administrator's. */
export const administrationPolicy = {
  posts: { manage: ['admin'] } satisfies Posts<'manage'>,
  /** Roles that only make sense on one kind of organisation: 财政审核人 on a 财政局, 部门 roles on a department. */
  organisationKind: {
    'finance-reviewer': 'finance-bureau',
    'department-reviewer': 'department',
    'department-head': 'department',
  } satisfies Partial<Record<Role, 'finance-bureau' | 'department'>>,
} as const;

/** The organisation kind a role must be granted on, if the role is tied to one. */
export function requiredOrganisationKind(role: Role): 'finance-bureau' | 'department' | undefined {
  return (administrationPolicy.organisationKind as Partial<Record<Role, 'finance-bureau' | 'department'>>)[role];
}
