import { type Fen, formatYuanGrouped } from '../numbers/money.ts';
import type { LinePosition } from './balance.ts';
import type { ControlViolation } from './config.ts';

/** 预算调整 is decided by someone other than its requester (预算控制, 财会〔2012〕21号). */
export function checkAdjustmentDecider(requestedBy: string, deciderId: string): ControlViolation[] {
  return requestedBy === deciderId ? [{ code: 'IC_ADJUSTMENT_APPROVAL', message: '调整申请人不能审批自己的预算调整' }] : [];
}

/**
 * An approved adjustment may not take the budget below what the line has paid and committed:
 * equal is allowed (the line is then fully used), one fen below is not.
 */
export function checkAdjustmentApproval(position: Pick<LinePosition, 'budget' | 'paid' | 'committed'>, amount: Fen): ControlViolation[] {
  const newBudget = position.budget + amount;
  const spent = position.paid + position.committed;
  if (newBudget >= spent) return [];
  return [
    {
      code: 'IC_ADJUSTMENT_BELOW_SPENT',
      field: 'amount',
      message: `调整后预算 ${formatYuanGrouped(newBudget)} 元低于已支付与已占用之和 ${formatYuanGrouped(spent)} 元`,
    },
  ];
}
