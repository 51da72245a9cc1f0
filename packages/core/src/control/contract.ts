import { type Fen, formatYuanGrouped } from '../numbers/money.ts';
import type { ControlViolation } from './config.ts';

/** 合同控制 (财会〔2012〕21号): what a contract no longer open refuses, and when it may be closed. */

export type ClosureKind = 'settled' | 'terminated';

export const CLOSURE_KIND_LABEL: Readonly<Record<ClosureKind, string>> = { settled: '结清', terminated: '终止' };

export interface ContractState {
  readonly code: string;
  readonly status: 'active' | 'closed';
  /** How it was closed, when known, for the message. */
  readonly closedKind?: ClosureKind | null | undefined;
}

/**
 * IC_CONTRACT_CLOSED: a 结清 or 终止 contract accepts no further 支付, 验收 or closure. `step` names
 * what was attempted ("支付", "验收", "结清"), `field` the request field naming the contract.
 */
export function checkContractOpen(contract: ContractState, step: string, field?: string): ControlViolation[] {
  if (contract.status === 'active') return [];
  const state = contract.closedKind ? `已${CLOSURE_KIND_LABEL[contract.closedKind]}` : '已结清或终止';
  return [{ code: 'IC_CONTRACT_CLOSED', field, message: `合同“${contract.code}”${state}，不能再${step}` }];
}

/** What a closure is checked against, read with the contract locked. */
export interface ClosureFacts {
  readonly contract: { readonly code: string };
  readonly kind: ClosureKind;
  /** Payment requests on the contract still 申请 / 审核 / 审批. */
  readonly openRequests: { readonly count: number; readonly amountFen: Fen };
  readonly unacceptedMilestones: readonly string[];
}

/**
 * Why the contract cannot be closed this way, or nothing. Requests in flight must be paid or rejected
 * first: the reservation they draw on would otherwise vanish under them. 结清 says the contract was
 * performed, so every milestone must be accepted; 终止 stops it early and may leave milestones open.
 */
export function closureProblems(facts: ClosureFacts): string[] {
  const label = CLOSURE_KIND_LABEL[facts.kind];
  const problems: string[] = [];
  if (facts.openRequests.count > 0) {
    problems.push(
      `合同“${facts.contract.code}”尚有 ${facts.openRequests.count} 笔支付申请在办（合计 ${formatYuanGrouped(facts.openRequests.amountFen)} 元），须先支付或驳回，才能${label}`,
    );
  }
  if (facts.kind === 'settled' && facts.unacceptedMilestones.length > 0) {
    problems.push(
      `合同“${facts.contract.code}”的里程碑“${facts.unacceptedMilestones.join('”“')}”尚未验收，不能结清；提前结束合同请申请终止`,
    );
  }
  return problems;
}

/** What a closure releases from the line: the part of the contract amount never paid. */
export const releasedFen = (amountFen: Fen, paidFen: Fen): Fen => Math.max(amountFen - paidFen, 0);

/** IC_NOT_ACCEPTED: a payment against a milestone waits for its 验收 (合同 → 验收 → 支付). */
export function checkMilestoneAccepted(milestone: { readonly description: string; readonly accepted: boolean }): ControlViolation[] {
  if (milestone.accepted) return [];
  return [{ code: 'IC_NOT_ACCEPTED', field: 'milestoneId', message: `里程碑“${milestone.description}”尚未验收，不能付款` }];
}
