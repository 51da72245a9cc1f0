import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { paymentRequests } from '../src/db/schema.ts';
import { type LedgerChange, onLedgerChanged } from '../src/events/ledger-events.ts';
import { as, login, type Session, type TestApp, testApp } from './harness.ts';

/**
 * Internal control does not call the evaluations: a ledger write announces what it changed and the
 * handlers registered for it (the evaluations' re-scoring) run in the write's own transaction.
 */
let t: TestApp;
let requester: Session;
let department: string;
let line: string;

beforeAll(async () => {
  t = await testApp();
  requester = await login(t.app, 'requester');
  const accountant = await login(t.app, 'accountant');
  department = (await as(t.app, accountant).get('/api/organisations'))
    .json()
    .items.find((entry: { code: string }) => entry.code === 'PY-KGSX').id;
  const created = await as(t.app, accountant).post('/api/budget-lines', {
    organisationId: department,
    fiscalYear: 2024,
    code: 'EV-1',
    name: '事件测试指标',
    spendingType: 'project',
    fundingSource: '一般公共预算',
    initial: '1000.00',
  });
  expect(created.statusCode, created.body).toBe(201);
  line = created.json().id;
});
afterAll(() => t.close());

const requestPayment = () =>
  as(t.app, requester).post('/api/payments', {
    budgetLineId: line,
    amount: '100.00',
    payeeName: '广州某科技有限公司',
    purpose: '事件测试',
    expenseType: 'project',
  });
const paymentsOnLine = () => t.deps.db.select().from(paymentRequests).where(eq(paymentRequests.budgetLineId, line));

describe('a ledger write announces what it changed', () => {
  it('calls a registered handler with the payment’s unit and year, inside the payment’s transaction', async () => {
    const seen: { change: LedgerChange; paymentsVisible: number; sameTransaction: boolean }[] = [];
    const off = onLedgerChanged(async (tx, change) => {
      const visible = await tx.select().from(paymentRequests).where(eq(paymentRequests.budgetLineId, line));
      seen.push({ change, paymentsVisible: visible.length, sameTransaction: tx !== t.deps.db });
    });
    try {
      const response = await requestPayment();
      expect(response.statusCode, response.body).toBe(201);
    } finally {
      off();
    }
    expect(seen).toEqual([{ change: { organisationId: department, fiscalYear: 2024 }, paymentsVisible: 1, sameTransaction: true }]);
  });

  it('rolls the payment back when a handler fails', async () => {
    const before = (await paymentsOnLine()).length;
    const off = onLedgerChanged(async () => {
      throw new Error('handler failed');
    });
    try {
      const response = await requestPayment();
      expect(response.statusCode).toBe(500);
    } finally {
      off();
    }
    expect((await paymentsOnLine()).length).toBe(before);
    // Unsubscribed, the same request goes through.
    expect((await requestPayment()).statusCode).toBe(201);
    expect((await paymentsOnLine()).length).toBe(before + 1);
  });
});
