import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, evaluations } from '../src/db/schema.ts';
import { demoEvaluations, demoSessions, detail } from './fixtures.ts';
import { as, multipart, type TestApp, testApp } from './harness.ts';

let t: TestApp;
let s: Awaited<ReturnType<typeof demoSessions>>;
let id: string;
beforeAll(async () => {
  t = await testApp();
  s = await demoSessions(t.app);
  const { department } = await demoEvaluations(t.app, s.preparer);
  if (!department) throw new Error('demo missing');
  id = department.id;
});
afterAll(() => t.close());

describe('the demo evaluation', () => {
  it('lists with its cached total and grade', async () => {
    const { department } = await demoEvaluations(t.app, s.preparer);
    expect(department).toMatchObject({
      organisationName: '广州市番禺区科技工业商务和信息化局',
      fiscalYear: 2024,
      status: 'draft',
      total: '99.52',
      grade: '优',
      errorCount: 0,
    });
  });

  it('counts the department’s subordinate units for the report header', async () => {
    expect((await detail(t.app, s.preparer, id)).subordinateUnitCount).toBe(6);
    const html = await as(t.app, s.preparer).get(`/api/evaluations/${id}/report.html`);
    expect(html.body).toContain('6个');
  });

  it('scores every indicator with its rule, inputs and arithmetic', async () => {
    const score = (await as(t.app, s.preparer).get(`/api/evaluations/${id}/score`)).json();
    expect(score.total).toEqual({ computed: '99.52', final: '99.52' });
    expect(score.items).toHaveLength(22 + 10);
    expect(score.items[0]).toMatchObject({
      name: '产业扶持资金促进企业产生工业投资',
      final: '1.67',
      explanation: {
        rule: 'quantitative.at-least',
        text: '23.39 ≥ 20 → 满分 1.67',
        inputs: { 目标值: '20', 完成值: '23.39', 分值: '1.67' },
      },
    });
    expect(score.findings.map((entry: { code: string }) => entry.code)).toContain('TARGET_TOO_LOW');
  });
});

describe('editing indicators', () => {
  it('re-scores on every change, in the same transaction', async () => {
    const indicator = (await detail(t.app, s.preparer, id)).indicators.find((entry) => entry.code === 'G1-1');
    const response = await as(t.app, s.preparer).patch(`/api/indicators/${indicator?.id}`, {
      version: indicator?.version,
      actual: '10',
      deviationReason: '受市场影响投资放缓',
    });
    expect(response.statusCode).toBe(200);
    const { department } = await demoEvaluations(t.app, s.preparer);
    expect(department?.total).toBe('98.69'); // 1.67 × 10 ÷ 20 = 0.84 → 99.52 − 0.83
    const restore = (await detail(t.app, s.preparer, id)).indicators.find((entry) => entry.code === 'G1-1');
    await as(t.app, s.preparer).patch(`/api/indicators/${restore?.id}`, {
      version: restore?.version,
      actual: '23.39',
      deviationReason: null,
    });
  });

  it('answers a content write with the evaluation as it now stands, so the web app need not load it again', async () => {
    const before = await detail(t.app, s.preparer, id);
    const indicator = before.indicators.find((entry) => entry.code === 'G1-1');
    const response = await as(t.app, s.preparer).patch(`/api/indicators/${indicator?.id}`, {
      version: indicator?.version,
      dataSource: '区统计局年报',
    });
    expect(response.statusCode).toBe(200);
    const answer = response.json();
    expect(answer).toEqual(await detail(t.app, s.preparer, id));
    expect(answer.revision).toBe(before.revision + 1);
    const changed = answer.indicators.find((entry: { code: string }) => entry.code === 'G1-1');
    expect(changed).toMatchObject({ dataSource: '区统计局年报', version: (indicator?.version ?? 0) + 1 });

    const goal = before.goals[0];
    const goalAnswer = await as(t.app, s.preparer).patch(`/api/goals/${goal?.id}`, { version: goal?.version, summary: '产业发展' });
    expect(goalAnswer.json().goals[0]).toMatchObject({ summary: '产业发展', version: (goal?.version ?? 0) + 1 });

    const entry = before.management[0];
    const managementAnswer = await as(t.app, s.preparer).put(`/api/evaluations/${id}/management/${entry?.code}`, {
      version: entry?.version ?? undefined,
      note: '按年报填列',
    });
    expect(managementAnswer.statusCode).toBe(200);
    expect(managementAnswer.json().management[0]).toMatchObject({ code: entry?.code, note: '按年报填列' });
  });

  it('refuses a stale edit with a conflict and keeps the other user’s change', async () => {
    const indicator = (await detail(t.app, s.preparer, id)).indicators[1];
    const first = await as(t.app, s.preparer).patch(`/api/indicators/${indicator?.id}`, {
      version: indicator?.version,
      actualText: '实际全年规上工业总产值2684亿元（第一人）',
    });
    expect(first.statusCode).toBe(200);
    const stale = await as(t.app, s.preparer).patch(`/api/indicators/${indicator?.id}`, {
      version: indicator?.version,
      actualText: '第二人的修改',
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ code: 'VERSION_CONFLICT', message: '绩效指标已被他人修改，你的修改未保存。请刷新后重新修改。' });
    const after = (await detail(t.app, s.preparer, id)).indicators[1];
    expect(after?.actualText).toBe('实际全年规上工业总产值2684亿元（第一人）');
  });

  it('adds, updates and deletes an indicator and a goal, audited', async () => {
    const goal = await as(t.app, s.preparer).post(`/api/evaluations/${id}/goals`, { text: '提升企业服务满意度', summary: '企业服务' });
    expect(goal.statusCode).toBe(201);
    const created = await as(t.app, s.preparer).post(`/api/evaluations/${id}/indicators`, {
      goalId: goal.json().id,
      level1: 'output',
      level2: 'quality',
      name: '企业诉求办结率',
      direction: '>=',
      target: '95',
      unit: '%',
      actual: '97.5',
      dataSource: '12345热线工单统计',
    });
    expect(created.statusCode).toBe(201);
    const indicator = (await detail(t.app, s.preparer, id)).indicators.find((entry) => entry.id === created.json().id);
    expect(indicator).toMatchObject({ code: 'I23', name: '企业诉求办结率', target: '95', actual: '97.5', version: 1 });
    expect((await as(t.app, s.preparer).delete(`/api/indicators/${indicator?.id}?version=1`)).statusCode).toBe(200);
    const goals = (await detail(t.app, s.preparer, id)).goals;
    const added = goals.find((entry) => entry.id === goal.json().id);
    expect((await as(t.app, s.preparer).delete(`/api/goals/${added?.id}?version=${added?.version}`)).statusCode).toBe(200);
    const audit = await t.deps.db.select().from(auditLog).where(eq(auditLog.entityId, created.json().id)).orderBy(auditLog.seq);
    expect(audit.map((row) => row.action)).toEqual(['create', 'delete']);
    expect(audit[0]?.actorName).toBe('吴晓东');
  });

  it('saves 管理效率 figures and reports missing ones by name', async () => {
    const current = (await detail(t.app, s.preparer, id)).management.find((entry) => entry.code === 'carry-over-rate');
    const saved = await as(t.app, s.preparer).put(`/api/evaluations/${id}/management/carry-over-rate`, {
      version: current?.version ?? undefined,
      // The demo takes this item from its ledger: typed figures count once it is unbound.
      binding: null,
      amounts: { carryOverBalance: '40000000.00' },
      deviationReason: '项目跨年实施',
    });
    expect(saved.statusCode).toBe(200);
    const score = (await as(t.app, s.preparer).get(`/api/evaluations/${id}/score`)).json();
    const item = score.items.find((entry: { id: string }) => entry.id === 'carry-over-rate');
    expect(item.explanation.text).toBe('结转结余率 = 40,000,000.00 ÷ 305,504,000.00 = 13.09%；13.09% > 10% → 4.00 × 10% ÷ 13.09% = 3.06');
    const unknown = await as(t.app, s.preparer).put(`/api/evaluations/${id}/management/carry-over-rate`, {
      amounts: { somethingElse: '1.00' },
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().details).toEqual([{ path: 'body.amounts.somethingElse', message: '“结转结余率”没有这项金额' }]);
  });
});

describe('bad input on every write route', () => {
  /** Each route with a payload that must be refused: 400, field paths named, nothing written. */
  const cases = (ids: { indicator: string; goal: string; version: number }) =>
    [
      ['PATCH', `/api/evaluations/${id}`, { version: 1, budget: { executed: '1.005' } }, 'body.budget.executed'],
      ['PATCH', `/api/evaluations/${id}`, { version: 1, filledOn: '2025/6/20' }, 'body.filledOn'],
      ['PATCH', `/api/evaluations/${id}`, { budget: { executed: '100' } }, 'body.version'],
      ['POST', `/api/evaluations/${id}/goals`, { text: '' }, 'body.text'],
      ['PATCH', `/api/goals/${ids.goal}`, { version: 'one' }, 'body.version'],
      [
        'POST',
        `/api/evaluations/${id}/indicators`,
        { level1: 'output', level2: 'economic', name: '错层级', direction: '>=', target: '1' },
        'body.level2',
      ],
      [
        'POST',
        `/api/evaluations/${id}/indicators`,
        { level1: 'output', level2: 'quantity', name: '数量', direction: '≥', target: '1' },
        'body.direction',
      ],
      [
        'POST',
        `/api/evaluations/${id}/indicators`,
        { level1: 'output', level2: 'quantity', name: '数量', direction: '>=', target: '九十' },
        'body.target',
      ],
      ['PATCH', `/api/indicators/${ids.indicator}`, { version: ids.version, actual: '23,39' }, 'body.actual'],
      ['PATCH', `/api/indicators/${ids.indicator}`, { version: ids.version, weight: '-1' }, 'body.weight'],
      ['PATCH', `/api/indicators/${ids.indicator}`, { version: ids.version, direction: 'qualitative' }, 'body.target'],
      [
        'PUT',
        `/api/evaluations/${id}/management/carry-over-rate`,
        { amounts: { carryOverBalance: 19200000 } },
        'body.amounts.carryOverBalance',
      ],
      ['POST', `/api/evaluations/${id}/transitions`, { action: 'approve' }, 'body.revision'],
      ['POST', '/api/evaluations', { kind: 'department', fiscalYear: 2024 }, 'body.organisationId'],
      [
        'POST',
        '/api/projects',
        { organisationId: id, fiscalYear: 2024, code: 'X', name: 'X', category: '旅游', budget: '1' },
        'body.category',
      ],
    ] as const;

  it.each(Array.from({ length: 15 }, (_, index) => index))('case %i is refused with its field path and changes nothing', async (index) => {
    const view = await detail(t.app, s.preparer, id);
    const indicator = view.indicators[0];
    const goal = view.goals[0];
    if (!indicator || !goal) throw new Error('demo content missing');
    const testCase = cases({ indicator: indicator.id, goal: goal.id, version: indicator.version })[index];
    if (!testCase) throw new Error('no case');
    const [method, url, payload, path] = testCase;
    const [before] = await t.deps.db.select().from(evaluations).where(eq(evaluations.id, id));
    const [{ value: auditBefore } = { value: 0 }] = await t.deps.db.select({ value: count() }).from(auditLog);
    const response = await t.app.inject({ method, url, payload, headers: { cookie: s.preparer.cookie, 'x-csrf-token': s.preparer.csrf } });
    expect(response.statusCode, response.body).toBe(400);
    expect(response.json().code).toBe('VALIDATION_FAILED');
    expect(response.json().details.map((detail: { path: string }) => detail.path)).toContain(path);
    expect(response.json().details.every((detail: { message: string }) => /[\u4e00-\u9fff]/.test(detail.message))).toBe(true);
    const [after] = await t.deps.db.select().from(evaluations).where(eq(evaluations.id, id));
    const [{ value: auditAfter } = { value: 0 }] = await t.deps.db.select({ value: count() }).from(auditLog);
    expect(after?.revision).toBe(before?.revision);
    expect(after?.version).toBe(before?.version);
    expect(auditAfter).toBe(auditBefore);
  });

  it('answers malformed JSON with a 400 in the error shape', async () => {
    const response = await t.app.inject({
      method: 'PATCH',
      url: `/api/evaluations/${id}`,
      payload: '{"version":',
      headers: { cookie: s.preparer.cookie, 'x-csrf-token': s.preparer.csrf, 'content-type': 'application/json' },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ code: 'VALIDATION_FAILED', message: '请求内容不是有效的 JSON', requestId: expect.any(String) });
  });
});

describe('evidence files (佐证材料)', () => {
  const pdf = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF');

  it('uploads, lists and downloads a file under its Chinese name', async () => {
    const indicator = (await detail(t.app, s.preparer, id)).indicators[0];
    const body = multipart('投资统计报表.pdf', pdf);
    const uploaded = await as(t.app, s.preparer).post(
      `/api/evaluations/${id}/attachments?indicatorId=${indicator?.id}`,
      body.payload,
      body.headers,
    );
    expect(uploaded.statusCode, uploaded.body).toBe(201);
    const view = await detail(t.app, s.reviewer, id);
    expect(view.attachments).toEqual([
      expect.objectContaining({
        filename: '投资统计报表.pdf',
        contentType: 'application/pdf',
        sizeBytes: pdf.length,
        indicatorId: indicator?.id,
      }),
    ]);
    expect(view.indicators[0]?.attachmentCount).toBe(1);
    const download = await as(t.app, s.reviewer).get(`/api/attachments/${uploaded.json().id}`);
    expect(download.statusCode).toBe(200);
    expect(download.rawPayload.equals(pdf)).toBe(true);
    expect(download.headers['content-disposition']).toContain(`filename*=UTF-8''${encodeURIComponent('投资统计报表.pdf')}`);
  });

  it('refuses a type not on the list, content that does not match its extension, and oversized files', async () => {
    const exe = multipart('setup.exe', Buffer.from('MZ...'));
    const wrong = await as(t.app, s.preparer).post(`/api/evaluations/${id}/attachments`, exe.payload, exe.headers);
    expect(wrong.statusCode).toBe(415);
    expect(wrong.json().message).toMatch(/^不支持的文件类型“setup.exe”/);
    const fake = multipart('报表.pdf', Buffer.from('MZ this is not a pdf'));
    const mismatch = await as(t.app, s.preparer).post(`/api/evaluations/${id}/attachments`, fake.payload, fake.headers);
    expect(mismatch.statusCode).toBe(415);
    expect(mismatch.json().message).toBe('文件“报表.pdf”的内容与扩展名 .pdf 不符');
    const small = await testApp({ database: t.database, seed: false, env: { ATTACHMENT_MAX_MB: '1' } });
    try {
      const big = multipart('大文件.pdf', Buffer.concat([pdf, Buffer.alloc(1024 * 1024 + 10)]));
      const tooLarge = await as(small.app, s.preparer).post(`/api/evaluations/${id}/attachments`, big.payload, big.headers);
      expect(tooLarge.statusCode).toBe(413);
      expect(tooLarge.json().message).toBe('文件“大文件.pdf”超过 1 MB 的上限');
    } finally {
      await small.close();
    }
  });
});
