import { surveys as core } from '@jixiao/core';
import { and, eq } from 'drizzle-orm';
import type { Deps } from '../context.ts';
import { declaredIndicators, targetDeclarations } from '../db/schema.ts';
import { createSurvey } from '../surveys/survey.service.ts';
import { type Incoming, receiveMany } from '../surveys/survey-answer.ts';
import { type DemoPeople, demoContext, fiscalYearOf } from './demo-declarations.ts';

/**
 * The demo's 满意度调查 of the year in progress: the SME centre surveys its training participants for
 * the 满意度 indicator of its approved 绩效目标 (demo-declarations.ts). The survey opened five weeks
 * before the seeding day and closes two weeks after it, so on the day the demo starts it is collecting:
 * online answers arrived day by day, a batch of paper questionnaires was typed in, a few answers came
 * back too fast to be read and wait for review. Every answer goes through the service's receiving step
 * (checks, integrity flags, audit) dated the moment it arrived, so flags, counts and the audit log are
 * what real traffic leaves; they go in two transactions because every test file seeds this demo. The answers are drawn from a fixed seed: the same demo every time.
 */
const DAY = 86_400_000;
const ONLINE = 120;
const PAPER = 20;
const TOO_FAST = 3;

export async function seedDemoSurveys(deps: Deps, people: DemoPeople): Promise<void> {
  const now = deps.clock();
  const year = fiscalYearOf(now);
  const dateOf = (instant: Date) => new Date(instant.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
  let opens = new Date(now.getTime() - 35 * DAY);
  // The survey stays inside its fiscal year: early in January it opens on the 1st.
  if (fiscalYearOf(opens) < year) opens = new Date(`${year}-01-01T00:00:00+08:00`);
  const satisfaction = await deps.db
    .select({ id: declaredIndicators.id })
    .from(declaredIndicators)
    .innerJoin(targetDeclarations, eq(targetDeclarations.id, declaredIndicators.declarationId))
    .where(
      and(
        eq(targetDeclarations.organisationId, people.smeCentreId),
        eq(targetDeclarations.fiscalYear, year),
        eq(targetDeclarations.kind, 'project'),
        eq(declaredIndicators.level1, 'satisfaction'),
      ),
    );
  const template = core.SURVEY_TEMPLATES['training-participants'];
  const { id } = await createSurvey(deps, demoContext(people, 'unit.preparer'), {
    organisationId: people.smeCentreId,
    fiscalYear: year,
    title: `${year} 年度中小企业数字化转型培训参训企业满意度调查（示例）`,
    kind: 'training-participants',
    intro: '感谢您参加本年度中小企业数字化转型培训。本问卷匿名填写，约需 3 分钟，结果仅用于改进培训工作。',
    questions: template.questions.map((question) => ({ ...question, options: question.options ? [...question.options] : undefined })),
    plan: { populationSource: 'manual', population: 620, confidence: '95', margin: '5', responseRate: '50' },
    opensOn: dateOf(opens),
    closesOn: dateOf(new Date(now.getTime() + 14 * DAY)),
    inviteOnly: false,
    links: { indicatorIds: [], declaredIndicatorIds: satisfaction.map((row) => row.id) },
  });

  const random = mulberry32(2024);
  // Every answer arrived before the seeding moment.
  const span = now.getTime() - opens.getTime();
  const arrivals = Array.from({ length: ONLINE }, () => opens.getTime() + Math.floor(random() * span)).sort((a, b) => a - b);
  const online: Incoming[] = arrivals.map((at, index) => ({
    answers: answers(random),
    channel: 'online',
    receivedAt: new Date(at),
    completionSeconds: index % Math.floor(ONLINE / TOO_FAST) === 7 ? 12 : 90 + Math.floor(random() * 300),
    address: `10.8.${index >> 8}.${index & 255}`,
    consented: false,
  }));
  const reviewer = demoContext(people, 'reviewer');
  // The paper questionnaires of the training sessions held in the window, typed in the following days.
  const paper: Incoming[] = Array.from({ length: PAPER }, (_, index) => ({
    answers: answers(random),
    channel: 'paper',
    receivedAt: new Date(opens.getTime() + Math.floor(((index % 4) + 1) * (span / 5))),
    consented: false,
    enteredBy: reviewer.principal.userId,
  }));
  await receiveMany(deps.db, { requestId: 'demo-seed', ip: '127.0.0.1' }, id, online);
  await receiveMany(deps.db, reviewer, id, paper);
}

const LEVELS: readonly [core.ScaleLevel, number][] = [
  ['very-satisfied', 0.52],
  ['satisfied', 0.34],
  ['fair', 0.1],
  ['dissatisfied', 0.03],
  ['very-dissatisfied', 0.01],
];

function level(random: () => number): core.ScaleLevel {
  let draw = random();
  for (const [name, share] of LEVELS) {
    draw -= share;
    if (draw < 0) return name;
  }
  return 'satisfied';
}

const GAINS = ['skills', 'job', 'certificate'];
const SUGGESTIONS = ['希望增加线上课程回放', '案例可以更贴近制造业企业', '培训时间尽量安排在周末', '建议增加一对一诊断服务'];

function answers(random: () => number): Record<string, string | string[]> {
  const result: Record<string, string | string[]> = {
    content: level(random),
    teacher: level(random),
    organisation: level(random),
    overall: level(random),
  };
  const gains = GAINS.filter(() => random() < 0.5);
  if (gains.length) result.gain = gains;
  if (random() < 0.15) result.suggestion = SUGGESTIONS[Math.floor(random() * SUGGESTIONS.length)] ?? '';
  return result;
}

/** A small seeded generator (mulberry32): the demo's answers are the same on every machine. */
function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}
