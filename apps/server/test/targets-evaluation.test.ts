import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoSessions, detail } from './fixtures.ts';
import { as, type TestApp, testApp } from './harness.ts';
import { declarationDetail, declarationProject, FULL_INDICATORS, form, reasonsFor, step } from './targets-fixtures.ts';

let t: TestApp;
let s: Awaited<ReturnType<typeof demoSessions>>;
beforeAll(async () => {
  t = await testApp();
  s = await demoSessions(t.app);
}, 60_000);
afterAll(() => t.close());

/** A project whose declaration went the whole way to 批复. */
async function approvedProject(code: string) {
  const project = await declarationProject(t, code);
  const id = (await as(t.app, s.unitPreparer).post('/api/declarations', { kind: 'project', projectId: project.id })).json().id;
  const saved = await as(t.app, s.unitPreparer).put(
    `/api/declarations/${id}`,
    form(await declarationDetail(t.app, s.unitPreparer, id), FULL_INDICATORS),
  );
  expect(saved.statusCode).toBe(200);
  expect((await step(t.app, s.unitPreparer, id, { action: 'submit', reasons: reasonsFor(saved.json()) })).statusCode).toBe(200);
  expect((await step(t.app, s.reviewer, id, { action: 'approve' })).statusCode).toBe(200);
  const lines = (await declarationDetail(t.app, s.finance, id)).indicators;
  const opinions = lines.map((line) => ({ indicatorId: line.id, verdict: 'pass' }));
  expect((await step(t.app, s.finance, id, { action: 'approve', opinions })).statusCode).toBe(200);
  return { project, declaration: await declarationDetail(t.app, s.unitPreparer, id) };
}

describe('the year-end evaluation opens from the approved targets', () => {
  it('carries goals, indicators (with the declared ids), weights and targets over, nothing retyped', async () => {
    const { project, declaration } = await approvedProject('DECL-EVAL');
    const created = await as(t.app, s.unitPreparer).post('/api/evaluations', { kind: 'project', fiscalYear: 2026, projectId: project.id });
    expect(created.statusCode).toBe(201);
    const evaluation = await detail(t.app, s.unitPreparer, created.json().id);
    expect(evaluation.declaration).toEqual({ id: declaration.id, version: 1 });
    expect(evaluation.goals.map((goal) => goal.text)).toEqual(declaration.annualGoals.map((goal) => goal.text));
    expect(
      evaluation.indicators.map(
        ({ declaredIndicatorId, name, level1, level2, direction, target, targetText, unit, weight, lastYearActual }) => ({
          declaredIndicatorId,
          name,
          level1,
          level2,
          direction,
          target,
          targetText,
          unit,
          weight,
          lastYearActual,
        }),
      ),
    ).toEqual(
      declaration.indicators.map(({ id, name, level1, level2, direction, target, targetText, unit, weight, lastYearActual }) => ({
        declaredIndicatorId: id,
        name,
        level1,
        level2,
        direction,
        target,
        targetText,
        unit,
        weight,
        lastYearActual,
      })),
    );
    // The indicator linked to the annual goal in the declaration is linked to the same goal in the evaluation.
    const counted = evaluation.indicators.find((line) => line.name === '服务企业数量');
    expect(counted?.goalId).toBe(evaluation.goals[0]?.id);
  });

  it('opens empty, as before, where nothing was approved', async () => {
    const project = await declarationProject(t, 'DECL-NONE');
    await as(t.app, s.unitPreparer).post('/api/declarations', { kind: 'project', projectId: project.id });
    const created = await as(t.app, s.unitPreparer).post('/api/evaluations', { kind: 'project', fiscalYear: 2026, projectId: project.id });
    const evaluation = await detail(t.app, s.unitPreparer, created.json().id);
    expect(evaluation.declaration).toBeNull();
    expect(evaluation.indicators).toEqual([]);
  });
});
