import type { ConcludeExAnteBody, CreateExAnteBody, ExAnteAssessment, ExAnteSummary, SaveExAnteBody } from '@jixiao/contract';
import { formatPoints, formatYuan, parseYuan, policy, targets } from '@jixiao/core';
import { findFiscalYears } from '../admin/admin.repository.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import type { Deps, RequestContext } from '../context.ts';
import { requirePost } from '../control/control-access.ts';
import type { Queryable } from '../db/connect.ts';
import { AppError, notFound, rethrowUnique, validationFailed, versionConflict } from '../errors.ts';
import { getProject } from '../organisations/project.repository.ts';
import { scopeOf } from '../policies/scope.ts';
import * as repo from './ex-ante.repository.ts';

const WHAT = '事前绩效评估';

/** The scheme in force: the defaults with the deployment's overrides (control settings, `exAnte`). */
export async function schemeOf(db: Queryable): Promise<targets.ExAnteScheme> {
  const overrides = (await repo.findSchemeOverrides(db)) as targets.ExAnteOverrides;
  try {
    return targets.exAnteSchemeWith(overrides);
  } catch (error) {
    // A bad override is the deployment's fault, not the user's: say what is wrong and who can fix it.
    if (!(error instanceof RangeError)) throw error;
    throw new AppError('SETTINGS_INVALID', `内部控制设置中的事前绩效评估配置（exAnte）有误：${error.message}。请系统管理员修改后再试。`, [
      { path: 'exAnte', message: error.message },
    ]);
  }
}

type Listed = Awaited<ReturnType<typeof repo.findAssessments>>[number];

function entriesOf(row: repo.ExAnteRow): targets.ExAnteEntry[] {
  return row.entries.map((entry) => ({
    code: entry.code,
    grade: targets.EX_ANTE_GRADES.includes(entry.grade as targets.ExAnteGrade) ? (entry.grade as targets.ExAnteGrade) : undefined,
    opinion: entry.opinion,
  }));
}

function summary(listed: Listed, result: targets.ExAnteResult): ExAnteSummary {
  const { assessment } = listed;
  return {
    id: assessment.id,
    organisationId: assessment.organisationId,
    organisationName: listed.organisationName,
    projectId: assessment.projectId,
    projectCode: listed.projectCode,
    projectName: listed.projectName,
    fiscalYear: assessment.fiscalYear,
    funds: formatYuan(assessment.fundsFen),
    // Once concluded, the figure the conclusion was drawn from, whatever the scheme says later.
    total: formatPoints(assessment.totalPoints ?? result.total),
    conclusion: assessment.conclusion ?? null,
    concludedAt: assessment.concludedAt?.toISOString() ?? null,
    version: assessment.version,
  };
}

function present(listed: Listed, held: readonly policy.Role[], scheme: targets.ExAnteScheme): ExAnteAssessment {
  const { assessment } = listed;
  const result = targets.assessExAnte(entriesOf(assessment), scheme);
  const label = targets.EX_ANTE_DIMENSION_LABEL;
  return {
    ...summary(listed, result),
    dimensions: result.dimensions.map((dimension) => ({
      dimension: dimension.dimension,
      name: label[dimension.dimension].zh,
      nameEn: label[dimension.dimension].en,
      points: formatPoints(dimension.points),
      score: formatPoints(dimension.score),
      items: dimension.items.map((item) => ({
        code: item.code,
        name: item.name,
        nameEn: item.nameEn,
        hint: item.hint,
        points: formatPoints(item.points),
        grade: item.grade ?? null,
        score: item.score === undefined ? null : formatPoints(item.score),
        opinion: item.opinion ?? null,
      })),
    })),
    ungraded: [...result.ungraded],
    proposedConclusion: assessment.conclusion ?? result.conclusion ?? null,
    explanation: result.explanation,
    explanationEn: result.explanationEn,
    opinion: assessment.opinion,
    cutOffs: { support: formatPoints(scheme.supportFrom), adjust: formatPoints(scheme.adjustFrom) },
    grades: targets.EX_ANTE_GRADES.map((grade) => ({ grade, share: scheme.gradeShares[grade] })),
    permissions: policy.exAntePermissions(held, { concluded: assessment.conclusion !== null }),
  };
}

export async function listAssessments(
  deps: Deps,
  ctx: RequestContext,
  filter: { organisationId?: string | undefined; fiscalYear?: number | undefined },
): Promise<ExAnteSummary[]> {
  const [rows, scheme] = await Promise.all([
    repo.findAssessments(deps.db, { ...filter, scope: scopeOf(ctx.principal) }),
    schemeOf(deps.db),
  ]);
  return rows.map((row) => summary(row, targets.assessExAnte(entriesOf(row.assessment), scheme)));
}

async function readable(db: Queryable, ctx: RequestContext, id: string) {
  const [row] = await repo.findAssessments(db, { scope: scopeOf(ctx.principal), id });
  if (!row) throw notFound(WHAT);
  const held = await requirePost(db, ctx, row.assessment.organisationId, 'any', WHAT);
  return { row, held };
}

export async function getAssessment(deps: Deps, ctx: RequestContext, id: string): Promise<ExAnteAssessment> {
  const [{ row, held }, scheme] = await Promise.all([readable(deps.db, ctx, id), schemeOf(deps.db)]);
  return present(row, held, scheme);
}

/** Opens an assessment of a project for a year (one per project and year). */
export async function createAssessment(deps: Deps, ctx: RequestContext, body: CreateExAnteBody & { fiscalYear: number }) {
  return deps.db.transaction(async (tx) => {
    const project = await getProject(tx, body.projectId);
    if (!project) throw notFound('项目');
    await requirePost(tx, ctx, project.organisationId, policy.exAntePolicy.posts.create, '项目');
    if (!(await findFiscalYears(tx)).some((year) => year.year === body.fiscalYear))
      throw validationFailed([{ path: 'body.fiscalYear', message: `${body.fiscalYear} 年度尚未设立` }]);
    let fundsFen = project.budgetFen;
    if (body.funds !== undefined) {
      const parsed = parseYuan(body.funds);
      if (!parsed.ok) throw validationFailed([{ path: 'body.funds', message: `申请资金“${body.funds}”格式不正确` }]);
      fundsFen = parsed.value;
    }
    const created = await repo
      .insertAssessment(tx, {
        organisationId: project.organisationId,
        projectId: project.id,
        fiscalYear: body.fiscalYear,
        fundsFen,
        createdBy: ctx.principal.userId,
      })
      .catch((error: unknown) => rethrowUnique(error, 'body.projectId', `项目“${project.name}”${body.fiscalYear} 年度已有事前绩效评估`));
    await recordAudit(tx, ctx, {
      entityType: 'ex-ante-assessment',
      entityId: created.id,
      action: 'create',
      organisationId: created.organisationId,
      after: created,
    });
    return { id: created.id };
  });
}

/** The assessment locked for a write by someone holding one of `posts`, and still open. */
async function openForWrite(tx: Queryable, ctx: RequestContext, id: string, posts: readonly policy.Role[], version: number) {
  const row = await repo.lockAssessment(tx, id);
  if (!row) throw notFound(WHAT);
  await requirePost(tx, ctx, row.organisationId, posts, WHAT);
  if (row.conclusion !== null) {
    const label = targets.EX_ANTE_CONCLUSION_LABEL[row.conclusion].zh;
    throw new AppError('NOT_EDITABLE', `该事前绩效评估已形成结论“${label}”，不能再修改`);
  }
  if (row.version !== version) throw versionConflict(WHAT);
  return row;
}

/** Saves the grades and opinions (the whole list: a sub-item left out is ungraded). */
export async function saveGrades(deps: Deps, ctx: RequestContext, id: string, body: SaveExAnteBody) {
  const known = targets.exAnteItemCodes(await schemeOf(deps.db));
  const problems = body.entries.flatMap((entry, index) =>
    known.has(entry.code) ? [] : [{ path: `body.entries[${index}].code`, message: `没有编号为“${entry.code}”的评估要点` }],
  );
  const seen = new Set<string>();
  body.entries.forEach((entry, index) => {
    if (seen.has(entry.code)) problems.push({ path: `body.entries[${index}].code`, message: `评估要点“${entry.code}”重复` });
    seen.add(entry.code);
  });
  if (problems.length) throw validationFailed(problems);
  await deps.db.transaction(async (tx) => {
    const row = await openForWrite(tx, ctx, id, policy.exAntePolicy.posts.grade, body.version);
    const entries = body.entries.map((entry) => ({
      code: entry.code,
      ...(entry.grade ? { grade: entry.grade } : {}),
      ...(entry.opinion ? { opinion: entry.opinion } : {}),
    }));
    const opinion = body.opinion === undefined ? row.opinion : body.opinion || null;
    if (!(await repo.updateAssessment(tx, id, body.version, { entries, opinion }))) throw versionConflict(WHAT);
    await recordAudit(tx, ctx, {
      entityType: 'ex-ante-assessment',
      entityId: id,
      action: 'save',
      organisationId: row.organisationId,
      before: { entries: row.entries, opinion: row.opinion },
      after: { entries, opinion },
    });
  });
}

/**
 * Concludes once every sub-item is graded. The client sends the conclusion it showed, so a grade
 * changed by someone else in between cannot slip a different conclusion past the one confirmed.
 */
export async function conclude(deps: Deps, ctx: RequestContext, id: string, body: ConcludeExAnteBody) {
  await deps.db.transaction(async (tx) => {
    const row = await openForWrite(tx, ctx, id, policy.exAntePolicy.posts.conclude, body.version);
    const result = targets.assessExAnte(entriesOf(row), await schemeOf(tx));
    if (!result.conclusion) {
      throw validationFailed([{ path: 'body', message: result.explanation }], result.explanation);
    }
    if (result.conclusion !== body.conclusion) {
      const label = targets.EX_ANTE_CONCLUSION_LABEL;
      const message = `按当前评级得分 ${formatPoints(result.total)} 分，结论应为“${label[result.conclusion].zh}”，与确认的“${label[body.conclusion].zh}”不符；请刷新后重新确认`;
      throw validationFailed([{ path: 'body.conclusion', message }], message);
    }
    const values = {
      conclusion: result.conclusion,
      totalPoints: result.total,
      opinion: body.opinion,
      concludedBy: ctx.principal.userId,
      concludedAt: new Date(),
    };
    if (!(await repo.updateAssessment(tx, id, body.version, values))) throw versionConflict(WHAT);
    await recordAudit(tx, ctx, {
      entityType: 'ex-ante-assessment',
      entityId: id,
      action: 'conclude',
      organisationId: row.organisationId,
      before: { conclusion: null },
      after: { conclusion: result.conclusion, total: formatPoints(result.total), opinion: body.opinion },
    });
  });
}
