import { describe, expect, it } from 'vitest';
import { DEFAULT_CONTROL_CONFIG } from './config.ts';
import { base, contract } from './payment.cases.ts';
import { checkPayment, type PaymentFacts, type PaymentStep } from './payment-rules.ts';
import { checkProcurementMethod } from './procurement.ts';

const codes = (step: PaymentStep, facts: Partial<PaymentFacts>) =>
  checkPayment(step, { ...base, ...facts }, DEFAULT_CONTROL_CONFIG).map((entry) => entry.code);

describe('payment rules', () => {
  it('passes a payment that breaks nothing', () => {
    expect(codes('request', {})).toEqual([]);
  });

  it('never lets the available balance go negative: the boundary is exact to the fen', () => {
    expect(codes('request', { amount: 30_000_00 })).toEqual([]);
    expect(codes('request', { amount: 30_000_01 })).toEqual(['IC_BALANCE_INSUFFICIENT']);
    const [violation] = checkPayment('request', { ...base, amount: 30_000_01 }, DEFAULT_CONTROL_CONFIG);
    expect(violation?.message).toBe(
      '可用余额不足：预算 100,000.00 元 − 已支付 50,000.00 元 − 已占用 20,000.00 元 = 可用 30,000.00 元，本次 30,000.01 元',
    );
  });

  it('keeps basic and project spending apart', () => {
    expect(codes('request', { expenseType: 'basic' })).toEqual(['IC_BASIC_PROJECT_MIXED']);
  });

  it('needs a contract from the threshold, paid to its counterparty, within its unpaid and accepted amounts', () => {
    const big = { amount: 50_000_00, budgetLine: { ...base.budgetLine, budget: 1_000_000_00 } };
    expect(codes('request', { ...big, amount: 49_999_99 })).toEqual([]);
    expect(codes('request', big)).toEqual(['IC_CONTRACT_REQUIRED']);
    expect(codes('request', { ...big, contract })).toEqual([]);
    expect(codes('request', { ...big, contract, payee: { name: '另一家公司' } })).toEqual(['IC_PAYEE_NOT_COUNTERPARTY']);
    expect(codes('request', { ...big, contract, payee: { name: '广州某科技有限公司', uscc: '91110000100006485K' } })).toEqual([
      'IC_PAYEE_NOT_COUNTERPARTY',
    ]);
    expect(codes('request', { ...big, contract: { ...contract, paid: 160_000_00 } })).toEqual([
      'IC_EXCEEDS_CONTRACT_UNPAID',
      'IC_EXCEEDS_ACCEPTED',
    ]);
    expect(codes('request', { ...big, contract: { ...contract, accepted: 40_000_00 } })).toEqual(['IC_EXCEEDS_ACCEPTED']);
  });

  it('validates a payee code', () => {
    expect(codes('request', { payee: { name: 'x', uscc: '91350100M000100Y44' } })).toEqual(['IC_USCC_INVALID']);
  });

  it('separates requester, reviewer, approver and payer', () => {
    expect(codes('review', { people: { requester: 'amy', actor: 'amy' } })).toEqual(['IC_SOD_REQUESTER_REVIEWER']);
    expect(codes('approve', { people: { requester: 'amy', reviewer: 'bo', actor: 'amy' } })).toEqual(['IC_SOD_REQUESTER_APPROVER']);
    expect(codes('pay', { people: { requester: 'amy', reviewer: 'bo', approver: 'cy', actor: 'cy' } })).toEqual(['IC_SOD_APPROVER_PAYER']);
    expect(codes('pay', { people: { requester: 'amy', reviewer: 'bo', approver: 'cy', actor: 'di' } })).toEqual([]);
  });

  it('needs a collective decision or a third-party countersignature for large amounts', () => {
    const large = {
      amount: 1_000_000_00,
      budgetLine: { ...base.budgetLine, budget: 10_000_000_00 },
      contract: { ...contract, amount: 2_000_000_00, accepted: 2_000_000_00 },
    };
    const approve = { people: { requester: 'amy', reviewer: 'bo', actor: 'cy' } };
    expect(codes('approve', { ...large, ...approve })).toEqual(['IC_COLLECTIVE_DECISION_REQUIRED']);
    expect(codes('approve', { ...large, ...approve, collectiveDecision: { reference: '局党组会议纪要〔2024〕12号' } })).toEqual([]);
    expect(codes('approve', { ...large, ...approve, collectiveDecision: { countersignedBy: 'di' } })).toEqual([]);
    expect(codes('approve', { ...large, ...approve, collectiveDecision: { countersignedBy: 'amy' } })).toEqual(['IC_SOD_COUNTERSIGNER']);
    expect(codes('approve', { ...large, amount: 999_999_99, ...approve })).toEqual([]);
  });

  it('holds a likely duplicate until someone confirms it', () => {
    const [violation] = checkPayment('request', { ...base, duplicates: 1 }, DEFAULT_CONTROL_CONFIG);
    expect(violation).toMatchObject({ code: 'IC_DUPLICATE_SUSPECTED', confirmable: true });
    expect(codes('request', { duplicates: 1, duplicateConfirmed: true })).toEqual([]);
  });
});

describe('procurement methods', () => {
  const check = (
    estimatedFen: number,
    method: Parameters<typeof checkProcurementMethod>[0]['method'],
    category: 'goods' | 'services' | 'works' = 'goods',
    methodJustification?: string,
  ) => checkProcurementMethod({ estimatedFen, method, category, methodJustification }, DEFAULT_CONTROL_CONFIG).map((entry) => entry.code);

  it.each([
    [99_999_999, '限额以下自行采购', 'goods', undefined, []],
    [1_000_000_00, '限额以下自行采购', 'goods', undefined, ['IC_PROCUREMENT_METHOD']],
    [3_999_999_99, '竞争性磋商', 'services', undefined, []],
    [4_000_000_00, '竞争性磋商', 'services', undefined, ['IC_PROCUREMENT_METHOD']],
    [4_000_000_00, '竞争性磋商', 'services', '经财政部门批准变更采购方式', []],
    [4_000_000_00, '公开招标', 'works', undefined, []],
    [2_000_000_00, '单一来源', 'goods', undefined, ['IC_PROCUREMENT_JUSTIFICATION']],
    [2_000_000_00, '单一来源', 'goods', '专利产品，只能从唯一供应商处采购', []],
    [2_000_000_00, '询价', 'services', undefined, ['IC_PROCUREMENT_METHOD']],
  ] as const)('%i fen by %s (%s, %s) → %j', (amount, method, category, justification, expected) => {
    expect(check(amount, method, category, justification)).toEqual(expected);
  });
});
