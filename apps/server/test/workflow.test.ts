import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../src/db/schema.ts';
import { demoEvaluations, demoSessions, detail, transition } from './fixtures.ts';
import { as, type TestApp, testApp } from './harness.ts';

let t: TestApp;
let s: Awaited<ReturnType<typeof demoSessions>>;
let id: string;
beforeAll(async () => {
  t = await testApp();
  s = await demoSessions(t.app);
  const { department } = await demoEvaluations(t.app, s.preparer);
  if (!department) throw new Error('demo department evaluation missing');
  id = department.id;
});
afterAll(() => t.close());

const status = async () => (await detail(t.app, s.preparer, id)).status;

describe('the review workflow 草稿 → 单位提交 → 部门审核 → 财政复核 → 已公开', () => {
  it('starts as a draft that only the preparer may submit', async () => {
    expect(await status()).toBe('draft');
    const byReviewer = await transition(t.app, s.reviewer, id, 'submit');
    expect(byReviewer.statusCode).toBe(403);
    expect(byReviewer.json()).toMatchObject({ code: 'FORBIDDEN', message: '“提交”须由单位填报人执行' });
  });

  it('refuses to approve a draft', async () => {
    const response = await transition(t.app, s.reviewer, id, 'approve');
    expect(response.statusCode).toBe(409);
    expect(response.json()).toMatchObject({ code: 'INVALID_TRANSITION', message: '当前状态为“草稿”，不能执行“审核通过”' });
  });

  it('submits, and locks the content against edits', async () => {
    const submitted = await transition(t.app, s.preparer, id, 'submit');
    expect(submitted.statusCode).toBe(200);
    expect(submitted.json()).toEqual({ status: 'submitted', statusLabel: '待部门审核' });
    const indicator = (await detail(t.app, s.preparer, id)).indicators[0];
    const edit = await as(t.app, s.preparer).patch(`/api/indicators/${indicator?.id}`, { version: indicator?.version, actual: '30' });
    expect(edit.statusCode).toBe(409);
    expect(edit.json().code).toBe('NOT_EDITABLE');
  });

  it('never lets the preparer approve what they prepared (a preparer who also reviews)', async () => {
    const response = await transition(t.app, s.preparer, id, 'approve');
    expect(response.statusCode).toBe(403);
  });

  it('needs a comment to return, and returns to the unit with it', async () => {
    const silent = await transition(t.app, s.reviewer, id, 'return');
    expect(silent.statusCode).toBe(400);
    expect(silent.json().details).toEqual([{ path: 'body.comment', message: '退回时必须填写退回意见，说明需要修改的内容' }]);
    const returned = await transition(t.app, s.reviewer, id, 'return', '请补充满意度调查的样本量');
    expect(returned.json().status).toBe('returned');
    const view = await detail(t.app, s.preparer, id);
    expect(view.transitions.at(-1)).toMatchObject({
      action: 'return',
      actorName: '部门审核人（示例）',
      comment: '请补充满意度调查的样本量',
    });
    expect(view.permissions.edit).toBe(true);
  });

  it('lets the preparer fix and resubmit', async () => {
    const view = await detail(t.app, s.preparer, id);
    const satisfaction = view.indicators.find((indicator) => indicator.level1 === 'satisfaction');
    const fixed = await as(t.app, s.preparer).patch(`/api/indicators/${satisfaction?.id}`, {
      version: satisfaction?.version,
      dataSource: '问卷调查，有效样本 1,206 份',
    });
    expect(fixed.statusCode).toBe(200);
    expect((await transition(t.app, s.preparer, id, 'submit')).json().status).toBe('submitted');
  });

  it('refuses a step taken on a stale view of the evaluation', async () => {
    const { revision } = await detail(t.app, s.reviewer, id);
    const response = await as(t.app, s.reviewer).post(`/api/evaluations/${id}/transitions`, { action: 'approve', revision: revision - 1 });
    expect(response.statusCode).toBe(409);
    expect(response.json().code).toBe('VERSION_CONFLICT');
  });

  it('is approved by the department, then refused to the same person at the finance stage', async () => {
    expect((await transition(t.app, s.reviewer, id, 'approve')).json().status).toBe('department_approved');
    expect((await transition(t.app, s.reviewer, id, 'approve')).statusCode).toBe(403);
  });

  it('is approved by the finance bureau and published; the public page shows the report', async () => {
    expect((await transition(t.app, s.finance, id, 'approve')).json().status).toBe('finance_approved');
    const before = await t.app.inject({ method: 'GET', url: '/public/PY-KGSX/2024' });
    expect(before.statusCode).toBe(404);
    expect((await transition(t.app, s.finance, id, 'publish')).json().status).toBe('published');
    const page = await t.app.inject({ method: 'GET', url: '/public/PY-KGSX/2024' });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('广州市番禺区科技工业商务和信息化局');
    expect(page.body).toContain('99.52');
    expect(page.body).toContain('产业扶持资金促进企业产生工业投资不少于20亿元');
    const docx = await t.app.inject({ method: 'GET', url: '/public/PY-KGSX/2024/report.docx' });
    expect(docx.statusCode).toBe(200);
    expect(docx.headers['content-type']).toContain('wordprocessingml');
    expect(docx.rawPayload.subarray(0, 2).toString()).toBe('PK');
  });

  it('keeps the whole history, and every step in the audit log', async () => {
    const view = await detail(t.app, s.auditor, id);
    expect(view.transitions.map((entry) => `${entry.action}:${entry.fromStatus}→${entry.toStatus}`)).toEqual([
      'submit:draft→submitted',
      'return:submitted→returned',
      'submit:returned→submitted',
      'approve:submitted→department_approved',
      'approve:department_approved→finance_approved',
      'publish:finance_approved→published',
    ]);
    const audit = await t.deps.db.select().from(auditLog).where(eq(auditLog.entityId, id)).orderBy(auditLog.seq);
    expect(audit.filter((row) => row.action.startsWith('workflow.')).map((row) => row.action)).toEqual([
      'workflow.submit',
      'workflow.return',
      'workflow.submit',
      'workflow.approve',
      'workflow.approve',
      'workflow.publish',
    ]);
  });
});
