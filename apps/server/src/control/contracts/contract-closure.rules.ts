import { type control, formatYuanGrouped } from '@jixiao/core';
import type { ContractRow } from './contract.repository.ts';

export type ClosureKind = 'settled' | 'terminated';

export const CLOSURE_KIND_LABEL: Readonly<Record<ClosureKind, string>> = { settled: '结清', terminated: '终止' };
export const CLOSURE_STATUS_LABEL = { requested: '待审批', approved: '已批准', rejected: '已驳回' } as const;

/** The refusal of any step on a contract that is no longer open: 支付 or 验收 of a 结清/终止 contract. */
export function contractClosedViolation(
  contract: Pick<ContractRow, 'code'>,
  step: string,
  field?: string,
  kind?: ClosureKind | null,
): control.ControlViolation {
  const state = kind ? `已${CLOSURE_KIND_LABEL[kind]}` : '已结清或终止';
  return { code: 'IC_CONTRACT_CLOSED', field, message: `合同“${contract.code}”${state}，不能再${step}` };
}

/** What a closure is checked against, read with the contract locked. */
export interface ClosureFacts {
  readonly contract: Pick<ContractRow, 'code' | 'amountFen'>;
  readonly kind: ClosureKind;
  /** Payment requests on the contract still 申请 / 审核 / 审批. */
  readonly openRequests: { readonly count: number; readonly amountFen: number };
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

/** What a closure releases: the part of the contract amount never paid. */
export const releasedFen = (amountFen: number, paidFen: number) => Math.max(amountFen - paidFen, 0);
