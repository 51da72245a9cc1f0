import type { AdjustmentDetail, DeclarationVersionList } from '@jixiao/contract';
import { and, asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, declarationVersions, organisations } from '../src/db/schema.ts';
import { createUser } from '../src/seed/builders.ts';
import { DEMO_PASSWORD } from '../src/seed/demo.ts';
import { fiscalYearOf } from '../src/seed/demo-declarations.ts';
import type { VersionSnapshot } from '../src/targets/approved-targets.ts';
import { demoSessions, detail } from './fixtures.ts';
import { as, login, type Session, type TestApp, testApp } from './harness.ts';
import { declarationDetail, declarationProject, FULL_INDICATORS, form, reasonsFor, step } from './targets-fixtures.ts';

let t: TestApp;
let s: Awaited<ReturnType<typeof demoSessions>>;
/** Holds 填报人 and 部门审核人 over the unit: may request, may review, never approve their own request. */
let dual: Session;
/** 填报人 of another unit of the department. */
let stranger: Session;
const year = fiscalYearOf(new Date());

beforeAll(async () => {
  t = await testApp();
  s = await demoSessions(t.app);
  const [unit] = await t.deps.db.select().from(organisations).where(eq(organisations.code, 'PY-KGSX-02'));
  const [other] = await t.deps.db.select().from(organisations).where(eq(organisations.code, 'PY-KGSX-01'));
  if (!unit || !other) throw new Error('demo organisations missing');
  const project = await declarationProject(t, 'ADJ-SETUP', year);
  const cost = t.deps.config.PASSWORD_HASH_COST;
  const spec = (username: string, roles: { role: 'preparer' | 'department-reviewer'; organisationId: string }[]) => ({
    username,
    displayName: username,
    organisationId: roles[0]?.organisationId ?? unit.id,
    password: DEMO_PASSWORD,
    roles,
  });
  await createUser(
    t.deps.db,
    spec('dual', [
      { role: 'preparer', organisationId: project.organisationId },
      { role: 'department-reviewer', organisationId: project.organisationId },
    ]),
    cost,
  );
  await createUser(t.deps.db, spec('stranger', [{ role: 'preparer', organisationId: other.id }]), cost);
  [dual, stranger] = await Promise.all([login(t.app, 'dual'), login(t.app, 'stranger')]);
}, 120_000);
afterAll(() => t.close());

/** A project of the current year whose declaration went the whole way to 批复 (version 1). */
async function approvedDeclaration(code: string) {
  const project = await declarationProject(t, code, year);
  const id = (await as(t.app, s.unitPreparer).post('/api/declarations', { kind: 'project', projectId: project.id })).json().id;
  const saved = await as(t.app, s.unitPreparer).put(
    `/api/declarations/${id}`,
    form(await declarationDetail(t.app, s.unitPreparer, id), FULL_INDICATORS),
  );
  expect(saved.statusCode, saved.body).toBe(200);
  expect((await step(t.app, s.unitPreparer, id, { action: 'submit', reasons: reasonsFor(saved.json()) })).statusCode).toBe(200);
  expect((await step(t.app, s.reviewer, id, { action: 'approve' })).statusCode).toBe(200);
  const lines = (await declarationDetail(t.app, s.finance, id)).indicators;
  expect(
    (await step(t.app, s.finance, id, { action: 'approve', opinions: lines.map((line) => ({ indicatorId: line.id, verdict: 'pass' })) }))
      .statusCode,
  ).toBe(200);
  return { project, declaration: await declarationDetail(t.app, s.unitPreparer, id) };
}

async function adjustmentDetail(session: Session, id: string): Promise<AdjustmentDetail> {
  const response = await as(t.app, session).get(`/api/adjustments/${id}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
}

const decide = async (session: Session, id: string, action: 'approve' | 'return' | 'reject', opinion?: string) =>
  as(t.app, session).post(`/api/adjustments/${id}/decision`, { version: (await adjustmentDetail(session, id)).version, action, opinion });

const submit = async (session: Session, id: string, reasons: Record<string, string> = {}) =>
  as(t.app, session).post(`/api/adjustments/${id}/submit`, { version: (await adjustmentDetail(session, id)).version, reasons });

const ADDED = {
  level1: 'output',
  level2: 'quantity',
  name: '数字化改造示范企业数',
  nature: 'quantitative',
  direction: '>=',
  target: '5',
  unit: '家',
  weight: '5',
} as const;

describe('绩效目标调整: 申请 → 部门审核 → 财政审批 → 第 2 版', () => {
  let declarationId: string;
  let projectId: string;
  let adjustmentId: string;
  let countId: string;

  beforeAll(async () => {
    const { project, declaration } = await approvedDeclaration('ADJ-FLOW');
    declarationId = declaration.id;
    projectId = project.id;
    countId = declaration.indicators.find((line) => line.name === '服务企业数量')?.id ?? '';
  }, 120_000);

  it('offers the request on the approved declaration to the unit alone, and opens it against version 1', async () => {
    const versions: DeclarationVersionList = (await as(t.app, s.unitPreparer).get(`/api/declarations/${declarationId}/versions`)).json();
    expect(versions).toMatchObject({
      versions: [{ number: 1, kind: 'approval' }],
      openAdjustment: null,
      permissions: { requestAdjustment: true },
    });
    const byFinance = (await as(t.app, s.finance).get(`/api/declarations/${declarationId}/versions`)).json();
    expect(byFinance.permissions.requestAdjustment).toBe(false);
    expect((await as(t.app, s.finance).post('/api/adjustments', { declarationId })).json().code).toBe('FORBIDDEN');
    const created = await as(t.app, s.unitPreparer).post('/api/adjustments', { declarationId });
    expect(created.statusCode, created.body).toBe(201);
    adjustmentId = created.json().id;
    const view = await adjustmentDetail(s.unitPreparer, adjustmentId);
    expect(view).toMatchObject({ status: 'draft', baseVersion: 1, permissions: { edit: true, submit: true, approve: false } });
    expect(view.indicators.map((line) => line.name)).toContain('服务企业数量');
    expect(view.problems.map((problem) => problem.field)).toEqual(['changes']);
  });

  it('allows one open request per declaration, naming the open one', async () => {
    const second = await as(t.app, s.unitPreparer).post('/api/adjustments', { declarationId });
    expect(second.statusCode).toBe(409);
    expect(second.json().message).toMatch(/已有一份未办结的调整申请（草稿，\d{4}-\d{2}-\d{2} 新建）/);
  });

  it('saves the changes, shows before and after and the checks live, and refuses a submission without reasons', async () => {
    const dropped = (await adjustmentDetail(s.unitPreparer, adjustmentId)).indicators.find((line) => line.name === '服务方案验收合格率');
    const saved = await as(t.app, s.unitPreparer).put(`/api/adjustments/${adjustmentId}`, {
      version: (await adjustmentDetail(s.unitPreparer, adjustmentId)).version,
      changes: [
        { kind: 'target', indicatorId: countId, target: '250', targetText: '≥250家', reason: '' },
        { kind: 'drop', indicatorId: dropped?.id, reason: '验收改由行业主管部门组织，不再作为本项目指标' },
        {
          kind: 'add',
          indicator: ADDED,
          reason: '新增示范企业培育任务',
          evidence: [{ description: '区政府专题会议纪要', link: 'https://example.gov.cn/notes/12' }],
        },
      ],
    });
    expect(saved.statusCode, saved.body).toBe(200);
    const view: AdjustmentDetail = saved.json();
    expect(view.changes.map(({ kind, indicatorName, before, after }) => ({ kind, indicatorName, before, after }))).toEqual([
      {
        kind: 'target',
        indicatorName: '服务企业数量',
        before: { target: '300', targetText: '≥300家' },
        after: { target: '250', targetText: '≥250家' },
      },
      { kind: 'drop', indicatorName: '服务方案验收合格率', before: { target: '95', targetText: null }, after: null },
      { kind: 'add', indicatorName: '数字化改造示范企业数', before: null, after: { target: '5', targetText: null } },
    ]);
    expect(view.problems).toEqual([{ index: 0, field: 'reason', message: '第 1 项调整（调整指标值）未填写调整理由' }]);
    // Dropping the 质量 line leaves the set without one: the declaration's own check says so, as a warning.
    expect(view.findings.map((finding) => finding.code)).toContain('MISSING_QUALITY_INDICATOR');
    const refused = await submit(s.unitPreparer, adjustmentId);
    expect(refused.statusCode).toBe(400);
    expect(refused.json().details.map((entry: { path: string }) => entry.path)).toContain('changes[0].reason');
  });

  it('is submitted once every change has its reason and every new warning its explanation', async () => {
    const view = await adjustmentDetail(s.unitPreparer, adjustmentId);
    const changes = view.changes.map((change) =>
      change.kind === 'add'
        ? { kind: 'add', indicator: change.indicator, reason: change.reason, evidence: change.evidence }
        : {
            kind: change.kind,
            indicatorId: change.indicatorId,
            target: change.after?.target,
            targetText: change.after?.targetText,
            reason: change.reason || '上半年政府采购延期，服务启动推迟两个月',
          },
    );
    const saved: AdjustmentDetail = (
      await as(t.app, s.unitPreparer).put(`/api/adjustments/${adjustmentId}`, { version: view.version, changes })
    ).json();
    expect(saved.problems).toEqual([]);
    const reasons = Object.fromEntries(
      saved.findings.filter((entry) => entry.severity === 'warning' && !entry.reason).map((entry) => [entry.key, '质量由行业主管部门验收']),
    );
    const submitted = await submit(s.unitPreparer, adjustmentId, reasons);
    expect(submitted.statusCode, submitted.body).toBe(200);
    expect(submitted.json()).toMatchObject({ status: 'submitted', statusLabel: '待部门审核' });
    expect(
      (await as(t.app, s.unitPreparer).put(`/api/adjustments/${adjustmentId}`, { version: submitted.json().version, changes })).json().code,
    ).toBe('NOT_EDITABLE');
  });

  it('reaches the department reviewer, then the finance bureau, as to-dos', async () => {
    const tasks = (who: Session) =>
      as(t.app, who)
        .get('/api/tasks')
        .then((response) => response.json().items.filter((task: { adjustmentId?: string }) => task.adjustmentId === adjustmentId));
    expect(await tasks(s.reviewer)).toMatchObject([{ action: 'review-adjustment-department', statusLabel: '待部门审核' }]);
    expect(await tasks(s.finance)).toEqual([]);
    expect((await decide(s.unitPreparer, adjustmentId, 'approve')).json().code).toBe('FORBIDDEN');
    const returnWithout = await decide(s.reviewer, adjustmentId, 'return', ' ');
    expect(returnWithout.statusCode).toBe(400);
    expect(returnWithout.json().details).toEqual([{ path: 'body.opinion', message: '退回时必须填写审核意见，说明需要修改的内容' }]);
    expect((await decide(s.reviewer, adjustmentId, 'approve', '同意')).json().status).toBe('department_approved');
    expect(await tasks(s.reviewer)).toEqual([]);
    expect(await tasks(s.finance)).toMatchObject([{ action: 'review-adjustment-finance', title: expect.stringContaining('绩效目标调整') }]);
  });

  it('the finance approval writes version 2 with the original beside the adjusted value; version 1 stays as it was', async () => {
    const before = await t.deps.db.select().from(declarationVersions).where(eq(declarationVersions.declarationId, declarationId));
    const approved = await decide(s.finance, adjustmentId, 'approve', '同意调整');
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json()).toMatchObject({ status: 'approved', resultVersion: 2 });
    const rows = await t.deps.db.select().from(declarationVersions).where(eq(declarationVersions.declarationId, declarationId));
    expect(rows.map((row) => row.number).sort()).toEqual([1, 2]);
    expect(rows.find((row) => row.number === 1)?.snapshot).toEqual(before[0]?.snapshot);
    const v1 = rows.find((row) => row.number === 1)?.snapshot as VersionSnapshot;
    const v2 = rows.find((row) => row.number === 2)?.snapshot as VersionSnapshot;
    expect(v1.indicators.find((line) => line.id === countId)).toMatchObject({ target: '300' });
    expect(v2.indicators.find((line) => line.id === countId)).toMatchObject({
      target: '250',
      targetText: '≥250家',
      original: { target: '300', targetText: '≥300家' },
      adjusted: { reason: '上半年政府采购延期，服务启动推迟两个月', version: 2 },
    });
    expect(v2.indicators.map((line) => line.name)).not.toContain('服务方案验收合格率');
    expect(v2.indicators.at(-1)).toMatchObject({ name: '数字化改造示范企业数', target: '5', position: v2.indicators.length });
    expect(v2.indicators).toHaveLength(v1.indicators.length);
    const audit = await t.deps.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityType, 'target-adjustment'), eq(auditLog.entityId, adjustmentId)))
      .orderBy(asc(auditLog.id));
    expect(audit.map((entry) => entry.action)).toEqual([
      'create',
      'update',
      'update',
      'adjustment.submit',
      'adjustment.approve',
      'adjustment.approve',
    ]);
    const versions: DeclarationVersionList = (await as(t.app, s.unitPreparer).get(`/api/declarations/${declarationId}/versions`)).json();
    expect(versions.versions.map((version) => [version.number, version.kind, version.changes.length])).toEqual([
      [1, 'approval', 0],
      [2, 'adjustment', 3],
    ]);
    expect(versions.versions[1]?.changes[0]).toMatchObject({
      indicatorName: '服务企业数量',
      before: { target: '300' },
      after: { target: '250' },
    });
    expect(versions).toMatchObject({ openAdjustment: null, permissions: { requestAdjustment: true } });
  });

  it('the year-end evaluation opens from version 2 and scores against the adjusted target, showing the original', async () => {
    const created = await as(t.app, s.unitPreparer).post('/api/evaluations', { kind: 'project', fiscalYear: year, projectId });
    expect(created.statusCode, created.body).toBe(201);
    const evaluation = await detail(t.app, s.unitPreparer, created.json().id);
    expect(evaluation.declaration).toEqual({ id: declarationId, version: 2 });
    const count = evaluation.indicators.find((line) => line.declaredIndicatorId === countId);
    expect(count).toMatchObject({ target: '300', targetText: '≥300家', adjustedTarget: '250', adjustedTargetText: '≥250家' });
    expect(count?.targetAdjustment).toMatchObject({ reason: '上半年政府采购延期，服务启动推迟两个月', version: 2 });
    expect(evaluation.indicators.map((line) => line.name)).toContain('数字化改造示范企业数');
    expect(evaluation.indicators.map((line) => line.name)).not.toContain('服务方案验收合格率');
    // 260 served: short of the original 300, but at or above the adjusted 250, so the full weight.
    const patched = await as(t.app, s.unitPreparer).patch(`/api/indicators/${count?.id}`, { actual: '260', version: count?.version });
    expect(patched.statusCode, patched.body).toBe(200);
    const score = (await as(t.app, s.unitPreparer).get(`/api/evaluations/${created.json().id}/score`)).json();
    const item = score.items.find((entry: { name: string }) => entry.name === '服务企业数量');
    expect(item).toMatchObject({ target: '≥300家', adjustedTarget: '≥250家', actual: '260家', status: 'met' });
    expect(item.final).toBe(item.weight);
  });
});

describe('a second adjustment', () => {
  it('is written against version 2 and keeps the value of version 1 as the original (version 3)', async () => {
    const { declaration } = await approvedDeclaration('ADJ-TWICE');
    const countId = declaration.indicators.find((line) => line.name === '服务企业数量')?.id;
    const through = async (target: string, reason: string) => {
      const id = (await as(t.app, s.unitPreparer).post('/api/adjustments', { declarationId: declaration.id })).json().id;
      const view = await adjustmentDetail(s.unitPreparer, id);
      const saved: AdjustmentDetail = (
        await as(t.app, s.unitPreparer).put(`/api/adjustments/${id}`, {
          version: view.version,
          changes: [{ kind: 'target', indicatorId: countId, target, targetText: null, reason }],
        })
      ).json();
      const reasons = Object.fromEntries(
        saved.findings.filter((entry) => entry.severity === 'warning' && !entry.reason).map((entry) => [entry.key, '已核实']),
      );
      expect((await submit(s.unitPreparer, id, reasons)).statusCode).toBe(200);
      expect((await decide(s.reviewer, id, 'approve', '同意')).statusCode).toBe(200);
      expect((await decide(s.finance, id, 'approve', '同意')).json().resultVersion).toBeGreaterThan(1);
      return adjustmentDetail(s.unitPreparer, id);
    };
    await through('250', '采购延期');
    const second = await through('240', '下半年再次延期');
    expect(second.baseVersion).toBe(2);
    expect(second.indicators.find((line) => line.id === countId)).toMatchObject({ target: '250', originalTarget: { target: '300' } });
    const rows = await t.deps.db.select().from(declarationVersions).where(eq(declarationVersions.declarationId, declaration.id));
    const v3 = rows.find((row) => row.number === 3)?.snapshot as VersionSnapshot;
    expect(v3.indicators.find((line) => line.id === countId)).toMatchObject({
      target: '240',
      original: { target: '300', targetText: '≥300家' },
      adjusted: { reason: '下半年再次延期', version: 3 },
    });
  });
});

describe('segregation of duties, scope and returns', () => {
  let declarationId: string;
  let adjustmentId: string;

  beforeAll(async () => {
    const { declaration } = await approvedDeclaration('ADJ-SOD');
    declarationId = declaration.id;
    const created = await as(t.app, dual).post('/api/adjustments', { declarationId });
    expect(created.statusCode, created.body).toBe(201);
    adjustmentId = created.json().id;
    const view = await adjustmentDetail(dual, adjustmentId);
    const line = view.indicators.find((entry) => entry.name === '户均服务成本');
    const saved = await as(t.app, dual).put(`/api/adjustments/${adjustmentId}`, {
      version: view.version,
      changes: [{ kind: 'target', indicatorId: line?.id, target: '3800', reason: '集中采购降低服务成本' }],
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect((await submit(dual, adjustmentId)).statusCode).toBe(200);
  }, 120_000);

  it('the requester may not approve at the department stage, even holding the post', async () => {
    const view = await adjustmentDetail(dual, adjustmentId);
    expect(view.permissions).toMatchObject({ approve: false, return: true });
    expect(view.permissions.refusal).toMatch(/不相容岗位相互分离/);
    const own = await decide(dual, adjustmentId, 'approve', '同意');
    expect(own.json().code).toBe('SEGREGATION_OF_DUTIES');
    const tasks = (await as(t.app, dual).get('/api/tasks')).json().items;
    expect(tasks.filter((task: { adjustmentId?: string }) => task.adjustmentId === adjustmentId)).toEqual([]);
  });

  it('a request outside one’s units answers 404 and stays out of lists', async () => {
    expect((await as(t.app, stranger).get(`/api/adjustments/${adjustmentId}`)).statusCode).toBe(404);
    expect(
      (await as(t.app, stranger).post(`/api/adjustments/${adjustmentId}/decision`, { version: 1, action: 'approve' })).statusCode,
    ).toBe(404);
    expect((await as(t.app, stranger).get(`/api/declarations/${declarationId}/versions`)).statusCode).toBe(404);
    expect((await as(t.app, stranger).post('/api/adjustments', { declarationId })).statusCode).toBe(404);
    expect((await as(t.app, stranger).get(`/api/adjustments?fiscalYear=${year}`)).json().items).toEqual([]);
  });

  it('a return reaches the requester as a to-do with the opinion; the bureau may reject, which closes it', async () => {
    expect((await decide(s.reviewer, adjustmentId, 'approve', '同意')).statusCode).toBe(200);
    expect((await decide(s.finance, adjustmentId, 'return', '请补充集中采购合同')).json().status).toBe('returned');
    const tasks = (await as(t.app, dual).get('/api/tasks')).json().items;
    expect(tasks.filter((task: { adjustmentId?: string }) => task.adjustmentId === adjustmentId)).toMatchObject([
      { action: 'fix-adjustment', lastComment: '请补充集中采购合同' },
    ]);
    expect((await submit(dual, adjustmentId)).statusCode).toBe(200);
    expect((await decide(s.reviewer, adjustmentId, 'approve', '同意')).statusCode).toBe(200);
    const reject = await decide(s.finance, adjustmentId, 'reject');
    expect(reject.statusCode).toBe(400);
    expect((await decide(s.finance, adjustmentId, 'reject', '成本下降理由不足')).json().status).toBe('rejected');
    const rows = await t.deps.db.select().from(declarationVersions).where(eq(declarationVersions.declarationId, declarationId));
    expect(rows.map((row) => row.number)).toEqual([1]);
    // Closed: a new request may be opened.
    expect((await as(t.app, dual).post('/api/adjustments', { declarationId })).statusCode).toBe(201);
  });
});

describe('the demo', () => {
  it('holds one approved adjustment of the current year: a target lowered because the procurement was delayed', async () => {
    const list = (await as(t.app, s.finance).get(`/api/adjustments?fiscalYear=${year}&status=approved`)).json().items;
    const demo = list.find((item: { declarationTitle: string }) => item.declarationTitle.includes('培训'));
    expect(demo).toMatchObject({ status: 'approved', resultVersion: 2, changeCount: 1 });
    const view = await adjustmentDetail(s.finance, demo.id);
    expect(view.changes[0]?.reason).toContain('采购延期');
    expect(view.steps.map((entry) => entry.action)).toEqual(['create', 'submit', 'approve', 'approve']);
  });
});
