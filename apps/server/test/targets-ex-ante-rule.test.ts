import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoSessions } from './fixtures.ts';
import { as, type TestApp, testApp } from './harness.ts';
import { declarationDetail, declarationProject, FULL_INDICATORS, form, reasonsFor, step } from './targets-fixtures.ts';

/** DECLARATION_EX_ANTE_MISSING: a 新增 project at the 事前绩效评估 amount is submitted only once assessed in support. */

let t: TestApp;
let s: Awaited<ReturnType<typeof demoSessions>>;

const CODES = ['necessity', 'economy', 'targets', 'feasibility', 'compliance'].flatMap(
  (dimension) =>
    ({
      necessity: ['policy', 'duty', 'need'],
      economy: ['estimate', 'alternatives', 'scale'],
      targets: ['clarity', 'indicators', 'values'],
      feasibility: ['plan', 'management', 'risk'],
      compliance: ['source', 'method', 'other'],
    })[dimension]?.map((code) => `${dimension}.${code}`) ?? [],
);

beforeAll(async () => {
  t = await testApp();
  s = await demoSessions(t.app);
}, 60_000);
afterAll(() => t.close());

/** A declaration of a 新增 project asking for `fiscal` yuan, saved complete, ready to submit. */
async function bigDeclaration(code: string, fiscal: string, attribute: 'new' | 'continuing' = 'new') {
  const project = await declarationProject(t, code);
  const created = await as(t.app, s.unitPreparer).post('/api/declarations', { kind: 'project', projectId: project.id });
  expect(created.statusCode, created.body).toBe(201);
  const id: string = created.json().id;
  const saved = await as(t.app, s.unitPreparer).put(`/api/declarations/${id}`, {
    ...form(await declarationDetail(t.app, s.unitPreparer, id), FULL_INDICATORS),
    attribute,
    funds: { fiscal, other: '0.00' },
  });
  expect(saved.statusCode, saved.body).toBe(200);
  return { id, projectId: project.id };
}

async function conclude(projectId: string, grade: 'good' | 'poor', conclusion: 'support' | 'reject') {
  const created = await as(t.app, s.finance).post('/api/ex-ante-assessments', { projectId, fiscalYear: 2026 });
  expect(created.statusCode, created.body).toBe(201);
  const id = created.json().id;
  const read = await as(t.app, s.reviewer).get(`/api/ex-ante-assessments/${id}`);
  const saved = await as(t.app, s.reviewer).put(`/api/ex-ante-assessments/${id}`, {
    version: read.json().version,
    entries: CODES.map((code) => ({ code, grade })),
  });
  expect(saved.statusCode, saved.body).toBe(200);
  const concluded = await as(t.app, s.reviewer).post(`/api/ex-ante-assessments/${id}/conclude`, {
    version: saved.json().version,
    confirm: true,
    conclusion,
    opinion: '评估意见（测试）',
  });
  expect(concluded.statusCode, concluded.body).toBe(200);
}

async function submit(id: string) {
  const view = await declarationDetail(t.app, s.unitPreparer, id);
  return step(t.app, s.unitPreparer, id, { action: 'submit', reasons: reasonsFor(view) });
}

const MESSAGE =
  '新增项目“中小企业数字化转型服务项目（EA-RULE-1）”资金总额 500.00 万元，达到事前绩效评估金额标准 500.00 万元，尚无已形成结论的事前绩效评估；须经事前绩效评估且结论为“予以支持”或“调整后支持”后才能提交（事前绩效评估结果作为申请预算的必备要件，中发〔2018〕34号）';

describe('DECLARATION_EX_ANTE_MISSING', () => {
  it('shows the error on the form and refuses the submission of an unassessed 新增 project at the amount', async () => {
    const { id } = await bigDeclaration('EA-RULE-1', '5000000.00');
    const view = await declarationDetail(t.app, s.unitPreparer, id);
    expect(view.findings.filter((entry) => entry.code === 'DECLARATION_EX_ANTE_MISSING')).toMatchObject([
      { severity: 'error', message: MESSAGE, subject: { kind: 'budget' } },
    ]);
    const refused = await submit(id);
    expect(refused.statusCode, refused.body).toBe(400);
    expect(refused.json().details).toEqual([{ path: 'budget', message: MESSAGE }]);
    expect((await declarationDetail(t.app, s.unitPreparer, id)).status).toBe('draft');
  });

  it('still refuses after an assessment concluded 不予支持, and submits after 予以支持', async () => {
    const rejected = await bigDeclaration('EA-RULE-2', '6000000.00');
    await conclude(rejected.projectId, 'poor', 'reject');
    const refused = await submit(rejected.id);
    expect(refused.statusCode, refused.body).toBe(400);
    expect(refused.json().details[0].message).toContain(
      '资金总额 600.00 万元，达到事前绩效评估金额标准 500.00 万元，事前绩效评估结论为“不予支持”',
    );

    const supported = await bigDeclaration('EA-RULE-3', '6000000.00');
    await conclude(supported.projectId, 'good', 'support');
    const view = await declarationDetail(t.app, s.unitPreparer, supported.id);
    expect(view.findings.map((entry) => entry.code)).not.toContain('DECLARATION_EX_ANTE_MISSING');
    const submitted = await submit(supported.id);
    expect(submitted.statusCode, submitted.body).toBe(200);
  });

  it('does not ask a 延续 project or a new one below the amount for an assessment', async () => {
    for (const [code, fiscal, attribute] of [
      ['EA-RULE-4', '9000000.00', 'continuing'],
      ['EA-RULE-5', '4999999.99', 'new'],
    ] as const) {
      const { id } = await bigDeclaration(code, fiscal, attribute);
      const submitted = await submit(id);
      expect(submitted.statusCode, submitted.body).toBe(200);
    }
  });
});
