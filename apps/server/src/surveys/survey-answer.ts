import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { PublicSurvey, SubmitAnswersBody } from '@jixiao/contract';
import { surveys as core, policy } from '@jixiao/core';
import { recordAudit } from '../audit/audit.repository.ts';
import type { Deps, RequestContext } from '../context.ts';
import type { Queryable } from '../db/connect.ts';
import { AppError, notFound, validationFailed } from '../errors.ts';
import { bumpThrottle } from '../shared/throttle.ts';
import type { SurveyRow } from './survey.repository.ts';
import * as repo from './survey.repository.ts';
import { requireSurveyPost } from './survey-access.ts';
import { surveyStatus } from './survey-status.ts';

// The moment the server served the form travels with the page as a signed token, so nothing is stored
// for a form never sent. The key lives in this process: a token served by another instance (or before
// a restart) does not verify, and the completion time then falls back to what the page measured.
const FORM_KEY = randomBytes(32);

function sign(slug: string, servedAt: number): string {
  return createHmac('sha256', FORM_KEY).update(`${slug}.${servedAt}`).digest('base64url').slice(0, 22);
}

export function formToken(slug: string, servedAt: Date): string {
  const ms = servedAt.getTime();
  return `${ms}.${sign(slug, ms)}`;
}

export function servedAtOf(slug: string, token: string | undefined): Date | undefined {
  const [ms, mac] = (token ?? '').split('.');
  if (!ms || !mac || !/^\d{1,15}$/.test(ms)) return undefined;
  const expected = Buffer.from(sign(slug, Number(ms)));
  const given = Buffer.from(mac);
  return expected.length === given.length && timingSafeEqual(expected, given) ? new Date(Number(ms)) : undefined;
}

/** Why a survey does not take answers today, in words for the respondent. */
function requireOpen(survey: SurveyRow, now: Date): void {
  const status = surveyStatus(survey, now);
  if (status === 'not-open') throw new AppError('SURVEY_NOT_OPEN', `本次调查将于 ${survey.opensOn} 开始，请届时再来填写`);
  if (status === 'closed') throw new AppError('SURVEY_CLOSED', `本次调查已于 ${survey.closesOn} 结束，不再接收答卷，感谢您的关注`);
}

/** The public form: what the page shows, nothing internal. A closed or not-yet-open survey says so. */
export async function publicForm(deps: Deps, slug: string): Promise<PublicSurvey> {
  const row = await repo.getSurveyBySlug(deps.db, slug);
  if (!row) throw notFound('调查问卷');
  const now = deps.clock();
  requireOpen(row.survey, now);
  const { survey } = row;
  return {
    slug: survey.slug,
    title: survey.title,
    organisationName: row.organisationName,
    intro: survey.intro,
    questions: survey.questions.map((question) => ({ ...question, options: question.options ? [...question.options] : undefined })),
    inviteOnly: survey.inviteOnly,
    personalConsent: survey.personalConsent,
    closesOn: survey.closesOn,
    formToken: formToken(survey.slug, now),
  };
}

export interface Incoming {
  readonly answers: core.Answers;
  readonly code?: string | undefined;
  readonly channel: 'online' | 'paper';
  readonly receivedAt: Date;
  readonly servedAt?: Date | undefined;
  readonly openedAt?: Date | undefined;
  readonly completionSeconds?: number | undefined;
  readonly address?: string | undefined;
  readonly fingerprint?: string | undefined;
  readonly consented: boolean;
  readonly enteredBy?: string | undefined;
}

function answerProblems(survey: SurveyRow, answers: core.Answers) {
  const issues = core.validateAnswers(survey.questions, answers);
  if (issues.length) {
    throw validationFailed(
      issues.map((issue) => ({ path: `answers.${issue.questionId}`, message: issue.message })),
      issues.length === 1 ? (issues[0]?.message ?? '') : `答卷有 ${issues.length} 处需要修改：${issues[0]?.message}等`,
    );
  }
}

/** One response in one transaction: the code consumed, the flags computed, the audit written — or nothing. */
async function receive(
  tx: Queryable,
  ctx: Pick<RequestContext, 'requestId' | 'ip'> & { principal?: RequestContext['principal'] },
  survey: SurveyRow,
  incoming: Incoming,
) {
  answerProblems(survey, incoming.answers);
  let codeId: string | undefined;
  const code = incoming.code?.trim().toUpperCase();
  if (code) {
    const row = await repo.lockCode(tx, survey.id, code);
    if (!row)
      throw new AppError('INVITATION_INVALID', `邀请码“${code}”不正确，请核对后重新输入`, [{ path: 'code', message: '邀请码不正确' }]);
    if (row.usedAt)
      throw new AppError('INVITATION_USED', `邀请码“${code}”已经使用过，每个邀请码只能提交一份答卷`, [
        { path: 'code', message: '邀请码已使用' },
      ]);
    await repo.markCodeUsed(tx, row.id, incoming.receivedAt);
    codeId = row.id;
  } else if (survey.inviteOnly && incoming.channel === 'online') {
    throw new AppError('INVITATION_INVALID', '本次调查凭邀请码填写，请输入收到的邀请码', [{ path: 'code', message: '请输入邀请码' }]);
  }
  const windowMs = survey.integrity.duplicateWindowSeconds * 1000;
  const neighbours = await repo.findNeighbours(
    tx,
    survey.id,
    new Date(incoming.receivedAt.getTime() - windowMs),
    incoming.address,
    incoming.fingerprint,
  );
  const trace = (row: {
    answers: core.Answers;
    receivedAt: Date;
    address?: string | null | undefined;
    fingerprint?: string | null | undefined;
    completionSeconds?: number | null | undefined;
  }) => ({
    answers: row.answers,
    receivedAt: row.receivedAt.getTime(),
    address: row.address ?? undefined,
    fingerprint: row.fingerprint ?? undefined,
    completionSeconds: row.completionSeconds ?? undefined,
  });
  const flags = core.integrityFlags(survey.questions, trace(incoming), neighbours.map(trace), survey.integrity);
  const created = await repo.insertResponse(tx, {
    surveyId: survey.id,
    codeId,
    channel: incoming.channel,
    answers: incoming.answers,
    servedAt: incoming.servedAt,
    openedAt: incoming.openedAt,
    completionSeconds: incoming.completionSeconds,
    receivedAt: incoming.receivedAt,
    address: incoming.address,
    fingerprint: incoming.fingerprint,
    flags,
    consented: incoming.consented,
    enteredBy: incoming.enteredBy,
  });
  // The audit names the response, its channel and flags; the answers themselves stay in the response.
  await recordAudit(tx, ctx, {
    entityType: 'survey-response',
    entityId: created.id,
    action: incoming.channel === 'paper' ? 'record' : 'create',
    organisationId: survey.organisationId,
    after: { surveyId: survey.id, channel: incoming.channel, flags, invitation: codeId !== undefined },
  });
  return created;
}

/** The public answering endpoint (no sign-in). */
export async function submitAnswers(deps: Deps, ctx: Pick<RequestContext, 'requestId' | 'ip'>, slug: string, body: SubmitAnswersBody) {
  const found = await repo.getSurveyBySlug(deps.db, slug);
  if (!found) throw notFound('调查问卷');
  const now = deps.clock();
  requireOpen(found.survey, now);
  if (found.survey.personalConsent && !body.consented) {
    throw validationFailed([{ path: 'consented', message: '请先阅读并同意个人信息使用说明' }], '请先阅读并同意个人信息使用说明');
  }
  const servedAt = servedAtOf(slug, body.formToken);
  const openedAt = body.openedAt ? new Date(body.openedAt) : undefined;
  // The server's own measure when it has one; the page's otherwise (a clock set wrong cannot shorten it below zero).
  const completionSeconds = servedAt ? Math.max(0, Math.floor((now.getTime() - servedAt.getTime()) / 1000)) : body.elapsedSeconds;
  await deps.db.transaction(async (tx) => {
    const survey = await repo.lockSurvey(tx, found.survey.id);
    if (!survey) throw notFound('调查问卷');
    await receive(tx, ctx, survey, {
      answers: body.answers,
      code: body.code,
      channel: 'online',
      receivedAt: now,
      servedAt,
      openedAt,
      completionSeconds,
      address: ctx.ip,
      fingerprint: body.fingerprint,
      consented: body.consented,
    });
  });
  return { ok: true as const, message: '提交成功，感谢您参与本次满意度调查！' };
}

/** A paper questionnaire typed in by staff: marked 纸质, no completion time, its code consumed if it bore one. */
export async function enterPaper(
  deps: Deps,
  ctx: RequestContext,
  id: string,
  body: { answers: core.Answers; code?: string | undefined; receivedOn?: string | undefined },
) {
  return deps.db.transaction(async (tx) => {
    const survey = await repo.lockSurvey(tx, id);
    if (!survey) throw notFound('满意度调查');
    await requireSurveyPost(tx, ctx, survey.organisationId, policy.surveyPolicy.posts.review);
    const receivedAt = body.receivedOn ? new Date(`${body.receivedOn}T12:00:00+08:00`) : deps.clock();
    const created = await receive(tx, ctx, survey, {
      answers: body.answers,
      code: body.code,
      channel: 'paper',
      receivedAt,
      consented: false,
      enteredBy: ctx.principal.userId,
    });
    return { id: created.id };
  });
}

/**
 * Many responses to one survey in one transaction, each checked, flagged and audited as if it had come
 * alone (the demo's traffic; a batch of typed-in questionnaires). One bad answer rolls back the batch.
 */
export async function receiveMany(
  db: Queryable,
  ctx: Pick<RequestContext, 'requestId' | 'ip'> & { principal?: RequestContext['principal'] },
  surveyId: string,
  incoming: readonly Incoming[],
): Promise<void> {
  await db.transaction(async (tx) => {
    const survey = await repo.lockSurvey(tx, surveyId);
    if (!survey) throw notFound('满意度调查');
    for (const one of incoming) await receive(tx, ctx, survey, one);
  });
}

/** 20 submissions per address in 10 minutes (docs/surveys.md). */
const SUBMISSIONS_PER_ADDRESS = 20;
const SUBMISSION_WINDOW_MS = 10 * 60_000;

/**
 * Counts a submission attempt of the address and refuses it past the allowance. Attempts count whether
 * they succeed or not, so guessing invitation codes is slowed down too. The counter is in the
 * database: shared by every instance, kept across restarts.
 */
export async function admitSubmission(deps: Deps, address: string): Promise<void> {
  const attempts = await bumpThrottle(deps.db, `survey:${address}`, deps.clock(), SUBMISSION_WINDOW_MS);
  if (attempts > SUBMISSIONS_PER_ADDRESS) throw new AppError('TOO_MANY_ATTEMPTS', '提交过于频繁，请 10 分钟后再试');
}
