import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../src/seed/builders.ts';
import { DEMO_PASSWORD } from '../src/seed/demo.ts';
import { as, login, type Session, type TestApp, testApp } from './harness.ts';

/**
 * Responses say what the signed-in user may do with each record (the entity's policy: post, status,
 * segregation of duties), so the web app shows actions without role lists of its own.
 */

let t: TestApp;
let s: Record<'requester' | 'accountant' | 'approver' | 'cashier' | 'head' | 'admin' | 'preparer' | 'finance' | 'solo', Session>;
let department: string;

beforeAll(async () => {
  t = await testApp();
  const names = ['requester', 'accountant', 'approver', 'cashier', 'head', 'admin', 'preparer', 'finance'] as const;
  const sessions = await Promise.all(names.map((name) => login(t.app, name)));
  const byName = Object.fromEntries(names.map((name, index) => [name, sessions[index]])) as Record<(typeof names)[number], Session>;
  department = (await as(t.app, byName.accountant).get('/api/organisations'))
    .json()
    .items.find((entry: { code: string }) => entry.code === 'PY-KGSX').id;
  await createUser(
    t.deps.db,
    {
      username: 'requester.approver',
      displayName: '经办兼审批（测试）',
      organisationId: department,
      password: DEMO_PASSWORD,
      roles: (['requester', 'approver'] as const).map((role) => ({ role, organisationId: department })),
    },
    10,
  );
  s = { ...byName, solo: await login(t.app, 'requester.approver') };
}, 60_000);
afterAll(() => t.close());

async function newLine(): Promise<string> {
  const response = await as(t.app, s.accountant).post('/api/budget-lines', {
    organisationId: department,
    fiscalYear: 2024,
    code: `P-${Math.random().toString(36).slice(2, 8)}`,
    name: '权限测试指标',
    spendingType: 'project',
    fundingSource: '一般公共预算',
    initial: '1000.00',
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json().id;
}

async function reviewedPayment(requester: Session): Promise<string> {
  const created = await as(t.app, requester).post('/api/payments', {
    budgetLineId: await newLine(),
    payeeName: '广州某科技有限公司',
    purpose: '权限测试',
    expenseType: 'project',
    amount: '10.00',
  });
  expect(created.statusCode, created.body).toBe(201);
  const reviewed = await as(t.app, s.accountant).post(`/api/payments/${created.json().id}/review`, { version: created.json().version });
  expect(reviewed.statusCode, reviewed.body).toBe(200);
  return created.json().id;
}

const paymentAs = async (session: Session, id: string) => {
  const response = await as(t.app, session).get(`/api/payments/${id}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as { permissions: Record<string, boolean>; waitingFor: string[] };
};

describe('payment permissions', () => {
  it('a requester may not approve, an approver may; the list rows say the same', async () => {
    const id = await reviewedPayment(s.requester);
    expect((await paymentAs(s.requester, id)).permissions).toEqual({
      review: false,
      approve: false,
      pay: false,
      archive: false,
      resubmit: false,
      reject: false,
    });
    const approver = await paymentAs(s.approver, id);
    expect(approver.permissions).toEqual({ review: false, approve: true, pay: false, archive: false, reject: true, resubmit: false });
    expect(approver.waitingFor).toEqual(['approver', 'department-head']);
    const rows = (await as(t.app, s.approver).get('/api/payments?limit=500')).json().items as { id: string; permissions: unknown }[];
    expect(rows.find((row) => row.id === id)?.permissions).toEqual(approver.permissions);
  });

  it('the requester of a payment may not approve it even holding both posts (IC_SOD_REQUESTER_APPROVER)', async () => {
    const own = await reviewedPayment(s.solo);
    expect((await paymentAs(s.solo, own)).permissions.approve).toBe(false);
    const others = await reviewedPayment(s.requester);
    expect((await paymentAs(s.solo, others)).permissions.approve).toBe(true);
  });
});

describe('procurement permissions', () => {
  it('the drafter may not approve, even holding the approver post (IC_SOD_PROCUREMENT)', async () => {
    const drafted = await as(t.app, s.solo).post('/api/procurements', {
      organisationId: department,
      budgetLineId: await newLine(),
      title: '权限测试采购',
      category: 'goods',
      estimated: '100.00',
      method: '限额以下自行采购',
    });
    expect(drafted.statusCode, drafted.body).toBe(201);
    const id = drafted.json().id;
    expect((await as(t.app, s.solo).get(`/api/procurements/${id}`)).json().permissions).toEqual({
      approve: false,
      award: false,
      cancel: true,
    });
    expect((await as(t.app, s.approver).get(`/api/procurements/${id}`)).json().permissions).toEqual({
      approve: true,
      award: false,
      cancel: true,
    });
  });
});

describe('budget line permissions', () => {
  it('the requester of an adjustment may not decide it; the line says who may plan and adjust', async () => {
    const line = await newLine();
    const requested = await as(t.app, s.head).post(`/api/budget-lines/${line}/adjustments`, { amount: '10.00', reason: '权限测试' });
    expect(requested.statusCode, requested.body).toBe(201);
    const asHead = (await as(t.app, s.head).get(`/api/budget-lines/${line}`)).json();
    expect(asHead.permissions).toEqual({ plan: false, requestAdjustment: true, decideAdjustment: true });
    expect(asHead.adjustmentHistory[0].permissions).toEqual({ decide: false });
    const asApprover = (await as(t.app, s.approver).get(`/api/budget-lines/${line}`)).json();
    expect(asApprover.adjustmentHistory[0].permissions).toEqual({ decide: true });
  });

  it('a refusal names every post in Chinese, 财政审核人 included', async () => {
    const line = await newLine();
    const requested = await as(t.app, s.head).post(`/api/budget-lines/${line}/adjustments`, { amount: '10.00', reason: '权限测试' });
    const refused = await as(t.app, s.cashier).post(`/api/budget-adjustments/${requested.json().id}/decision`, { approve: true });
    expect(refused.statusCode, refused.body).toBe(403);
    expect(refused.json().message).toBe('此操作须由审批人或部门负责人或财政审核人执行');
  });
});

describe('what a unit and a session open', () => {
  it('GET /api/control/access says what the user may create in the unit', async () => {
    const access = async (session: Session) => {
      const response = await as(t.app, session).get(`/api/control/access?organisationId=${department}`);
      expect(response.statusCode, response.body).toBe(200);
      return response.json().permissions as Record<string, boolean>;
    };
    expect(await access(s.requester)).toMatchObject({
      requestPayment: true,
      createProcurement: true,
      importLedger: false,
      createBudgetLine: false,
    });
    expect(await access(s.accountant)).toMatchObject({
      requestPayment: false,
      importLedger: true,
      createBudgetLine: true,
      editSelfAssessment: true,
    });
    expect(Object.values(await access(s.preparer)).some(Boolean)).toBe(false);
  });

  it('the session carries the side menu and the review queues', async () => {
    const me = async (session: Session) => (await as(t.app, session).get('/api/auth/me')).json().access;
    expect((await me(s.cashier)).pages).toEqual([
      'dashboard',
      'control-ledger',
      'control-payments',
      'control-subsidies',
      'library',
      'public-reports',
    ]);
    expect(await me(s.finance)).toMatchObject({ reviewStatuses: ['department_approved'], ledgerRollup: true, verifyAudit: false });
    expect((await me(s.admin)).verifyAudit).toBe(true);
    expect((await me(s.preparer)).createEvaluationIn.length).toBeGreaterThan(0);
    expect((await me(s.requester)).createEvaluationIn).toEqual([]);
  });
});
