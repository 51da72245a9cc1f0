import { toFen } from '../../../lib/money.ts';

/**
 * The default 支付日期: today when today lies in the line's fiscal year, else the year's last day
 * (a FY2024 line is paid on a 2024 date, or the spending belongs to another year). The server
 * refuses dates outside the year and after today.
 */
export function defaultPaidOn(fiscalYear: number, today: string): string {
  return today.startsWith(`${fiscalYear}-`) ? today : `${fiscalYear}-12-31`;
}

/** Whether a date may be chosen as 支付日期: inside the fiscal year and not after today. */
export function isPayableDate(date: string, fiscalYear: number, today: string): boolean {
  return date.startsWith(`${fiscalYear}-`) && date <= today;
}

/**
 * 集体决策 / 会签 threshold: amounts of 1,000,000 yuan and more need a 集体决策文号 or a third person's
 * countersignature (docs/rules.md §5.2, §5.9(b); @jixiao/core DEFAULT_CONTROL_CONFIG.collectiveDecisionFromFen).
 * The server has no endpoint for its configured thresholds, so this mirrors the default; a deployment
 * that changes it still gets the server's refusal, listed like any other.
 */
export const COLLECTIVE_DECISION_FROM_FEN = 100_000_000n;

/** 合同控制: a payment of 50,000 yuan or more must name its contract (DEFAULT_CONTROL_CONFIG.contractRequiredFromFen). */
export const CONTRACT_REQUIRED_FROM_FEN = 5_000_000n;

export function atLeast(amount: string, thresholdFen: bigint): boolean {
  const fen = toFen(amount);
  return fen !== null && fen >= thresholdFen;
}
