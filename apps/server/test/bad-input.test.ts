import { count } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../src/db/schema.ts';
import { demoEvaluations, demoSessions, detail } from './fixtures.ts';
import { as, type TestApp, testApp } from './harness.ts';

/** Each class of input that used to end in a 500 (issue 7): now a 4xx naming the field, with nothing written. */
let t: TestApp;
let s: Awaited<ReturnType<typeof demoSessions>>;
let id: string;
let projectEvaluationId: string;
beforeAll(async () => {
  t = await testApp();
  s = await demoSessions(t.app);
  const { department, project } = await demoEvaluations(t.app, s.preparer);
  if (!department || !project) throw new Error('demo missing');
  id = department.id;
  projectEvaluationId = project.id;
});
afterAll(() => t.close());

const audits = async () => (await t.deps.db.select({ n: count() }).from(auditLog))[0]?.n;
const paths = (response: { json(): unknown }) => ((response.json() as { details: { path: string }[] }).details ?? []).map((d) => d.path);

describe('text PostgreSQL cannot store', () => {
  it('refuses a NUL character in an anonymous login’s username, naming the field', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'pre\u0000parer', password: 'x' },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({
      code: 'VALIDATION_FAILED',
      details: [{ path: 'body.username', message: '含有空字符（U+0000），无法保存，请删除后重新提交' }],
    });
  });

  it('refuses NUL in a text column and a lone surrogate in JSON-stored text, writing nothing', async () => {
    const before = await audits();
    const { version } = await detail(t.app, s.preparer, id);
    const nul = await as(t.app, s.preparer).patch(`/api/evaluations/${id}`, { version, preparerName: '张\u0000三' });
    expect(nul.statusCode).toBe(400);
    expect(paths(nul)).toEqual(['body.preparerName']);
    const surrogate = await as(t.app, s.preparer).patch(`/api/evaluations/${id}`, {
      version,
      narrative: { problems: ['问题\ud83d'] },
    });
    expect(surrogate.statusCode).toBe(400);
    expect(surrogate.json().details).toEqual([
      { path: 'body.narrative.problems[0]', message: '含有不完整的 Unicode 字符（孤立代理项），无法保存，请重新输入' },
    ]);
    // A complete surrogate pair (an emoji) is ordinary text.
    const emoji = await as(t.app, s.preparer).patch(`/api/evaluations/${id}`, { version, preparerName: '张三😀' });
    expect(emoji.statusCode).toBe(200);
    expect(await audits()).toBe((before ?? 0) + 1);
  });

  it('refuses NUL in a query string and in an uploaded file’s name', async () => {
    const query = await as(t.app, s.preparer).get('/api/evaluations?status=dr%00aft');
    expect(query.statusCode).toBe(400);
    expect(paths(query)).toEqual(['querystring.status']);
    const boundary = 'nulname';
    const payload = Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a\u0000.pdf"\r\n\r\n%PDF-1.4\r\n--${boundary}--\r\n`,
    );
    const upload = await as(t.app, s.preparer).post(`/api/evaluations/${id}/attachments`, payload, {
      'content-type': `multipart/form-data; boundary=${boundary}`,
    });
    expect(upload.statusCode).toBe(400);
    expect(paths(upload)).toEqual(['file.filename']);
  });
});

describe('integers past 32 bits', () => {
  it('refuses them in version, fiscalYear and a year in the path, naming the field', async () => {
    const { goals } = await detail(t.app, s.preparer, id);
    const goal = goals[0];
    const version = await as(t.app, s.preparer).patch(`/api/goals/${goal?.id}`, { version: 2147483648, text: '目标' });
    expect(version.statusCode).toBe(400);
    expect(paths(version)).toEqual(['body.version']);
    const deleted = await as(t.app, s.preparer).delete(`/api/goals/${goal?.id}?version=2147483648`);
    expect(deleted.statusCode).toBe(400);
    expect(paths(deleted)).toEqual(['querystring.version']);
    const organisationId = (await detail(t.app, s.preparer, id)).organisationId;
    const year = await as(t.app, s.preparer).post('/api/evaluations', { kind: 'department', fiscalYear: 2147483648, organisationId });
    expect(year.statusCode).toBe(400);
    expect(paths(year)).toEqual(['body.fiscalYear']);
    const inPath = await as(t.app, s.admin).patch('/api/fiscal-years/2147483648', { version: 1 });
    expect(inPath.statusCode).toBe(400);
    expect(paths(inPath)).toEqual(['params.year']);
  });
});

describe('records that exist already or refer to nothing', () => {
  it('answers a duplicate evaluation with 409 ALREADY_EXISTS and an unknown year with a 400 naming it', async () => {
    const { organisationId } = await detail(t.app, s.preparer, id);
    const before = await audits();
    const duplicate = await as(t.app, s.preparer).post('/api/evaluations', { kind: 'department', fiscalYear: 2024, organisationId });
    expect(duplicate.statusCode).toBe(409);
    expect(duplicate.json()).toMatchObject({
      code: 'ALREADY_EXISTS',
      details: [{ path: 'body.organisationId', message: '本部门 2024 年度的部门整体自评已存在' }],
    });
    const { projectId } = await detail(t.app, s.unitPreparer, projectEvaluationId);
    const project = await as(t.app, s.unitPreparer).post('/api/evaluations', { kind: 'project', fiscalYear: 2024, projectId });
    expect(project.statusCode).toBe(409);
    expect(paths(project)).toEqual(['body.projectId']);
    const unknownYear = await as(t.app, s.preparer).post('/api/evaluations', { kind: 'department', fiscalYear: 2030, organisationId });
    expect(unknownYear.statusCode).toBe(400);
    expect(unknownYear.json().details).toEqual([{ path: 'body.fiscalYear', message: '2030 年度尚未设立，请先由管理员新建年度' }]);
    expect(await audits()).toBe(before);
  });

  it('answers a goal renamed to another goal’s code with 409 naming body.code', async () => {
    const { goals } = await detail(t.app, s.preparer, id);
    const [first, second] = goals;
    if (!first || !second) throw new Error('the demo has two goals');
    const response = await as(t.app, s.preparer).patch(`/api/goals/${second.id}`, { version: second.version, code: first.code });
    expect(response.statusCode).toBe(409);
    expect(response.json()).toMatchObject({
      code: 'ALREADY_EXISTS',
      details: [{ path: 'body.code', message: `目标编号“${first.code}”已存在` }],
    });
    const same = await as(t.app, s.preparer).patch(`/api/goals/${second.id}`, { version: second.version, code: second.code });
    expect(same.statusCode).toBe(200);
  });

  it('refuses a project of an organisation that does not exist, naming body.organisationId', async () => {
    const response = await as(t.app, s.admin).post('/api/projects', {
      organisationId: '00000000-0000-4000-8000-000000000000',
      fiscalYear: 2024,
      code: 'XM-NONE',
      name: '无主项目',
      category: '培训',
      budget: '100.00',
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().details).toEqual([{ path: 'body.organisationId', message: '单位 00000000-0000-4000-8000-000000000000 不存在' }]);
  });
});

describe('malformed multipart bodies', () => {
  const boundary = 'broken';
  const type = { 'content-type': `multipart/form-data; boundary=${boundary}` };
  const truncated = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.xlsx"\r\n\r\nPK\u0003\u0004`;
  const routes = () => [
    `/api/evaluations/${id}/workbook`,
    `/api/evaluations/${id}/attachments`,
    '/api/admin/import',
    '/api/ledger/import?kind=budget-lines&organisationId=00000000-0000-4000-8000-000000000000',
  ];

  it('answers a cut-off or boundary-less body with 400 on all four upload routes', async () => {
    for (const url of routes()) {
      const session = url.startsWith('/api/admin') || url.startsWith('/api/ledger') ? s.admin : s.preparer;
      for (const [payload, headers] of [
        [truncated, type],
        ['abc', { 'content-type': 'multipart/form-data' }],
      ] as const) {
        const response = await as(t.app, session).post(url, payload, headers);
        expect(response.statusCode, `${url} ${response.body}`).toBe(400);
        expect(response.json().code).toBe('VALIDATION_FAILED');
        expect(paths(response)).toEqual(['file']);
      }
    }
  });
});

describe('money and weights', () => {
  it('refuses negative evaluation budget figures, naming the field', async () => {
    const { version } = await detail(t.app, s.preparer, id);
    const response = await as(t.app, s.preparer).patch(`/api/evaluations/${id}`, {
      version,
      budget: { initial: '-1.00', executed: '-0.01' },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().details).toEqual([
      { path: 'body.budget.initial', message: '金额不能为负数' },
      { path: 'body.budget.executed', message: '金额不能为负数' },
    ]);
  });

  it('scores an evaluation whose weights add up past 999.99 points, with the blocking finding', async () => {
    const { indicators } = await detail(t.app, s.preparer, id);
    for (const indicator of indicators.slice(0, 2)) {
      const response = await as(t.app, s.preparer).patch(`/api/indicators/${indicator.id}`, {
        version: indicator.version,
        weight: '999.99',
      });
      expect(response.statusCode).toBe(200);
    }
    const score = await as(t.app, s.preparer).get(`/api/evaluations/${id}/score`);
    expect(score.statusCode, score.body).toBe(200);
    const body = score.json() as { totalWeight: string; findings: { code: string; blocking: boolean }[] };
    expect(Number(body.totalWeight)).toBeGreaterThan(999.99);
    expect(body.findings.some((finding) => finding.blocking)).toBe(true);
  });
});
