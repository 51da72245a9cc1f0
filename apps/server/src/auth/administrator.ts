import { initialPassword } from '../admin/admin.service.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import type { Deps } from '../context.ts';
import { validationFailed } from '../errors.ts';
import { findOrganisations } from '../organisations/organisation.repository.ts';
import { createOrganisation, createUser } from '../seed/builders.ts';
import { findUserByUsername } from './auth.repository.ts';
import { passwordProblems } from './password.ts';

export interface AdministratorInput {
  readonly username: string;
  readonly displayName: string;
  /** The organisation's code; may be left out when the system has exactly one top-level organisation. */
  readonly organisationCode?: string | undefined;
  /** Creates the top-level organisation (the finance bureau) when the database has none yet. */
  readonly organisationName?: string | undefined;
  /** A password the operator chose; without one a one-time password is generated and must be changed at first sign-in. */
  readonly password?: string | undefined;
}

/** Who acts when a command on the server's machine writes: the audit log records the command instead of a user. */
const COMMAND_CONTEXT = { requestId: 'cli:admin-create', ip: 'local' };

/**
 * Creates a system administrator from the server's machine: the way to the first account of a production
 * database, where no demo (and so no known password) is loaded. Audited like an administrator's own `create`.
 */
export async function createAdministrator(
  deps: Deps,
  input: AdministratorInput,
): Promise<{ id: string; organisation: string; initialPassword?: string }> {
  const chosen = input.password;
  if (chosen !== undefined) {
    const problems = passwordProblems(chosen, input);
    if (problems.length > 0)
      throw validationFailed(
        problems.map((message) => ({ path: 'password', message })),
        '密码不符合要求',
      );
  }
  const password = chosen ?? initialPassword();
  return deps.db.transaction(async (tx) => {
    if (await findUserByUsername(tx, input.username))
      throw validationFailed([{ path: '--username', message: `用户名“${input.username}”已被使用` }]);
    const existing = await findOrganisations(tx);
    let organisation = input.organisationCode ? existing.find((row) => row.code === input.organisationCode) : undefined;
    if (!organisation && existing.length === 0) {
      if (!input.organisationCode || !input.organisationName)
        throw validationFailed([
          {
            path: '--organisation',
            message: '数据库中还没有单位：请用 --organisation <编码> --organisation-name <名称> 建立顶层单位（财政局）',
          },
        ]);
      organisation = await createOrganisation(tx, { kind: 'finance-bureau', code: input.organisationCode, name: input.organisationName });
      await recordAudit(tx, COMMAND_CONTEXT, {
        entityType: 'organisation',
        entityId: organisation.id,
        action: 'create',
        organisationId: organisation.id,
        after: { kind: organisation.kind, code: organisation.code, name: organisation.name },
      });
    }
    if (!organisation && !input.organisationCode) {
      const roots = existing.filter((row) => row.parentId === null);
      if (roots.length === 1) organisation = roots[0];
      else
        throw validationFailed([
          { path: '--organisation', message: `系统中有 ${roots.length} 个顶层单位，请用 --organisation <编码> 指定管理员所属单位` },
        ]);
    }
    if (!organisation) throw validationFailed([{ path: '--organisation', message: `单位编码“${input.organisationCode}”不存在` }]);
    const user = await createUser(
      tx,
      {
        username: input.username,
        displayName: input.displayName,
        organisationId: organisation.id,
        password,
        roles: [{ role: 'admin', organisationId: organisation.id }],
        mustChangePassword: chosen === undefined,
      },
      deps.config.PASSWORD_HASH_COST,
    );
    await recordAudit(tx, COMMAND_CONTEXT, {
      entityType: 'user',
      entityId: user.id,
      action: 'create',
      organisationId: organisation.id,
      after: { username: user.username, displayName: user.displayName, roles: [{ role: 'admin', organisationId: organisation.id }] },
    });
    return { id: user.id, organisation: organisation.name, ...(chosen === undefined ? { initialPassword: password } : {}) };
  });
}
