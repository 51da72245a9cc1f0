import { randomUUID } from 'node:crypto';
import type { DeclarationDetail, DeclarationSummary, SaveDeclaration } from '@jixiao/contract';
import { LEVEL2_OF, type Level1, type Level2, parsePoints, policy } from '@jixiao/core';
import { inArray } from 'drizzle-orm';
import { recordAudit } from '../audit/audit.repository.ts';
import type { Deps, RequestContext } from '../context.ts';
import type { Queryable } from '../db/connect.ts';
import { indicatorLibrary } from '../db/schema.ts';
import { AppError, type FieldDetail, notFound, rethrowUnique, validationFailed } from '../errors.ts';
import { getOrganisation } from '../organisations/organisation.repository.ts';
import { getProject } from '../organisations/project.repository.ts';
import { actorOver } from '../policies/access.ts';
import { isOutOfScope, scopeOf } from '../policies/scope.ts';
import { rectificationReader } from '../ports/rectification-reader.ts';
import { resultReader } from '../ports/result-reader.ts';
import { emptyToNull, money } from '../shared/fields.ts';
import * as repo from './declaration.repository.ts';
import { authoriseDeclaration } from './declaration-access.ts';
import { declarationCheckContext } from './declaration-checks.ts';
import { departmentApprover, presentDeclaration, summaryOf } from './declaration-presenter.ts';

// Lists, the detail, creating and saving a 绩效目标申报表. The review steps are in commands/step-declaration.ts.

export async function listDeclarations(
  deps: Deps,
  ctx: RequestContext,
  filter: Omit<repo.DeclarationFilter, 'scope'>,
): Promise<DeclarationSummary[]> {
  const rows = await repo.findDeclarations(deps.db, { ...filter, scope: scopeOf(ctx.principal) });
  return rows.map((row) => summaryOf(row.declaration, row.organisationName, row.indicatorCount));
}

export async function getDeclarationDetail(
  deps: Deps,
  ctx: RequestContext,
  id: string,
  db: Queryable = deps.db,
): Promise<DeclarationDetail> {
  const { declaration, actor } = await authoriseDeclaration(db, ctx, id, 'read');
  const [organisationName, indicators, transitions, contributors, approved, carriedRectifications, appliedResult] = await Promise.all([
    repo.getOrganisationName(db, declaration.organisationId),
    repo.findIndicators(db, id),
    repo.findTransitions(db, id),
    repo.findContributors(db, id),
    repo.latestVersion(db, id),
    rectificationReader().carriedInto(db, declaration.organisationId, declaration.fiscalYear, deps.clock()),
    declaration.projectCode
      ? resultReader().appliedResultFor(db, {
          organisationId: declaration.organisationId,
          projectCode: declaration.projectCode,
          fiscalYear: declaration.fiscalYear,
        })
      : null,
  ]);
  const opinions = await repo.findOpinions(
    db,
    transitions.map((entry) => entry.transition.id),
  );
  const checkContext = await declarationCheckContext(db, declaration, indicators);
  const facts = { status: declaration.status, preparers: contributors, departmentApprover: departmentApprover(transitions) };
  const can = (action: policy.DeclarationAction) => policy.decideDeclarationStep(action, facts, actor, 'comment');
  const approve = can('approve');
  return presentDeclaration({
    row: declaration,
    organisationName,
    indicators,
    transitions,
    opinions,
    approved: approved
      ? { number: approved.version.number, approvedAt: approved.version.approvedAt, approvedBy: approved.approvedByName }
      : null,
    checkContext,
    carriedRectifications,
    appliedResult,
    permissions: {
      edit: policy.mayEditDeclaration(actor.posts, declaration.status),
      submit: can('submit').ok,
      approve: approve.ok,
      return: can('return').ok,
      opinionPerIndicator: declaration.status === 'department_approved' && can('return').ok,
      refusal: !approve.ok && approve.refusal.kind === 'segregation' ? approve.refusal.message : null,
    },
  });
}

/**
 * Opens a declaration for a project (its unit's, prefilled from the project: name, code, units, funds)
 * or for a department's year (部门整体支出).
 */
export async function createDeclaration(
  deps: Deps,
  ctx: RequestContext,
  input: { kind: 'project'; projectId: string } | { kind: 'department'; organisationId: string; fiscalYear: number },
) {
  return deps.db.transaction(async (tx) => {
    let values: Parameters<typeof repo.insertDeclaration>[1];
    if (input.kind === 'project') {
      const project = await getProject(tx, input.projectId);
      if (!project) throw notFound('项目');
      const unit = await getOrganisation(tx, project.organisationId);
      const parent = unit?.parentId ? await getOrganisation(tx, unit.parentId) : undefined;
      values = {
        kind: 'project',
        organisationId: project.organisationId,
        fiscalYear: project.fiscalYear,
        projectId: project.id,
        projectName: project.name,
        projectCode: project.code,
        department: (unit?.kind === 'department' ? unit.name : parent?.name) ?? '',
        implementingUnit: unit?.name ?? '',
        fundsTotalFen: project.budgetFen,
        fundsFiscalFen: project.budgetFen,
        fundsOtherFen: 0,
      };
    } else {
      const organisation = await getOrganisation(tx, input.organisationId);
      if (!organisation) throw notFound('部门');
      if (organisation.kind !== 'department')
        throw validationFailed([{ path: 'body.organisationId', message: '部门整体支出绩效目标申报表须选择部门' }]);
      values = {
        kind: 'department',
        organisationId: organisation.id,
        fiscalYear: input.fiscalYear,
        department: organisation.name,
        implementingUnit: organisation.name,
      };
    }
    const actor = await actorOver(tx, ctx.principal, values.organisationId);
    if (isOutOfScope(ctx.principal, actor.posts)) throw notFound(input.kind === 'project' ? '项目' : '部门');
    if (!policy.holdsAny(actor.posts, policy.declarationPolicy.posts.create))
      throw new AppError('FORBIDDEN', '只有本单位的填报人可以新建绩效目标申报表');
    const duplicate =
      input.kind === 'project'
        ? '该项目的绩效目标申报表已存在，一个项目只有一份申报表'
        : `本部门 ${input.fiscalYear} 年度的部门整体支出绩效目标申报表已存在`;
    const created = await repo
      .insertDeclaration(tx, { ...values, createdBy: ctx.principal.userId })
      .catch((error: unknown) => rethrowUnique(error, input.kind === 'project' ? 'body.projectId' : 'body.organisationId', duplicate));
    await repo.addContributor(tx, created.id, ctx.principal.userId);
    await recordAudit(tx, ctx, {
      entityType: 'declaration',
      entityId: created.id,
      action: 'create',
      organisationId: created.organisationId,
      after: created,
    });
    return created;
  });
}

/** Saves the whole form in one transaction: header, funds, goals and the indicator table, with its audit record. */
export async function saveDeclaration(deps: Deps, ctx: RequestContext, id: string, input: SaveDeclaration): Promise<DeclarationDetail> {
  return deps.db.transaction(async (tx) => {
    const { declaration } = await authoriseDeclaration(tx, ctx, id, 'edit', true);
    if (declaration.version !== input.version) {
      throw new AppError('VERSION_CONFLICT', '申报表在你打开之后已被修改，请刷新查看最新内容后再保存', {
        currentVersion: declaration.version,
      });
    }
    const before = { declaration, indicators: await repo.findIndicators(tx, id) };
    const fiscal = money('body.funds.fiscal', input.funds.fiscal) ?? 0;
    const other = money('body.funds.other', input.funds.other) ?? 0;
    const goals = input.annualGoals.map((goal) => ({
      id: goal.id ?? randomUUID(),
      text: goal.text,
      summary: emptyToNull(goal.summary) ?? undefined,
    }));
    const lines = await indicatorRows(tx, input, new Set(before.indicators.map((line) => line.id)), new Set(goals.map((goal) => goal.id)));
    if (input.periodStart && input.periodEnd && input.periodStart > input.periodEnd) {
      throw validationFailed([{ path: 'body.periodEnd', message: `实施期结束日 ${input.periodEnd} 早于开始日 ${input.periodStart}` }]);
    }
    const header = {
      projectName: declaration.kind === 'project' ? (emptyToNull(input.projectName) ?? declaration.projectName) : null,
      projectCode: declaration.kind === 'project' ? (emptyToNull(input.projectCode) ?? declaration.projectCode) : null,
      department: input.department,
      implementingUnit: input.implementingUnit,
      attribute: input.attribute ?? null,
      periodStart: input.periodStart ?? null,
      periodEnd: input.periodEnd ?? null,
      fundsFiscalFen: fiscal,
      fundsOtherFen: other,
      fundsTotalFen: fiscal + other,
      overallGoal: input.overallGoal,
      annualGoals: goals,
    };
    await repo.updateDeclaration(tx, id, header);
    await repo.replaceIndicators(tx, id, lines);
    await repo.addContributor(tx, id, ctx.principal.userId);
    await recordAudit(tx, ctx, {
      entityType: 'declaration',
      entityId: id,
      action: 'update',
      organisationId: declaration.organisationId,
      before,
      after: { declaration: header, indicators: lines },
    });
    return getDeclarationDetail(deps, ctx, id, tx);
  });
}

/** The indicator table as rows, each line checked: known ids only, 二级 under its 一级, goals that exist, library entries that exist. */
async function indicatorRows(
  db: Queryable,
  input: SaveDeclaration,
  knownIds: ReadonlySet<string>,
  goalIds: ReadonlySet<string>,
): Promise<repo.DeclaredIndicatorInsert[]> {
  const problems: FieldDetail[] = [];
  const libraryIds = [...new Set(input.indicators.flatMap((line) => (line.libraryEntryId ? [line.libraryEntryId] : [])))];
  const existing =
    libraryIds.length === 0
      ? new Set<string>()
      : new Set(
          (await db.select({ id: indicatorLibrary.id }).from(indicatorLibrary).where(inArray(indicatorLibrary.id, libraryIds))).map(
            (row) => row.id,
          ),
        );
  const seen = new Set<string>();
  const rows = input.indicators.map((line, index): repo.DeclaredIndicatorInsert => {
    const at = (field: string) => `body.indicators[${index}].${field}`;
    const row = `第 ${index + 1} 行指标“${line.name}”`;
    if (line.id && (!knownIds.has(line.id) || seen.has(line.id)))
      problems.push({ path: at('id'), message: `${row}的编号 ${line.id} 不属于本申报表` });
    if (line.id) seen.add(line.id);
    if (!(LEVEL2_OF[line.level1 as Level1] as readonly Level2[]).includes(line.level2 as Level2)) {
      problems.push({ path: at('level2'), message: `${row}：二级指标“${line.level2}”不属于一级指标“${line.level1}”（财预〔2020〕10号）` });
    }
    if ((line.nature === 'qualitative') !== (line.direction === 'qualitative')) {
      problems.push({ path: at('direction'), message: `${row}：定性指标的方向应为“定性”，定量指标应选择 ≥、≤、= 等比较方向` });
    }
    if (line.goalId && !goalIds.has(line.goalId)) problems.push({ path: at('goalId'), message: `${row}对应的年度目标不存在` });
    if (line.libraryEntryId && !existing.has(line.libraryEntryId))
      problems.push({ path: at('libraryEntryId'), message: `${row}引用的指标库条目不存在` });
    return {
      id: line.id ?? randomUUID(),
      declarationId: '',
      position: index + 1,
      goalId: line.goalId ?? null,
      level1: line.level1,
      level2: line.level2,
      name: line.name,
      nature: line.nature,
      direction: line.direction,
      target: line.target ?? null,
      targetText: emptyToNull(line.targetText) ?? null,
      unit: emptyToNull(line.unit) ?? null,
      basis: line.basis ?? null,
      basisText: emptyToNull(line.basisText) ?? null,
      dataSource: emptyToNull(line.dataSource) ?? null,
      method: emptyToNull(line.method) ?? null,
      evidence: emptyToNull(line.evidence) ?? null,
      lastYearActual: line.lastYearActual ?? null,
      core: line.core ?? false,
      scoringRule: emptyToNull(line.scoringRule) ?? null,
      weight: line.weight ? (parsePoints(line.weight) ?? null) : null,
      libraryEntryId: line.libraryEntryId ?? null,
    };
  });
  if (problems.length > 0) throw validationFailed(problems);
  return rows;
}
