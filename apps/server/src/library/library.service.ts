import type { LibraryHistory, SaveLibraryEntry, UpdateLibraryEntry } from '@jixiao/contract';
import { DIRECTION } from '@jixiao/contract';
import { policy } from '@jixiao/core';
import { recordAudit } from '../audit/audit.repository.ts';
import type { Deps, RequestContext } from '../context.ts';
import type { Queryable } from '../db/connect.ts';
import { AppError, alreadyExists, type FieldDetail, notFound, rethrowUnique, validationFailed, versionConflict } from '../errors.ts';
import { emptyToNull } from '../shared/fields.ts';
import * as repo from './library.repository.ts';
import { distributionsOf } from './library-statistics.ts';

const DIRECTION_WORDS = DIRECTION.join('、');
const STATUS_LABEL = { active: '在用', retired: '停用' } as const;

/** What the signed-in user may do with the library: finance-reviewer over a bureau, or admin anywhere. */
export async function libraryPermissionsOf(db: Queryable, ctx: RequestContext): Promise<policy.Permissions<policy.LibraryAction>> {
  const bureauPosts = (await repo.rolesOverBureaus(db, ctx.principal.roles)) as policy.Role[];
  const isAdmin = ctx.principal.roles.some((grant) => grant.role === 'admin');
  return policy.libraryPermissions(bureauPosts, isAdmin);
}

type Listed = Awaited<ReturnType<typeof repo.getLibraryEntry>> & {};

function present(row: Listed, usedBy: { year: number; projects: number } | undefined, edit: boolean) {
  const { entry } = row;
  return {
    ...entry,
    level1: entry.level1 as 'output' | 'effect' | 'satisfaction',
    updatedAt: entry.updatedAt.toISOString(),
    updatedBy: row.updatedByName,
    usedBy: usedBy ?? null,
    permissions: { edit },
  };
}

/** 指标库: the entries in use (or all, for maintainers), by project type, industry and text. */
export async function listLibrary(deps: Deps, ctx: RequestContext, filter: repo.LibraryFilter) {
  const [rows, permissions, browse] = await Promise.all([
    repo.findLibraryEntries(deps.db, filter),
    libraryPermissionsOf(deps.db, ctx),
    repo.findCategoriesAndIndustries(deps.db),
  ]);
  const used = await repo.latestUse(
    deps.db,
    rows.map((row) => row.entry.id),
  );
  return {
    items: rows.map((row) => present(row, used.get(row.entry.id), permissions.edit)),
    ...browse,
    permissions: { create: permissions.create },
  };
}

async function requireMaintainer(db: Queryable, ctx: RequestContext, action: policy.LibraryAction): Promise<void> {
  const permissions = await libraryPermissionsOf(db, ctx);
  if (!permissions[action]) {
    throw new AppError('FORBIDDEN', '指标库由财政局维护：只有财政局的财政审核人或系统管理员可以新增或修改指标库条目');
  }
}

/** The entry's fields checked where zod cannot name the value read: the direction, 二级 under 一级, the two unique keys. */
async function checkedValues(db: Queryable, input: SaveLibraryEntry, except?: string) {
  const problems: FieldDetail[] = [];
  if (!(DIRECTION as readonly string[]).includes(input.direction)) {
    problems.push({ path: 'body.direction', message: `指标方向“${input.direction}”无法识别，应为 ${DIRECTION_WORDS} 之一` });
  }
  if (problems.length > 0) throw validationFailed(problems);
  for (const other of await repo.findCollisions(db, input, except)) {
    if (other.code === input.code) throw alreadyExists('body.code', `指标编码“${input.code}”已被指标“${other.name}”使用，编码不能重复`);
    throw alreadyExists(
      'body.name',
      `项目类别“${input.category}”下已有名为“${input.name}”的指标（编码 ${other.code}），同一类别内名称不能重复`,
    );
  }
  return {
    code: input.code,
    category: input.category,
    industry: emptyToNull(input.industry) ?? null,
    level1: input.level1,
    level2: input.level2,
    name: input.name,
    direction: input.direction,
    unit: emptyToNull(input.unit) ?? null,
    targetHint: emptyToNull(input.targetHint) ?? null,
    description: emptyToNull(input.description) ?? null,
    formula: emptyToNull(input.formula) ?? null,
    dataSource: emptyToNull(input.dataSource) ?? null,
    evidence: emptyToNull(input.evidence) ?? null,
    source: emptyToNull(input.source) ?? null,
  };
}

const duplicate = (error: unknown) => rethrowUnique(error, 'body.code', '指标编码或同一类别内的指标名称已存在，不能重复');

export async function createLibraryEntry(deps: Deps, ctx: RequestContext, input: SaveLibraryEntry) {
  return deps.db.transaction(async (tx) => {
    await requireMaintainer(tx, ctx, 'create');
    const values = await checkedValues(tx, input);
    const created = await repo
      .insertLibraryEntry(tx, { ...values, status: input.status ?? 'active', updatedBy: ctx.principal.userId, updatedAt: deps.clock() })
      .catch(duplicate);
    await recordAudit(tx, ctx, { entityType: 'indicator-library', entityId: created.id, action: 'create', after: created });
    return { id: created.id };
  });
}

/** Edits an entry, 停用 and 启用 included: a retired entry is no longer offered, its history stays. */
export async function updateLibraryEntry(deps: Deps, ctx: RequestContext, id: string, input: UpdateLibraryEntry) {
  return deps.db.transaction(async (tx) => {
    await requireMaintainer(tx, ctx, 'edit');
    const before = await repo.getLibraryEntry(tx, id, true);
    if (!before) throw notFound('指标库条目');
    if (before.entry.version !== input.version) throw versionConflict(`指标“${before.entry.name}”`);
    const values = await checkedValues(tx, input, id);
    const status = input.status ?? before.entry.status;
    const updated = await repo
      .updateLibraryEntry(tx, id, { ...values, status, updatedBy: ctx.principal.userId, updatedAt: deps.clock() })
      .catch(duplicate);
    await recordAudit(tx, ctx, {
      entityType: 'indicator-library',
      entityId: id,
      action: 'update',
      before: before.entry,
      after: { ...updated, statusLabel: STATUS_LABEL[status] },
    });
    return { id, version: updated.version };
  });
}

/**
 * Every use of the entry across units and years, and per year the distinct projects and the
 * distributions of targets and actuals (exact, QUARTILE.INC).
 */
export async function libraryHistory(deps: Deps, ctx: RequestContext, id: string): Promise<LibraryHistory> {
  const row = await repo.getLibraryEntry(deps.db, id);
  if (!row) throw notFound('指标库条目');
  const [permissions, used, uses, perYear, ranked] = await Promise.all([
    libraryPermissionsOf(deps.db, ctx),
    repo.latestUse(deps.db, [id]),
    repo.findUses(deps.db, id),
    repo.projectsPerYear(deps.db, id),
    repo.rankedValues(deps.db, { entries: [id] }),
  ]);
  const distributions = distributionsOf(ranked);
  const years = [...perYear.keys()].sort((a, b) => a - b);
  return {
    entry: present(row, used.get(id), permissions.edit),
    years: years.map((year) => ({
      year,
      projects: perYear.get(year) ?? 0,
      targets: distributions.get(id, year, 'target') ?? null,
      actuals: distributions.get(id, year, 'actual') ?? null,
    })),
    uses: uses.rows.map(({ usage, organisationName }) => ({
      year: usage.fiscalYear,
      organisationName,
      projectCode: usage.projectCode,
      projectName: usage.projectName,
      direction: usage.direction,
      unit: usage.unit,
      target: usage.target,
      targetText: usage.targetText,
      actual: usage.actual,
      source: usage.source,
    })),
    usesTotal: uses.total,
  };
}
