import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Overview } from '@jixiao/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoCommand } from '../src/cli/demo.ts';
import { OVERVIEW_LIMITS, samplePoints } from '../src/overview/overview.service.ts';
import { seedDistrict } from '../src/seed/demo-district.ts';
import { demoSessions } from './fixtures.ts';
import { as, type TestApp, testApp } from './harness.ts';

let t: TestApp;
let body: Overview;

beforeAll(async () => {
  t = await testApp();
  expect(await seedDistrict(t.deps, { departments: 2 })).toEqual({ evaluations: 28 });
  const s = await demoSessions(t.app);
  body = (await as(t.app, s.finance).get('/api/overview?fiscalYear=2024')).json() as Overview;
});
afterAll(async () => t.close());

describe('the district demo', () => {
  it('adds departments with units, budgeted projects and evaluations in every state', () => {
    expect(body.departments.map((d) => d.name)).toEqual([
      '广州市番禺区教育局（示例）',
      '广州市番禺区卫生健康局（示例）',
      '广州市番禺区科技工业商务和信息化局',
    ]);
    const education = body.departments[0];
    // 4 units with 4, 3, 4, 3 projects; statuses cycle over six states from serial 1.
    expect(education?.evaluations).toBe(14);
    expect(education?.budgetedProjects).toBe(14);
    expect(education?.units).toHaveLength(4);
    expect(Object.values(education?.progress ?? {}).every((count) => count >= 2)).toBe(true);
    expect(body.totals.evaluations).toBe(30);
  });

  it('shows the anomalies it plants, and its scores come from the scorer', async () => {
    const codes = new Set(body.anomalies.map((a) => a.code));
    for (const code of ['COST_AS_AT_LEAST', 'ZERO_ACTUAL_UNEXPLAINED', 'EXECUTION_LOW_NO_REASON'] as const) expect(codes).toContain(code);
    const s = await demoSessions(t.app);
    const list = (await as(t.app, s.finance).get('/api/evaluations?fiscalYear=2024')).json() as {
      items: { id: string; total: string | null }[];
    };
    const cached = new Map(list.items.map((item) => [item.id, item.total]));
    for (const point of body.points) expect(cached.get(point.evaluationId)).toBe((point.selfScore / 100).toFixed(2));
  });
});

describe('the district on the public site', () => {
  it('freezes each published district evaluation as publication does: report and 自评表, listed under its department', async () => {
    const s = await demoSessions(t.app);
    const list = (await as(t.app, s.finance).get('/api/evaluations?fiscalYear=2024')).json() as {
      items: { id: string; status: string; organisationCode: string; projectCode: string | null; projectName: string | null }[];
    };
    const published = list.items.filter((item) => item.status === 'published' && item.organisationCode.startsWith('PY-D'));
    // Six states cycled over serials 1–28: the 4th, 10th, 16th, 22nd and 28th are published.
    expect(published).toHaveLength(5);
    for (const item of published) {
      const base = `/public/${item.organisationCode}/2024/projects/${item.projectCode}`;
      const page = await t.app.inject({ method: 'GET', url: base });
      expect(page.statusCode, base).toBe(200);
      expect(page.body).toContain(item.projectName ?? '');
      const table = await t.app.inject({ method: 'GET', url: `${base}/self-evaluation.xlsx` });
      expect(table.statusCode, base).toBe(200);
      expect(table.rawPayload.subarray(0, 2).toString()).toBe('PK');
    }
    const department = await t.app.inject({ method: 'GET', url: '/public/PY-D0001' });
    expect(department.statusCode).toBe(200);
    for (const item of published.filter((entry) => entry.organisationCode.startsWith('PY-D0001-')))
      expect(department.body).toContain(`href="/public/${item.organisationCode}/2024/projects/${item.projectCode}"`);
    // What is not published stays off the public site.
    const draft = list.items.find((item) => item.status === 'draft' && item.organisationCode.startsWith('PY-D'));
    const hidden = await t.app.inject({ method: 'GET', url: `/public/${draft?.organisationCode}/2024/projects/${draft?.projectCode}` });
    expect(hidden.statusCode).toBe(404);
  });
});

describe('scope over a district', () => {
  it('the department reviewer sees only their own department; the finance bureau and the auditor all three', async () => {
    const s = await demoSessions(t.app);
    const read = async (session: typeof s.finance, query = '') =>
      (await as(t.app, session).get(`/api/overview?fiscalYear=2024${query}`)).json() as Overview;
    const reviewer = await read(s.reviewer);
    expect(reviewer.departmentOptions.map((d) => d.name)).toEqual(['广州市番禺区科技工业商务和信息化局']);
    expect(reviewer.totals.evaluations).toBe(2);
    expect(reviewer.anomalies.every((a) => a.departmentName === '广州市番禺区科技工业商务和信息化局')).toBe(true);
    expect((await read(s.auditor)).totals).toEqual(body.totals);
    const other = body.departmentOptions.find((d) => d.name === '广州市番禺区教育局（示例）');
    const refused = await as(t.app, s.reviewer).get(`/api/overview?departmentId=${other?.id}`);
    expect(refused.statusCode).toBe(404);
    expect((await read(s.finance, `&departmentId=${other?.id}`)).totals.evaluations).toBe(14);
  });
});

describe('a district too large for one response', () => {
  it('pages the anomaly list and refuses a bad page, naming it', async () => {
    const s = await demoSessions(t.app);
    expect(body.anomalyPage).toEqual({ page: 1, pageSize: OVERVIEW_LIMITS.anomalyPageSize, total: body.totals.anomalies });
    expect(body.anomalies).toHaveLength(Math.min(body.totals.anomalies, OVERVIEW_LIMITS.anomalyPageSize));
    const beyond = (await as(t.app, s.finance).get('/api/overview?fiscalYear=2024&anomalyPage=2')).json() as Overview;
    expect(beyond.anomalyPage.page).toBe(2);
    expect(beyond.anomalies).toEqual(body.anomalies.slice(OVERVIEW_LIMITS.anomalyPageSize));
    const bad = await as(t.app, s.finance).get('/api/overview?fiscalYear=2024&anomalyPage=0');
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('异常清单页码从 1 开始');
    expect(body.unitsShown).toBe(true);
    expect(body.pointsTotal).toBe(body.points.length);
  });

  it('keeps every 高分低支 point and an even sample of the rest', () => {
    const point = (n: number, flagged: boolean) => ({
      evaluationId: `e${n}`,
      name: `n${n}`,
      departmentName: 'd',
      executionBasisPoints: n,
      selfScore: 9000,
      highScoreLowSpending: flagged,
    });
    const points = Array.from({ length: 100 }, (_, n) => point(n, n % 25 === 0));
    const kept = samplePoints(points, 10);
    expect(kept).toHaveLength(10);
    expect(kept.filter((p) => p.highScoreLowSpending).map((p) => p.evaluationId)).toEqual(['e0', 'e25', 'e50', 'e75']);
    expect(kept.map((p) => p.executionBasisPoints)).toEqual([...kept.map((p) => p.executionBasisPoints)].sort((a, b) => a - b));
    expect(samplePoints(points.slice(0, 5), 10)).toHaveLength(5);
  });
});

describe('npx jixiao demo --departments N', () => {
  const output = () => {
    const text = { stdout: '', stderr: '' };
    return {
      text,
      out: { stdout: { write: (line: string) => (text.stdout += line) }, stderr: { write: (line: string) => (text.stderr += line) } },
    };
  };

  it('refuses a missing or bad count, naming the option', async () => {
    for (const args of [[], ['--departments', '0'], ['--departments', 'abc']]) {
      const { text, out } = output();
      expect(await demoCommand.run(args, out, {})).toBe(2);
      expect(text.stderr).toContain('--departments 应为 1 至 5000 的整数');
    }
  });

  it('loads the demo into an empty embedded database, then the departments, and adds more when run again', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'jixiao-demo-'));
    try {
      const env = { JIXIAO_DATA_DIR: dataDir, PASSWORD_HASH_COST: '10', LOG_LEVEL: 'silent' };
      const first = output();
      expect(await demoCommand.run(['--departments', '1'], first.out, env), first.text.stderr).toBe(0);
      expect(first.text.stdout).toBe('已加入 1 个示例部门、14 份项目自评（2024 年度）。\n');
      const second = output();
      expect(await demoCommand.run(['--departments', '1'], second.out, env), second.text.stderr).toBe(0);
      expect(second.text.stdout).toContain('14 份项目自评');
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 120_000);
});
