import type { SurveyResults } from '@jixiao/contract';
import { surveys as core, formatScaled } from '@jixiao/core';
import { writeSurveyXlsx } from '@jixiao/documents';
import type { Deps, RequestContext } from '../context.ts';
import type { Queryable } from '../db/connect.ts';
import type { SurveyRow } from './survey.repository.ts';
import * as repo from './survey.repository.ts';
import { readableSurvey } from './survey.service.ts';

export interface SurveyFigures {
  readonly received: number;
  readonly excluded: number;
  readonly flagged: number;
  /** Valid responses that answered a scale question: the n of the margin. */
  readonly valid: number;
  readonly results: core.SurveyResults;
  readonly marginBasisPoints: number | undefined;
  readonly paper: number;
  readonly firstDay: string | undefined;
  readonly lastDay: string | undefined;
  readonly timeline: { day: string; count: number }[];
}

/**
 * The figures of a survey from its stored responses: excluded ones left out, flagged ones kept. Counted
 * and grouped in SQL (three aggregate queries), so a survey of 100,000 answers reads a few hundred rows.
 */
export async function surveyFigures(db: Queryable, survey: SurveyRow): Promise<SurveyFigures> {
  const textIds = survey.questions.filter((question) => question.kind === 'text').map((question) => question.id);
  const [totals, timeline, patterns] = await Promise.all([
    repo.responseTotals(db, survey.id),
    repo.responsesPerDay(db, survey.id),
    repo.answerPatterns(db, survey.id, textIds),
  ]);
  const results = core.surveyResults(survey.questions, patterns, survey.scale);
  return {
    received: totals.received,
    excluded: totals.received - totals.valid,
    flagged: totals.flagged,
    valid: results.scored,
    results,
    marginBasisPoints: core.marginReached({
      responses: results.scored,
      population: survey.plan.population ?? undefined,
      confidence: survey.plan.confidence,
    }),
    paper: totals.paper,
    firstDay: timeline[0]?.day,
    lastDay: timeline.at(-1)?.day,
    timeline,
  };
}

/** "线上问卷 380 份、纸质问卷 32 份": how the answers were collected. */
export function methodOf(figures: SurveyFigures): string {
  const online = figures.valid - figures.paper;
  if (figures.paper === 0) return '线上问卷调查';
  if (online <= 0) return '纸质问卷调查';
  return `问卷调查（线上 ${online} 份、纸质 ${figures.paper} 份）`;
}

function label(question: core.SurveyQuestion, value: string): string {
  if (question.kind === 'scale') return core.SCALE_LABEL[value as core.ScaleLevel] ?? value;
  return question.options?.find((option) => option.id === value)?.label ?? value;
}

export async function getResults(deps: Deps, ctx: RequestContext, id: string): Promise<SurveyResults> {
  const { row } = await readableSurvey(deps.db, ctx, id);
  const { survey } = row;
  const figures = await surveyFigures(deps.db, survey);
  const { results } = figures;
  return {
    surveyId: survey.id,
    title: survey.title,
    received: figures.received,
    excluded: figures.excluded,
    flagged: figures.flagged,
    valid: figures.valid,
    planned: survey.plan.required,
    satisfaction: results.satisfactionHundredths === undefined ? null : formatScaled(results.satisfactionHundredths, 2),
    satisfiedRate: results.satisfiedRateBasisPoints === undefined ? null : formatScaled(results.satisfiedRateBasisPoints, 2),
    margin: figures.marginBasisPoints === undefined ? null : core.formatMargin(figures.marginBasisPoints),
    confidence: survey.plan.confidence,
    method: methodOf(figures),
    questions: results.questions.map((entry) => {
      const question = survey.questions.find((candidate) => candidate.id === entry.questionId) as core.SurveyQuestion;
      return {
        questionId: entry.questionId,
        text: question.text,
        kind: question.kind,
        answered: entry.answered,
        counts: entry.counts.map((count) => ({ value: count.value, label: label(question, count.value), count: count.count })),
      };
    }),
    timeline: figures.timeline,
  };
}

const FLAG_TEXT = (flags: readonly core.IntegrityFlag[]) => flags.map((flag) => core.INTEGRITY_FLAG_LABEL[flag]).join('、');

/** Every response, one row each and one column per question, with channel, time, flags and exclusion. */
export async function exportResponses(deps: Deps, ctx: RequestContext, id: string) {
  const { row } = await readableSurvey(deps.db, ctx, id);
  const { survey } = row;
  const responses = await repo.findResponses(deps.db, id);
  const answerText = (question: core.SurveyQuestion, answer: core.Answer | undefined) =>
    answer === undefined
      ? ''
      : typeof answer === 'string'
        ? question.kind === 'text'
          ? answer
          : label(question, answer)
        : answer.map((value) => label(question, value)).join('；');
  const bytes = await writeSurveyXlsx([
    {
      name: '答卷',
      headers: [
        '序号',
        '方式',
        '提交时间',
        '作答用时（秒）',
        '复核提示',
        '是否排除',
        '排除理由',
        ...survey.questions.map((question, index) => `${index + 1}. ${question.text}`),
      ],
      widths: [6, 8, 20, 10, 18, 8, 20, ...survey.questions.map(() => 24)],
      rows: responses.map(({ response }, index) => [
        index + 1,
        response.channel === 'paper' ? '纸质' : '线上',
        response.receivedAt.toISOString(),
        response.completionSeconds,
        FLAG_TEXT(response.flags),
        response.excludedAt ? '是' : '否',
        response.exclusionReason ?? '',
        ...survey.questions.map((question) => answerText(question, response.answers[question.id])),
      ]),
    },
  ]);
  return { bytes, filename: `${survey.title}答卷.xlsx` };
}

/** The invitation codes as a printable .xlsx (one per row, with the link to type in). */
export async function exportCodes(deps: Deps, ctx: RequestContext, id: string, link: string) {
  const { row } = await readableSurvey(deps.db, ctx, id);
  const codes = await repo.findCodes(deps.db, id);
  const bytes = await writeSurveyXlsx([
    {
      name: '邀请码',
      headers: ['序号', '邀请码', '填写地址', '状态'],
      widths: [6, 14, 48, 8],
      rows: codes.map((code, index) => [index + 1, code.code, link, code.usedAt ? '已使用' : '未使用']),
    },
  ]);
  return { bytes, filename: `${row.survey.title}邀请码.xlsx` };
}
