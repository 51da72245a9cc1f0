import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoEvaluations, detail } from './fixtures.ts';
import { as, login, type Session, type TestApp, testApp } from './harness.ts';

let t: TestApp;
let accountant: Session;
let department: string;
beforeAll(async () => {
  t = await testApp();
  accountant = await login(t.app, 'accountant');
  department = (await as(t.app, accountant).get('/api/organisations'))
    .json()
    .items.find((entry: { code: string }) => entry.code === 'PY-KGSX').id;
});
afterAll(() => t.close());

const metricOf = (body: { metrics: { metric: string; percent: string | null; formula: string }[] }, name: string) =>
  body.metrics.find((entry) => entry.metric === name);

describe('the demo ledger', () => {
  it('reproduces the report’s department-wide figures: 320,000,000 budget, 305,504,000 paid, 95.47% executed, cost control −4.53%', async () => {
    const lines = (await as(t.app, accountant).get(`/api/budget-lines?fiscalYear=2024&organisationId=${department}`)).json().items as {
      budget: string;
      paid: string;
      available: string;
    }[];
    const total = (key: 'budget' | 'paid') => lines.reduce((sum, line) => sum + Math.round(Number(line[key]) * 100), 0);
    expect(total('budget')).toBe(320_000_000_00);
    expect(total('paid')).toBe(305_504_000_00);
    const ledger = (await as(t.app, accountant).get(`/api/ledger?fiscalYear=2024&organisationId=${department}`)).json();
    expect(metricOf(ledger, 'execution-rate')?.formula).toBe('已支付 305,504,000.00 元 ÷ 预算（含结转与调整） 320,000,000.00 元 = 95.47%');
    expect(metricOf(ledger, 'cost-control-rate')?.percent).toBe('-4.53');
    expect(metricOf(ledger, 'procurement-execution-rate')?.percent).toBe('100.00');
    expect(metricOf(ledger, 'adjustment-rate')?.percent).toBe('4.17');
  });

  it('computes 及时足额率 from due dates (95.47%) apart from the cost-control rate (−4.53%) on the subsidy line', async () => {
    const lines = (await as(t.app, accountant).get(`/api/budget-lines?fiscalYear=2024&organisationId=${department}`)).json().items as {
      id: string;
      code: string;
    }[];
    const subsidy = lines.find((line) => line.code === 'KGSX-XM-CYFC');
    const ledger = (
      await as(t.app, accountant).get(`/api/ledger?fiscalYear=2024&organisationId=${department}&budgetLineId=${subsidy?.id}`)
    ).json();
    expect(metricOf(ledger, 'cost-control-rate')?.percent).toBe('-4.53');
    expect(metricOf(ledger, 'execution-rate')?.percent).toBe('95.47');
    expect(metricOf(ledger, 'paid-on-time-in-full-rate')?.percent).toBe('95.47');
    expect(metricOf(ledger, 'paid-on-time-in-full-rate')?.formula).toBe('按期足额支付 127,608,000.00 元 ÷ 应付 133,658,000.00 元 = 95.47%');
    expect(Number(metricOf(ledger, 'december-share')?.percent)).toBeGreaterThan(30);
  });

  it('fills the bound indicators of the Panyu evaluation from the ledger, with their source, and keeps 99.52', async () => {
    const preparer = await login(t.app, 'preparer');
    const { department: evaluation } = await demoEvaluations(t.app, preparer);
    const view = await detail(t.app, preparer, evaluation?.id ?? '');
    const timely = view.indicators.find((indicator) => indicator.code === 'G1-4');
    expect(timely).toMatchObject({ actual: '95.47', computedActual: '95.47', binding: { metric: 'paid-on-time-in-full-rate' } });
    expect(timely?.actualSource).toMatch(/^由台账计算：按期足额支付 .* 元 ÷ 应付 .* 元 = 95\.47%$/);
    expect(view.budgetSource).toBe('ledger');
    expect(view.budget).toMatchObject({ adjusted: '320000000.00', executed: '305504000.00' });
    const score = (await as(t.app, preparer).get(`/api/evaluations/${evaluation?.id}/score`)).json();
    expect(score.total.final).toBe('99.52');
    const item = score.items.find((entry: { id: string }) => entry.id === 'G1-4');
    expect(item.explanation.text).toBe('95.47 ≥ 90 → 满分 3.34');
    expect(item.explanation.inputs.完成值来源).toContain('由台账计算');
  });

  it('drills down to the payments behind a figure', async () => {
    const drill = (
      await as(t.app, accountant).get(`/api/ledger/drill?fiscalYear=2024&organisationId=${department}&metric=december-share&term=numerator`)
    ).json();
    expect(drill.payments.length).toBeGreaterThan(0);
    expect(drill.payments.every((payment: { paidOn: string }) => payment.paidOn.startsWith('2024-12'))).toBe(true);
    const cents = drill.payments.reduce((sum: number, payment: { amount: string }) => sum + Math.round(Number(payment.amount) * 100), 0);
    expect((cents / 100).toFixed(2)).toBe(drill.term.amount);
  });

  it('shows spending by month against time and plan, and rolls up by unit and month', async () => {
    const ledger = (await as(t.app, accountant).get(`/api/ledger?fiscalYear=2024&organisationId=${department}`)).json();
    expect(ledger.monthly).toHaveLength(12);
    expect(ledger.monthly[11]).toMatchObject({ month: 12, timeProgress: '100.00', spendingProgress: '95.47', planProgress: '100.00' });
    expect(Number(ledger.monthly[10].deviationFromTime)).toBeLessThan(0);
    const rollup = (await as(t.app, accountant).get('/api/ledger/rollup?fiscalYear=2024')).json();
    const total = rollup.rows.reduce((sum: number, row: { paidFen: number }) => sum + row.paidFen, 0);
    expect(total).toBe(305_504_000_00);
    expect(rollup.rows[0]).toMatchObject({ organisationName: '广州市番禺区科技工业商务和信息化局', month: 1 });
  });
});
