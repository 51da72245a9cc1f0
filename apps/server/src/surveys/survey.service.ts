import { randomBytes } from 'node:crypto';
import type { SaveSurveyBody, SurveyDetail, SurveySummary, UpdateSurveyBody } from '@jixiao/contract';
import { surveys as core, policy } from '@jixiao/core';
import { recordAudit } from '../audit/audit.repository.ts';
import type { Deps, RequestContext } from '../context.ts';
import type { Queryable } from '../db/connect.ts';
import type { SurveyPlanColumn } from '../db/survey-schema.ts';
import { AppError, type FieldDetail, notFound, validationFailed, versionConflict } from '../errors.ts';
import { scopeOf } from '../policies/scope.ts';
import { subsidyRegister } from '../ports/subsidy-register.ts';
import * as repo from './survey.repository.ts';
import { requireSurveyPost } from './survey-access.ts';
import { computePlan, presentPlan } from './survey-plan.ts';
import { surveyStatus } from './survey-status.ts';

export const WHAT = '满意度调查';

type Listed = Awaited<ReturnType<typeof repo.findSurveys>>[number];

function summary(listed: Listed, now: Date): SurveySummary {
  const { survey } = listed;
  return {
    id: survey.id,
    organisationId: survey.organisationId,
    organisationName: listed.organisationName,
    fiscalYear: survey.fiscalYear,
    title: survey.title,
    kind: survey.kind,
    slug: survey.slug,
    opensOn: survey.opensOn,
    closesOn: survey.closesOn,
    status: surveyStatus(survey, now),
    plan: presentPlan(survey.plan),
    validResponses: listed.validResponses,
    version: survey.version,
  };
}

export async function listSurveys(
  deps: Deps,
  ctx: RequestContext,
  filter: { organisationId?: string | undefined; fiscalYear?: number | undefined },
) {
  const rows = await repo.findSurveys(deps.db, { ...filter, scope: scopeOf(ctx.principal) });
  return rows.map((row) => summary(row, deps.clock()));
}

/** A survey the principal may see, with the posts they hold over its unit. */
export async function readableSurvey(db: Queryable, ctx: RequestContext, id: string) {
  const [row] = await repo.findSurveys(db, { scope: scopeOf(ctx.principal), id });
  if (!row) throw notFound(WHAT);
  const held = await requireSurveyPost(db, ctx, row.survey.organisationId, 'any');
  return { row, held };
}

export async function getSurvey(deps: Deps, ctx: RequestContext, id: string): Promise<SurveyDetail> {
  const { row, held } = await readableSurvey(deps.db, ctx, id);
  const { survey } = row;
  const [links, codes] = await Promise.all([repo.findLinks(deps.db, id), repo.countCodes(deps.db, id)]);
  return {
    ...summary(row, deps.clock()),
    intro: survey.intro,
    questions: survey.questions.map((question) => ({ ...question, options: question.options ? [...question.options] : undefined })),
    scale: { scores: { ...survey.scale.scores }, satisfied: [...survey.scale.satisfied] },
    integrity: survey.integrity,
    inviteOnly: survey.inviteOnly,
    personalConsent: survey.personalConsent,
    links: [
      ...links.evaluated.map((link) => ({
        kind: 'evaluation' as const,
        id: link.id,
        name: link.name,
        context: `${link.fiscalYear} 年度${link.kind === 'department' ? '部门整体' : '项目'}支出绩效自评`,
      })),
      ...links.declared.map((link) => ({
        kind: 'declared' as const,
        id: link.id,
        name: link.name,
        context: `${link.fiscalYear} 年度绩效目标申报表${link.projectName ? `（${link.projectName}）` : ''}`,
      })),
    ],
    codes,
    permissions: policy.surveyPermissions(held),
  };
}

/** Design, window and links checked together, so one answer lists every problem. */
async function checkedContent(
  db: Queryable,
  body: Omit<SaveSurveyBody, 'organisationId' | 'fiscalYear'>,
  organisationId: string,
  fiscalYear: number,
) {
  const problems: FieldDetail[] = core.validateDesign(body.questions).map((issue) => {
    const index = body.questions.findIndex((question) => question.id === issue.questionId);
    return { path: index >= 0 ? `body.questions[${index}]` : 'body.questions', message: issue.message };
  });
  if (body.closesOn < body.opensOn)
    problems.push({ path: 'body.closesOn', message: `截止日期 ${body.closesOn} 早于开始日期 ${body.opensOn}` });
  if (body.plan.populationSource === 'manual' && !body.plan.population)
    problems.push({ path: 'body.plan.population', message: '请填写调查对象总数，或选择按补贴台账计算' });
  const [linked, declared] = await Promise.all([
    repo.getIndicatorsForLinking(db, body.links.indicatorIds),
    repo.getDeclaredForLinking(db, body.links.declaredIndicatorIds),
  ]);
  const checkLinks = (ids: readonly string[], found: readonly { id: string; name: string; level1: string | null }[], field: string) =>
    ids.forEach((id, index) => {
      const indicator = found.find((entry) => entry.id === id);
      if (!indicator) problems.push({ path: `body.links.${field}[${index}]`, message: `指标“${id}”不存在` });
      else if (indicator.level1 !== 'satisfaction')
        problems.push({ path: `body.links.${field}[${index}]`, message: `指标“${indicator.name}”不是满意度指标，不能由问卷调查取数` });
    });
  checkLinks(body.links.indicatorIds, linked, 'indicatorIds');
  checkLinks(body.links.declaredIndicatorIds, declared, 'declaredIndicatorIds');
  if (problems.length) throw validationFailed(problems);
  // A link to another unit's indicator would let one unit set another's figure.
  const units = new Set([...linked, ...declared].map((entry) => entry.organisationId));
  for (const unit of units)
    if (unit !== organisationId) throw validationFailed([{ path: 'body.links', message: '只能关联本单位的满意度指标' }]);
  let population = body.plan.population ?? null;
  if (body.plan.populationSource === 'subsidy-register') {
    population = await subsidyRegister().recipientsOfYear(db, organisationId, fiscalYear);
    if (population === 0)
      throw validationFailed([
        { path: 'body.plan.populationSource', message: `补贴台账中 ${fiscalYear} 年度没有受补贴对象，请改为手工填写调查对象总数` },
      ]);
  }
  const plan: SurveyPlanColumn = computePlan({ ...body.plan, population }, body.plan.populationSource);
  return {
    title: body.title,
    kind: body.kind,
    intro: body.intro ?? null,
    questions: body.questions,
    scale: body.scale ?? core.DEFAULT_SCALE,
    integrity: body.integrity ?? core.DEFAULT_INTEGRITY,
    plan,
    opensOn: body.opensOn,
    closesOn: body.closesOn,
    inviteOnly: body.inviteOnly,
    personalConsent: body.personalConsent || null,
  };
}

/** 10 characters of an alphabet without look-alikes: hard to guess, easy to type from paper. */
const ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';
export function randomToken(length: number, alphabet = ALPHABET): string {
  const bytes = randomBytes(length);
  return Array.from(bytes, (byte) => alphabet[byte % alphabet.length]).join('');
}

export async function createSurvey(deps: Deps, ctx: RequestContext, body: SaveSurveyBody) {
  return deps.db.transaction(async (tx) => {
    await requireSurveyPost(tx, ctx, body.organisationId, policy.surveyPolicy.posts.design, '单位');
    const content = await checkedContent(tx, body, body.organisationId, body.fiscalYear);
    const created = await repo.insertSurvey(tx, {
      ...content,
      organisationId: body.organisationId,
      fiscalYear: body.fiscalYear,
      slug: randomToken(10),
      createdBy: ctx.principal.userId,
    });
    await repo.replaceLinks(tx, created.id, body.links);
    await recordAudit(tx, ctx, {
      entityType: 'survey',
      entityId: created.id,
      action: 'create',
      organisationId: body.organisationId,
      after: { ...content, links: body.links },
    });
    return { id: created.id };
  });
}

/** Once a response has arrived the questions are fixed: changing them would change what the answers mean. */
export async function updateSurvey(deps: Deps, ctx: RequestContext, id: string, body: UpdateSurveyBody) {
  await deps.db.transaction(async (tx) => {
    const row = await repo.lockSurvey(tx, id);
    if (!row) throw notFound(WHAT);
    await requireSurveyPost(tx, ctx, row.organisationId, policy.surveyPolicy.posts.design);
    if (row.version !== body.version) throw versionConflict(WHAT);
    const content = await checkedContent(tx, body, row.organisationId, row.fiscalYear);
    const answered = (await repo.findResponses(tx, id)).length > 0;
    if (answered && JSON.stringify(content.questions) !== JSON.stringify(row.questions)) {
      throw new AppError('NOT_EDITABLE', '问卷已收到答卷，题目不能再修改（可修改调查时间、样本计划和关联指标）');
    }
    if (!(await repo.updateSurvey(tx, id, body.version, content))) throw versionConflict(WHAT);
    await repo.replaceLinks(tx, id, body.links);
    await recordAudit(tx, ctx, {
      entityType: 'survey',
      entityId: id,
      action: 'update',
      organisationId: row.organisationId,
      before: { plan: row.plan, opensOn: row.opensOn, closesOn: row.closesOn, questions: row.questions },
      after: { plan: content.plan, opensOn: content.opensOn, closesOn: content.closesOn, questions: content.questions, links: body.links },
    });
  });
}

/** One-time invitation codes: 8 characters each, unique within the survey. */
export async function createCodes(deps: Deps, ctx: RequestContext, id: string, count: number) {
  await deps.db.transaction(async (tx) => {
    const row = await repo.lockSurvey(tx, id);
    if (!row) throw notFound(WHAT);
    await requireSurveyPost(tx, ctx, row.organisationId, policy.surveyPolicy.posts.distribute);
    const existing = new Set((await repo.findCodes(tx, id)).map((code) => code.code));
    const fresh = new Set<string>();
    while (fresh.size < count) {
      const code = randomToken(8).toUpperCase();
      if (!existing.has(code)) fresh.add(code);
    }
    await repo.insertCodes(tx, id, [...fresh]);
    await recordAudit(tx, ctx, {
      entityType: 'survey',
      entityId: id,
      action: 'create',
      organisationId: row.organisationId,
      after: { invitationCodes: count },
    });
  });
}

export async function listCodes(deps: Deps, ctx: RequestContext, id: string) {
  await readableSurvey(deps.db, ctx, id);
  return (await repo.findCodes(deps.db, id)).map((code) => ({ code: code.code, used: code.usedAt !== null }));
}

export async function listResponses(deps: Deps, ctx: RequestContext, id: string) {
  await readableSurvey(deps.db, ctx, id);
  return (await repo.findResponses(deps.db, id)).map(({ response, excludedByName, keptByName }) => ({
    id: response.id,
    channel: response.channel,
    receivedAt: response.receivedAt.toISOString(),
    completionSeconds: response.completionSeconds,
    flags: response.flags,
    answers: response.answers as Record<string, string | string[]>,
    excluded:
      response.excludedAt && response.exclusionReason
        ? { at: response.excludedAt.toISOString(), by: excludedByName ?? '', reason: response.exclusionReason }
        : null,
    kept: response.keptAt ? { at: response.keptAt.toISOString(), by: keptByName ?? '' } : null,
  }));
}

/**
 * Keeps a flagged response after review (audited): it stays valid and leaves the review to-do. No reason
 * is asked — the flag is a prompt to look, not a finding — while exclusion always needs one.
 */
export async function keepResponse(deps: Deps, ctx: RequestContext, id: string, responseId: string) {
  await deps.db.transaction(async (tx) => {
    const survey = await repo.lockSurvey(tx, id);
    if (!survey) throw notFound(WHAT);
    await requireSurveyPost(tx, ctx, survey.organisationId, policy.surveyPolicy.posts.review);
    const response = await repo.lockResponse(tx, id, responseId);
    if (!response) throw notFound('答卷');
    if (response.flags.length === 0) throw new AppError('NOT_EDITABLE', '该答卷没有复核提示（过快、雷同作答或疑似重复），无需复核');
    if (response.excludedAt)
      throw new AppError(
        'NOT_EDITABLE',
        `该答卷已于 ${response.excludedAt.toISOString().slice(0, 10)} 被排除，理由：${response.exclusionReason}`,
      );
    if (response.keptAt) throw new AppError('NOT_EDITABLE', `该答卷已于 ${response.keptAt.toISOString().slice(0, 10)} 复核保留`);
    await repo.keepResponse(tx, responseId, { keptAt: deps.clock(), keptBy: ctx.principal.userId });
    await recordAudit(tx, ctx, {
      entityType: 'survey-response',
      entityId: responseId,
      action: 'review',
      organisationId: survey.organisationId,
      before: { kept: false, flags: response.flags },
      after: { kept: true },
    });
  });
}

/** Excludes one response with a reason (audited); its answers stay as they were received. */
export async function excludeResponse(deps: Deps, ctx: RequestContext, id: string, responseId: string, reason: string) {
  await deps.db.transaction(async (tx) => {
    const survey = await repo.lockSurvey(tx, id);
    if (!survey) throw notFound(WHAT);
    await requireSurveyPost(tx, ctx, survey.organisationId, policy.surveyPolicy.posts.review);
    const response = await repo.lockResponse(tx, id, responseId);
    if (!response) throw notFound('答卷');
    if (response.excludedAt)
      throw new AppError(
        'NOT_EDITABLE',
        `该答卷已于 ${response.excludedAt.toISOString().slice(0, 10)} 被排除，理由：${response.exclusionReason}`,
      );
    const values = { excludedAt: deps.clock(), excludedBy: ctx.principal.userId, exclusionReason: reason };
    await repo.excludeResponse(tx, responseId, values);
    await recordAudit(tx, ctx, {
      entityType: 'survey-response',
      entityId: responseId,
      action: 'exclude',
      organisationId: survey.organisationId,
      before: { excluded: false, flags: response.flags },
      after: { excluded: true, reason },
    });
  });
}
