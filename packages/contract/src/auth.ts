import { policy } from '@jixiao/core';
import { z } from 'zod';
import { Uuid } from './common.ts';

/** The roles are defined once, with the policies that say what each may do (@jixiao/core policy). */
export const ROLES = policy.ROLES;
export type Role = policy.Role;

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

/** What the signed-in user's roles open, decided by the server's policies (the web app keeps no role lists). */
export const SessionAccess = z.object({
  /** The pages of the side menu, in menu order. */
  pages: z.array(z.enum(policy.PAGES)),
  /** The evaluation statuses waiting for this user's review (部门审核 / 财政复核). */
  reviewStatuses: z.array(z.enum(['submitted', 'department_approved'])),
  /** Whether the ledger shows the roll-up over units (汇总). */
  ledgerRollup: z.boolean(),
  /** Whether the audit page offers the hash-chain verification. */
  verifyAudit: z.boolean(),
  /** The organisations in which the user may create an evaluation (单位填报人). */
  createEvaluationIn: z.array(Uuid),
  /** The organisations where the user may open a 绩效目标申报表 (the declaration policy). */
  createDeclarationIn: z.array(Uuid),
  /** The organisations over which the user may issue 整改通知 (the rectification policy). */
  issueRectificationIn: z.array(Uuid),
});
export type SessionAccess = z.infer<typeof SessionAccess>;

export const SessionResponse = z.object({
  user: CurrentUser,
  csrfToken: z.string(),
  idleTimeoutMinutes: z.number(),
  access: SessionAccess,
});
export type SessionResponse = z.infer<typeof SessionResponse>;

export const ChangePasswordRequest = z.object({
  currentPassword: z.string().min(1).max(200),
  newPassword: z.string().min(1).max(200),
});
