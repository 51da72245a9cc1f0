import type { SearchResults } from '@jixiao/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoSessions } from './fixtures.ts';
import { as, login, type Session, type TestApp, testApp } from './harness.ts';

let t: TestApp;
let s: Awaited<ReturnType<typeof demoSessions>>;
let cashier: Session;

const search = async (session: Session, q: string, limit?: number) => {
  const query = new URLSearchParams({ q, ...(limit ? { limit: String(limit) } : {}) });
  const response = await as(t.app, session).get(`/api/search?${query}`);
  expect(response.statusCode, response.body).toBe(200);
  return (response.json() as SearchResults).items;
};

beforeAll(async () => {
  t = await testApp();
  s = await demoSessions(t.app);
  const session = await login(t.app, 'cashier');
  if (!session) throw new Error('demo cashier cannot sign in');
  cashier = session;
});
afterAll(async () => t?.close());

describe('GET /api/search', () => {
  it('finds a payee among the payments, linked to the payment drawer', async () => {
    const hits = (await search(cashier, '某充电科技')).filter((hit) => hit.kind === 'payment');
    expect(hits.length).toBeGreaterThan(0);
    for (const hit of hits) {
      expect(hit.title).toContain('某充电科技');
      expect(hit.link).toBe(`/control/payments?payment=${hit.id}`);
      expect(Number.isInteger(hit.amountFen)).toBe(true);
    }
  });

  it('finds contracts by supplier or title and evaluations by project name', async () => {
    const contracts = (await search(s.admin, '充电桩')).filter((hit) => hit.kind === 'contract');
    expect(contracts.map((hit) => hit.title)).toContain('公共充电桩设备采购及安装合同（示例）');
    const { items } = (await as(t.app, s.preparer).get('/api/evaluations')).json() as {
      items: { id: string; projectName: string | null; kind: string }[];
    };
    const project = items.find((item) => item.kind === 'project');
    if (!project?.projectName) throw new Error('demo project evaluation missing');
    const word = project.projectName.slice(0, 4);
    const evaluations = (await search(s.preparer, word)).filter((hit) => hit.kind === 'evaluation');
    expect(evaluations.map((hit) => hit.id)).toContain(project.id);
    expect(evaluations.every((hit) => hit.link === `/evaluations/${hit.id}`)).toBe(true);
  });

  it('keeps to what the reader may see', async () => {
    // The SME centre's preparer sees their unit only: the bureau's payees are not theirs to find.
    expect((await search(s.unitPreparer, '某充电科技')).filter((hit) => hit.kind === 'payment')).toEqual([]);
    expect((await search(s.admin, '某充电科技')).some((hit) => hit.kind === 'payment')).toBe(true);
  });

  it('matches what was typed literally and caps the hits per kind', async () => {
    // As wildcards these would match 广州某充电科技有限公司 and the contract with it.
    expect(await search(s.admin, '广州某%科技')).toEqual([]);
    expect(await search(s.admin, '广州某_电科技')).toEqual([]);
    expect((await search(s.admin, '广州某充电科技')).length).toBeGreaterThan(0);
    const hits = await search(s.admin, '示例', 2);
    const perKind = new Map<string, number>();
    for (const hit of hits) perKind.set(hit.kind, (perKind.get(hit.kind) ?? 0) + 1);
    expect(Math.max(...perKind.values())).toBe(2);
  });

  it('refuses an empty or over-long query in Chinese, naming the field', async () => {
    for (const q of ['', '   ', '长'.repeat(101)]) {
      const response = await as(t.app, s.admin).get(`/api/search?q=${encodeURIComponent(q)}`);
      expect(response.statusCode).toBe(400);
      expect(response.body).toMatch(/搜索内容|请输入/);
      expect(response.body).toContain('q');
    }
  });

  it('requires a session', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/search?q=示例' })).statusCode).toBe(401);
  });
});
