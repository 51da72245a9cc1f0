import { control } from '@jixiao/core';
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

/** One amount charged to the line, as core's checkLineCharge takes it (the line's position filled in here). */
export type Charge = Omit<control.LineCharge, 'line'>;

/** IC_BASIC_PROJECT_MIXED and IC_BALANCE_INSUFFICIENT for one charge to the line (core decides). */
export function chargeViolations({ line, available }: LockedLine, charge: Charge): control.ControlViolation[] {
  return control.checkLineCharge({ ...charge, line: { name: line.name, spendingType: line.spendingType, available } });
}
