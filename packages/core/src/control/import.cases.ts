import { DEFAULT_CONTROL_CONFIG } from './config.ts';
import { checkImportedPayment } from './import.ts';
import type { PaymentFacts } from './payment-rules.ts';
import type { RuleCase } from './rule-case.ts';

// A large payment with no contract, a bad code and the same person everywhere: only budget rules apply to an import.
const row: PaymentFacts = {
  amount: 100_000_00,
  expenseType: 'project',
  budgetLine: { spendingType: 'project', budget: 300_000_00, paid: 200_000_00, committedByOthers: 0 },
  payee: { name: '广州某科技有限公司', uscc: '91350100M000100Y44' },
  people: { requester: 'amy', actor: 'amy', approver: 'amy' },
  duplicates: 3,
  duplicateConfirmed: false,
};

export const IMPORT_CASES: readonly RuleCase[] = [
  { name: 'an imported row using the whole balance', run: () => checkImportedPayment(row, DEFAULT_CONTROL_CONFIG), codes: [] },
  {
    name: 'an imported row one fen over the balance',
    run: () => checkImportedPayment({ ...row, amount: 100_000_01 }, DEFAULT_CONTROL_CONFIG),
    codes: ['IC_BALANCE_INSUFFICIENT'],
  },
  {
    name: 'an imported basic payment on a project line',
    run: () => checkImportedPayment({ ...row, expenseType: 'basic' }, DEFAULT_CONTROL_CONFIG),
    codes: ['IC_BASIC_PROJECT_MIXED'],
  },
];
