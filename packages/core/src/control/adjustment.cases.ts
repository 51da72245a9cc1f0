import { checkAdjustmentApproval, checkAdjustmentDecider } from './adjustment.ts';
import type { RuleCase } from './rule-case.ts';

const position = { budget: 1_000_00, paid: 300_00, committed: 200_00 };

export const ADJUSTMENT_CASES: readonly RuleCase[] = [
  {
    name: 'the requester cannot decide their own adjustment',
    run: () => checkAdjustmentDecider('amy', 'amy'),
    codes: ['IC_ADJUSTMENT_APPROVAL'],
    message: '调整申请人不能审批自己的预算调整',
  },
  { name: 'someone else may decide it', run: () => checkAdjustmentDecider('amy', 'bob'), codes: [] },
  { name: 'a cut down to exactly paid + committed is allowed', run: () => checkAdjustmentApproval(position, -500_00), codes: [] },
  {
    name: 'a cut one fen below paid + committed is refused',
    run: () => checkAdjustmentApproval(position, -500_01),
    codes: ['IC_ADJUSTMENT_BELOW_SPENT'],
    message: '调整后预算 499.99 元低于已支付与已占用之和 500.00 元',
  },
  { name: 'an increase on a line within its budget', run: () => checkAdjustmentApproval(position, 1), codes: [] },
];
