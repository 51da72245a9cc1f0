import type { Overview } from '@jixiao/contract';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../src/db/connect.ts';
import { demoEvaluations, demoSessions, transition } from './fixtures.ts';
import { as, type TestApp, testApp } from './harness.ts';

// The demo's FY2024 of 区科工商信局: the department-wide evaluation transcribed from the reference report
// (99.52 points, execution 95.47 %, all 22 indicators at full marks), and the project of 番禺区中小企业服务中心 (91.08 points, execution 85.00 % with its reason written).
// The year's deadlines (2025-06-20 / 06-30 / 07-31) have passed on today's clock.

let t: TestApp;
let s: Awaited<ReturnType<typeof demoSessions>>;
let ids: { department: string; project: string };

const overview = async (session = s.finance, query = 'fiscalYear=2024') => {
  const response = await as(t.app, session).get(`/api/overview?${query}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as Overview;
};

beforeAll(async () => {
  t = await testApp();
  s = await demoSessions(t.app);
  const { department, project } = await demoEvaluations(t.app, s.finance);
  if (!department || !project) throw new Error('demo evaluations missing');
  ids = { department: department.id, project: project.id };
});
afterAll(async () => t.close());

describe('the overview of FY2024', () => {
  it('before the units hand in: two drafts, both overdue, nothing scored, coverage 0 of 1', async () => {
    const body = await overview();
    expect(body.fiscalYear).toBe(2024);
    expect(body.deadlines).toEqual({ submit: '2025-06-20', review: '2025-06-30', finance: '2025-07-31' });
    expect(body.totals).toEqual({
      departments: 1,
      evaluations: 2,
      submitted: 0,
      overdue: 2,
      coverage: '0.00%',
      averageScore: null,
      excellentGoodRate: null,
      anomalies: 0,
    });
    expect(body.departments[0]?.progress).toEqual({
      draft: 2,
      returned: 0,
      submitted: 0,
      department_approved: 0,
      finance_approved: 0,
      published: 0,
    });
    expect(body.departments[0]?.rank).toBeNull();
    expect(body.points).toEqual([]);
  });

  it('once handed in: scores, 优良率, coverage, ranking, the scatter and the anomalies with their rules', async () => {
    expect((await transition(t.app, s.preparer, ids.department, 'submit')).statusCode).toBe(200);
    expect((await transition(t.app, s.unitPreparer, ids.project, 'submit')).statusCode).toBe(200);
    const { all } = await demoEvaluations(t.app, s.finance);
    // The cached totals the list shows are the ones the overview reads.
    expect(all.map((item) => item.total).sort()).toEqual(['91.08', '99.52']);

    const body = await overview();
    // (99.52 + 91.08) / 2 = 95.30; both ≥ 90 → 优 → 优良率 2/2; the one budgeted project is evaluated.
    expect(body.totals).toEqual({
      departments: 1,
      evaluations: 2,
      submitted: 2,
      overdue: 2, // waiting for the department past its review deadline 2025-06-30
      coverage: '100.00%',
      averageScore: '95.30',
      excellentGoodRate: '100.00%',
      anomalies: 4,
    });
    expect(body.distribution).toEqual({ 优: 2, 良: 0, 中: 0, 差: 0 });
    const [department] = body.departments;
    expect(department).toMatchObject({
      name: '广州市番禺区科技工业商务和信息化局',
      submitted: 2,
      budgetedProjects: 1,
      evaluatedProjects: 1,
      rank: 1,
      anomalies: 4,
    });
    expect(department?.progress.submitted).toBe(2);
    expect(department?.units).toEqual([
      {
        unitId: department?.departmentId,
        name: '广州市番禺区科技工业商务和信息化局',
        evaluations: [
          {
            evaluationId: ids.department,
            name: '广州市番禺区科技工业商务和信息化局部门整体支出',
            status: 'submitted',
            selfScore: '99.52',
            anomalies: 3,
          },
        ],
      },
      {
        unitId: expect.any(String),
        name: '番禺区中小企业服务中心（示例）',
        evaluations: [
          {
            evaluationId: ids.project,
            name: '中小企业数字化转型培训及服务券项目（示例）',
            status: 'submitted',
            selfScore: '91.08',
            anomalies: 1,
          },
        ],
      },
    ]);

    expect(
      body.points.map(({ evaluationId, executionBasisPoints, selfScore, highScoreLowSpending }) => ({
        evaluationId,
        executionBasisPoints,
        selfScore,
        highScoreLowSpending,
      })),
    ).toEqual([
      { evaluationId: ids.department, executionBasisPoints: 9547, selfScore: 9952, highScoreLowSpending: false },
      { evaluationId: ids.project, executionBasisPoints: 8500, selfScore: 9108, highScoreLowSpending: false },
    ]);

    expect(body.anomalies.map((a) => [a.evaluationId, a.code, a.detail])).toEqual([
      [ids.department, 'ALL_FULL_MARKS', '22 项指标均为满分'],
      [ids.department, 'HOLLOW_INDICATOR', '质量检查发现 1 类问题'],
      [ids.department, 'SATISFACTION_SURVEY_MISSING', '满意度指标未关联调查'],
      [ids.project, 'SATISFACTION_SURVEY_MISSING', '满意度指标未关联调查'],
    ]);
    const projectAnomaly = body.anomalies[3];
    expect(projectAnomaly).toMatchObject({
      unitName: '番禺区中小企业服务中心（示例）',
      evaluationName: '中小企业数字化转型培训及服务券项目（示例）',
      label: '满意度无调查',
      rule: '满意度指标没有关联满意度调查，实际值未经问卷调查取得',
    });
    // Drill-down ids: department → unit → evaluation.
    expect(projectAnomaly?.departmentId).toBe(department?.departmentId);
    expect(department?.units.map((unit) => unit.unitId)).toContain(projectAnomaly?.unitId);
  });

  it('reads a handed-in project’s figures from the facts cache while its revision holds, and recomputes them after a change', async () => {
    const before = await overview();
    const cached = await queryRows<{ revision: number }>(
      t.deps.db,
      sql`select revision from overview_facts where evaluation_id = ${ids.project}::uuid`,
    );
    expect(cached).toHaveLength(1);
    // Only project evaluations with frozen figures are kept; the department's depends on its units.
    expect(await queryRows(t.deps.db, sql`select 1 from overview_facts where evaluation_id = ${ids.department}::uuid`)).toEqual([]);
    // A planted value proves the second read comes from the cache (the real score is 91.08).
    await t.deps.db.execute(
      sql`update overview_facts set input = jsonb_set(input, '{selfScore}', '5000') where evaluation_id = ${ids.project}::uuid`,
    );
    const planted = await overview();
    expect(planted.points.find((point) => point.evaluationId === ids.project)?.selfScore).toBe(5000);
    // Returned and handed in again: a new revision, so the cache is recomputed from the evaluation.
    expect((await transition(t.app, s.reviewer, ids.project, 'return', '请核对')).statusCode).toBe(200);
    expect((await transition(t.app, s.unitPreparer, ids.project, 'submit')).statusCode).toBe(200);
    const after = await overview();
    expect(after.points.find((point) => point.evaluationId === ids.project)?.selfScore).toBe(9108);
    expect(after.totals).toEqual(before.totals);
  });

  it('filters by text and department', async () => {
    const found = await overview(s.finance, `fiscalYear=2024&q=${encodeURIComponent('数字化转型')}`);
    expect(found.totals.evaluations).toBe(1);
    expect(found.points.map((point) => point.evaluationId)).toEqual([ids.project]);
    const none = await overview(s.finance, `fiscalYear=2024&q=${encodeURIComponent('不存在的项目')}`);
    expect(none.totals).toMatchObject({ departments: 0, evaluations: 0, anomalies: 0 });
    const departmentId = found.departments[0]?.departmentId ?? '';
    expect((await overview(s.finance, `fiscalYear=2024&departmentId=${departmentId}`)).totals.evaluations).toBe(2);
    const missing = await as(t.app, s.finance).get('/api/overview?departmentId=00000000-0000-4000-8000-000000000000');
    expect(missing.statusCode).toBe(404);
    expect(missing.json().message).toBe('部门不存在或无权访问');
  });

  it('defaults to the latest year with evaluations; a year without any is empty', async () => {
    const latest = await overview(s.finance, '');
    expect(latest.fiscalYear).toBe(latest.years[0]);
    const empty = await overview(s.finance, 'fiscalYear=2030');
    expect(empty.totals.evaluations).toBe(0);
    expect(empty.departments).toEqual([]);
  });

  it('scope: the department reviewer sees their own department, the auditor reads, a preparer is refused', async () => {
    const finance = await overview(s.finance);
    const reviewer = await overview(s.reviewer);
    expect(reviewer.departmentOptions.map((option) => option.name)).toEqual(['广州市番禺区科技工业商务和信息化局']);
    expect(reviewer.totals).toEqual(finance.totals);
    expect((await overview(s.auditor)).totals).toEqual(finance.totals);
    for (const session of [s.preparer, s.unitPreparer]) {
      const refused = await as(t.app, session).get('/api/overview');
      expect(refused.statusCode).toBe(403);
      expect(refused.json().message).toBe('总览仅供财政审核人、部门审核人和审计人员查看');
    }
    // Read-only: the overview has no write route.
    expect((await as(t.app, s.auditor).post('/api/overview', {})).statusCode).toBe(404);
  });

  it('names the bad field', async () => {
    const response = await as(t.app, s.finance).get('/api/overview?fiscalYear=abc');
    expect(response.statusCode).toBe(400);
    expect(JSON.stringify(response.json())).toContain('fiscalYear');
  });
});
