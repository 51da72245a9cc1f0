import { z } from 'zod';
import { Uuid } from './common.ts';

export const ROLES = [
  'preparer',
  'department-reviewer',
  'department-head',
  'finance-reviewer',
  'admin',
  'auditor',
  // Internal-control posts of a unit (docs/rules.md §5.5–5.6): each step of a payment by its own post.
  'requester',
  'accountant',
  'approver',
  'cashier',
  'asset-manager',
] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABEL: Readonly<Record<Role, string>> = {
  preparer: '单位填报人',
  'department-reviewer': '部门审核人',
  'department-head': '部门负责人',
  'finance-reviewer': '财政审核人',
  admin: '系统管理员',
  auditor: '审计查询员',
  requester: '经办人',
  accountant: '财务审核',
  approver: '审批人',
  cashier: '出纳',
  'asset-manager': '资产管理员',
};

export const RoleGrant = z.object({
  role: z.enum(ROLES),
  organisationId: Uuid,
  organisationName: z.string().optional(),
});
export type RoleGrant = z.infer<typeof RoleGrant>;

export const LoginRequest = z.object({
  username: z.string().trim().min(1).max(100),
  password: z.string().min(1).max(200),
});

export const CurrentUser = z.object({
  id: Uuid,
  username: z.string(),
  displayName: z.string(),
  organisationId: Uuid,
  organisationName: z.string(),
  phone: z.string().nullable(),
  locale: z.string(),
  roles: z.array(RoleGrant),
  mustChangePassword: z.boolean(),
});
export type CurrentUser = z.infer<typeof CurrentUser>;

export const SessionResponse = z.object({
  user: CurrentUser,
  csrfToken: z.string(),
  idleTimeoutMinutes: z.number(),
});
export type SessionResponse = z.infer<typeof SessionResponse>;

export const ChangePasswordRequest = z.object({
  currentPassword: z.string().min(1).max(200),
  newPassword: z.string().min(1).max(200),
});
