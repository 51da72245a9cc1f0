import { randomInt } from 'node:crypto';
import type {
  CreateOrganisation,
  CreateProject,
  CreateUser,
  Role,
  UpdateFiscalYear,
  UpdateOrganisation,
  UpdateUser,
} from '@jixiao/contract';
import { formatYuan, parseYuan, policy } from '@jixiao/core';
import type { z } from 'zod';
import { recordAudit } from '../audit/audit.repository.ts';
import { deleteUserSessions, findUserByUsername } from '../auth/auth.repository.ts';
import { hashPassword } from '../auth/password.ts';
import type { Deps, RequestContext } from '../context.ts';
import type { Queryable } from '../db/connect.ts';
import { AppError, alreadyExists, notFound, rethrowUnique, validationFailed, versionConflict } from '../errors.ts';
import { findOrganisations, getOrganisation } from '../organisations/organisation.repository.ts';
import { hasRole, isOutOfScope, rolesOver, visibleOrganisations } from '../policies/scope.ts';
import { createOrganisation, createProject, createUser, ensureFiscalYear } from '../seed/builders.ts';
import * as repo from './admin.repository.ts';

/** Administration is the system administrator's; nobody else changes organisations, users or years. */
export function requireAdmin(ctx: RequestContext): void {
  if (!hasRole(ctx.principal, 'admin')) throw new AppError('FORBIDDEN', '只有系统管理员可以进行此操作');
}

/**
 * A one-time initial password that satisfies the password rules (upper, lower, digit, symbol; 14
 * characters); the user must change it at first login. Look-alike characters are left out.
 */
export function initialPassword(): string {
  const pick = (alphabet: string) => alphabet.charAt(randomInt(alphabet.length));
  const random = Array.from({ length: 10 }, () => pick('abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789')).join('');
  return `Jx-${random}${pick('ABCDEFGHJKLMNPQRSTUVWXYZ')}${pick('abcdefghjkmnpqrstuvwxyz')}${pick('23456789')}`;
}

const PARENT_KIND = { 'finance-bureau': null, department: 'finance-bureau', unit: 'department' } as const;

export async function listOrganisations(deps: Deps, ctx: RequestContext) {
  const visible = await visibleOrganisations(deps.db, ctx.principal);
  return findOrganisations(deps.db, visible === 'all' ? undefined : visible);
}

export async function addOrganisation(deps: Deps, ctx: RequestContext, body: z.infer<typeof CreateOrganisation>) {
  requireAdmin(ctx);
  return deps.db.transaction(async (tx) => {
    await checkParent(tx, body.kind, body.parentId);
    const created = await createOrganisation(tx, body).catch((error: unknown) =>
      rethrowUnique(error, 'body.code', `编码“${body.code}”已被使用`),
    );
    await recordAudit(tx, ctx, {
      entityType: 'organisation',
      entityId: created.id,
      action: 'create',
      organisationId: created.id,
      after: created,
    });
    return created;
  });
}

async function checkParent(db: Queryable, kind: keyof typeof PARENT_KIND, parentId: string | null): Promise<void> {
  const expected = PARENT_KIND[kind];
  if (expected === null) {
    if (parentId) throw validationFailed([{ path: 'body.parentId', message: '财政局没有上级单位' }]);
    return;
  }
  if (!parentId)
    throw validationFailed([{ path: 'body.parentId', message: kind === 'department' ? '部门须隶属于财政局' : '下级预算单位须隶属于部门' }]);
  const parent = await getOrganisation(db, parentId);
  if (!parent) throw validationFailed([{ path: 'body.parentId', message: '上级单位不存在' }]);
  if (parent.kind !== expected)
    throw validationFailed([
      { path: 'body.parentId', message: kind === 'department' ? '部门的上级须为财政局' : '下级预算单位的上级须为部门' },
    ]);
}

export async function renameOrganisation(deps: Deps, ctx: RequestContext, id: string, body: z.infer<typeof UpdateOrganisation>) {
  requireAdmin(ctx);
  return deps.db.transaction(async (tx) => {
    const before = await getOrganisation(tx, id);
    if (!before) throw notFound('单位');
    const { version, ...values } = body;
    const updated = await repo
      .updateOrganisation(tx, id, version, values)
      .catch((error: unknown) => rethrowUnique(error, 'body.code', '编码已被使用'));
    if (!updated) throw versionConflict('单位');
    await recordAudit(tx, ctx, { entityType: 'organisation', entityId: id, action: 'update', organisationId: id, before, after: updated });
    return updated;
  });
}

export async function listUsers(deps: Deps, ctx: RequestContext) {
  const visible = hasRole(ctx.principal, 'admin') ? 'all' : await visibleOrganisations(deps.db, ctx.principal);
  const rows = await repo.findUsers(deps.db, visible);
  const now = deps.clock();
  return rows.map(({ user, organisationName, roles }) => ({
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    organisationId: user.organisationId,
    organisationName,
    phone: user.phone,
    roles: roles.map(({ role, organisationId, organisationName: name }) => ({
      role: role as never,
      organisationId,
      organisationName: name,
    })),
    disabled: user.disabled,
    locked: user.lockedUntil !== null && user.lockedUntil > now,
    mustChangePassword: user.mustChangePassword,
    version: user.version,
  }));
}

const KIND_REFUSAL = { 'finance-bureau': '财政审核人须隶属于财政局', department: '部门审核人、部门负责人须隶属于部门' } as const;

async function checkGrants(db: Queryable, grants: readonly { role: Role; organisationId: string }[]): Promise<void> {
  const problems = [];
  for (const [index, grant] of grants.entries()) {
    const organisation = await getOrganisation(db, grant.organisationId);
    if (!organisation) {
      problems.push({ path: `body.roles[${index}].organisationId`, message: '单位不存在' });
      continue;
    }
    const kind = policy.requiredOrganisationKind(grant.role);
    if (kind && organisation.kind !== kind) problems.push({ path: `body.roles[${index}]`, message: KIND_REFUSAL[kind] });
  }
  if (problems.length) throw validationFailed(problems);
}

export async function addUser(deps: Deps, ctx: RequestContext, body: z.infer<typeof CreateUser>) {
  requireAdmin(ctx);
  return deps.db.transaction(async (tx) => {
    if (!(await getOrganisation(tx, body.organisationId))) throw validationFailed([{ path: 'body.organisationId', message: '单位不存在' }]);
    if (await findUserByUsername(tx, body.username)) throw alreadyExists('body.username', `用户名“${body.username}”已被使用`);
    await checkGrants(tx, body.roles);
    const password = initialPassword();
    const user = await createUser(tx, { ...body, password, mustChangePassword: true }, deps.config.PASSWORD_HASH_COST);
    await recordAudit(tx, ctx, {
      entityType: 'user',
      entityId: user.id,
      action: 'create',
      organisationId: user.organisationId,
      after: { username: user.username, displayName: user.displayName, roles: body.roles },
    });
    return { id: user.id, initialPassword: password };
  });
}

export async function changeUser(deps: Deps, ctx: RequestContext, id: string, body: z.infer<typeof UpdateUser>) {
  requireAdmin(ctx);
  return deps.db.transaction(async (tx) => {
    const { version, roles, unlock, ...values } = body;
    if (roles) await checkGrants(tx, roles);
    if (id === ctx.principal.userId && (values.disabled || (roles && !roles.some((grant) => grant.role === 'admin')))) {
      throw validationFailed([{ path: 'body', message: '不能停用自己或取消自己的管理员角色' }]);
    }
    const updated = await repo.updateUser(tx, id, version, { ...values, ...(unlock ? { lockedUntil: null, failedLogins: 0 } : {}) });
    if (!updated) throw versionConflict('用户');
    if (roles) await repo.replaceRoles(tx, id, roles);
    await recordAudit(tx, ctx, {
      entityType: 'user',
      entityId: id,
      action: 'update',
      organisationId: updated.organisationId,
      after: { ...values, unlock, roles },
    });
    return updated;
  });
}

export async function resetPassword(deps: Deps, ctx: RequestContext, id: string) {
  requireAdmin(ctx);
  const password = initialPassword();
  const hash = await hashPassword(password, deps.config.PASSWORD_HASH_COST);
  return deps.db.transaction(async (tx) => {
    const updated = await repo.setPassword(tx, id, hash);
    if (!updated) throw notFound('用户');
    await deleteUserSessions(tx, id);
    await recordAudit(tx, ctx, { entityType: 'user', entityId: id, action: 'password-reset', organisationId: updated.organisationId });
    return { id, initialPassword: password };
  });
}

export async function listFiscalYears(deps: Deps) {
  return repo.findFiscalYears(deps.db);
}

export async function addFiscalYear(
  deps: Deps,
  ctx: RequestContext,
  body: {
    year: number;
    submitDeadline?: string | null | undefined;
    reviewDeadline?: string | null | undefined;
    financeDeadline?: string | null | undefined;
  },
) {
  requireAdmin(ctx);
  return deps.db.transaction(async (tx) => {
    const existing = (await repo.findFiscalYears(tx)).find((row) => row.year === body.year);
    if (existing) throw alreadyExists('body.year', `${body.year} 年度已存在`);
    const created = await ensureFiscalYear(tx, body.year, {
      submit: body.submitDeadline ?? undefined,
      review: body.reviewDeadline ?? undefined,
      finance: body.financeDeadline ?? undefined,
    });
    await recordAudit(tx, ctx, { entityType: 'fiscal-year', entityId: String(body.year), action: 'create', after: created });
    return created;
  });
}

export async function changeFiscalYear(deps: Deps, ctx: RequestContext, year: number, body: z.infer<typeof UpdateFiscalYear>) {
  requireAdmin(ctx);
  return deps.db.transaction(async (tx) => {
    const { version, ...values } = body;
    const updated = await repo.updateFiscalYear(tx, year, version, values);
    if (!updated) throw versionConflict('年度');
    await recordAudit(tx, ctx, { entityType: 'fiscal-year', entityId: String(year), action: 'update', after: updated });
    return updated;
  });
}

export async function listProjects(deps: Deps, ctx: RequestContext, fiscalYear?: number) {
  const visible = await visibleOrganisations(deps.db, ctx.principal);
  const rows = await repo.findProjects(deps.db, visible, fiscalYear);
  return rows.map(({ project, organisationName, evaluationId }) => ({
    id: project.id,
    organisationId: project.organisationId,
    organisationName,
    fiscalYear: project.fiscalYear,
    code: project.code,
    name: project.name,
    category: project.category,
    budget: formatYuan(project.budgetFen),
    evaluationId,
    version: project.version,
  }));
}

/** Projects are set up by the unit's preparers (with the budget) or by an administrator. */
export async function addProject(deps: Deps, ctx: RequestContext, body: z.infer<typeof CreateProject>) {
  return deps.db.transaction(async (tx) => {
    const roles = await rolesOver(tx, ctx.principal, body.organisationId);
    if (isOutOfScope(ctx.principal, roles)) throw notFound('单位');
    if (!policy.holdsAny(roles, policy.evaluationPolicy.posts.createProject) && !hasRole(ctx.principal, 'admin'))
      throw new AppError('FORBIDDEN', '只有本单位填报人或系统管理员可以新建项目');
    if (!(await getOrganisation(tx, body.organisationId)))
      throw validationFailed([{ path: 'body.organisationId', message: `单位 ${body.organisationId} 不存在` }]);
    const budget = parseYuan(body.budget);
    if (!budget.ok) throw validationFailed([{ path: 'body.budget', message: '金额格式不正确' }]);
    const years = await repo.findFiscalYears(tx);
    if (!years.some((row) => row.year === body.fiscalYear))
      throw validationFailed([{ path: 'body.fiscalYear', message: `${body.fiscalYear} 年度尚未设立` }]);
    const created = await createProject(tx, { ...body, budgetFen: budget.value }).catch((error: unknown) =>
      rethrowUnique(error, 'body.code', `项目编码“${body.code}”在本年度已存在`),
    );
    await recordAudit(tx, ctx, {
      entityType: 'project',
      entityId: created.id,
      action: 'create',
      organisationId: created.organisationId,
      after: created,
    });
    return created;
  });
}
