import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { paymentRequests } from '../src/db/schema.ts';
import { demoEvaluations, demoSessions, detail, transition } from './fixtures.ts';
import { as, login, type TestApp, testApp } from './harness.ts';

/**
 * A submitted evaluation keeps the ledger figures of the moment it was submitted: a payment booked
 * afterwards (a late 2024 invoice entered in 2025) must not change what the reviewers approve or
 * what is published. Sent back to the unit, it follows the ledger again.
 */
let t: TestApp;
let sessions: Awaited<ReturnType<typeof demoSessions>>;
let evaluationId: string;
let department: string;
let subsidyLine: string;

const costControl = async () => {
  const view = await detail(t.app, sessions.preparer, evaluationId);
  const indicator = view.indicators.find((entry) => entry.code === 'G1-5');
  return { computed: indicator?.computedActual, source: indicator?.actualSource, executed: view.budget.executed, status: view.status };
};

beforeAll(async () => {
  t = await testApp();
  sessions = await demoSessions(t.app);
  evaluationId = (await demoEvaluations(t.app, sessions.preparer)).department?.id ?? '';
  const accountant = await login(t.app, 'accountant');
  department = (await as(t.app, accountant).get('/api/organisations'))
    .json()
    .items.find((entry: { code: string }) => entry.code === 'PY-KGSX').id;
  const lines = (await as(t.app, accountant).get(`/api/budget-lines?fiscalYear=2024&organisationId=${department}`)).json().items as {
    id: string;
    code: string;
  }[];
  subsidyLine = lines.find((line) => line.code === 'KGSX-XM-CYFC')?.id ?? '';
});
afterAll(() => t.close());

describe('ledger figures of a submitted evaluation', () => {
  it('are live while the unit edits', async () => {
    expect(await costControl()).toMatchObject({ computed: '-4.53', executed: '305504000.00', status: 'draft' });
  });

  it('are taken at submission and do not move with a later payment', async () => {
    const submitted = await transition(t.app, sessions.preparer, evaluationId, 'submit');
    expect(submitted.statusCode, submitted.body).toBe(200);
    const requester = await login(t.app, 'requester');
    const cashier = await login(t.app, 'cashier');
    await t.deps.db.insert(paymentRequests).values({
      organisationId: department,
      budgetLineId: subsidyLine,
      payeeName: '广州某科技有限公司',
      amountFen: 42_000_00,
      purpose: '补录 2024 年补贴款',
      expenseType: 'project',
      status: 'paid',
      requestedBy: requester.userId,
      paidBy: cashier.userId,
      paidOn: '2024-12-30',
    });
    const live = (
      await as(t.app, sessions.head).get(`/api/ledger?fiscalYear=2024&organisationId=${department}&budgetLineId=${subsidyLine}`)
    ).json();
    expect(live.metrics.find((entry: { metric: string }) => entry.metric === 'cost-control-rate').percent).toBe('-4.50');

    const frozen = await costControl();
    expect(frozen).toMatchObject({ computed: '-4.53', executed: '305504000.00', status: 'submitted' });
    expect(frozen.source).toMatch(/提交时的台账数）$/);
    const score = (await as(t.app, sessions.reviewer).get(`/api/evaluations/${evaluationId}/score`)).json();
    expect(score.total.final).toBe('99.52');
  });

  it('follow the ledger again once returned to the unit', async () => {
    const returned = await transition(t.app, sessions.reviewer, evaluationId, 'return', '请核对年末补录的支付');
    expect(returned.statusCode, returned.body).toBe(200);
    const live = await costControl();
    expect(live).toMatchObject({ computed: '-4.50', executed: '305546000.00', status: 'returned' });
    expect(live.source).not.toMatch(/提交时/);
  });

  it('keep the lists’ cached total in step with the live score after a ledger write', async () => {
    const accountant = await login(t.app, 'accountant');
    const line = await as(t.app, accountant).post('/api/budget-lines', {
      organisationId: department,
      fiscalYear: 2024,
      code: 'KGSX-XM-TEST',
      name: '年中追加的项目',
      spendingType: 'project',
      fundingSource: '一般公共预算',
      initial: '320000000',
    });
    expect(line.statusCode, line.body).toBe(201);
    const score = (await as(t.app, sessions.preparer).get(`/api/evaluations/${evaluationId}/score`)).json();
    expect(score.total.final).not.toBe('99.52');
    const listed = (await demoEvaluations(t.app, sessions.preparer)).department;
    expect(listed?.total).toBe(score.total.final);
    expect(listed?.executedBudget).toBe('305546000.00');
  });
});
