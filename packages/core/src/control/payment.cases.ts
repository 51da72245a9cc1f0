import { DEFAULT_CONTROL_CONFIG } from './config.ts';
import { checkPayment, type PaymentFacts, type PaymentStep } from './payment-rules.ts';
import type { RuleCase } from './rule-case.ts';

/** The payment rules other than segregation of duties (those are segregation.ts's). */
export const base: PaymentFacts = {
  amount: 10_000_00,
  expenseType: 'project',
  budgetLine: { spendingType: 'project', budget: 100_000_00, paid: 50_000_00, committedByOthers: 20_000_00 },
  payee: { name: '广州某科技有限公司' },
  people: { requester: 'amy', actor: 'amy' },
  duplicates: 0,
  duplicateConfirmed: false,
};
export const contract = {
  counterpartyName: '广州某科技有限公司',
  counterpartyUscc: '91350100M000100Y43',
  amount: 200_000_00,
  paid: 0,
  committedByOthers: 0,
  accepted: 200_000_00,
};
const big = { amount: 50_000_00, budgetLine: { ...base.budgetLine, budget: 1_000_000_00 } };
/** An approval by someone other than the requester, on a line and contract large enough for the amount. */
const large = (amount: number): Partial<PaymentFacts> => ({
  amount,
  budgetLine: { ...base.budgetLine, budget: 2_000_000_00 },
  contract: { ...contract, amount: 2_000_000_00, accepted: 2_000_000_00 },
  people: { requester: 'amy', actor: 'bob' },
});
const run = (step: PaymentStep, facts: Partial<PaymentFacts>) => () =>
  checkPayment(step, { ...base, ...facts }, DEFAULT_CONTROL_CONFIG).filter((violation) => !violation.code.startsWith('IC_SOD_'));

export const PAYMENT_CASES: readonly RuleCase[] = [
  { name: 'a payment equal to the available balance', run: run('request', { amount: 30_000_00 }), codes: [] },
  {
    name: 'one fen over the available balance',
    run: run('request', { amount: 30_000_01 }),
    codes: ['IC_BALANCE_INSUFFICIENT'],
    message: '可用余额不足：预算 100,000.00 元 − 已支付 50,000.00 元 − 已占用 20,000.00 元 = 可用 30,000.00 元，本次 30,000.01 元',
  },
  {
    name: 'basic spending from a project line',
    run: run('request', { expenseType: 'basic' }),
    codes: ['IC_BASIC_PROJECT_MIXED'],
    message: '基本支出不能从项目支出预算中列支',
  },
  { name: 'one fen below the contract threshold', run: run('request', { ...big, amount: 49_999_99 }), codes: [] },
  {
    name: 'at the contract threshold without a contract',
    run: run('request', big),
    codes: ['IC_CONTRACT_REQUIRED'],
    message: '金额达到 50,000.00 元 的支付须关联合同',
  },
  { name: 'at the threshold with a contract', run: run('request', { ...big, contract }), codes: [] },
  {
    name: 'a payee who is not the counterparty',
    run: run('request', { ...big, contract, payee: { name: '另一家公司' } }),
    codes: ['IC_PAYEE_NOT_COUNTERPARTY'],
    message: '收款人“另一家公司”不是合同相对方“广州某科技有限公司”',
  },
  {
    name: 'the counterparty written with full-width letters, spaces and brackets is the counterparty',
    run: run('request', {
      ...big,
      contract: { ...contract, counterpartyName: '广州某科技(ABC)有限公司' },
      payee: { name: ' 广州某科技（ａｂｃ） 有限公司' },
    }),
    codes: [],
  },
  {
    name: 'the counterparty by name with another code',
    run: run('request', { ...big, contract, payee: { name: '广州某科技有限公司', uscc: '91110000100006485K' } }),
    codes: ['IC_PAYEE_NOT_COUNTERPARTY'],
  },
  {
    name: 'an invalid payee code',
    run: run('request', { payee: { name: '广州某科技有限公司', uscc: '91350100M000100Y44' } }),
    codes: ['IC_USCC_INVALID'],
    message: '统一社会信用代码校验位不正确',
  },
  {
    name: 'more than the contract has unpaid, and more than is accepted',
    run: run('request', {
      ...big,
      contract: { ...contract, amount: 60_000_00, paid: 10_000_00, committedByOthers: 0, accepted: 60_000_00 },
      amount: 50_000_01,
    }),
    codes: ['IC_EXCEEDS_CONTRACT_UNPAID', 'IC_EXCEEDS_ACCEPTED'],
    message: '超过合同未付金额：合同 60,000.00 元，已付及在途 10,000.00 元，剩余 50,000.00 元',
  },
  {
    name: 'more than the accepted milestones allow',
    run: run('request', { ...big, contract: { ...contract, accepted: 49_999_99 } }),
    codes: ['IC_EXCEEDS_ACCEPTED'],
    message: '超过已验收金额：已验收 49,999.99 元，已付及在途 0.00 元，可付 49,999.99 元',
  },
  {
    name: 'a large approval without a collective decision',
    run: run('approve', large(1_000_000_00)),
    codes: ['IC_COLLECTIVE_DECISION_REQUIRED'],
  },
  {
    name: 'one fen below the collective-decision threshold',
    run: run('approve', large(999_999_99)),
    codes: [],
  },
  {
    name: 'a suspected duplicate',
    run: run('request', { duplicates: 1 }),
    codes: ['IC_DUPLICATE_SUSPECTED'],
  },
  { name: 'a duplicate confirmed as not one', run: run('request', { duplicates: 1, duplicateConfirmed: true }), codes: [] },
];
