import { randomBytes } from 'node:crypto';
import type { CreateRereviewBody, RereviewDetail, RereviewRuleBody, RereviewSampleDetail } from '@jixiao/contract';
import { rereview as core, formatPoints, formatYuan, policy } from '@jixiao/core';
import { recordAudit } from '../audit/audit.repository.ts';
import type { Deps, RequestContext } from '../context.ts';
import type { Queryable } from '../db/connect.ts';
import type { rereviewRounds, rereviewSamples } from '../db/rereview-schema.ts';
import { AppError, type FieldDetail, notFound, validationFailed, versionConflict } from '../errors.ts';
import { getEvaluation } from '../evaluations/evaluation.repository.ts';
import { loadAggregate, scoreAggregate } from '../evaluations/evaluation-aggregate.ts';
import { descendantIds } from '../organisations/organisation.repository.ts';
import { isOutOfScope, rolesOver } from '../policies/scope.ts';
import { chinaToday } from '../time.ts';
import * as repo from './rereview.repository.ts';
import { reasonText, ruleFromBody, ruleText, ruleToBody } from './rereview-rule.ts';

const ROUND = '抽查复核批次';
const SAMPLE = '抽查复核';

type Round = typeof rereviewRounds.$inferSelect;
type Sample = typeof rereviewSamples.$inferSelect;

// ── who ─────────────────────────────────────────────────────────────────────────────────────────

/** The finance bureau where the principal holds one of these posts: the organisation a round belongs to. */
function bureauOf(ctx: RequestContext, posts: readonly policy.Role[]): string {
  const grant = ctx.principal.roles.find((entry) => posts.includes(entry.role));
  if (!grant) throw new AppError('FORBIDDEN', '抽查复核只能由财政局的财政审核人进行');
  return grant.organisationId;
}

/** The posts over the round's bureau; out of scope answers as missing, a missing post as 403. */
async function requireRoundPost(db: Queryable, ctx: RequestContext, round: Round, posts: readonly policy.Role[]) {
  const held = await rolesOver(db, ctx.principal, round.organisationId);
  if (isOutOfScope(ctx.principal, held)) throw notFound(ROUND);
  if (!policy.holdsAny(held, posts)) throw new AppError('FORBIDDEN', '抽查复核只能由财政局的财政审核人进行');
  return held;
}

/** Whether the principal belongs to the department (by their organisation or a post over it or below it). */
async function ofDepartment(db: Queryable, ctx: RequestContext, departmentId: string): Promise<boolean> {
  const tree = new Set(await descendantIds(db, [departmentId]));
  tree.add(departmentId);
  return tree.has(ctx.principal.organisationId) || ctx.principal.roles.some((grant) => tree.has(grant.organisationId));
}

// ── the draw ────────────────────────────────────────────────────────────────────────────────────

function presentCandidate(candidate: repo.Candidate) {
  return {
    evaluationId: candidate.id,
    kind: candidate.kind,
    name:
      candidate.kind === 'department' ? `${candidate.organisationName}部门整体支出` : (candidate.projectName ?? candidate.organisationName),
    departmentName: candidate.departmentName,
    organisationName: candidate.organisationName,
    budget: formatYuan(candidate.budgetFen),
    selfTotal: candidate.totalScore === null ? null : formatPoints(candidate.totalScore),
  };
}

function draw(candidates: readonly repo.Candidate[], rule: core.SampleRule, seed: string) {
  const result = core.drawSample(candidates, rule, seed);
  const byId = new Map(candidates.map((candidate) => [candidate.id, candidate]));
  const drawn = new Set(result.picks.map((pick) => pick.id));
  const sample = result.picks.flatMap((pick) => {
    const candidate = byId.get(pick.id);
    return candidate ? [{ ...presentCandidate(candidate), reason: pick.reason, reasonText: reasonText(pick, rule), pick }] : [];
  });
  const others = candidates
    .filter((candidate) => !drawn.has(candidate.id))
    .map((candidate) => ({
      ...presentCandidate(candidate),
      reason: 'manual' as const,
      reasonText: rule.exclude.includes(candidate.id) ? '已手工剔除' : '未抽中',
    }));
  return { result, sample, others };
}

/** Hand picks and removals must name evaluations of the population. */
function checkHandPicks(rule: core.SampleRule, candidates: readonly repo.Candidate[], path: string) {
  const ids = new Set(candidates.map((candidate) => candidate.id));
  const problems: FieldDetail[] = [];
  for (const field of ['include', 'exclude'] as const)
    rule[field].forEach((id, index) => {
      if (!ids.has(id)) problems.push({ path: `${path}.${field}[${index}]`, message: `自评“${id}”不在本年度已提交或已审核的自评中` });
    });
  if (problems.length) throw validationFailed(problems);
}

export async function previewRound(
  deps: Deps,
  ctx: RequestContext,
  body: { fiscalYear: number; rule: RereviewRuleBody; seed?: string | undefined },
) {
  const bureau = bureauOf(ctx, policy.rereviewPolicy.posts.draw);
  const rule = ruleFromBody(body.rule);
  const candidates = await repo.findCandidates(deps.db, { fiscalYear: body.fiscalYear, scope: [bureau] });
  checkHandPicks(rule, candidates, 'body.rule');
  const seed = body.seed ?? core.seedFrom(randomBytes(8));
  const { result, sample, others } = draw(candidates, rule, seed);
  return {
    seed,
    population: result.population,
    strata: result.strata.map(({ label, pool, drawn }) => ({ label, pool, drawn })),
    sample: sample.map(({ pick: _pick, ...rest }) => rest),
    others,
  };
}

const sampleRows = (picks: readonly core.SamplePick[]) =>
  picks.map((pick) => ({ evaluationId: pick.id, reason: pick.reason, stratum: pick.stratum }));

export async function createRound(deps: Deps, ctx: RequestContext, body: CreateRereviewBody) {
  return deps.db.transaction(async (tx) => {
    const bureau = bureauOf(ctx, policy.rereviewPolicy.posts.draw);
    const rule = ruleFromBody(body.rule);
    const candidates = await repo.findCandidates(tx, { fiscalYear: body.fiscalYear, scope: [bureau] });
    if (candidates.length === 0)
      throw validationFailed([{ path: 'body.fiscalYear', message: `${body.fiscalYear} 年度没有已提交或已审核的自评，无从抽取` }]);
    checkHandPicks(rule, candidates, 'body.rule');
    const { result } = draw(candidates, rule, body.seed);
    if (result.picks.length === 0) throw validationFailed([{ path: 'body.rule', message: '按此规则没有抽中任何自评，请调整规则' }]);
    const round = await repo.insertRound(tx, {
      organisationId: bureau,
      fiscalYear: body.fiscalYear,
      title: body.title,
      rule,
      seed: body.seed,
      populationIds: candidates.map((candidate) => candidate.id),
      createdBy: ctx.principal.userId,
    });
    await repo.replaceSamples(tx, round.id, sampleRows(result.picks));
    await recordAudit(tx, ctx, {
      entityType: 'rereview-round',
      entityId: round.id,
      action: 'create',
      organisationId: bureau,
      after: { title: round.title, fiscalYear: round.fiscalYear, rule, seed: round.seed, sample: result.picks },
    });
    return { id: round.id };
  });
}

/** Adds or removes by hand while the round is a draft: the draw is replayed with the same seed over the same population. */
export async function updateSample(
  deps: Deps,
  ctx: RequestContext,
  id: string,
  body: { include: string[]; exclude: string[]; version: number },
) {
  await deps.db.transaction(async (tx) => {
    const round = await repo.getRound(tx, id, true);
    if (!round) throw notFound(ROUND);
    await requireRoundPost(tx, ctx, round, policy.rereviewPolicy.posts.draw);
    if (round.version !== body.version) throw versionConflict(ROUND);
    if (round.status !== 'draft') throw new AppError('NOT_EDITABLE', '抽查复核批次已确认，样本不能再修改');
    const rule: core.SampleRule = { ...round.rule, include: body.include, exclude: body.exclude };
    const candidates = await repo.findCandidates(tx, { fiscalYear: round.fiscalYear, scope: 'all', ids: round.populationIds });
    checkHandPicks(rule, candidates, 'body');
    const { result } = draw(candidates, rule, round.seed);
    if (result.picks.length === 0) throw validationFailed([{ path: 'body.exclude', message: '剔除后样本为空，请至少保留一个自评' }]);
    if (!(await repo.updateRound(tx, id, body.version, { rule }))) throw versionConflict(ROUND);
    await repo.replaceSamples(tx, id, sampleRows(result.picks));
    await recordAudit(tx, ctx, {
      entityType: 'rereview-round',
      entityId: id,
      action: 'update',
      organisationId: round.organisationId,
      before: { rule: round.rule },
      after: { rule, sample: result.picks },
    });
  });
}

export async function confirmRound(deps: Deps, ctx: RequestContext, id: string, version: number) {
  await deps.db.transaction(async (tx) => {
    const round = await repo.getRound(tx, id, true);
    if (!round) throw notFound(ROUND);
    await requireRoundPost(tx, ctx, round, policy.rereviewPolicy.posts.draw);
    if (round.version !== version) throw versionConflict(ROUND);
    if (round.status !== 'draft') throw new AppError('NOT_EDITABLE', '抽查复核批次已确认');
    if (!(await repo.updateRound(tx, id, version, { status: 'confirmed', confirmedAt: deps.clock() }))) throw versionConflict(ROUND);
    await recordAudit(tx, ctx, {
      entityType: 'rereview-round',
      entityId: id,
      action: 'approve',
      organisationId: round.organisationId,
      before: { status: 'draft' },
      after: { status: 'confirmed' },
    });
  });
}

// ── results ─────────────────────────────────────────────────────────────────────────────────────

function resultsOf(samples: readonly Sample[], candidates: ReadonlyMap<string, repo.Candidate>) {
  const results = samples.map((sample) => {
    const candidate = candidates.get(sample.evaluationId);
    const deviation =
      sample.selfTotal !== null && sample.rereviewTotal !== null ? core.deviation(sample.selfTotal, sample.rereviewTotal) : null;
    return {
      sampleId: sample.id,
      evaluationId: sample.evaluationId,
      name: candidate ? presentCandidate(candidate).name : '',
      departmentName: candidate?.departmentName ?? '',
      status: sample.status,
      selfTotal: sample.selfTotal === null ? null : formatPoints(sample.selfTotal),
      rereviewTotal: sample.rereviewTotal === null ? null : formatPoints(sample.rereviewTotal),
      deviation: deviation === null ? null : formatPoints(deviation),
      deviationPoints: deviation,
      opinion: sample.opinion,
    };
  });
  const byDepartment = new Map<string, number[]>();
  for (const result of results) {
    const list = byDepartment.get(result.departmentName) ?? [];
    if (result.deviationPoints !== null) list.push(result.deviationPoints);
    byDepartment.set(result.departmentName, list);
  }
  const departments = [...byDepartment].map(([departmentName, deviations]) => {
    const average = core.averageDeviation(deviations);
    return { departmentName, completed: deviations.length, averageDeviation: average === null ? null : formatPoints(average) };
  });
  return { results: results.map(({ deviationPoints: _points, ...rest }) => rest), departments };
}

function summaryOf(round: Round, samples: readonly Sample[]) {
  return {
    id: round.id,
    fiscalYear: round.fiscalYear,
    title: round.title,
    status: round.status,
    sampleCount: samples.length,
    completedCount: samples.filter((sample) => sample.status === 'completed').length,
    published: round.published,
    publishedOn: round.publishedOn,
    createdAt: round.createdAt.toISOString(),
    version: round.version,
  };
}

export async function listRounds(deps: Deps, ctx: RequestContext, filter: { fiscalYear?: number | undefined }) {
  const admin = ctx.principal.roles.some((grant) => grant.role === 'admin');
  const bureaus = ctx.principal.roles
    .filter((grant) => policy.holdsAny([grant.role], policy.rereviewPolicy.posts.read))
    .map((grant) => grant.organisationId);
  const rows = await repo.findRounds(deps.db, { fiscalYear: filter.fiscalYear, organisationIds: admin ? 'all' : bureaus });
  return rows.map(({ round, sampleCount, completedCount }) => ({
    ...summaryOf(round, []),
    sampleCount: Number(sampleCount),
    completedCount: Number(completedCount),
  }));
}

export async function getRound(deps: Deps, ctx: RequestContext, id: string): Promise<RereviewDetail> {
  const round = await repo.getRound(deps.db, id);
  if (!round) throw notFound(ROUND);
  const held = await requireRoundPost(deps.db, ctx, round, policy.rereviewPolicy.posts.read);
  const [samples, candidates] = await Promise.all([
    repo.findSamples(deps.db, id),
    repo.findCandidates(deps.db, { fiscalYear: round.fiscalYear, scope: 'all', ids: round.populationIds }),
  ]);
  const byId = new Map(candidates.map((candidate) => [candidate.id, candidate]));
  const { others } = draw(candidates, round.rule, round.seed);
  const may = policy.rereviewPermissions(held);
  const draft = round.status === 'draft';
  const allDone = samples.length > 0 && samples.every((sample) => sample.status === 'completed');
  return {
    ...summaryOf(round, samples),
    rule: ruleToBody(round.rule),
    ruleText: ruleText(round.rule),
    seed: round.seed,
    population: round.populationIds.length,
    sample: samples.flatMap((sample) => {
      const candidate = byId.get(sample.evaluationId);
      if (!candidate) return [];
      return [
        {
          ...presentCandidate(candidate),
          sampleId: sample.id,
          reason: sample.reason,
          reasonText: reasonText({ reason: sample.reason, stratum: sample.stratum }, round.rule),
        },
      ];
    }),
    others: draft ? others : [],
    ...resultsOf(samples, byId),
    permissions: {
      edit: may.draw && draft,
      confirm: may.draw && draft,
      rescore: may.rescore && !draft,
      publish: may.publish && !draft && allDone && !round.published,
    },
  };
}

// ── re-scoring ──────────────────────────────────────────────────────────────────────────────────

/** The evaluation's scored items as the existing scoring engine scores them (not-applicable items left out). */
async function scoredItems(db: Queryable, evaluationId: string, now: Date) {
  const evaluation = await getEvaluation(db, evaluationId);
  if (!evaluation) throw notFound('自评');
  const scored = scoreAggregate(await loadAggregate(db, evaluation, now));
  return scored.items
    .filter((item) => item.final !== null && item.weight > 0)
    .map((item) => ({
      id: item.id,
      kind: item.kind,
      part: item.part,
      name: item.name,
      weight: item.weight,
      selfScore: item.final ?? 0,
    }));
}

async function loadSample(db: Queryable, ctx: RequestContext, roundId: string, sampleId: string, lock: boolean) {
  const round = await repo.getRound(db, roundId, lock);
  if (!round) throw notFound(ROUND);
  const sample = await repo.getSample(db, roundId, sampleId, lock);
  if (!sample) throw notFound(SAMPLE);
  const held = await requireRoundPost(db, ctx, round, policy.rereviewPolicy.posts.read);
  const [candidate] = await repo.findCandidates(db, { fiscalYear: round.fiscalYear, scope: 'all', ids: [sample.evaluationId] });
  if (!candidate) throw notFound('自评');
  const refusal = policy.rereviewRefusal({
    bureauPosts: held,
    ofEvaluatedDepartment: await ofDepartment(db, ctx, candidate.departmentId),
  });
  return { round, sample, held, candidate, refusal };
}

export async function getSample(deps: Deps, ctx: RequestContext, roundId: string, sampleId: string): Promise<RereviewSampleDetail> {
  const { round, sample, candidate, refusal } = await loadSample(deps.db, ctx, roundId, sampleId, false);
  const [items, scores] = await Promise.all([
    scoredItems(deps.db, sample.evaluationId, deps.clock()),
    repo.findScores(deps.db, [sample.id]),
  ]);
  const byItem = new Map(scores.map((score) => [score.itemId, score]));
  const selfTotal = items.reduce((sum, item) => sum + item.selfScore, 0);
  const open = round.status === 'confirmed' && sample.status === 'open';
  return {
    sampleId: sample.id,
    roundId: round.id,
    evaluationId: sample.evaluationId,
    name: presentCandidate(candidate).name,
    departmentName: candidate.departmentName,
    status: sample.status,
    items: items.map((item) => {
      const score = byItem.get(item.id);
      return {
        itemId: item.id,
        kind: item.kind,
        part: item.part,
        name: item.name,
        weight: formatPoints(item.weight),
        selfScore: formatPoints(item.selfScore),
        score: score ? formatPoints(score.score) : null,
        reason: score?.reason ?? null,
      };
    }),
    selfTotal: formatPoints(sample.selfTotal ?? selfTotal),
    rereviewTotal: sample.rereviewTotal === null ? null : formatPoints(sample.rereviewTotal),
    deviation:
      sample.selfTotal !== null && sample.rereviewTotal !== null
        ? formatPoints(core.deviation(sample.selfTotal, sample.rereviewTotal))
        : null,
    opinion: sample.opinion,
    permissions: { rescore: open && refusal === null, complete: open && refusal === null, refusal: open ? refusal : null },
    version: sample.version,
  };
}

async function writableSample(db: Queryable, ctx: RequestContext, roundId: string, sampleId: string, version: number) {
  const loaded = await loadSample(db, ctx, roundId, sampleId, true);
  if (loaded.refusal) throw new AppError('FORBIDDEN', loaded.refusal);
  if (loaded.sample.version !== version) throw versionConflict(SAMPLE);
  if (loaded.round.status !== 'confirmed') throw new AppError('NOT_EDITABLE', '抽查复核批次尚未确认样本，不能复核');
  if (loaded.sample.status !== 'open') throw new AppError('NOT_EDITABLE', '该自评的复核已完成，不能再修改');
  return loaded;
}

export async function saveScores(
  deps: Deps,
  ctx: RequestContext,
  roundId: string,
  sampleId: string,
  body: { scores: { itemId: string; score: string; reason?: string | null | undefined }[]; version: number },
) {
  await deps.db.transaction(async (tx) => {
    const { round, sample } = await writableSample(tx, ctx, roundId, sampleId, body.version);
    const items = await scoredItems(tx, sample.evaluationId, deps.clock());
    const { problems, scores } = core.checkRescores(items, body.scores);
    if (problems.length)
      throw validationFailed(
        problems.map((problem) => ({ path: `body.scores[${problem.index}].${problem.field}`, message: problem.message })),
      );
    const byId = new Map(items.map((item) => [item.id, item]));
    const rows = [...scores].map(([itemId, score]) => {
      const item = byId.get(itemId);
      if (!item) throw new Error('checked item missing');
      const reason = body.scores.find((entry) => entry.itemId === itemId)?.reason?.trim() || null;
      return {
        sampleId,
        itemKind: item.kind,
        itemId,
        itemName: item.name,
        weight: item.weight,
        selfScore: item.selfScore,
        score,
        reason,
        scoredBy: ctx.principal.userId,
        scoredAt: deps.clock(),
      };
    });
    await repo.upsertScores(tx, rows);
    if (!(await repo.updateSample(tx, sampleId, body.version, {}))) throw versionConflict(SAMPLE);
    await recordAudit(tx, ctx, {
      entityType: 'rereview-sample',
      entityId: sampleId,
      action: 'save',
      organisationId: round.organisationId,
      after: { scores: rows.map(({ itemName, selfScore, score, reason }) => ({ itemName, selfScore, score, reason })) },
    });
  });
}

export async function completeSample(
  deps: Deps,
  ctx: RequestContext,
  roundId: string,
  sampleId: string,
  body: { opinion: string; version: number },
) {
  await deps.db.transaction(async (tx) => {
    const { round, sample } = await writableSample(tx, ctx, roundId, sampleId, body.version);
    const [items, stored] = await Promise.all([scoredItems(tx, sample.evaluationId, deps.clock()), repo.findScores(tx, [sampleId])]);
    const byItem = new Map(stored.map((score) => [score.itemId, score]));
    const missing = items.filter((item) => !byItem.has(item.id));
    if (missing.length)
      throw validationFailed([
        { path: 'body.opinion', message: `还有 ${missing.length} 个评分项未复核：${missing.map((item) => `“${item.name}”`).join('、')}` },
      ]);
    const selfTotal = items.reduce((sum, item) => sum + (byItem.get(item.id)?.selfScore ?? 0), 0);
    const rereviewTotal = items.reduce((sum, item) => sum + (byItem.get(item.id)?.score ?? 0), 0);
    const values = {
      status: 'completed' as const,
      selfTotal,
      rereviewTotal,
      opinion: body.opinion,
      completedBy: ctx.principal.userId,
      completedAt: deps.clock(),
    };
    if (!(await repo.updateSample(tx, sampleId, body.version, values))) throw versionConflict(SAMPLE);
    await recordAudit(tx, ctx, {
      entityType: 'rereview-sample',
      entityId: sampleId,
      action: 'conclude',
      organisationId: round.organisationId,
      before: { status: 'open' },
      after: { status: 'completed', selfTotal, rereviewTotal, deviation: core.deviation(selfTotal, rereviewTotal), opinion: body.opinion },
    });
  });
}

export async function publishRound(deps: Deps, ctx: RequestContext, id: string, version: number) {
  await deps.db.transaction(async (tx) => {
    const round = await repo.getRound(tx, id, true);
    if (!round) throw notFound(ROUND);
    await requireRoundPost(tx, ctx, round, policy.rereviewPolicy.posts.publish);
    if (round.version !== version) throw versionConflict(ROUND);
    if (round.published) throw new AppError('NOT_EDITABLE', '抽查复核结果已公开');
    const samples = await repo.findSamples(tx, id);
    const open = samples.filter((sample) => sample.status !== 'completed').length;
    if (round.status !== 'confirmed' || open > 0)
      throw new AppError('NOT_EDITABLE', `还有 ${open} 个抽查自评未完成复核，全部完成后才能公开结果`);
    const publishedOn = chinaToday(deps.clock());
    if (!(await repo.updateRound(tx, id, version, { published: true, publishedOn }))) throw versionConflict(ROUND);
    await recordAudit(tx, ctx, {
      entityType: 'rereview-round',
      entityId: id,
      action: 'publish',
      organisationId: round.organisationId,
      before: { published: false },
      after: { published: true, publishedOn },
    });
  });
}

/** The published re-review results of a year, for the public site: per evaluation and per department. */
export async function publishedRereviews(db: Queryable, fiscalYear: number) {
  const rows = await repo.findPublished(db, fiscalYear);
  const rounds = new Map<string, { round: Round; samples: Sample[] }>();
  for (const { round, sample } of rows) {
    const entry = rounds.get(round.id) ?? { round, samples: [] };
    entry.samples.push(sample);
    rounds.set(round.id, entry);
  }
  const ids = rows.map((row) => row.sample.evaluationId);
  const candidates = new Map(
    (await repo.findCandidates(db, { fiscalYear, scope: 'all', ids })).map((candidate) => [candidate.id, candidate]),
  );
  return [...rounds.values()].map(({ round, samples }) => ({
    id: round.id,
    title: round.title,
    fiscalYear: round.fiscalYear,
    publishedOn: round.publishedOn,
    ...resultsOf(samples, candidates),
  }));
}
