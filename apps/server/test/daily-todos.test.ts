import type { NotificationList } from '@jixiao/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoEvaluations, demoSessions, detail, transition } from './fixtures.ts';
import { as, login, type Session, type TestApp, testApp } from './harness.ts';

// Issue 15: a payment's to-do reaches each post in turn and never the one who may not take it; a
// rejected request goes back to its requester, who corrects and resubmits it; the steps leave
// notifications; a published report can be withdrawn with a reason.

let t: TestApp;
let s: Awaited<ReturnType<typeof demoSessions>>;
let posts: Record<'requester' | 'accountant' | 'approver' | 'cashier', Session>;
let department: string;

interface TaskItem {
  paymentId?: string;
  action: string;
  title: string;
}
const todo = async (session: Session, paymentId: string) =>
  ((await as(t.app, session).get('/api/tasks')).json().items as TaskItem[])
    .filter((item) => item.paymentId === paymentId)
    .map((item) => item.action);
const notifications = async (session: Session) => (await as(t.app, session).get('/api/notifications')).json() as NotificationList;

beforeAll(async () => {
  t = await testApp();
  s = await demoSessions(t.app);
  const sessions = await Promise.all(['requester', 'accountant', 'approver', 'cashier'].map((name) => login(t.app, name)));
  const [requester, accountant, approver, cashier] = sessions;
  if (!requester || !accountant || !approver || !cashier) throw new Error('login');
  posts = { requester, accountant, approver, cashier };
  department = (await as(t.app, accountant).get('/api/organisations'))
    .json()
    .items.find((entry: { code: string }) => entry.code === 'PY-KGSX').id;
});
afterAll(() => t.close());

async function newPayment(amount: string) {
  const line = await as(t.app, posts.accountant).post('/api/budget-lines', {
    organisationId: department,
    fiscalYear: 2024,
    code: `TODO-${amount.replace('.', '-')}`,
    name: `待办测试指标 ${amount}`,
    spendingType: 'project',
    fundingSource: '一般公共预算',
    initial: '100000.00',
  });
  expect(line.statusCode, line.body).toBe(201);
  const created = await as(t.app, posts.requester).post('/api/payments', {
    budgetLineId: line.json().id,
    payeeName: '广州某待办测试有限公司',
    purpose: '待办测试',
    expenseType: 'project',
    amount,
    dueOn: '2024-12-31',
  });
  expect(created.statusCode, created.body).toBe(201);
  return created.json() as { id: string; version: number };
}

describe('a payment’s to-do reaches each post in turn', () => {
  it('财务审核 → 审批 → 支付, each only for its post, named by payee and amount', async () => {
    const payment = await newPayment('1234.00');
    expect(await todo(posts.accountant, payment.id)).toEqual(['payment-review']);
    expect(await todo(posts.approver, payment.id)).toEqual([]);
    expect(await todo(posts.cashier, payment.id)).toEqual([]);
    const item = ((await as(t.app, posts.accountant).get('/api/tasks')).json().items as TaskItem[]).find(
      (entry) => entry.paymentId === payment.id,
    );
    expect(item?.title).toContain('广州某待办测试有限公司');
    expect(item?.title).toContain('1,234.00');

    let version = payment.version;
    const step = async (session: Session, name: string, body: Record<string, unknown> = {}) => {
      const response = await as(t.app, session).post(`/api/payments/${payment.id}/${name}`, { version, ...body });
      expect(response.statusCode, response.body).toBe(200);
      version = response.json().version;
    };
    await step(posts.accountant, 'review');
    expect(await todo(posts.accountant, payment.id)).toEqual([]);
    expect(await todo(posts.approver, payment.id)).toEqual(['payment-approve']);
    await step(posts.approver, 'approve');
    expect(await todo(posts.cashier, payment.id)).toEqual(['payment-pay']);
    expect(await todo(posts.approver, payment.id)).toEqual([]);
    await step(posts.cashier, 'pay', { paidOn: '2024-12-20' });
    for (const session of Object.values(posts)) expect(await todo(session, payment.id)).toEqual([]);
    // The requester hears of the approval and the payment.
    const heard = await notifications(posts.requester);
    expect(heard.items.filter((entry) => entry.link.includes(payment.id)).length).toBeGreaterThanOrEqual(2);
  });

  it('a rejected request goes back to its requester, who corrects and resubmits it; nobody else may', async () => {
    const payment = await newPayment('2000.00');
    const rejected = await as(t.app, posts.accountant).post(`/api/payments/${payment.id}/reject`, {
      version: payment.version,
      reason: '发票号缺失',
    });
    expect(rejected.statusCode, rejected.body).toBe(200);
    expect(await todo(posts.requester, payment.id)).toEqual(['payment-fix']);
    const told = (await notifications(posts.requester)).items.find((entry) => entry.link.includes(payment.id));
    expect(told?.body).toContain('发票号缺失');
    expect(told?.readAt).toBeNull();

    const version = rejected.json().version;
    const stranger = await as(t.app, posts.accountant).post(`/api/payments/${payment.id}/resubmit`, { version, invoiceNumber: 'INV-9' });
    expect(stranger.statusCode).toBe(403);
    const again = await as(t.app, posts.requester).post(`/api/payments/${payment.id}/resubmit`, {
      version,
      invoiceNumber: 'INV-9',
      note: '补充发票号',
    });
    expect(again.statusCode, again.body).toBe(200);
    const view = (await as(t.app, posts.accountant).get(`/api/payments/${payment.id}`)).json();
    expect(view.status).toBe('requested');
    expect(view.reviewedBy).toBeNull();
    expect(await todo(posts.accountant, payment.id)).toEqual(['payment-review']);
    expect(await todo(posts.requester, payment.id)).toEqual([]);
  });

  it('notifications are read one at a time or all at once', async () => {
    const before = await notifications(posts.requester);
    expect(before.unread).toBeGreaterThan(0);
    const first = before.items[0];
    if (!first) throw new Error('no notification');
    const one = await as(t.app, posts.requester).post(`/api/notifications/${first.id}/read`, {});
    expect(one.statusCode, one.body).toBe(200);
    expect((await notifications(posts.requester)).unread).toBe(before.unread - 1);
    // Someone else's notification is not theirs to read.
    expect((await as(t.app, posts.cashier).post(`/api/notifications/${first.id}/read`, {})).json().updated ?? 0).toBe(0);
    await as(t.app, posts.requester).post('/api/notifications/read-all', {});
    expect((await notifications(posts.requester)).unread).toBe(0);
  });
});

describe('撤回公开', () => {
  it('takes a reason, returns the evaluation to 财政复核通过 and takes the report off the public site', async () => {
    const { department: evaluation } = await demoEvaluations(t.app, s.finance);
    if (!evaluation) throw new Error('demo evaluation missing');
    const id = evaluation.id;
    expect((await transition(t.app, s.preparer, id, 'submit')).statusCode).toBe(200);
    expect((await transition(t.app, s.reviewer, id, 'approve')).statusCode).toBe(200);
    expect((await transition(t.app, s.finance, id, 'approve')).statusCode).toBe(200);
    expect((await transition(t.app, s.finance, id, 'publish')).statusCode).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: '/public/PY-KGSX/2024' })).statusCode).toBe(200);

    const { revision } = await detail(t.app, s.finance, id);
    const bare = await as(t.app, s.finance).post(`/api/evaluations/${id}/withdraw-publication`, { revision, reason: ' ' });
    expect(bare.statusCode).toBe(400);
    expect(bare.body).toContain('撤回理由');
    expect(
      (await as(t.app, s.preparer).post(`/api/evaluations/${id}/withdraw-publication`, { revision, reason: '数据有误' })).statusCode,
    ).toBe(403);
    const withdrawn = await as(t.app, s.finance).post(`/api/evaluations/${id}/withdraw-publication`, {
      revision,
      reason: '执行数据有误，核实后重新公开',
    });
    expect(withdrawn.statusCode, withdrawn.body).toBe(200);
    expect(withdrawn.json().status).toBe('finance_approved');
    expect((await t.app.inject({ method: 'GET', url: '/public/PY-KGSX/2024' })).statusCode).toBe(404);
    const view = await detail(t.app, s.auditor, id);
    expect(view.transitions.at(-1)).toMatchObject({ action: 'withdraw', comment: '执行数据有误，核实后重新公开' });
    const told = (await notifications(s.preparer)).items.find((entry) => entry.kind.includes('withdraw') || entry.title.includes('撤回'));
    expect(told?.body).toContain('执行数据有误');
  });
});
