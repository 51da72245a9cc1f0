import { type Fen, formatYuanGrouped } from '../numbers/money.ts';
import type { ControlViolation } from './config.ts';

/**
 * 预算控制 (财会〔2012〕21号): a budget line's position and the rule that nothing charged to it may
 * exceed what it has left. The server reads paid and committed with one SQL definition
 * (budget.repository.ts linePositions); the arithmetic on them is here, once.
 */

/** What a line's budget is made of: 年初预算数, 上年结转 and the net approved 预算调整 (±). */
export interface LineBudgetParts {
  readonly initial: Fen;
  readonly carryOver: Fen;
  readonly adjustments: Fen;
}

/** A line's budget: initial + carry-over + approved adjustments. */
export const lineBudget = (line: LineBudgetParts): Fen => line.initial + line.carryOver + line.adjustments;

export interface LinePosition {
  /** initial + carry-over + approved adjustments */
  readonly budget: Fen;
  /** 已支付: requests paid or archived. */
  readonly paid: Fen;
  /** 已占用: open requests plus what active contracts and grants on the line still owe. */
  readonly committed: Fen;
  /** budget − paid − committed; negative only if the line was overspent before the rule applied. */
  readonly available: Fen;
}

/** 可用余额 = 预算 − 已支付 − 已占用. */
export const availableOf = (budget: Fen, paid: Fen, committed: Fen): Fen => budget - paid - committed;

/** The position of a line from its budget parts and what is paid and committed on it. */
export function linePosition(parts: LineBudgetParts & { readonly paid: Fen; readonly committed: Fen }): LinePosition {
  const budget = lineBudget(parts);
  return { budget, paid: parts.paid, committed: parts.committed, available: availableOf(budget, parts.paid, parts.committed) };
}

/** One amount charged to a line by a procurement, a contract or a subsidy grant (not a payment: see checkPayment). */
export interface LineCharge {
  readonly line: { readonly name: string; readonly spendingType: 'basic' | 'project'; readonly available: Fen };
  readonly amount: Fen;
  /** The request field holding the amount, for the violation's path. */
  readonly field: string;
  /** What is charged, for the message: "采购预算", "合同金额", "补贴金额". */
  readonly what: string;
  /** Set when the business may only be paid from 项目支出, naming it for the message ("工程采购"). */
  readonly projectOnly?: string | undefined;
}

/**
 * IC_BASIC_PROJECT_MIXED and IC_BALANCE_INSUFFICIENT for one charge: 基本支出 and 项目支出 are not
 * used for each other, and the amount may equal but not exceed the available balance (exact to the fen).
 */
export function checkLineCharge(charge: LineCharge): ControlViolation[] {
  const { line } = charge;
  const violations: ControlViolation[] = [];
  if (charge.projectOnly && line.spendingType !== 'project') {
    violations.push({
      code: 'IC_BASIC_PROJECT_MIXED',
      field: 'budgetLineId',
      message: `${charge.projectOnly}须列支项目支出，“${line.name}”是基本支出指标`,
    });
  }
  if (charge.amount > line.available) {
    violations.push({
      code: 'IC_BALANCE_INSUFFICIENT',
      field: charge.field,
      message: `${charge.what} ${formatYuanGrouped(charge.amount)} 元超过预算指标“${line.name}”的可用余额 ${formatYuanGrouped(line.available)} 元`,
    });
  }
  return violations;
}
