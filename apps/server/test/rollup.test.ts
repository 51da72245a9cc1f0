import type { EvaluationRollup } from '@jixiao/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoEvaluations, demoSessions, transition } from './fixtures.ts';
import { as, type TestApp, testApp } from './harness.ts';

// The demo's FY2024: the department-wide evaluation of 区科工商信局 (99.52 by the official rules) and one
// project of its unit 番禺区中小企业服务中心 (91.08 once handed in).

let t: TestApp;
let s: Awaited<ReturnType<typeof demoSessions>>;
let ids: { department: string; project: string };

const rollup = async (id = ids.department, session = s.reviewer) => {
  const response = await as(t.app, session).get(`/api/evaluations/${id}/rollup`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as EvaluationRollup;
};

beforeAll(async () => {
  t = await testApp();
  s = await demoSessions(t.app);
  const { department, project } = await demoEvaluations(t.app, s.finance);
  if (!department || !project) throw new Error('demo evaluations missing');
  ids = { department: department.id, project: project.id };
});
afterAll(async () => t.close());

describe('GET /api/evaluations/:id/rollup', () => {
  it('lists the units and projects below the department; drafts carry no score and are not counted', async () => {
    const body = await rollup();
    expect(body.fiscalYear).toBe(2024);
    expect(body.officialScore).toBe('99.52'); // its own score, as its page shows it, though still a draft
    expect(body.keyProjectFromFen).toBe(100_000_000);
    const sme = body.units.find((unit) => unit.name === '番禺区中小企业服务中心（示例）');
    expect(sme).toMatchObject({ projectCount: 1, projects: { score: null, counted: 0, notCounted: 1 } });
    expect(body.projects).toHaveLength(1);
    expect(body.projects[0]).toMatchObject({
      evaluationId: ids.project,
      status: 'draft',
      selfScore: null,
      unitName: '番禺区中小企业服务中心（示例）',
    });
    expect(body.aggregate.projects).toEqual({ score: null, weightFen: 0, counted: 0, notCounted: 1 });
  });

  it('once handed in: the project counts with its adjusted budget, beside the department’s official score', async () => {
    expect((await transition(t.app, s.preparer, ids.department, 'submit')).statusCode).toBe(200);
    expect((await transition(t.app, s.unitPreparer, ids.project, 'submit')).statusCode).toBe(200);
    const body = await rollup();
    expect(body.officialScore).toBe('99.52');
    const [project] = body.projects;
    expect(project).toMatchObject({ selfScore: '91.08', status: 'submitted' });
    expect(project?.budgetFen).toBeGreaterThan(0);
    expect(project?.key).toBe((project?.budgetFen ?? 0) >= body.keyProjectFromFen);
    expect(body.aggregate.projects).toEqual({ score: '91.08', weightFen: project?.budgetFen, counted: 1, notCounted: 0 });
    expect(body.aggregate.keyProjects.counted).toBe(project?.key ? 1 : 0);
    expect(body.units.find((unit) => unit.name === '番禺区中小企业服务中心（示例）')?.projects.score).toBe('91.08');
  });

  it('the finance bureau reads it too; a unit below the department does not see the department’s evaluation', async () => {
    expect((await rollup(ids.department, s.finance)).projects).toHaveLength(1);
    const response = await as(t.app, s.unitPreparer).get(`/api/evaluations/${ids.department}/rollup`);
    expect(response.statusCode).toBe(404);
  });

  it('a project evaluation has nothing to roll up: 400 naming the evaluation', async () => {
    const response = await as(t.app, s.reviewer).get(`/api/evaluations/${ids.project}/rollup`);
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ code: 'VALIDATION_FAILED', details: [{ path: 'params.id' }] });
    expect(response.body).toContain('部门整体支出绩效自评');
  });
});
