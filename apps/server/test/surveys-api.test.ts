import { surveys as core } from '@jixiao/core';
import { and, asc, countDistinct, eq, gte, lte } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, subsidyGrants, surveyResponses } from '../src/db/schema.ts';
import { demoEvaluations, demoSessions, detail, transition } from './fixtures.ts';
import { as, type Session, type TestApp, testApp } from './harness.ts';

/**
 * 满意度调查 through the API: design and plan, the public answering endpoint (window, codes,
 * malformed answers, rate limit), exclusion, exact results, and the linked indicator's actual with
 * its freeze at submission.
 */
let t: TestApp;
let s: Awaited<ReturnType<typeof demoSessions>>;
let department: string;
let evaluationId: string;
let satisfactionIds: string[];
let now = new Date('2026-12-02T02:00:00Z');
const later = (seconds: number) => {
  now = new Date(now.getTime() + seconds * 1000);
};

const scale = (id: string, weight?: string) => ({ id, kind: 'scale' as const, text: `题目 ${id}`, required: true, weight });
const QUESTIONS = [
  scale('a'),
  scale('b', '2'),
  {
    id: 'channel',
    kind: 'single' as const,
    text: '了解渠道',
    required: false,
    options: [
      { id: 'web', label: '网站' },
      { id: 'notice', label: '通知' },
    ],
  },
  { id: 'note', kind: 'text' as const, text: '建议', required: false, maxLength: 20 },
];

const design = (overrides: Record<string, unknown> = {}) => ({
  organisationId: department,
  fiscalYear: 2024,
  title: '产业扶持资金受补贴企业满意度调查',
  kind: 'subsidised-enterprises',
  questions: QUESTIONS,
  plan: { populationSource: 'manual', population: 1000, confidence: '95', margin: '5', responseRate: '50' },
  opensOn: '2026-11-20',
  closesOn: '2026-12-20',
  ...overrides,
});

async function create(session: Session, body: Record<string, unknown>) {
  const response = await as(t.app, session).post('/api/surveys', body);
  expect(response.statusCode, response.body).toBe(201);
  const id = response.json().id as string;
  return (await as(t.app, session).get(`/api/surveys/${id}`)).json();
}

const form = (slug: string) => t.app.inject({ method: 'GET', url: `/api/public/surveys/${slug}` });
const submit = (slug: string, payload: Record<string, unknown>, address = '203.0.113.10') =>
  t.app.inject({ method: 'POST', url: `/api/public/surveys/${slug}/responses`, payload, remoteAddress: address });

/** Opens the form, waits as a respondent would, sends. */
async function answer(slug: string, answers: Record<string, unknown>, extra: Record<string, unknown> = {}, address?: string) {
  const token = (await form(slug)).json().formToken;
  later(90);
  return submit(slug, { answers, formToken: token, ...extra }, address);
}

const responseCount = async (surveyId: string) =>
  (await t.deps.db.select().from(surveyResponses).where(eq(surveyResponses.surveyId, surveyId))).length;
const auditCount = async () => (await t.deps.db.select().from(auditLog)).length;

beforeAll(async () => {
  t = await testApp({ clock: () => now });
  s = await demoSessions(t.app);
  department = (await as(t.app, s.admin).get('/api/organisations'))
    .json()
    .items.find((entry: { code: string }) => entry.code === 'PY-KGSX').id;
  evaluationId = (await demoEvaluations(t.app, s.preparer)).department?.id ?? '';
  const view = await detail(t.app, s.preparer, evaluationId);
  satisfactionIds = view.indicators.filter((entry) => entry.level1 === 'satisfaction').map((entry) => entry.id);
}, 60_000);
afterAll(() => t.close());

describe('designing a survey', () => {
  it('lists every problem of a design at once, naming the field', async () => {
    const response = await as(t.app, s.preparer).post(
      '/api/surveys',
      design({
        questions: [{ id: 'x', kind: 'single', text: '渠道', required: true, options: [{ id: 'a', label: 'A' }] }],
        closesOn: '2026-11-01',
        plan: { populationSource: 'manual', confidence: '95', margin: '5', responseRate: '50' },
      }),
    );
    expect(response.statusCode).toBe(400);
    expect(response.json().details.map((entry: { message: string }) => entry.message)).toEqual([
      '问卷至少须有一道满意度量表题，才能计算满意度',
      '第 1 题是选择题，至少须有两个选项',
      '截止日期 2026-11-01 早于开始日期 2026-11-20',
      '请填写调查对象总数，或选择按补贴台账计算',
    ]);
  });

  it('links only 满意度 indicators', async () => {
    const view = await detail(t.app, s.preparer, evaluationId);
    const output = view.indicators.find((entry) => entry.level1 === 'output');
    const response = await as(t.app, s.preparer).post('/api/surveys', design({ links: { indicatorIds: [output?.id] } }));
    expect(response.statusCode).toBe(400);
    expect(response.json().details[0].message).toBe(`指标“${output?.name}”不是满意度指标，不能由问卷调查取数`);
  });

  it('plans the sample: N = 1000, 95 %, ±5 %, 50 % returned → 278 valid, 556 sent', async () => {
    const survey = await create(s.preparer, design());
    expect(survey.plan).toEqual({
      population: 1000,
      populationSource: 'manual',
      confidence: '95',
      margin: '5',
      responseRate: '50',
      required: 278,
      invitations: 556,
      census: false,
    });
    expect(survey.status).toBe('open');
    expect(survey.slug).toMatch(/^[a-z0-9]{10}$/);
    const preview = await as(t.app, s.preparer).get('/api/surveys/sample-plan?population=1000&confidence=95&margin=5&responseRate=50');
    expect(preview.json()).toEqual({ required: 278, invitations: 556, census: false, n0: '384.1600', n: '277.7408' });
  });

  it('counts the population from the subsidy register', async () => {
    const [expected] = await t.deps.db
      .select({ count: countDistinct(subsidyGrants.recipientId) })
      .from(subsidyGrants)
      .where(and(gte(subsidyGrants.awardedOn, '2024-01-01'), lte(subsidyGrants.awardedOn, '2024-12-31')));
    const count = Number(expected?.count ?? 0);
    expect(count).toBeGreaterThan(0);
    const survey = await create(
      s.preparer,
      design({ plan: { populationSource: 'subsidy-register', confidence: '95', margin: '10', responseRate: '100' } }),
    );
    expect(survey.plan.population).toBe(count);
    expect(survey.plan.required).toBe(
      core.planSample({ population: count, confidence: '95', margin: { num: 1n, den: 10n }, responseRate: { num: 1n, den: 1n } }).required,
    );
  });
});

describe('the workbench', () => {
  const surveyTasks = async (session: Session) =>
    (
      (await as(t.app, session).get('/api/tasks')).json().items as {
        surveyId?: string;
        action: string;
        deadline: string;
        overdue: boolean;
      }[]
    )
      .filter((task) => task.surveyId)
      .map(({ surveyId, action, deadline, overdue }) => ({ surveyId, action, deadline, overdue }));

  it('reminds the unit while its survey is short of the planned sample, and flags a closed one as overdue', async () => {
    const open = await create(s.preparer, design());
    const closed = await create(s.preparer, design({ opensOn: '2026-11-01', closesOn: '2026-12-01' }));
    const future = await create(s.preparer, design({ opensOn: '2026-12-10' }));
    const mine = await surveyTasks(s.preparer);
    expect(mine).toContainEqual({ surveyId: open.id, action: 'survey-collect', deadline: '2026-12-20', overdue: false });
    expect(mine).toContainEqual({ surveyId: closed.id, action: 'survey-short', deadline: '2026-12-01', overdue: true });
    expect(mine.map((task) => task.surveyId)).not.toContain(future.id);
    // Reviewers are not reminded of every unit's surveys: the unit runs its own.
    expect(await surveyTasks(s.finance)).toEqual([]);
  });
});

describe('answering in public', () => {
  it('refuses a survey not open yet or closed, writing nothing', async () => {
    const future = await create(s.preparer, design({ opensOn: '2026-12-10' }));
    const past = await create(s.preparer, design({ opensOn: '2026-11-01', closesOn: '2026-12-01' }));
    const before = await auditCount();
    const early = await submit(future.slug, { answers: { a: 'satisfied', b: 'satisfied' } });
    expect([early.statusCode, early.json().code, early.json().message]).toEqual([
      409,
      'SURVEY_NOT_OPEN',
      '本次调查将于 2026-12-10 开始，请届时再来填写',
    ]);
    const closed = await submit(past.slug, { answers: { a: 'satisfied', b: 'satisfied' } });
    expect([closed.statusCode, closed.json().code, closed.json().message]).toEqual([
      409,
      'SURVEY_CLOSED',
      '本次调查已于 2026-12-01 结束，不再接收答卷，感谢您的关注',
    ]);
    expect((await form(past.slug)).json().code).toBe('SURVEY_CLOSED');
    expect(await responseCount(future.id)).toBe(0);
    expect(await responseCount(past.id)).toBe(0);
    expect(await auditCount()).toBe(before);
  });

  it('refuses malformed answers with the question named, writing nothing', async () => {
    const survey = await create(s.preparer, design());
    const before = await auditCount();
    const response = await answer(survey.slug, { a: '满意', channel: 'tv', note: '一二三四五六七八九十一二三四五六七八九十一' });
    expect(response.statusCode).toBe(400);
    expect(response.json().details.map((entry: { path: string; message: string }) => [entry.path, entry.message])).toEqual([
      ['answers.a', '第 1 题“题目 a”的答案“满意”不是满意度选项'],
      ['answers.b', '第 2 题“题目 b”为必答题，尚未作答'],
      ['answers.channel', '第 3 题“了解渠道”的答案“tv”不是本题选项'],
      ['answers.note', '第 4 题“建议”的回答有 21 个字，超过上限 20 个字'],
    ]);
    const wrongShape = await submit(survey.slug, { answers: { a: { level: 'satisfied' } } });
    expect(wrongShape.statusCode).toBe(400);
    expect(await responseCount(survey.id)).toBe(0);
    expect(await auditCount()).toBe(before);
  });

  it('takes one response per invitation code; a used code is refused and nothing written', async () => {
    const survey = await create(s.preparer, design({ inviteOnly: true }));
    const none = await answer(survey.slug, { a: 'satisfied', b: 'fair' });
    expect([none.statusCode, none.json().code]).toEqual([400, 'INVITATION_INVALID']);
    expect((await as(t.app, s.preparer).post(`/api/surveys/${survey.id}/codes`, { count: 3 })).statusCode).toBe(200);
    const codes = (await as(t.app, s.preparer).get(`/api/surveys/${survey.id}/codes`)).json().items;
    expect(codes).toHaveLength(3);
    const code = codes[0].code as string;
    const first = await answer(survey.slug, { a: 'satisfied', b: 'fair' }, { code: code.toLowerCase() });
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json().message).toBe('提交成功，感谢您参与本次满意度调查！');
    const before = await auditCount();
    const again = await answer(survey.slug, { a: 'very-satisfied', b: 'very-satisfied' }, { code }, '198.51.100.7');
    expect([again.statusCode, again.json().code, again.json().message]).toEqual([
      409,
      'INVITATION_USED',
      `邀请码“${code}”已经使用过，每个邀请码只能提交一份答卷`,
    ]);
    expect(await responseCount(survey.id)).toBe(1);
    expect(await auditCount()).toBe(before);
    const after = (await as(t.app, s.preparer).get(`/api/surveys/${survey.id}`)).json();
    expect(after.codes).toEqual({ total: 3, used: 1 });
    const sheet = await as(t.app, s.preparer).get(`/api/surveys/${survey.id}/codes.xlsx`);
    expect(sheet.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(sheet.rawPayload as unknown as ArrayBuffer);
    expect(book.getWorksheet('邀请码')?.rowCount).toBe(4);
  });

  it('limits submissions per address: the 21st attempt in 10 minutes is refused', async () => {
    const survey = await create(s.preparer, design());
    const address = '192.0.2.55';
    for (let attempt = 0; attempt < 20; attempt += 1) {
      const response = await submit(survey.slug, { answers: { a: 'fair' } }, address);
      expect(response.statusCode).toBe(400);
    }
    const refused = await submit(survey.slug, { answers: { a: 'fair', b: 'fair' } }, address);
    expect([refused.statusCode, refused.json().code, refused.json().message]).toEqual([
      429,
      'TOO_MANY_ATTEMPTS',
      '提交过于频繁，请 10 分钟后再试',
    ]);
    expect((await submit(survey.slug, { answers: { a: 'fair', b: 'fair' } }, '192.0.2.56')).statusCode).toBe(201);
    later(601);
    expect((await submit(survey.slug, { answers: { a: 'fair', b: 'satisfied' } }, address)).statusCode).toBe(201);
  });

  it('records the completion time and flags fast, uniform and repeated answers without excluding them', async () => {
    const survey = await create(s.preparer, design({ questions: [scale('a'), scale('b'), scale('c'), scale('d'), scale('e')] }));
    const token = (await form(survey.slug)).json().formToken;
    later(12);
    const same = { a: 'fair', b: 'fair', c: 'fair', d: 'fair', e: 'fair' };
    expect((await submit(survey.slug, { answers: same, formToken: token }, '203.0.113.99')).statusCode).toBe(201);
    later(100);
    expect((await submit(survey.slug, { answers: same, formToken: token }, '203.0.113.99')).statusCode).toBe(201);
    const rows = (await as(t.app, s.reviewer).get(`/api/surveys/${survey.id}/responses`)).json().items;
    expect(rows.map((row: { completionSeconds: number; flags: string[] }) => [row.completionSeconds, row.flags])).toEqual([
      [12, ['too-fast', 'straight-lining']],
      [112, ['straight-lining', 'duplicate']],
    ]);
    const results = (await as(t.app, s.reviewer).get(`/api/surveys/${survey.id}/results`)).json();
    expect([results.valid, results.flagged]).toEqual([2, 2]);
  });

  it('reminds the reviewer of flagged responses until each is kept (audited) or excluded with a reason', async () => {
    const survey = await create(s.preparer, design({ questions: [scale('a'), scale('b'), scale('c'), scale('d'), scale('e')] }));
    const same = { a: 'fair', b: 'fair', c: 'fair', d: 'fair', e: 'fair' };
    expect((await answer(survey.slug, same, {}, '203.0.113.120')).statusCode).toBe(201);
    expect((await answer(survey.slug, same, {}, '203.0.113.121')).statusCode).toBe(201);
    const varied = { a: 'fair', b: 'satisfied', c: 'fair', d: 'very-satisfied', e: 'fair' };
    expect((await answer(survey.slug, varied, {}, '203.0.113.122')).statusCode).toBe(201);
    const rows = (await as(t.app, s.reviewer).get(`/api/surveys/${survey.id}/responses`)).json().items as {
      id: string;
      flags: string[];
      kept: unknown;
    }[];
    const [first, second, clean] = rows;
    if (!first || !second || !clean) throw new Error('three responses expected');
    expect([first.flags.length > 0, second.flags.length > 0, clean.flags]).toEqual([true, true, []]);
    const reviewTask = async (session: Session) =>
      ((await as(t.app, session).get('/api/tasks')).json().items as { surveyId?: string; action: string; title: string }[]).find(
        (task) => task.surveyId === survey.id && task.action === 'survey-flagged',
      );
    expect((await reviewTask(s.reviewer))?.title).toBe(`${survey.title}（2 份答卷有复核提示，待保留或排除）`);
    // The preparer may not keep or exclude, so it is not reminded.
    expect(await reviewTask(s.preparer)).toBeUndefined();

    const keepPath = (id: string) => `/api/surveys/${survey.id}/responses/${id}/keep`;
    expect((await as(t.app, s.preparer).post(keepPath(first.id), {})).statusCode).toBe(403);
    const cleanKeep = await as(t.app, s.reviewer).post(keepPath(clean.id), {});
    expect([cleanKeep.statusCode, cleanKeep.json().message]).toEqual([409, '该答卷没有复核提示（过快、雷同作答或疑似重复），无需复核']);
    const kept = await as(t.app, s.reviewer).post(keepPath(first.id), {});
    expect(kept.statusCode, kept.body).toBe(200);
    expect((await as(t.app, s.reviewer).post(keepPath(first.id), {})).statusCode).toBe(409);
    const [entry] = await t.deps.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, first.id), eq(auditLog.action, 'review')));
    expect([entry?.before, entry?.after]).toEqual([{ kept: false, flags: first.flags }, { kept: true }]);
    expect((await reviewTask(s.reviewer))?.title).toBe(`${survey.title}（1 份答卷有复核提示，待保留或排除）`);

    const excluded = await as(t.app, s.reviewer).post(`/api/surveys/${survey.id}/responses/${second.id}/exclude`, {
      reason: '同一企业重复作答',
    });
    expect(excluded.statusCode, excluded.body).toBe(200);
    expect((await as(t.app, s.reviewer).post(keepPath(second.id), {})).statusCode).toBe(409);
    expect(await reviewTask(s.reviewer)).toBeUndefined();
    const after = (await as(t.app, s.reviewer).get(`/api/surveys/${survey.id}/responses`)).json().items;
    expect(after[0].kept).toMatchObject({ by: expect.any(String) });
    expect(after[0].flags).toEqual(first.flags);
    const results = (await as(t.app, s.reviewer).get(`/api/surveys/${survey.id}/results`)).json();
    expect([results.valid, results.excluded]).toEqual([2, 1]);
  });
});

describe('results, exclusion and the linked indicator', () => {
  let survey: { id: string; slug: string; version: number };
  let indicatorBefore: string | null;

  it('feeds a linked indicator, exactly, with the method and sample in its wording', async () => {
    const target = satisfactionIds[0] as string;
    indicatorBefore =
      (await detail(t.app, s.preparer, evaluationId)).indicators.find((entry) => entry.id === target)?.computedActual ?? null;
    expect(indicatorBefore).toBeNull();
    const score = (await as(t.app, s.preparer).get(`/api/evaluations/${evaluationId}/score`)).json();
    expect(score.findings.some((entry: { code: string }) => entry.code === 'SATISFACTION_SURVEY_MISSING')).toBe(true);

    survey = await create(s.preparer, design({ links: { indicatorIds: [target] } }));
    const answers = [
      { a: 'very-satisfied', b: 'very-satisfied', channel: 'web' },
      { a: 'satisfied', b: 'fair', channel: 'web' },
      { a: 'fair', b: 'dissatisfied', channel: 'notice', note: '拨付可以更快' },
      { a: 'very-dissatisfied', b: 'very-dissatisfied' },
    ];
    for (const [index, entry] of answers.entries()) {
      const response = await answer(survey.slug, entry, {}, `198.51.100.${index + 1}`);
      expect(response.statusCode, response.body).toBe(201);
    }
    const paper = await as(t.app, s.reviewer).post(`/api/surveys/${survey.id}/responses`, {
      answers: { a: 'satisfied', b: 'satisfied' },
      receivedOn: '2026-12-01',
    });
    expect(paper.statusCode, paper.body).toBe(201);
    const rows = (await as(t.app, s.reviewer).get(`/api/surveys/${survey.id}/responses`)).json().items;
    expect(rows.map((row: { channel: string }) => row.channel)).toEqual(['paper', 'online', 'online', 'online', 'online']);
  });

  it('excludes a response only for a reviewer, with a reason, audited, answers unchanged', async () => {
    const rows = (await as(t.app, s.reviewer).get(`/api/surveys/${survey.id}/responses`)).json().items;
    const paperId = rows[0].id;
    const worst = rows.find((row: { answers: { a: string } }) => row.answers.a === 'very-dissatisfied');
    const byPreparer = await as(t.app, s.preparer).post(`/api/surveys/${survey.id}/responses/${worst.id}/exclude`, { reason: '测试' });
    expect(byPreparer.statusCode).toBe(403);
    const noReason = await as(t.app, s.reviewer).post(`/api/surveys/${survey.id}/responses/${worst.id}/exclude`, { reason: ' ' });
    expect(noReason.statusCode).toBe(400);
    const excluded = await as(t.app, s.reviewer).post(`/api/surveys/${survey.id}/responses/${paperId}/exclude`, {
      reason: '纸质问卷重复录入',
    });
    expect(excluded.statusCode, excluded.body).toBe(200);
    const twice = await as(t.app, s.reviewer).post(`/api/surveys/${survey.id}/responses/${paperId}/exclude`, { reason: '再次排除' });
    expect(twice.statusCode).toBe(409);
    const [entry] = await t.deps.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, paperId), eq(auditLog.action, 'exclude')))
      .orderBy(asc(auditLog.seq));
    expect(entry?.after).toEqual({ excluded: true, reason: '纸质问卷重复录入' });
    const after = (await as(t.app, s.reviewer).get(`/api/surveys/${survey.id}/responses`)).json().items[0];
    expect(after.answers).toEqual({ a: 'satisfied', b: 'satisfied' });
    expect(after.excluded).toMatchObject({ reason: '纸质问卷重复录入', by: expect.any(String) });
  });

  it('gives exact results for a known set', async () => {
    // Valid: (100, 100), (80, 60×2), (60, 40×2), (0, 0×2) → 100, 66.667, 46.667, 0 → mean 53.3333; satisfied 1, 1/3, 0, 0 → 33.33 %.
    const results = (await as(t.app, s.reviewer).get(`/api/surveys/${survey.id}/results`)).json();
    expect(results).toMatchObject({
      received: 5,
      excluded: 1,
      valid: 4,
      planned: 278,
      satisfaction: '53.33',
      satisfiedRate: '33.33',
      margin: '48.9',
      confidence: '95',
      method: '线上问卷调查',
    });
    expect(results.questions[0].counts.map((entry: { label: string; count: number }) => [entry.label, entry.count])).toEqual([
      ['非常满意', 1],
      ['满意', 1],
      ['基本满意', 1],
      ['不满意', 0],
      ['非常不满意', 1],
    ]);
    expect(results.questions[2]).toMatchObject({
      answered: 3,
      counts: [
        { label: '网站', count: 2 },
        { label: '通知', count: 1 },
      ],
    });
    expect(results.timeline.reduce((sum: number, day: { count: number }) => sum + day.count, 0)).toBe(4);
    const sheet = await as(t.app, s.reviewer).get(`/api/surveys/${survey.id}/responses.xlsx`);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(sheet.rawPayload as unknown as ArrayBuffer);
    const rows = book.getWorksheet('答卷');
    expect(rows?.rowCount).toBe(6);
    expect(rows?.getRow(2).getCell(2).value).toBe('纸质');
    expect(rows?.getRow(2).getCell(7).value).toBe('纸质问卷重复录入');
  });

  it('gives the linked indicator its actual and source, and a short sample is a quality warning', async () => {
    const target = satisfactionIds[0] as string;
    const indicator = (await detail(t.app, s.preparer, evaluationId)).indicators.find((entry) => entry.id === target);
    expect(indicator?.computedActual).toBe('53.33');
    expect(indicator?.actualSource).toBe(
      '由问卷调查计算：“产业扶持资金受补贴企业满意度调查”，线上问卷调查，2026-12-02 至 2026-12-02，有效样本 4 份（计划 278 份），误差 ±48.9%，置信度 95%，满意度为各量表题加权平均得分',
    );
    const score = (await as(t.app, s.preparer).get(`/api/evaluations/${evaluationId}/score`)).json();
    const codes = score.findings
      .filter((entry: { subject: { name: string } }) => entry.subject.name === indicator?.name)
      .map((entry: { code: string }) => entry.code);
    expect(codes).toContain('SATISFACTION_SAMPLE_SHORT');
    expect(codes).not.toContain('SATISFACTION_SURVEY_MISSING');
    const report = await as(t.app, s.preparer).get(`/api/evaluations/${evaluationId}/report.html`);
    expect(report.statusCode).toBe(200);
    expect(report.body).toContain('通过问卷调查（有效样本 4 份，误差 ±48.9%），实际满意度 53.33%');
  });

  it('freezes the survey figure at submission: later responses do not move it', async () => {
    // The low figure needs its reason before the evaluation may be submitted.
    const indicator = (await detail(t.app, s.preparer, evaluationId)).indicators.find((entry) => entry.id === satisfactionIds[0]);
    const reason = await as(t.app, s.preparer).patch(`/api/indicators/${indicator?.id}`, {
      version: indicator?.version,
      deviationReason: '样本偏少，调查仍在进行',
    });
    expect(reason.statusCode, reason.body).toBe(200);
    const submitted = await transition(t.app, s.preparer, evaluationId, 'submit');
    expect(submitted.statusCode, submitted.body).toBe(200);
    const more = await answer(survey.slug, { a: 'very-satisfied', b: 'very-satisfied' }, {}, '198.51.100.77');
    expect(more.statusCode).toBe(201);
    const live = (await as(t.app, s.reviewer).get(`/api/surveys/${survey.id}/results`)).json();
    expect(live.satisfaction).toBe('62.67');
    const frozen = (await detail(t.app, s.reviewer, evaluationId)).indicators.find((entry) => entry.id === satisfactionIds[0]);
    expect(frozen?.computedActual).toBe('53.33');
    expect(frozen?.actualSource).toMatch(/有效样本 4 份.*（\d{4}-\d{2}-\d{2} 提交时的调查结果）$/);
  });
});
