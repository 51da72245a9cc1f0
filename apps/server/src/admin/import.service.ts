import type { Role } from '@jixiao/contract';
import { policy } from '@jixiao/core';
import { readOrganisationImport, type SheetIssue } from '@jixiao/documents';
import { recordAudit } from '../audit/audit.repository.ts';
import { findUserByUsername } from '../auth/auth.repository.ts';
import { hashPassword } from '../auth/password.ts';
import type { Deps, RequestContext } from '../context.ts';
import { AppError } from '../errors.ts';
import { findOrganisations } from '../organisations/organisation.repository.ts';
import { createOrganisation } from '../seed/builders.ts';
import { insertUserWithRoles } from './admin.repository.ts';
import { initialPassword, requireAdmin } from './admin.service.ts';

const PARENT_KIND = { department: 'finance-bureau', unit: 'department', 'finance-bureau': null } as const;
const KIND_ORDER = { 'finance-bureau': 0, department: 1, unit: 2 } as const;

const place = (issue: SheetIssue) => `${issue.sheet}${issue.row ? `!${issue.column ?? ''}${issue.row}` : ''}`;
/** Details carry the place (sheet, row, column, and a combined path) and the reason once, without repeating the place. */
const refuse = (issues: readonly SheetIssue[]) =>
  new AppError(
    'BAD_FILE',
    `导入文件有 ${issues.length} 处问题，未导入任何内容`,
    issues.map((issue) => ({
      path: place(issue),
      sheet: issue.sheet,
      row: issue.row ?? null,
      column: issue.column ?? null,
      message: issue.message,
    })),
  );

/**
 * Bulk set-up of units and users from .xlsx. Every row is checked against the file and the database
 * first; then everything is created in one transaction, or nothing. New users get one-time initial
 * passwords, returned once, which they must change at first login.
 */
export async function importOrganisations(deps: Deps, ctx: RequestContext, bytes: Uint8Array) {
  requireAdmin(ctx);
  const parsed = await readOrganisationImport(bytes);
  if (!parsed.ok) throw refuse(parsed.issues);
  const passwords = new Map<string, string>();
  const hashes = new Map<string, string>();
  await Promise.all(
    parsed.users.map(async (user) => {
      const password = initialPassword();
      passwords.set(user.username, password);
      hashes.set(user.username, await hashPassword(password, deps.config.PASSWORD_HASH_COST));
    }),
  );
  return deps.db.transaction(async (tx) => {
    const issues: SheetIssue[] = [];
    const existing = await findOrganisations(tx);
    const kindByCode = new Map<string, string>(existing.map((organisation) => [organisation.code, organisation.kind]));
    const idByCode = new Map(existing.map((organisation) => [organisation.code, organisation.id]));
    for (const unit of parsed.units) {
      if (kindByCode.has(unit.code)) issues.push({ sheet: '单位', row: unit.row, column: 'A', message: `编码“${unit.code}”已存在` });
      else kindByCode.set(unit.code, unit.kind);
    }
    for (const unit of parsed.units) {
      const expected = PARENT_KIND[unit.kind];
      if (expected === null) continue;
      const parentKind = kindByCode.get(unit.parentCode);
      if (!parentKind) issues.push({ sheet: '单位', row: unit.row, column: 'D', message: `上级编码“${unit.parentCode}”不存在` });
      else if (parentKind !== expected)
        issues.push({
          sheet: '单位',
          row: unit.row,
          column: 'D',
          message: `“${unit.name}”的上级应为${expected === 'department' ? '部门' : '财政局'}`,
        });
    }
    const seen = new Set<string>();
    for (const user of parsed.users) {
      if (seen.has(user.username.toLowerCase()) || (await findUserByUsername(tx, user.username))) {
        issues.push({ sheet: '用户', row: user.row, column: 'A', message: `用户名“${user.username}”已被使用` });
      }
      seen.add(user.username.toLowerCase());
      if (!kindByCode.has(user.organisationCode))
        issues.push({ sheet: '用户', row: user.row, column: 'C', message: `单位编码“${user.organisationCode}”不存在` });
      const roleKind = kindByCode.get(user.roleOrganisationCode);
      if (!roleKind)
        issues.push({ sheet: '用户', row: user.row, column: 'F', message: `角色所在单位编码“${user.roleOrganisationCode}”不存在` });
      for (const role of user.roles) {
        const needed = policy.requiredOrganisationKind(role as Role);
        if (needed && roleKind && roleKind !== needed)
          issues.push({
            sheet: '用户',
            row: user.row,
            column: 'E',
            message: `角色须在${needed === 'department' ? '部门' : '财政局'}一级设置`,
          });
      }
    }
    if (issues.length) throw refuse(issues);

    const units = [...parsed.units].sort((a, b) => KIND_ORDER[a.kind] - KIND_ORDER[b.kind]);
    for (const unit of units) {
      const created = await createOrganisation(tx, {
        kind: unit.kind,
        code: unit.code,
        name: unit.name,
        parentId: unit.parentCode ? (idByCode.get(unit.parentCode) ?? null) : null,
      });
      idByCode.set(unit.code, created.id);
    }
    for (const user of parsed.users) {
      const organisationId = idByCode.get(user.organisationCode);
      const roleOrganisationId = idByCode.get(user.roleOrganisationCode);
      const hash = hashes.get(user.username);
      if (!organisationId || !roleOrganisationId || !hash) throw new Error('import lost a resolved reference');
      await insertUserWithRoles(
        tx,
        {
          username: user.username,
          displayName: user.displayName,
          organisationId,
          phone: user.phone ?? null,
          passwordHash: hash,
          mustChangePassword: true,
        },
        user.roles.map((role) => ({ role: role as Role, organisationId: roleOrganisationId })),
      );
    }
    await recordAudit(tx, ctx, {
      entityType: 'import',
      entityId: 'organisations-users',
      action: 'import',
      after: { units: parsed.units.map((unit) => unit.code), users: parsed.users.map((user) => user.username) },
    });
    return {
      organisationsCreated: parsed.units.length,
      usersCreated: parsed.users.map((user) => ({ username: user.username, initialPassword: passwords.get(user.username) ?? '' })),
    };
  });
}
