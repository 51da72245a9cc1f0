import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, declarationVersions, organisations } from '../src/db/schema.ts';
import { createUser } from '../src/seed/builders.ts';
import { DEMO_PASSWORD } from '../src/seed/demo.ts';
import { demoSessions } from './fixtures.ts';
import { as, login, type Session, type TestApp, testApp } from './harness.ts';
import {
  COUNT_LINE,
  declarationDetail,
  declarationProject,
  FULL_INDICATORS,
  form,
  reasonsFor,
  step,
  THIN_INDICATORS,
  withIds,
} from './targets-fixtures.ts';

let t: TestApp;
let s: Awaited<ReturnType<typeof demoSessions>>;
/** Holds 填报人 and 部门审核人 over the unit: may draft, may review, never both on one declaration. */
let dual: Session;
/** Holds 部门审核人 over the department and 财政审核人 over the bureau: may not approve twice. */
let both: Session;
/** 填报人 of another unit of the department. */
let stranger: Session;
let id: string;
let departmentId: string;

beforeAll(async () => {
  t = await testApp();
  s = await demoSessions(t.app);
  const project = await declarationProject(t, 'DECL-01');
  const [department] = await t.deps.db.select().from(organisations).where(eq(organisations.code, 'PY-KGSX'));
  const [bureau] = await t.deps.db.select().from(organisations).where(eq(organisations.code, 'PY-CZJ'));
  const [other] = await t.deps.db.select().from(organisations).where(eq(organisations.code, 'PY-KGSX-01'));
  if (!department || !bureau || !other) throw new Error('demo organisations missing');
  departmentId = department.id;
  const cost = t.deps.config.PASSWORD_HASH_COST;
  const spec = (username: string, roles: { role: 'preparer' | 'department-reviewer' | 'finance-reviewer'; organisationId: string }[]) => ({
    username,
    displayName: username,
    organisationId: roles[0]?.organisationId ?? department.id,
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
  await createUser(
    t.deps.db,
    spec('both', [
      { role: 'department-reviewer', organisationId: department.id },
      { role: 'finance-reviewer', organisationId: bureau.id },
    ]),
    cost,
  );
  await createUser(t.deps.db, spec('stranger', [{ role: 'preparer', organisationId: other.id }]), cost);
  dual = await login(t.app, 'dual');
  both = await login(t.app, 'both');
  stranger = await login(t.app, 'stranger');
  const created = await as(t.app, s.unitPreparer).post('/api/declarations', { kind: 'project', projectId: project.id });
  expect(created.statusCode).toBe(201);
  id = created.json().id;
}, 60_000);
afterAll(() => t.close());

describe('绩效目标申报: 填报 → 部门审核 → 财政审核 → 批复', () => {
  it('opens prefilled from the project, for the unit alone', async () => {
    const view = await declarationDetail(t.app, s.unitPreparer, id);
    expect(view).toMatchObject({
      kind: 'project',
      fiscalYear: 2026,
      status: 'draft',
      statusLabel: '草稿',
      projectCode: 'DECL-01',
      department: '广州市番禺区科技工业商务和信息化局',
      implementingUnit: '番禺区中小企业服务中心（示例）',
      funds: { total: '1200000.00', fiscal: '1200000.00', other: '0.00' },
      permissions: { edit: true, submit: true, approve: false, return: false },
    });
    expect((await as(t.app, stranger).get(`/api/declarations/${id}`)).statusCode).toBe(404);
    const list = (await as(t.app, stranger).get('/api/declarations?fiscalYear=2026')).json();
    expect(list.items).toEqual([]);
    const byReviewer = await as(t.app, s.reviewer).post('/api/declarations', {
      kind: 'department',
      organisationId: departmentId,
      fiscalYear: 2026,
    });
    expect(byReviewer.statusCode).toBe(403);
    expect(byReviewer.json().message).toBe('只有本单位的填报人可以新建绩效目标申报表');
  });

  it('refuses a second declaration for the same project', async () => {
    const { projectId } = await declarationDetail(t.app, s.unitPreparer, id);
    const again = await as(t.app, s.unitPreparer).post('/api/declarations', { kind: 'project', projectId });
    expect(again.statusCode).toBe(409);
    expect(again.json().message).toBe('该项目的绩效目标申报表已存在，一个项目只有一份申报表');
  });

  it('saves the whole form, keeps line ids across saves, and shows the findings live', async () => {
    const first = await as(t.app, s.unitPreparer).put(
      `/api/declarations/${id}`,
      form(await declarationDetail(t.app, s.unitPreparer, id), THIN_INDICATORS),
    );
    expect(first.statusCode).toBe(200);
    const saved = first.json();
    expect(saved.funds).toEqual({ total: '1200000.00', fiscal: '1000000.00', other: '200000.00' });
    expect(saved.indicators.map((line: { name: string }) => line.name)).toEqual(['服务企业数量', '企业数字化水平']);
    expect(saved.indicators[0]).toMatchObject({
      basis: 'history',
      method: '统计服务台账中的企业户数',
      core: true,
      weight: '20.00',
      lastYearActual: '286',
    });
    expect(saved.findings.map((entry: { code: string }) => entry.code)).toEqual(
      expect.arrayContaining([
        'MISSING_QUALITY_INDICATOR',
        'MISSING_TIMELINESS_INDICATOR',
        'MISSING_COST_INDICATOR',
        'MISSING_SATISFACTION_INDICATOR',
      ]),
    );
    const second = await as(t.app, s.unitPreparer).put(`/api/declarations/${id}`, form(saved, withIds(saved, THIN_INDICATORS)));
    expect(second.json().indicators.map((line: { id: string }) => line.id)).toEqual(
      saved.indicators.map((line: { id: string }) => line.id),
    );
  });

  it('refuses a stale save, a foreign line id and a 二级指标 under the wrong 一级', async () => {
    const view = await declarationDetail(t.app, s.unitPreparer, id);
    const stale = await as(t.app, s.unitPreparer).put(`/api/declarations/${id}`, {
      ...form(view, THIN_INDICATORS),
      version: view.version - 1,
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('VERSION_CONFLICT');
    const foreign = await as(t.app, s.unitPreparer).put(
      `/api/declarations/${id}`,
      form(view, [{ ...COUNT_LINE, id: '00000000-0000-4000-8000-000000000000' }]),
    );
    expect(foreign.statusCode).toBe(400);
    const wrongLevel = await as(t.app, s.unitPreparer).put(
      `/api/declarations/${id}`,
      form(view, [{ ...COUNT_LINE, level1: 'satisfaction' }]),
    );
    expect(wrongLevel.statusCode).toBe(400);
    expect(wrongLevel.json().details[0].path).toBe('body.indicators[0].level2');
  });

  it('asks a reason for each warning kept before it submits', async () => {
    const view = await declarationDetail(t.app, s.unitPreparer, id);
    const bare = await step(t.app, s.unitPreparer, id, { action: 'submit' });
    expect(bare.statusCode).toBe(400);
    const warnings = view.findings.filter((entry) => entry.severity === 'warning');
    expect(bare.json().details).toHaveLength(warnings.length);
    expect(bare.json().details[0].message).toMatch(/^请说明保留该提示的理由：/);
    const submitted = await step(t.app, s.unitPreparer, id, { action: 'submit', reasons: reasonsFor(view) });
    expect(submitted.statusCode).toBe(200);
    expect(submitted.json()).toMatchObject({ status: 'submitted', statusLabel: '待部门审核' });
    const after = await declarationDetail(t.app, s.reviewer, id);
    expect(after.findings.every((entry) => entry.severity !== 'warning' || entry.reason === '本项目按上级要求暂不设置')).toBe(true);
  });

  it('locks the form under review, and reaches the department reviewers’ to-dos', async () => {
    const view = await declarationDetail(t.app, s.unitPreparer, id);
    const edit = await as(t.app, s.unitPreparer).put(`/api/declarations/${id}`, form(view, THIN_INDICATORS));
    expect(edit.statusCode).toBe(409);
    expect(edit.json()).toMatchObject({ code: 'NOT_EDITABLE', message: '申报表处于“待部门审核”状态，不能修改；如需修改，请审核人退回' });
    const tasks = (await as(t.app, s.reviewer).get('/api/tasks')).json().items;
    expect(tasks).toContainEqual(expect.objectContaining({ declarationId: id, action: 'review-declaration-department' }));
    const preparerTasks = (await as(t.app, s.unitPreparer).get('/api/tasks')).json().items;
    expect(preparerTasks.some((task: { declarationId?: string }) => task.declarationId === id)).toBe(false);
  });

  it('is returned by the department with an opinion, shown beside the indicator', async () => {
    const silent = await step(t.app, s.reviewer, id, { action: 'return' });
    expect(silent.statusCode).toBe(400);
    expect(silent.json().details).toEqual([{ path: 'body.comment', message: '退回时必须填写审核意见，说明需要修改的内容' }]);
    const view = await declarationDetail(t.app, s.reviewer, id);
    const vague = view.indicators.find((line) => line.name === '企业数字化水平');
    const returned = await step(t.app, s.reviewer, id, {
      action: 'return',
      comment: '请补充质量、时效、成本和满意度指标',
      opinions: [{ indicatorId: vague?.id, text: '“有所提升”不可衡量，请量化' }],
    });
    expect(returned.json().status).toBe('returned');
    const back = await declarationDetail(t.app, s.unitPreparer, id);
    expect(back.permissions.edit).toBe(true);
    expect(back.opinions).toEqual([
      expect.objectContaining({ stage: 'department', text: '请补充质量、时效、成本和满意度指标', actorName: '部门审核人（示例）' }),
    ]);
    expect(back.indicators.find((line) => line.id === vague?.id)?.opinions).toEqual([
      expect.objectContaining({ stage: 'department', text: '“有所提升”不可衡量，请量化', verdict: null }),
    ]);
    const tasks = (await as(t.app, s.unitPreparer).get('/api/tasks')).json().items;
    expect(tasks).toContainEqual(expect.objectContaining({ declarationId: id, action: 'fix-declaration' }));
  });

  it('never lets whoever drafted it approve it', async () => {
    const view = await declarationDetail(t.app, dual, id);
    const fixed = withIds(view, FULL_INDICATORS).map((line) =>
      line.name === '企业数字化水平' ? { ...line, targetText: '数字化改造企业占比≥30%' } : line,
    );
    expect((await as(t.app, dual).put(`/api/declarations/${id}`, form(view, fixed))).statusCode).toBe(200);
    const resubmitted = await step(t.app, s.unitPreparer, id, {
      action: 'submit',
      reasons: reasonsFor(await declarationDetail(t.app, s.unitPreparer, id)),
    });
    expect(resubmitted.json().status).toBe('submitted');
    const byDrafter = await step(t.app, dual, id, { action: 'approve' });
    expect(byDrafter.statusCode).toBe(403);
    expect(byDrafter.json()).toMatchObject({
      code: 'SEGREGATION_OF_DUTIES',
      message: '不相容岗位相互分离：你参与了本申报表的填报，不能审核通过它',
    });
    expect((await declarationDetail(t.app, dual, id)).permissions).toMatchObject({
      approve: false,
      refusal: '不相容岗位相互分离：你参与了本申报表的填报，不能审核通过它',
    });
  });

  it('keeps the department’s approver out of the finance review', async () => {
    expect((await step(t.app, both, id, { action: 'approve' })).json().status).toBe('department_approved');
    const view = await declarationDetail(t.app, both, id);
    const opinions = view.indicators.map((line) => ({ indicatorId: line.id, verdict: 'pass' }));
    const twice = await step(t.app, both, id, { action: 'approve', opinions });
    expect(twice.statusCode).toBe(403);
    expect(twice.json().message).toBe('不相容岗位相互分离：部门审核与财政审核不能由同一人完成');
    const tasks = (await as(t.app, s.finance).get('/api/tasks')).json().items;
    expect(tasks).toContainEqual(expect.objectContaining({ declarationId: id, action: 'review-declaration-finance' }));
  });

  it('needs a verdict on every indicator from the finance bureau, and no 不通过 to approve', async () => {
    const view = await declarationDetail(t.app, s.finance, id);
    expect(view.permissions).toMatchObject({ approve: true, return: true, opinionPerIndicator: true });
    const none = await step(t.app, s.finance, id, { action: 'approve' });
    expect(none.statusCode).toBe(400);
    expect(none.json().details).toHaveLength(view.indicators.length);
    const [firstLine, ...rest] = view.indicators;
    const failing = [
      { indicatorId: firstLine?.id, verdict: 'fail', text: '目标偏低' },
      ...rest.map((line) => ({ indicatorId: line.id, verdict: 'pass' })),
    ];
    const refused = await step(t.app, s.finance, id, { action: 'approve', opinions: failing });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().details).toEqual([{ path: 'body.action', message: '有 1 项指标的意见为“不通过”，不能批复，请退回单位修改' }]);
    const opinions = [
      { indicatorId: firstLine?.id, verdict: 'pass-after-change', text: '建议目标值提高到 320 家' },
      ...rest.map((line) => ({ indicatorId: line.id, verdict: 'pass' })),
    ];
    const approved = await step(t.app, s.finance, id, { action: 'approve', comment: '同意批复', opinions });
    expect(approved.statusCode).toBe(200);
    expect(approved.json()).toMatchObject({ status: 'approved', statusLabel: '已批复' });
    const after = await declarationDetail(t.app, s.unitPreparer, id);
    expect(after.approved).toMatchObject({ number: 1, approvedBy: '财政审核人（示例）' });
    expect(after.indicators[0]?.opinions).toEqual([
      expect.objectContaining({ stage: 'finance', verdict: 'pass-after-change', verdictLabel: '修改后通过' }),
    ]);
  });

  it('freezes the approved targets as version 1 and refuses edits with the way to change them', async () => {
    const versions = await t.deps.db.select().from(declarationVersions).where(eq(declarationVersions.declarationId, id));
    expect(versions.map((row) => row.number)).toEqual([1]);
    const snapshot = versions[0]?.snapshot as { indicators: { name: string }[] };
    expect(snapshot.indicators).toHaveLength(FULL_INDICATORS.length);
    const view = await declarationDetail(t.app, s.unitPreparer, id);
    expect(view.permissions).toMatchObject({ edit: false, submit: false });
    const edit = await as(t.app, s.unitPreparer).put(`/api/declarations/${id}`, form(view, FULL_INDICATORS));
    expect(edit.statusCode).toBe(409);
    expect(edit.json().message).toBe('申报表已批复，绩效目标已冻结为第 1 版，不能直接修改；如需调整，请通过年中绩效目标调整办理');
    expect((await step(t.app, s.finance, id, { action: 'return', comment: '再改改' })).statusCode).toBe(409);
  });

  it('keeps every step in the history and the audit log', async () => {
    const view = await declarationDetail(t.app, s.auditor, id);
    expect(view.transitions.map((entry) => `${entry.action}:${entry.fromStatus}→${entry.toStatus}`)).toEqual([
      'submit:draft→submitted',
      'return:submitted→returned',
      'submit:returned→submitted',
      'approve:submitted→department_approved',
      'approve:department_approved→approved',
    ]);
    const audit = await t.deps.db.select().from(auditLog).where(eq(auditLog.entityId, id)).orderBy(auditLog.seq);
    expect(audit.map((row) => row.action)).toEqual([
      'create',
      'update',
      'update',
      'workflow.submit',
      'workflow.return',
      'update',
      'workflow.submit',
      'workflow.approve',
      'workflow.approve',
    ]);
    expect(audit.every((row) => row.entityType === 'declaration')).toBe(true);
  });
});
