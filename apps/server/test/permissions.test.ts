import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEvaluationFor } from '../src/evaluations/evaluation.service.ts';
import { createOrganisation, createUser } from '../src/seed/builders.ts';
import { DEMO_PASSWORD } from '../src/seed/demo.ts';
import { demoEvaluations, demoSessions, detail, transition } from './fixtures.ts';
import { as, login, type TestApp, testApp } from './harness.ts';

let t: TestApp;
let s: Awaited<ReturnType<typeof demoSessions>>;
let panyu: string;
let otherDraft: string;

beforeAll(async () => {
  t = await testApp();
  s = await demoSessions(t.app);
  const { department } = await demoEvaluations(t.app, s.preparer);
  if (!department) throw new Error('demo missing');
  panyu = department.id;
  // A second department with its own preparer and a draft: department X must not see department Y's drafts.
  const [bureau] = (await as(t.app, s.admin).get('/api/organisations'))
    .json()
    .items.filter((entry: { kind: string }) => entry.kind === 'finance-bureau');
  const other = await createOrganisation(t.deps.db, {
    kind: 'department',
    code: 'PY-JY',
    name: '广州市番禺区教育局（测试）',
    parentId: bureau.id,
  });
  const otherPreparer = await createUser(
    t.deps.db,
    {
      username: 'edu.preparer',
      displayName: '教育局填报人',
      organisationId: other.id,
      password: DEMO_PASSWORD,
      roles: [{ role: 'preparer', organisationId: other.id }],
    },
    10,
  );
  const ctx = {
    principal: {
      userId: otherPreparer.id,
      username: 'edu.preparer',
      displayName: '教育局填报人',
      organisationId: other.id,
      roles: [{ role: 'preparer' as const, organisationId: other.id }],
      sessionId: 'x',
      csrfToken: 'x',
      mustChangePassword: false,
    },
    requestId: 'test',
    ip: '127.0.0.1',
  };
  otherDraft = (await createEvaluationFor(t.deps, ctx, { kind: 'department', fiscalYear: 2024, organisationId: other.id })).id;
});
afterAll(() => t.close());

describe('who sees what', () => {
  it('a user of department X cannot read or find department Y’s draft', async () => {
    const read = await as(t.app, s.preparer).get(`/api/evaluations/${otherDraft}`);
    expect(read.statusCode).toBe(404);
    expect(read.json().message).toBe('自评不存在或无权访问');
    const { all } = await demoEvaluations(t.app, s.preparer);
    expect(all.map((item) => item.id)).not.toContain(otherDraft);
    expect((await as(t.app, s.head).get(`/api/evaluations/${otherDraft}/score`)).statusCode).toBe(404);
  });

  it('a unit preparer sees their own unit’s evaluations only, not the department’s', async () => {
    const { all } = await demoEvaluations(t.app, s.unitPreparer);
    expect(all.map((item) => item.kind)).toEqual(['project']);
    expect((await as(t.app, s.unitPreparer).get(`/api/evaluations/${panyu}`)).statusCode).toBe(404);
  });

  it('the finance bureau sees every department below it', async () => {
    const { all } = await demoEvaluations(t.app, s.finance);
    expect(all.map((item) => item.id)).toEqual(expect.arrayContaining([panyu, otherDraft]));
  });
});

describe('who changes what', () => {
  it('a reviewer, an auditor or an administrator cannot edit a unit’s content', async () => {
    const indicator = (await detail(t.app, s.preparer, panyu)).indicators[0];
    for (const session of [s.reviewer, s.auditor, s.admin, s.finance]) {
      const response = await as(t.app, session).patch(`/api/indicators/${indicator?.id}`, { version: indicator?.version, actual: '1' });
      expect(response.statusCode).toBe(403);
      expect(response.json().message).toBe('只有本单位的填报人可以修改自评内容');
    }
  });

  it('a preparer cannot approve', async () => {
    expect((await transition(t.app, s.preparer, panyu, 'submit')).statusCode).toBe(200);
    const response = await transition(t.app, s.preparer, panyu, 'approve');
    expect(response.statusCode).toBe(403);
    expect(response.json().message).toBe('“审核通过”须由部门审核人或部门负责人执行');
  });

  it('nobody approves what they prepared, even holding both roles', async () => {
    const department = (await as(t.app, s.admin).get('/api/organisations'))
      .json()
      .items.find((entry: { code: string }) => entry.code === 'PY-KGSX');
    await createUser(
      t.deps.db,
      {
        username: 'both.roles',
        displayName: '兼任人员',
        organisationId: department.id,
        password: DEMO_PASSWORD,
        roles: [
          { role: 'preparer', organisationId: department.id },
          { role: 'department-reviewer', organisationId: department.id },
        ],
      },
      10,
    );
    const both = await login(t.app, 'both.roles');
    expect((await transition(t.app, s.reviewer, panyu, 'return', '请完善')).statusCode).toBe(200);
    const indicator = (await detail(t.app, both, panyu)).indicators[0];
    expect(
      (await as(t.app, both).patch(`/api/indicators/${indicator?.id}`, { version: indicator?.version, dataSource: '统计公报' })).statusCode,
    ).toBe(200);
    expect((await transition(t.app, both, panyu, 'submit')).statusCode).toBe(200);
    const view = await detail(t.app, both, panyu);
    expect(view.permissions.approve).toBe(false);
    expect(view.permissions.refusal).toBe('不相容岗位相互分离：你参与了本自评的填报，不能审核通过或公开它');
    const response = await transition(t.app, both, panyu, 'approve');
    expect(response.statusCode).toBe(403);
    expect(response.json().code).toBe('SEGREGATION_OF_DUTIES');
  });

  it('only the reviewer of the current stage may adjust a score, with a reason', async () => {
    const indicator = (await detail(t.app, s.reviewer, panyu)).indicators[0];
    const byPreparer = await as(t.app, s.preparer).put(`/api/indicators/${indicator?.id}/adjustment`, {
      version: indicator?.version,
      score: '1.00',
      reason: '自己调',
    });
    expect(byPreparer.statusCode).toBe(403);
    const byFinance = await as(t.app, s.finance).put(`/api/indicators/${indicator?.id}/adjustment`, {
      version: indicator?.version,
      score: '1.00',
      reason: '提前调整',
    });
    expect(byFinance.statusCode).toBe(403);
    const noReason = await as(t.app, s.reviewer).put(`/api/indicators/${indicator?.id}/adjustment`, {
      version: indicator?.version,
      score: '1.00',
    });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().details).toEqual([{ path: 'body.reason', message: '调整得分必须说明理由' }]);
    const adjusted = await as(t.app, s.reviewer).put(`/api/indicators/${indicator?.id}/adjustment`, {
      version: indicator?.version,
      score: '1.00',
      reason: '投资数据未经统计部门核实',
    });
    expect(adjusted.statusCode).toBe(200);
    const score = (await as(t.app, s.reviewer).get(`/api/evaluations/${panyu}/score`)).json();
    const item = score.items.find((entry: { id: string }) => entry.id === indicator?.code);
    expect(item).toMatchObject({ computed: '1.67', final: '1.00', adjustment: { score: '1.00', reason: '投资数据未经统计部门核实' } });
    expect(score.total).toEqual({ computed: '99.52', final: '98.85' });
    // The reviewer who adjusted is not thereby a preparer: they may still approve.
    expect((await detail(t.app, s.reviewer, panyu)).permissions.approve).toBe(true);
  });
});

describe('audit log access', () => {
  it('is readable by auditors and administrators, not by preparers', async () => {
    expect((await as(t.app, s.auditor).get('/api/audit?limit=5')).statusCode).toBe(200);
    expect((await as(t.app, s.admin).get('/api/audit?limit=5')).json().items.length).toBe(5);
    expect((await as(t.app, s.preparer).get('/api/audit')).statusCode).toBe(403);
  });
});
