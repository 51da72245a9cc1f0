import type { EvaluationDetail } from '@jixiao/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { controlPeople, created, type People, SUPPLIER_USCC } from './control-contracts-fixtures.ts';
import { demoEvaluations, demoSessions, detail, transition } from './fixtures.ts';
import { as, type TestApp, testApp } from './harness.ts';

/**
 * 管理效率 items bound to the ledger: the demo's figures are what the reference report published, computed
 * by the code the app uses (the ledger metrics, the evaluation's scoring), not constants of the seed; a
 * bound item follows the ledger while the unit edits and keeps the submitted figures afterwards.
 */
let t: TestApp;
let sessions: Awaited<ReturnType<typeof demoSessions>>;
let people: People;
let evaluationId: string;
let innovationLine: string;

type Metric = { metric: string; percent: string | null };
const percentOf = (body: { metrics: Metric[] }, name: string) => body.metrics.find((entry) => entry.metric === name)?.percent;

async function lineIds(): Promise<Map<string, string>> {
  const response = await as(t.app, people.requester).get(`/api/budget-lines?fiscalYear=2024&organisationId=${people.departmentId}`);
  return new Map((response.json().items as { id: string; code: string }[]).map((line) => [line.code, line.id]));
}

const item = (view: EvaluationDetail, code: string) => view.management.find((entry) => entry.code === code);
const procurementItem = async () => item(await detail(t.app, sessions.preparer, evaluationId), 'procurement-execution-rate');
const scoreOf = async () => (await as(t.app, sessions.preparer).get(`/api/evaluations/${evaluationId}/score`)).json();
const scoredItem = (score: { items: { id: string; final: string; explanation: { text: string } }[] }, id: string) =>
  score.items.find((entry) => entry.id === id);

beforeAll(async () => {
  t = await testApp();
  sessions = await demoSessions(t.app);
  people = await controlPeople(t);
  evaluationId = (await demoEvaluations(t.app, sessions.preparer)).department?.id ?? '';
  innovationLine = (await lineIds()).get('KGSX-XM-QYCX') ?? '';
});
afterAll(() => t.close());

describe('the demo ledger reproduces the reference report', () => {
  it('computes 成本控制率 −4.53 % and 政府采购执行率 100 % department-wide, 及时足额率 95.47 % on the subsidy line', async () => {
    const ledger = (await as(t.app, people.requester).get(`/api/ledger?fiscalYear=2024&organisationId=${people.departmentId}`)).json();
    expect(percentOf(ledger, 'cost-control-rate')).toBe('-4.53');
    expect(percentOf(ledger, 'procurement-execution-rate')).toBe('100.00');
    expect(percentOf(ledger, 'execution-rate')).toBe('95.47');
    const subsidy = (await lineIds()).get('KGSX-XM-CYFC');
    const line = (
      await as(t.app, people.requester).get(`/api/ledger?fiscalYear=2024&organisationId=${people.departmentId}&budgetLineId=${subsidy}`)
    ).json();
    expect(percentOf(line, 'paid-on-time-in-full-rate')).toBe('95.47');
    expect(percentOf(line, 'cost-control-rate')).toBe('-4.53');
  });

  it('scores the evaluation with those figures: the indicators, the 管理效率 items and the total 99.52', async () => {
    const view = await detail(t.app, sessions.preparer, evaluationId);
    const indicator = (code: string) => view.indicators.find((entry) => entry.code === code);
    expect(indicator('G1-4')?.computedActual).toBe('95.47');
    expect(indicator('G1-5')?.computedActual).toBe('-4.53');
    expect(item(view, 'procurement-execution-rate')).toMatchObject({
      binding: { metric: 'procurement-execution-rate' },
      amounts: { procurementActual: '7536600.00', procurementPlanned: '7536600.00' },
      amountSource: '由台账计算：实际采购 7,536,600.00 元 ÷ 采购预算 7,536,600.00 元 = 100.00%',
    });
    expect(item(view, 'carry-over-rate')).toMatchObject({
      binding: { metric: 'carry-over-rate' },
      amounts: { carryOverBalance: '14496000.00' },
    });
    expect(item(view, 'budget-adjustment-rate')).toMatchObject({ amounts: { adjustmentAmount: '12000000.00' } });
    const score = await scoreOf();
    expect(scoredItem(score, 'procurement-execution-rate')?.explanation.text).toBe(
      '政府采购执行率 = 7,536,600.00 ÷ 7,536,600.00 = 100.00%；100.00% ≥ 100% → 满分 4.00',
    );
    expect(scoredItem(score, 'budget-execution-rate')?.final).toBe('7.64');
    expect(scoredItem(score, 'fund-management')?.final).toBe('3.88');
    expect(score.total.final).toBe('99.52');
  });
});

describe('a 管理效率 item bound to the ledger', () => {
  let procurementId = '';

  it('refuses a metric its formula cannot take, naming the item and the metric', async () => {
    const wrong = await as(t.app, sessions.preparer).put(`/api/evaluations/${evaluationId}/management/carry-over-rate`, {
      binding: { metric: 'procurement-execution-rate' },
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().details).toEqual([
      {
        path: 'body.binding.metric',
        message: '“结转结余率”以预算数为分母，只能取台账的“结转结余率”，不能取“政府采购执行率”',
      },
    ]);
    const qualitative = await as(t.app, sessions.preparer).put(`/api/evaluations/${evaluationId}/management/fund-management`, {
      binding: { metric: 'execution-rate' },
    });
    expect(qualitative.statusCode).toBe(400);
    expect(qualitative.json().details[0].message).toBe('“资金管理”不是按金额计算的比率指标，不能从台账取数');
  });

  it('is recomputed when the ledger changes, and the list’s cached total follows', async () => {
    procurementId = created(
      await as(t.app, people.requester).post('/api/procurements', {
        organisationId: people.departmentId,
        budgetLineId: innovationLine,
        title: '企业创新能力评估服务（测试）',
        requirement: '对年度企业创新能力建设项目开展第三方评估',
        category: 'services',
        estimated: '1000000.00',
        method: '竞争性磋商',
      }),
    );
    const approval = await as(t.app, people.approver).post(`/api/procurements/${procurementId}/approve`, { version: 1 });
    expect(approval.statusCode, approval.body).toBe(200);
    expect(await procurementItem()).toMatchObject({
      amounts: { procurementActual: '7536600.00', procurementPlanned: '8536600.00' },
      amountSource: '由台账计算：实际采购 7,536,600.00 元 ÷ 采购预算 8,536,600.00 元 = 88.29%',
    });
    const score = await scoreOf();
    // 4.00 × 88.29% = 3.53: the total loses 0.47.
    expect(scoredItem(score, 'procurement-execution-rate')?.final).toBe('3.53');
    expect(score.total.final).toBe('99.05');
    expect((await demoEvaluations(t.app, sessions.preparer)).department?.total).toBe('99.05');
  });

  it('keeps the figures of the submission when the ledger moves afterwards, and follows it again once returned', async () => {
    const reason = await as(t.app, sessions.preparer).put(`/api/evaluations/${evaluationId}/management/procurement-execution-rate`, {
      deviationReason: '年末新增的评估服务采购尚未确定供应商',
    });
    expect(reason.statusCode, reason.body).toBe(200);
    const submitted = await transition(t.app, sessions.preparer, evaluationId, 'submit');
    expect(submitted.statusCode, submitted.body).toBe(200);
    const award = await as(t.app, people.requester).post(`/api/procurements/${procurementId}/award`, {
      version: 2,
      supplierName: '广州某咨询评估有限公司',
      supplierUscc: SUPPLIER_USCC,
      result: '1000000.00',
    });
    expect(award.statusCode, award.body).toBe(200);
    const frozen = await procurementItem();
    expect(frozen?.amounts).toEqual({ procurementActual: '7536600.00', procurementPlanned: '8536600.00' });
    expect(frozen?.amountSource).toMatch(/= 88\.29%（\d{4}-\d{2}-\d{2} 提交时的台账数）$/);
    expect((await scoreOf()).total.final).toBe('99.05');

    const returned = await transition(t.app, sessions.reviewer, evaluationId, 'return', '请核对政府采购执行情况');
    expect(returned.statusCode, returned.body).toBe(200);
    expect(await procurementItem()).toMatchObject({
      amounts: { procurementActual: '8536600.00', procurementPlanned: '8536600.00' },
      amountSource: '由台账计算：实际采购 8,536,600.00 元 ÷ 采购预算 8,536,600.00 元 = 100.00%',
    });
    expect((await scoreOf()).total.final).toBe('99.52');
  });

  it('refuses a typed figure the ledger fills, and takes it once unbound', async () => {
    const typed = await as(t.app, sessions.preparer).put(`/api/evaluations/${evaluationId}/management/procurement-execution-rate`, {
      amounts: { procurementActual: '18500000.00' },
    });
    expect(typed.statusCode).toBe(400);
    expect(typed.json().details).toEqual([
      {
        path: 'body.amounts.procurementActual',
        message: '“政府采购执行率”的“实际政府采购金额”由台账计算，不能手工填写；如需手工填写，请先取消台账取数',
      },
    ]);
    const saved = await as(t.app, sessions.preparer).put(`/api/evaluations/${evaluationId}/management/procurement-execution-rate`, {
      binding: null,
      amounts: { procurementActual: '18500000.00', procurementPlanned: '18500000.00' },
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(await procurementItem()).toMatchObject({
      binding: null,
      amountSource: null,
      amounts: { procurementActual: '18500000.00', procurementPlanned: '18500000.00' },
    });
  });
});
