import type { RereviewDetail, RereviewSampleDetail } from '@jixiao/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publishedRereviews } from '../src/rereview/rereview.service.ts';
import { demoEvaluations, demoSessions, transition } from './fixtures.ts';
import { as, login, type TestApp, testApp } from './harness.ts';

/**
 * 抽查复核 through the API: a reproducible draw over the demo's FY2024 evaluations, hand picks, the
 * confirmation, re-scoring with reasons, segregation, completion with exact deviations, publication.
 */
let t: TestApp;
let s: Awaited<ReturnType<typeof demoSessions>>;
let ids: string[];
let roundId: string;

const hundredths = (text: string) => Math.round(Number(text) * 100);
const text = (value: number) => (value / 100).toFixed(2);

beforeAll(async () => {
  t = await testApp();
  s = await demoSessions(t.app);
  const { department, project } = await demoEvaluations(t.app, s.finance);
  if (!department || !project) throw new Error('demo evaluations missing');
  ids = [department.id, project.id];
  // The demo's evaluations are drafts: the unit submits them, so that they can be sampled.
  for (const id of ids) {
    const submitted = await transition(t.app, s.preparer, id, 'submit');
    if (submitted.statusCode !== 200) throw new Error(`submit ${id}: ${submitted.body}`);
  }
});
afterAll(async () => t?.close());

const round = async (session = s.finance) => {
  const response = await as(t.app, session).get(`/api/rereviews/${roundId}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as RereviewDetail;
};
const sample = async (sampleId: string) => {
  const response = await as(t.app, s.finance).get(`/api/rereviews/${roundId}/samples/${sampleId}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as RereviewSampleDetail;
};

describe('抽查复核', () => {
  it('previews a reproducible draw over the year’s submitted and approved evaluations', async () => {
    const rule = { random: { share: '50', stratify: 'none' } };
    const first = await as(t.app, s.finance).post('/api/rereviews/preview', { fiscalYear: 2024, rule });
    expect(first.statusCode, first.body).toBe(200);
    const body = first.json();
    expect(body.population).toBe(2);
    expect(body.sample).toHaveLength(1);
    expect(body.sample[0].reasonText).toBe('随机抽取');
    const again = await as(t.app, s.finance).post('/api/rereviews/preview', { fiscalYear: 2024, rule, seed: body.seed });
    expect(again.json().sample.map((entry: { evaluationId: string }) => entry.evaluationId)).toEqual(
      body.sample.map((entry: { evaluationId: string }) => entry.evaluationId),
    );
    const all = await as(t.app, s.finance).post('/api/rereviews/preview', { fiscalYear: 2024, rule: { threshold: '0.01' }, seed: 'x' });
    expect(all.json().sample.map((entry: { reason: string }) => entry.reason)).toEqual(['threshold', 'threshold']);
  });

  it('refuses a rule that draws nothing, naming the field', async () => {
    const response = await as(t.app, s.finance).post('/api/rereviews/preview', { fiscalYear: 2024, rule: {} });
    expect(response.statusCode).toBe(400);
    expect(response.json().details).toEqual([{ path: 'body.rule', message: expect.stringContaining('至少选择一种抽取方式') }]);
  });

  it('only the finance bureau draws: a department user is refused', async () => {
    const response = await as(t.app, s.reviewer).post('/api/rereviews/preview', { fiscalYear: 2024, rule: { threshold: '1' } });
    expect(response.statusCode).toBe(403);
  });

  it('creates a round, adds the other evaluation by hand and confirms', async () => {
    const created = await as(t.app, s.finance).post('/api/rereviews', {
      fiscalYear: 2024,
      title: '2024 年度抽查复核',
      rule: { random: { share: '50', stratify: 'department' } },
      seed: 'seed-2024',
    });
    expect(created.statusCode, created.body).toBe(201);
    roundId = created.json().id;
    const draft = await round();
    expect(draft.sample).toHaveLength(1);
    expect(draft.sample[0]?.reasonText).toBe(`随机抽取（${draft.sample[0]?.departmentName}）`);
    const other = draft.others[0]?.evaluationId as string;
    const edited = await as(t.app, s.finance).put(`/api/rereviews/${roundId}/sample`, {
      include: [other],
      exclude: [],
      version: draft.version,
    });
    expect(edited.statusCode, edited.body).toBe(200);
    const withBoth = await round();
    expect(withBoth.sample.map((entry) => entry.evaluationId).sort()).toEqual([...ids].sort());
    expect(withBoth.sample.find((entry) => entry.evaluationId === other)?.reasonText).toBe('手工选取');
    // The same seed and rule replay the same draw.
    const again = await round();
    expect(again.sample).toEqual(withBoth.sample);
    expect((await as(t.app, s.finance).post(`/api/rereviews/${roundId}/confirm`, { version: draft.version })).statusCode).toBe(409);
    const confirmed = await as(t.app, s.finance).post(`/api/rereviews/${roundId}/confirm`, { version: withBoth.version });
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    expect((await round()).permissions).toMatchObject({ edit: false, rescore: true, publish: false });
    const tasks = (await as(t.app, s.finance).get('/api/tasks')).json().items as { rereviewId?: string; action: string }[];
    expect(tasks.filter((task) => task.action === 'rereview').map((task) => task.rereviewId)).toEqual([roundId]);
  });

  it('re-scores beside the self-score: a different score needs a reason naming the indicator', async () => {
    const [first] = (await round()).sample;
    const view = await sample(first?.sampleId as string);
    expect(view.permissions.rescore).toBe(true);
    const item = view.items.find((entry) => hundredths(entry.selfScore) >= 100) ?? view.items[0];
    if (!item) throw new Error('no scored item');
    const lower = text(hundredths(item.selfScore) - 100);
    const missing = await as(t.app, s.finance).put(`/api/rereviews/${roundId}/samples/${view.sampleId}/scores`, {
      scores: [{ itemId: item.itemId, score: lower }],
      version: view.version,
    });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().details).toEqual([
      { path: 'body.scores[0].reason', message: `“${item.name}”的复核分 ${lower} 与自评分 ${item.selfScore} 不同，须填写复核理由` },
    ]);
    const above = await as(t.app, s.finance).put(`/api/rereviews/${roundId}/samples/${view.sampleId}/scores`, {
      scores: [{ itemId: item.itemId, score: text(hundredths(item.weight) + 1), reason: '多' }],
      version: view.version,
    });
    expect(above.statusCode).toBe(400);
    expect(above.json().details[0].message).toContain(`“${item.name}”的复核分`);
    const saved = await as(t.app, s.finance).put(`/api/rereviews/${roundId}/samples/${view.sampleId}/scores`, {
      scores: [{ itemId: item.itemId, score: lower, reason: '佐证材料不足以支持满分' }],
      version: view.version,
    });
    expect(saved.statusCode, saved.body).toBe(200);
    const after = await sample(view.sampleId);
    expect(after.items.find((entry) => entry.itemId === item.itemId)).toMatchObject({ score: lower, reason: '佐证材料不足以支持满分' });
  });

  it('a department user cannot see or re-score the round', async () => {
    const [first] = (await round()).sample;
    for (const session of [s.reviewer, s.preparer]) {
      expect((await as(t.app, session).get(`/api/rereviews/${roundId}`)).statusCode).toBe(404);
      const put = await as(t.app, session).put(`/api/rereviews/${roundId}/samples/${first?.sampleId}/scores`, {
        scores: [{ itemId: 'x', score: '1' }],
        version: 1,
      });
      expect(put.statusCode).toBe(404);
    }
    expect((await as(t.app, s.auditor).get(`/api/rereviews/${roundId}`)).statusCode).toBe(200);
    // A finance reviewer who also holds a post in the evaluated department may read, never re-score.
    const organisations = (await as(t.app, s.admin).get('/api/organisations')).json().items as { id: string; code: string }[];
    const bureau = organisations.find((entry) => entry.code === 'PY-CZJ')?.id;
    const department = organisations.find((entry) => entry.code === 'PY-KGSX')?.id;
    const created = await as(t.app, s.admin).post('/api/users', {
      username: 'dual.finance',
      displayName: '兼任人员',
      organisationId: bureau,
      roles: [
        { role: 'finance-reviewer', organisationId: bureau },
        { role: 'department-reviewer', organisationId: department },
      ],
    });
    expect(created.statusCode, created.body).toBe(201);
    const dual = await login(t.app, 'dual.finance', created.json().initialPassword);
    const password = 'Rereview-Test-2026!';
    const changed = await as(t.app, dual).post('/api/auth/password', {
      currentPassword: created.json().initialPassword,
      newPassword: password,
    });
    expect(changed.statusCode, changed.body).toBe(200);
    const dualSession = await login(t.app, 'dual.finance', password);
    const view = await as(t.app, dualSession).get(`/api/rereviews/${roundId}/samples/${first?.sampleId}`);
    expect(view.statusCode, view.body).toBe(200);
    expect(view.json().permissions).toMatchObject({
      rescore: false,
      refusal: '被评价部门的人员不能复核本部门的自评（不相容岗位相互分离）',
    });
    const refused = await as(t.app, dualSession).put(`/api/rereviews/${roundId}/samples/${first?.sampleId}/scores`, {
      scores: [{ itemId: 'x', score: '1' }],
      version: view.json().version,
    });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().message).toContain('不相容岗位相互分离');
    expect((await as(t.app, s.auditor).post(`/api/rereviews/${roundId}/publish`, { version: 1 })).statusCode).toBe(403);
  });

  it('completes each re-review with an opinion; deviations per evaluation and per department are exact', async () => {
    const detail = await round();
    const expected: number[] = [];
    for (const [index, entry] of detail.sample.entries()) {
      const view = await sample(entry.sampleId);
      const early = await as(t.app, s.finance).post(`/api/rereviews/${roundId}/samples/${view.sampleId}/complete`, {
        opinion: '复核意见',
        version: view.version,
      });
      if (view.items.some((item) => item.score === null)) expect(early.statusCode).toBe(400);
      // The second evaluation: its first item 0.50 lower than the self-score, everything else as self-scored.
      const scores = view.items.map((item, position) => {
        if (item.score !== null) return { itemId: item.itemId, score: item.score, reason: item.reason };
        const lower = index === 1 && position === 0 && hundredths(item.selfScore) >= 50;
        return lower
          ? { itemId: item.itemId, score: text(hundredths(item.selfScore) - 50), reason: '指标完成值口径不符' }
          : { itemId: item.itemId, score: item.selfScore };
      });
      const fresh = await sample(view.sampleId);
      const saved = await as(t.app, s.finance).put(`/api/rereviews/${roundId}/samples/${view.sampleId}/scores`, {
        scores,
        version: fresh.version,
      });
      expect(saved.statusCode, saved.body).toBe(200);
      const ready = await sample(view.sampleId);
      const self = ready.items.reduce((sum, item) => sum + hundredths(item.selfScore), 0);
      const again = ready.items.reduce((sum, item) => sum + hundredths(item.score ?? '0'), 0);
      expected.push(self - again);
      const noOpinion = await as(t.app, s.finance).post(`/api/rereviews/${roundId}/samples/${view.sampleId}/complete`, {
        opinion: ' ',
        version: ready.version,
      });
      expect(noOpinion.statusCode).toBe(400);
      const done = await as(t.app, s.finance).post(`/api/rereviews/${roundId}/samples/${view.sampleId}/complete`, {
        opinion: index === 0 ? '自评基本客观，个别指标评分偏高' : '自评客观',
        version: ready.version,
      });
      expect(done.statusCode, done.body).toBe(200);
      const completed = await sample(view.sampleId);
      expect(completed.selfTotal).toBe(text(self));
      expect(completed.rereviewTotal).toBe(text(again));
      expect(completed.deviation).toBe(text(self - again));
      expect(completed.permissions.rescore).toBe(false);
    }
    expect(expected).toEqual([100, 50]);
    const results = await round();
    expect(results.results.map((entry) => entry.deviation)).toEqual(['1.00', '0.50']);
    // Both evaluations are the reference department's: (1.00 + 0.50) ÷ 2 = 0.75.
    expect(results.departments).toEqual([{ departmentName: results.sample[0]?.departmentName, completed: 2, averageDeviation: '0.75' }]);
    expect(results.permissions.publish).toBe(true);
  });

  it('publishes the results for the public site', async () => {
    expect(await publishedRereviews(t.deps.db, 2024)).toEqual([]);
    const { version } = await round();
    const published = await as(t.app, s.finance).post(`/api/rereviews/${roundId}/publish`, { version });
    expect(published.statusCode, published.body).toBe(200);
    const after = await round();
    expect(after.published).toBe(true);
    expect(after.publishedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const open = await publishedRereviews(t.deps.db, 2024);
    expect(open).toHaveLength(1);
    expect(open[0]?.results.map((entry) => [entry.deviation, entry.opinion])).toEqual([
      ['1.00', '自评基本客观，个别指标评分偏高'],
      ['0.50', '自评客观'],
    ]);
    expect(open[0]?.departments[0]?.averageDeviation).toBe('0.75');
    const list = await as(t.app, s.finance).get('/api/rereviews?fiscalYear=2024');
    expect(list.json().items).toMatchObject([{ id: roundId, sampleCount: 2, completedCount: 2, published: true }]);
  });
});
