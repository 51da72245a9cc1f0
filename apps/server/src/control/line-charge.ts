import { type control, type Fen, formatYuanGrouped } from '@jixiao/core';
import type { Queryable } from '../db/connect.ts';
import { validationFailed } from '../errors.ts';
import { type LockedLine, lockLinePosition } from './line-lock.ts';

/**
 * What procurements, contracts and subsidy grants share with payments: each is charged to one
 * budget line of the organisation that makes it, and may not exceed what the line has left
 * (预算控制, docs/rules.md §5.2 and §5.9(d)). The line's position (budget − paid − committed) is the
 * budget module's; procurements, contracts and grants are not themselves commitments on it.
 */

/**
 * The line, locked with its position read after the lock (line-lock.ts), which must exist and belong
 * to the organisation: nobody spends another unit's budget.
 */
export async function chargeableLine(db: Queryable, organisationId: string, budgetLineId: string): Promise<LockedLine> {
  const locked = await lockLinePosition(db, budgetLineId);
  if (!locked) throw validationFailed([{ path: 'body.budgetLineId', message: '预算指标不存在' }]);
  if (locked.line.organisationId !== organisationId) {
    throw validationFailed([{ path: 'body.budgetLineId', message: `预算指标“${locked.line.name}”不属于所选单位，不能使用其他单位的预算` }]);
  }
  return locked;
}

export interface Charge {
  readonly amountFen: Fen;
  /** The request field holding the amount, for the violation's path. */
  readonly field: string;
  /** What is charged, for the message: "采购预算", "合同金额", "补贴金额". */
  readonly what: string;
  /** Set when the business may only be paid from 项目支出, naming it for the message ("工程采购"). */
  readonly projectOnly?: string | undefined;
}

/** IC_BASIC_PROJECT_MIXED and IC_BALANCE_INSUFFICIENT for one charge to the line. */
export function chargeViolations({ line, available }: LockedLine, charge: Charge): control.ControlViolation[] {
  const violations: control.ControlViolation[] = [];
  if (charge.projectOnly && line.spendingType !== 'project') {
    violations.push({
      code: 'IC_BASIC_PROJECT_MIXED',
      field: 'budgetLineId',
      message: `${charge.projectOnly}须列支项目支出，“${line.name}”是基本支出指标`,
    });
  }
  if (charge.amountFen > available) {
    violations.push({
      code: 'IC_BALANCE_INSUFFICIENT',
      field: charge.field,
      message: `${charge.what} ${formatYuanGrouped(charge.amountFen)} 元超过预算指标“${line.name}”的可用余额 ${formatYuanGrouped(available)} 元`,
    });
  }
  return violations;
}
