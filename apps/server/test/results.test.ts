import type { ResultItem } from '@jixiao/contract';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, projects } from '../src/db/schema.ts';
import { createProject, ensureFiscalYear } from '../src/seed/builders.ts';
import { demoEvaluations, demoSessions, transition } from './fixtures.ts';
import { as, type TestApp, testApp } from './harness.ts';

/**
 * 结果应用 through the API: the demo's FY2024 project evaluation approved by the bureau, its suggestion
 * (exact fen), the decision with its reason and confirmation rules, one per evaluation, audited, in the
 * bureau's to-dos until decided, and shown on the FY2025 declaration and budget line of the same project.
 */
let t: TestApp;
let s: Awaited<ReturnType<typeof demoSessions>>;
let projectEvaluationId: string;

const results = async (session = s.finance, query = '?fiscalYear=2024') => {
  const response = await as(t.app, session).get(`/api/results${query}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as { items: ResultItem[]; byGrade: { grade: string; count: number; budget: string }[]; reducePercent: number };
};
const fen = (yuan: string) => BigInt(yuan.replace('.', ''));
const tasks = async (session = s.finance) =>
  (await as(t.app, session).get('/api/tasks')).json().items as { resultEvaluationId?: string; action: string }[];

beforeAll(async () => {
  t = await testApp();
  s = await demoSessions(t.app);
  const { project } = await demoEvaluations(t.app, s.finance);
  if (!project) throw new Error('demo project evaluation missing');
  projectEvaluationId = project.id;
  for (const [session, action] of [
    [s.preparer, 'submit'],
    [s.reviewer, 'approve'],
    [s.finance, 'approve'],
  ] as const) {
    const stepped = await transition(t.app, session, project.id, action);
    if (stepped.statusCode !== 200) throw new Error(`${action}: ${stepped.body}`);
  }
}, 120_000);
afterAll(() => t?.close());

describe('结果应用', () => {
  it('lists the finance-approved project with its grade, suggestion and exact suggested amount', async () => {
    const body = await results();
    expect(body.reducePercent).toBe(10);
    const item = body.items.find((entry) => entry.evaluationId === projectEvaluationId);
    expect(item).toBeDefined();
    if (!item) return;
    const total = Math.round(Number(item.total) * 100);
    const grade = total >= 9000 ? '优' : total >= 8000 ? '良' : total >= 6000 ? '中' : '差';
    expect(item.grade).toBe(grade);
    const budget = fen(item.budget);
    const expected = grade === '中' ? budget - (2n * budget * 10n + 100n) / 200n : grade === '差' ? 0n : budget;
    expect(fen(item.suggestedAmount)).toBe(expected);
    expect(item.scoreSource).toBe('self');
    expect(item.explanation).toContain(`评价等级“${grade}”`);
    expect(item.basis).toContain('中发〔2018〕34号');
    expect(item.permissions.decide).toBe(true);
    expect(body.byGrade.find((entry) => entry.grade === grade)?.count).toBe(1);
  });

  it('is read by reviewers and the auditor, refused to preparers; only the bureau decides', async () => {
    expect((await as(t.app, s.preparer).get('/api/results')).statusCode).toBe(403);
    const auditorView = await results(s.auditor);
    expect(auditorView.items.every((item) => !item.permissions.decide)).toBe(true);
    const refused = await as(t.app, s.reviewer).post(`/api/results/${projectEvaluationId}/decision`, {
      decision: 'adopt',
      treatment: 'maintain',
      decidedAmount: '1.00',
    });
    expect(refused.statusCode, refused.body).toBe(403);
  });

  it('refuses a departing decision without its reason, naming the field, and adopt with another amount', async () => {
    const item = (await results()).items.find((entry) => entry.evaluationId === projectEvaluationId) as ResultItem;
    expect((await tasks()).some((task) => task.resultEvaluationId === projectEvaluationId && task.action === 'result-decide')).toBe(true);
    const noReason = await as(t.app, s.finance).post(`/api/results/${projectEvaluationId}/decision`, {
      decision: 'adjust',
      treatment: 'reduce',
      decidedAmount: '1.00',
      reason: ' ',
    });
    expect(noReason.statusCode, noReason.body).toBe(400);
    expect(noReason.json().details.map((detail: { path: string }) => detail.path)).toEqual(['body.reason']);
    expect(noReason.json().details[0].message).toContain('须填写调整理由');
    const adoptOther = await as(t.app, s.finance).post(`/api/results/${projectEvaluationId}/decision`, {
      decision: 'adopt',
      treatment: item.treatment,
      decidedAmount: '1.00',
    });
    expect(adoptOther.statusCode).toBe(400);
    expect(adoptOther.json().details[0].path).toBe('body.decision');
    const bad = await as(t.app, s.finance).post(`/api/results/${projectEvaluationId}/decision`, {
      decision: 'adjust',
      treatment: 'reduce',
      decidedAmount: '-5',
    });
    expect(bad.statusCode).toBe(400);
  });

  it('records one decision, audited, out of the to-dos, shown on next year’s declaration and budget line', async () => {
    const decided = await as(t.app, s.finance).post(`/api/results/${projectEvaluationId}/decision`, {
      decision: 'adjust',
      treatment: 'reduce',
      decidedAmount: '1234.56',
      reason: '项目已完成主体建设，下一年度压减至维护所需',
    });
    expect(decided.statusCode, decided.body).toBe(201);
    const again = await as(t.app, s.finance).post(`/api/results/${projectEvaluationId}/decision`, {
      decision: 'adjust',
      treatment: 'reduce',
      decidedAmount: '1.00',
      reason: '再次决定',
    });
    expect(again.statusCode).toBe(409);
    const item = (await results()).items.find((entry) => entry.evaluationId === projectEvaluationId) as ResultItem;
    expect(item.decision).toMatchObject({ decision: 'adjust', treatment: 'reduce', decidedAmount: '1234.56' });
    expect(item.permissions.decide).toBe(false);
    expect((await results(s.finance, '?fiscalYear=2024&undecided=true')).items).toHaveLength(0);
    expect((await tasks()).some((task) => task.resultEvaluationId === projectEvaluationId)).toBe(false);
    const audit = await t.deps.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityType, 'result-decision'), eq(auditLog.entityId, decided.json().id)));
    expect(audit.map((entry) => entry.action)).toEqual(['result.decide']);

    // The same project (unit and code) in FY2025: its declaration and its budget line carry the decision.
    const [project2024] = await t.deps.db.select().from(projects).where(eq(projects.fiscalYear, 2024));
    if (!project2024) throw new Error('2024 project missing');
    await ensureFiscalYear(t.deps.db, 2025);
    const project2025 = await createProject(t.deps.db, {
      organisationId: project2024.organisationId,
      fiscalYear: 2025,
      code: project2024.code,
      name: project2024.name,
      category: project2024.category,
      budgetFen: 123_456,
    });
    const declared = await as(t.app, s.preparer).post('/api/declarations', { kind: 'project', projectId: project2025.id });
    expect(declared.statusCode, declared.body).toBe(201);
    const declaration = (await as(t.app, s.preparer).get(`/api/declarations/${declared.json().id}`)).json();
    expect(declaration.appliedResult).toMatchObject({ fiscalYear: 2024, treatment: 'reduce', decidedAmount: '1234.56' });
    expect(declaration.appliedResult.note).toContain('财政局决定压减，2025 年度安排 1,234.56 元');
    const line = await as(t.app, s.admin).post('/api/budget-lines', {
      organisationId: project2025.organisationId,
      fiscalYear: 2025,
      projectId: project2025.id,
      code: 'RESULT-2025',
      name: project2025.name,
      spendingType: 'project',
      fundingSource: '一般公共预算',
      initial: '1234.56',
    });
    expect(line.statusCode, line.body).toBe(201);
    expect(line.json().appliedResult).toMatchObject({ treatment: 'reduce', decidedAmount: '1234.56' });
    // The line keeps showing the decision it was set against.
    const detail = (await as(t.app, s.admin).get(`/api/budget-lines/${line.json().id}`)).json();
    expect(detail.appliedResult).toMatchObject({ fiscalYear: 2024, treatment: 'reduce', decidedAmount: '1234.56' });
  });
});
