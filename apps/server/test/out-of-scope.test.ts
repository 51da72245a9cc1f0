import { randomUUID } from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrganisation, createUser } from '../src/seed/builders.ts';
import { DEMO_PASSWORD } from '../src/seed/demo.ts';
import { as, login, type Session, type TestApp, testApp } from './harness.ts';

/**
 * Another organisation's records must be indistinguishable from missing ones, for writes exactly as
 * for reads: the same 404, code and message as an id that does not exist. The intruder holds every
 * post in its own department, so no refusal can be explained by its role.
 */
let t: TestApp;
let intruder: Session;
let panyu: string;
const ids: Record<string, string> = {};

interface Item {
  id: string;
  organisationId?: string;
}
const first = async (session: Session, url: string, pick: (item: Item & Record<string, unknown>) => boolean = () => true) => {
  const items = (await as(t.app, session).get(url)).json().items as (Item & Record<string, unknown>)[];
  const found = items.find(pick);
  if (!found) throw new Error(`demo has nothing at ${url}`);
  return found;
};

beforeAll(async () => {
  t = await testApp();
  const admin = await login(t.app, 'admin');
  const organisations = (await as(t.app, admin).get('/api/organisations')).json().items as { id: string; kind: string; code: string }[];
  const bureau = organisations.find((entry) => entry.kind === 'finance-bureau');
  const department = organisations.find((entry) => entry.code === 'PY-KGSX');
  if (!bureau || !department) throw new Error('demo missing');
  panyu = department.id;
  const other = await createOrganisation(t.deps.db, {
    kind: 'department',
    code: 'PY-JY',
    name: '番禺区教育局（测试）',
    parentId: bureau.id,
  });
  const posts = ['preparer', 'requester', 'accountant', 'approver', 'cashier', 'asset-manager', 'department-head'] as const;
  await createUser(
    t.deps.db,
    {
      username: 'edu.all',
      displayName: '教育局全岗位',
      organisationId: other.id,
      password: DEMO_PASSWORD,
      roles: posts.map((role) => ({ role, organisationId: other.id })),
    },
    10,
  );
  intruder = await login(t.app, 'edu.all');

  const line = await first(admin, '/api/budget-lines', (item) => item.organisationId === panyu);
  ids.line = line.id;
  ids.payment = (await first(admin, '/api/payments', (item) => item.organisationId === panyu)).id;
  ids.procurement = (await first(admin, '/api/procurements', (item) => item.organisationId === panyu)).id;
  ids.asset = (await first(admin, '/api/assets', (item) => item.organisationId === panyu)).id;
  const contract = await first(admin, '/api/contracts', (item) => item.organisationId === panyu);
  ids.contract = contract.id;
  const contractDetail = (await as(t.app, admin).get(`/api/contracts/${contract.id}`)).json() as { milestones: { id: string }[] };
  ids.milestone = contractDetail.milestones[0]?.id ?? '';
  const grant = await first(admin, '/api/subsidies/grants', (item) => item.organisationId === panyu);
  ids.grant = grant.id;
  ids.recipient = String(grant.recipientId);
  const grantDetail = (await as(t.app, admin).get(`/api/subsidies/grants/${grant.id}`)).json() as { followUps: { id: string }[] };
  ids.followUp = grantDetail.followUps[0]?.id ?? '';
  ids.evaluation = (await first(admin, '/api/evaluations', (item) => item.organisationId === panyu)).id;
  ids.project = String((await first(admin, '/api/projects')).id);
  const accountant = await login(t.app, 'accountant');
  const adjustment = await as(t.app, accountant).post(`/api/budget-lines/${line.id}/adjustments`, {
    amount: '1000.00',
    reason: '测试调整',
  });
  expect(adjustment.statusCode, adjustment.body).toBeLessThan(300);
  ids.adjustment = adjustment.json().id;
  for (const [name, id] of Object.entries(ids)) if (!id) throw new Error(`no ${name} in the demo`);
}, 180_000);
afterAll(() => t.close());

type Write = { method: 'POST' | 'PATCH' | 'PUT' | 'DELETE'; url: (id: (name: string) => string) => string; body?: unknown };

const version = { version: 1 };
const milestone = { description: '到货验收', amount: '100.00', dueOn: '2024-12-31' };
/** Every write route that names a record by id, with a body that passes validation. */
const BY_ID: Record<string, Write> = {
  'pay request: review': { method: 'POST', url: (id) => `/api/payments/${id('payment')}/review`, body: version },
  'pay request: approve': { method: 'POST', url: (id) => `/api/payments/${id('payment')}/approve`, body: version },
  'pay request: pay': { method: 'POST', url: (id) => `/api/payments/${id('payment')}/pay`, body: version },
  'pay request: reject': { method: 'POST', url: (id) => `/api/payments/${id('payment')}/reject`, body: { ...version, reason: '测试' } },
  'pay request: archive': { method: 'POST', url: (id) => `/api/payments/${id('payment')}/archive`, body: version },
  'budget line: plan': {
    method: 'PUT',
    url: (id) => `/api/budget-lines/${id('line')}/plan`,
    body: { ...version, months: Array(12).fill('1.00') },
  },
  'budget line: adjustment': {
    method: 'POST',
    url: (id) => `/api/budget-lines/${id('line')}/adjustments`,
    body: { amount: '1.00', reason: '测试' },
  },
  'budget adjustment: decision': {
    method: 'POST',
    url: (id) => `/api/budget-adjustments/${id('adjustment')}/decision`,
    body: { approve: true },
  },
  'procurement: approve': { method: 'POST', url: (id) => `/api/procurements/${id('procurement')}/approve`, body: version },
  'procurement: award': {
    method: 'POST',
    url: (id) => `/api/procurements/${id('procurement')}/award`,
    body: { ...version, supplierName: '某公司', supplierUscc: '914401137082XY46K6', result: '100.00' },
  },
  'procurement: cancel': {
    method: 'POST',
    url: (id) => `/api/procurements/${id('procurement')}/cancel`,
    body: { ...version, reason: '测试' },
  },
  'asset: update': { method: 'PATCH', url: (id) => `/api/assets/${id('asset')}`, body: { ...version, location: '某处' } },
  'asset: disposal': {
    method: 'POST',
    url: (id) => `/api/assets/${id('asset')}/disposals`,
    body: { ...version, reason: '测试', method: '报废' },
  },
  'contract: accept milestone': {
    method: 'POST',
    url: (id) => `/api/contracts/${id('contract')}/milestones/${id('milestone')}/accept`,
    body: { ...version, note: '测试' },
  },
  'grant: follow-up': { method: 'POST', url: (id) => `/api/subsidies/grants/${id('grant')}/follow-ups`, body: { dueOn: '2027-01-31' } },
  'follow-up: result': {
    method: 'POST',
    url: (id) => `/api/subsidies/follow-ups/${id('followUp')}/result`,
    body: { ...version, result: 'normal', performedOn: '2025-01-31' },
  },
  'evaluation: edit': { method: 'PATCH', url: (id) => `/api/evaluations/${id('evaluation')}`, body: { version: 1, preparerName: '某人' } },
  'evaluation: transition': {
    method: 'POST',
    url: (id) => `/api/evaluations/${id('evaluation')}/transitions`,
    body: { action: 'submit', revision: 1 },
  },
};

/** Creations naming another organisation (or its record) in the body. */
const CREATIONS: Record<string, (id: (name: string) => string) => { url: string; body: unknown }> = {
  project: (id) => ({
    url: '/api/projects',
    body: { organisationId: id('organisation'), fiscalYear: 2024, code: 'X-1', name: '测试项目', category: '购置', budget: '100.00' },
  }),
  'project evaluation': (id) => ({ url: '/api/evaluations', body: { kind: 'project', fiscalYear: 2024, projectId: id('project') } }),
  'department evaluation': (id) => ({
    url: '/api/evaluations',
    body: { kind: 'department', fiscalYear: 2025, organisationId: id('organisation') },
  }),
  'budget line': (id) => ({
    url: '/api/budget-lines',
    body: {
      organisationId: id('organisation'),
      fiscalYear: 2024,
      code: 'X-1',
      name: '测试',
      spendingType: 'basic',
      fundingSource: '一般公共预算',
      initial: '100.00',
    },
  }),
  procurement: (id) => ({
    url: '/api/procurements',
    body: {
      organisationId: id('organisation'),
      budgetLineId: id('line'),
      title: '测试',
      category: 'goods',
      estimated: '100.00',
      method: '公开招标',
    },
  }),
  contract: (id) => ({
    url: '/api/contracts',
    body: {
      organisationId: id('organisation'),
      budgetLineId: id('line'),
      code: 'HT-X',
      title: '测试',
      counterpartyName: '某公司',
      counterpartyUscc: '914401137082XY46K6',
      amount: '100.00',
      signedOn: '2024-05-01',
      milestones: [milestone],
    },
  }),
  recipient: (id) => ({
    url: '/api/subsidies/recipients',
    body: { organisationId: id('organisation'), name: '某公司', uscc: '91440113MA9UL2R8P6' },
  }),
  grant: (id) => ({
    url: '/api/subsidies/grants',
    body: {
      organisationId: id('organisation'),
      recipientId: id('recipient'),
      budgetLineId: id('line'),
      programme: '测试',
      amount: '100.00',
      awardedOn: '2024-05-01',
      dueOn: '2024-06-01',
    },
  }),
  stocktake: (id) => ({
    url: '/api/stocktakes',
    body: { organisationId: id('organisation'), takenOn: '2024-12-31', lines: [{ assetId: id('asset'), found: true }] },
  }),
};

const answerOf = (response: LightMyRequestResponse) => {
  const { code, message, details } = response.json() as { code: string; message: string; details: unknown };
  return { status: response.statusCode, code, message, details };
};

/** Real ids of the demo department, or ids that exist nowhere. */
const real = (name: string) => (name === 'organisation' ? panyu : (ids[name] ?? ''));
const unknown = () => randomUUID();

describe('another organisation’s records answer exactly like missing ones', () => {
  it.each(Object.entries(BY_ID))('%s', async (_name, write) => {
    const send = (id: (name: string) => string) =>
      as(t.app, intruder)[write.method === 'DELETE' ? 'delete' : (write.method.toLowerCase() as 'post' | 'patch' | 'put')](
        write.url(id),
        write.body as object,
      );
    const foreign = answerOf(await send(real));
    expect(foreign.status, JSON.stringify(foreign)).toBe(404);
    expect(foreign).toEqual(answerOf(await send(unknown)));
  });

  it.each(Object.entries(CREATIONS))('creating a %s there', async (_name, creation) => {
    const foreign = creation(real);
    const missing = creation(unknown);
    const answer = answerOf(await as(t.app, intruder).post(foreign.url, foreign.body));
    expect(answer.status, JSON.stringify(answer)).toBe(404);
    expect(answer).toEqual(answerOf(await as(t.app, intruder).post(missing.url, missing.body)));
  });

  it('a payment on another organisation’s budget line is refused as on an unknown line', async () => {
    const payment = (budgetLineId: string) => ({
      budgetLineId,
      payeeName: '某公司',
      amount: '100.00',
      purpose: '测试',
      expenseType: 'basic',
    });
    const foreign = answerOf(await as(t.app, intruder).post('/api/payments', payment(real('line'))));
    expect(foreign.status).toBe(400);
    expect(foreign).toEqual(answerOf(await as(t.app, intruder).post('/api/payments', payment(unknown()))));
  });

  it('still answers 403 where the record is visible and only the post is missing', async () => {
    const preparer = await login(t.app, 'preparer');
    const response = await as(t.app, preparer).post(`/api/payments/${ids.payment}/review`, version);
    expect(response.statusCode).toBe(403);
    expect(response.json().code).toBe('FORBIDDEN');
  });
});
