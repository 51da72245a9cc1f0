import type { PublicSettingsView, UpdatePublicSettings } from '@jixiao/contract';
import { policy } from '@jixiao/core';
import { eq } from 'drizzle-orm';
import { recordAudit } from '../audit/audit.repository.ts';
import type { Deps, RequestContext } from '../context.ts';
import type { Queryable } from '../db/connect.ts';
import { organisations, users } from '../db/schema.ts';
import { AppError, notFound, validationFailed, versionConflict } from '../errors.ts';
import { actorOver } from '../policies/access.ts';
import { hasRole, isOutOfScope } from '../policies/scope.ts';
import * as repo from './public.repository.ts';

const WHAT = '公开设置';

/** The department, as one who may see it: another department's setting answers as missing. */
async function departmentFor(db: Queryable, ctx: RequestContext, organisationId: string) {
  const [organisation] = await db
    .select({ id: organisations.id, name: organisations.name, kind: organisations.kind })
    .from(organisations)
    .where(eq(organisations.id, organisationId));
  if (!organisation) throw notFound(WHAT);
  const actor = await actorOver(db, ctx.principal, organisation.id);
  if (isOutOfScope(ctx.principal, actor.posts)) throw notFound(WHAT);
  if (organisation.kind !== 'department') {
    throw validationFailed(
      [{ path: 'params.organisationId', message: `“${organisation.name}”不是部门：公开设置由主管部门为本部门及下属单位统一设置` }],
      `“${organisation.name}”不是部门，公开设置由主管部门统一设置`,
    );
  }
  return { organisation, permissions: policy.publicSettingsPermissions(actor.posts, hasRole(ctx.principal, 'admin')) };
}

async function present(
  db: Queryable,
  organisation: { id: string; name: string },
  permissions: { edit: boolean },
): Promise<PublicSettingsView> {
  const row = await repo.getSetting(db, organisation.id);
  const [by] = row?.updatedBy ? await db.select({ name: users.displayName }).from(users).where(eq(users.id, row.updatedBy)) : [undefined];
  return {
    organisationId: organisation.id,
    organisationName: organisation.name,
    showPreparerPhone: row?.showPreparerPhone ?? false,
    updatedAt: row ? row.updatedAt.toISOString() : null,
    updatedByName: by?.name ?? null,
    version: row?.version ?? 0,
    permissions,
  };
}

/** A department's 公开设置 (the default, phone hidden, while it never chose), for anyone who sees the department. */
export async function getPublicSettings(deps: Deps, ctx: RequestContext, organisationId: string): Promise<PublicSettingsView> {
  const { organisation, permissions } = await departmentFor(deps.db, ctx, organisationId);
  return present(deps.db, organisation, permissions);
}

/**
 * Changes the department's choice in one transaction with its audit record: the row is locked and the
 * version checked, so two reviewers saving at once cannot overwrite each other unseen.
 */
export async function updatePublicSettings(
  deps: Deps,
  ctx: RequestContext,
  organisationId: string,
  input: UpdatePublicSettings,
): Promise<PublicSettingsView> {
  return deps.db.transaction(async (tx) => {
    const { organisation, permissions } = await departmentFor(tx, ctx, organisationId);
    if (!permissions.edit) throw new AppError('FORBIDDEN', '公开设置须由本部门的部门审核人或部门负责人修改');
    const before = await repo.getSetting(tx, organisation.id, true);
    if ((before?.version ?? 0) !== input.version) throw versionConflict(WHAT);
    await repo.upsertSetting(tx, {
      organisationId: organisation.id,
      showPreparerPhone: input.showPreparerPhone,
      updatedBy: ctx.principal.userId,
      updatedAt: deps.clock(),
      version: input.version + 1,
    });
    await recordAudit(tx, ctx, {
      entityType: 'public-settings',
      entityId: organisation.id,
      action: 'update',
      organisationId: organisation.id,
      before: { showPreparerPhone: before?.showPreparerPhone ?? false },
      after: { showPreparerPhone: input.showPreparerPhone },
    });
    return present(tx, organisation, permissions);
  });
}
