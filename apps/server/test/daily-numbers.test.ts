import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoEvaluations, demoSessions, detail } from './fixtures.ts';
import { as, type TestApp, testApp } from './harness.ts';

let t: TestApp;
let s: Awaited<ReturnType<typeof demoSessions>>;
beforeAll(async () => {
  t = await testApp();
  s = await demoSessions(t.app);
}, 120_000);
afterAll(() => t?.close());

describe('a new draft before anything is scored (issue 15)', () => {
  it('has no total and no grade (the page reads 未评分, not 0.00 分 · 差), while a scored evaluation keeps its total', async () => {
    const { department } = await demoEvaluations(t.app, s.preparer);
    if (!department) throw new Error('demo missing');
    const year = await as(t.app, s.admin).post('/api/fiscal-years', { year: 2039, submitDeadline: '2040-06-20' });
    expect(year.statusCode, year.body).toBe(201);
    const created = await as(t.app, s.preparer).post('/api/evaluations', {
      kind: 'department',
      fiscalYear: 2039,
      organisationId: department.organisationId,
    });
    expect(created.statusCode, created.body).toBe(201);
    const id: string = created.json().id;
    const fresh = await detail(t.app, s.preparer, id);
    expect(fresh).toMatchObject({ total: null, grade: null });
    const listed = (await as(t.app, s.preparer).get('/api/evaluations?fiscalYear=2039')).json();
    expect(listed.items.find((item: { id: string }) => item.id === id)).toMatchObject({ total: null, grade: null });
    // The demo's own department evaluation has been scored: its total stays.
    expect(department.total).not.toBeNull();
  });
});
