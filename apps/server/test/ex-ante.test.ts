import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, budgetLines, controlRefusals, controlSettings } from '../src/db/schema.ts';
import { as, login, type Session, type TestApp, testApp } from './harness.ts';
import { BUDGET_HEADERS, csv, importAndWait } from './ledger-import-fixtures.ts';

/** 事前绩效评估: reviewers grade and conclude; a project assessed 不予支持 receives no budget line. */

let t: TestApp;
let s: Record<'admin' | 'finance' | 'reviewer' | 'preparer' | 'accountant' | 'unitPreparer', Session>;
let department: string;

const CODES = [
  ...['policy', 'duty', 'need'].map((code) => `necessity.${code}`),
  ...['estimate', 'alternatives', 'scale'].map((code) => `economy.${code}`),
  ...['clarity', 'indicators', 'values'].map((code) => `targets.${code}`),
  ...['plan', 'management', 'risk'].map((code) => `feasibility.${code}`),
  ...['source', 'method', 'other'].map((code) => `compliance.${code}`),
];
const every = (grade: string) => CODES.map((code) => ({ code, grade, opinion: `${code} 评为 ${grade}` }));

beforeAll(async () => {
  t = await testApp();
  const [admin, finance, reviewer, preparer, accountant, unitPreparer] = await Promise.all(
    ['admin', 'finance', 'reviewer', 'preparer', 'accountant', 'unit.preparer'].map((name) => login(t.app, name)),
  );
  if (!admin || !finance || !reviewer || !preparer || !accountant || !unitPreparer) throw new Error('demo sessions missing');
  s = { admin, finance, reviewer, preparer, accountant, unitPreparer };
  department = (await as(t.app, admin).get('/api/organisations'))
    .json()
    .items.find((entry: { code: string }) => entry.code === 'PY-KGSX').id;
}, 60_000);
afterAll(() => t.close());

async function newProject(code: string): Promise<string> {
  const response = await as(t.app, s.admin).post('/api/projects', {
    organisationId: department,
    fiscalYear: 2025,
    code,
    name: `智慧停车平台建设（${code}）`,
    category: '信息化',
    budget: '6000000.00',
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json().id;
}

async function assess(projectId: string, session = s.finance): Promise<string> {
  const response = await as(t.app, session).post('/api/ex-ante-assessments', { projectId, fiscalYear: 2025 });
  expect(response.statusCode, response.body).toBe(201);
  return response.json().id;
}

const read = async (id: string) => (await as(t.app, s.reviewer).get(`/api/ex-ante-assessments/${id}`)).json();

async function gradeAndConclude(id: string, grade: string, conclusion: string) {
  const saved = await as(t.app, s.reviewer).put(`/api/ex-ante-assessments/${id}`, {
    version: (await read(id)).version,
    entries: every(grade),
  });
  expect(saved.statusCode, saved.body).toBe(200);
  const concluded = await as(t.app, s.reviewer).post(`/api/ex-ante-assessments/${id}/conclude`, {
    version: saved.json().version,
    confirm: true,
    conclusion,
    opinion: '评估意见（测试）',
  });
  expect(concluded.statusCode, concluded.body).toBe(200);
  return concluded.json();
}

function newLine(projectId: string, code: string) {
  return as(t.app, s.accountant).post('/api/budget-lines', {
    organisationId: department,
    fiscalYear: 2025,
    projectId,
    code,
    name: '智慧停车平台建设经费',
    spendingType: 'project',
    fundingSource: '一般公共预算',
    initial: '6000000.00',
  });
}

describe('事前绩效评估', () => {
  it('is opened by a reviewer, once per project and year, never by the preparer', async () => {
    const projectId = await newProject('XM2025-EA1');
    const refused = await as(t.app, s.preparer).post('/api/ex-ante-assessments', { projectId, fiscalYear: 2025 });
    expect(refused.statusCode).toBe(403);
    const id = await assess(projectId);
    const again = await as(t.app, s.reviewer).post('/api/ex-ante-assessments', { projectId, fiscalYear: 2025 });
    expect(again.statusCode).toBe(409);
    expect(again.json().details[0]).toMatchObject({ path: 'body.projectId' });
    const assessment = await read(id);
    expect(assessment).toMatchObject({ funds: '6000000.00', total: '0.00', conclusion: null, proposedConclusion: null });
    expect(assessment.dimensions.map((dimension: { name: string; points: string }) => [dimension.name, dimension.points])).toEqual([
      ['立项必要性', '20.00'],
      ['投入经济性', '20.00'],
      ['绩效目标合理性', '20.00'],
      ['实施方案可行性', '20.00'],
      ['筹资合规性', '20.00'],
    ]);
    expect(assessment.permissions).toEqual({ grade: true, conclude: true });
    const preparerView = (await as(t.app, s.preparer).get(`/api/ex-ante-assessments/${id}`)).json();
    expect(preparerView.permissions).toEqual({ grade: false, conclude: false });
    expect((await as(t.app, s.unitPreparer).get(`/api/ex-ante-assessments/${id}`)).statusCode).toBe(404);
  });

  it('grades sub-items, refuses unknown ones, and concludes only when all are graded and the conclusion is the one confirmed', async () => {
    const id = await assess(await newProject('XM2025-EA2'), s.reviewer);
    const { version } = await read(id);
    const unknown = await as(t.app, s.reviewer).put(`/api/ex-ante-assessments/${id}`, {
      version,
      entries: [{ code: 'x.y', grade: 'good' }],
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().details).toEqual([{ path: 'body.entries[0].code', message: '没有编号为“x.y”的评估要点' }]);
    const partial = await as(t.app, s.reviewer).put(`/api/ex-ante-assessments/${id}`, { version, entries: every('good').slice(1) });
    expect(partial.statusCode, partial.body).toBe(200);
    expect(partial.json()).toMatchObject({ total: '74.67', proposedConclusion: null, ungraded: ['necessity.policy'] });
    const early = await as(t.app, s.reviewer).post(`/api/ex-ante-assessments/${id}/conclude`, {
      version: partial.json().version,
      confirm: true,
      conclusion: 'adjust',
      opinion: '意见',
    });
    expect(early.statusCode).toBe(400);
    expect(early.json().message).toBe('尚有 1 个评估要点未评级，暂不能形成评估结论');
    const full = await as(t.app, s.reviewer).put(`/api/ex-ante-assessments/${id}`, {
      version: partial.json().version,
      entries: every('fair'),
    });
    expect(full.json()).toMatchObject({ total: '60.00', proposedConclusion: 'adjust' });
    const mismatch = await as(t.app, s.reviewer).post(`/api/ex-ante-assessments/${id}/conclude`, {
      version: full.json().version,
      confirm: true,
      conclusion: 'support',
      opinion: '意见',
    });
    expect(mismatch.statusCode).toBe(400);
    expect(mismatch.json().message).toBe('按当前评级得分 60.00 分，结论应为“调整后支持”，与确认的“予以支持”不符；请刷新后重新确认');
    const stale = await as(t.app, s.reviewer).put(`/api/ex-ante-assessments/${id}`, { version, entries: [] });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('VERSION_CONFLICT');
  });

  it('is frozen once concluded, and its history is in the audit log', async () => {
    const id = await assess(await newProject('XM2025-EA3'));
    const concluded = await gradeAndConclude(id, 'excellent', 'support');
    expect(concluded).toMatchObject({ conclusion: 'support', total: '100.00', opinion: '评估意见（测试）', permissions: { grade: false } });
    const edit = await as(t.app, s.reviewer).put(`/api/ex-ante-assessments/${id}`, { version: concluded.version, entries: [] });
    expect(edit.statusCode).toBe(409);
    expect(edit.json().message).toBe('该事前绩效评估已形成结论“予以支持”，不能再修改');
    const actions = await t.deps.db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(eq(auditLog.entityId, id))
      .orderBy(asc(auditLog.seq));
    expect(actions.map((row) => row.action)).toEqual(['create', 'save', 'conclude']);
    const report = await as(t.app, s.preparer).get(`/api/ex-ante-assessments/${id}/report.docx`);
    expect(report.statusCode).toBe(200);
    expect(report.headers['content-type']).toContain('wordprocessingml');
    expect(report.rawPayload.subarray(0, 2).toString()).toBe('PK');
  });

  it('lists the assessments in scope', async () => {
    const items = (await as(t.app, s.finance).get('/api/ex-ante-assessments?fiscalYear=2025')).json().items;
    expect(items.length).toBeGreaterThanOrEqual(3);
    expect((await as(t.app, s.unitPreparer).get('/api/ex-ante-assessments?fiscalYear=2025')).json().items).toEqual([]);
  });
});

describe('IC_EX_ANTE_NOT_SUPPORTED', () => {
  it('refuses a budget line for a project assessed 不予支持, records the refusal and writes nothing', async () => {
    const projectId = await newProject('XM2025-EA4');
    await gradeAndConclude(await assess(projectId), 'poor', 'reject');
    const refused = await newLine(projectId, 'EA4-01');
    expect(refused.statusCode, refused.body).toBe(422);
    expect(refused.json().details).toEqual([
      {
        code: 'IC_EX_ANTE_NOT_SUPPORTED',
        path: 'body.projectId',
        message: '项目“智慧停车平台建设（XM2025-EA4）”事前绩效评估结论为“不予支持”，不能安排预算指标',
        confirmable: false,
      },
    ]);
    expect(await t.deps.db.select().from(budgetLines).where(eq(budgetLines.projectId, projectId))).toEqual([]);
    const refusals = await t.deps.db.select().from(controlRefusals).where(eq(controlRefusals.ruleCode, 'IC_EX_ANTE_NOT_SUPPORTED'));
    expect(refusals).toHaveLength(1);
  });

  it('refuses the same line in a ledger import, naming the row', async () => {
    const projectId = await newProject('XM2025-EA7');
    await gradeAndConclude(await assess(projectId), 'poor', 'reject');
    const row = {
      单位编码: 'PY-KGSX',
      年度: '2025',
      指标编码: 'EA7-01',
      指标名称: '智慧停车平台建设经费',
      支出类型: '项目支出',
      资金来源: '一般公共预算',
      年初预算数: '6000000',
      项目编码: 'XM2025-EA7',
    };
    const job = await importAndWait(
      t.app,
      s.accountant,
      { kind: 'budget-lines', organisationId: department },
      'ex-ante.csv',
      csv(BUDGET_HEADERS, [row]),
    );
    expect(job.status).toBe('failed');
    expect(job.errors).toEqual([
      { row: 2, column: '项目编码（G列）', message: '项目“XM2025-EA7”事前绩效评估结论为“不予支持”，不能安排预算指标' },
    ]);
    expect(await t.deps.db.select().from(budgetLines).where(eq(budgetLines.projectId, projectId))).toEqual([]);
  });

  it('lets 调整后支持 and unassessed projects be budgeted', async () => {
    const adjusted = await newProject('XM2025-EA5');
    await gradeAndConclude(await assess(adjusted), 'fair', 'adjust');
    expect((await newLine(adjusted, 'EA5-01')).statusCode).toBe(201);
    expect((await newLine(await newProject('XM2025-EA6'), 'EA6-01')).statusCode).toBe(201);
  });
});

describe('the deployment’s scheme', () => {
  it('takes cut-offs from the control settings (exAnte), so 良 throughout (80) is 调整后支持 when support starts at 85', async () => {
    const [before] = await t.deps.db.select().from(controlSettings).where(eq(controlSettings.id, 1));
    const config = { ...(before?.config ?? {}), exAnte: { supportFrom: 85 } };
    await t.deps.db.insert(controlSettings).values({ id: 1, config }).onConflictDoUpdate({ target: controlSettings.id, set: { config } });
    try {
      const id = await assess(await newProject('XM2025-EA8'));
      const concluded = await gradeAndConclude(id, 'good', 'adjust');
      expect(concluded).toMatchObject({ total: '80.00', conclusion: 'adjust', cutOffs: { support: '85.00', adjust: '60.00' } });
    } finally {
      await t.deps.db
        .update(controlSettings)
        .set({ config: before?.config ?? {} })
        .where(eq(controlSettings.id, 1));
    }
  });

  it('answers a bad setting with a clear SETTINGS_INVALID naming it, not an internal error', async () => {
    const id = await assess(await newProject('XM2025-EA9'));
    const [before] = await t.deps.db.select().from(controlSettings).where(eq(controlSettings.id, 1));
    const config = { ...(before?.config ?? {}), exAnte: { supportFrom: 50, adjustFrom: 70 } };
    await t.deps.db.insert(controlSettings).values({ id: 1, config }).onConflictDoUpdate({ target: controlSettings.id, set: { config } });
    try {
      const response = await as(t.app, s.reviewer).get(`/api/ex-ante-assessments/${id}`);
      expect(response.statusCode).toBe(503);
      expect(response.json()).toMatchObject({ code: 'SETTINGS_INVALID' });
      expect(response.json().message).toContain('exAnte');
      expect(response.json().message).toContain('分数线');
    } finally {
      await t.deps.db
        .update(controlSettings)
        .set({ config: before?.config ?? {} })
        .where(eq(controlSettings.id, 1));
    }
  });
});
