import type { Role } from '@jixiao/contract';
import { control } from '@jixiao/core';

/** Who may ask for 结清 / 终止: those who may sign a contract. */
export const CLOSURE_REQUEST_POSTS: readonly Role[] = ['requester', 'approver'];
/** Who decides it: the posts that approve payments. */
export const CLOSURE_DECISION_POSTS: readonly Role[] = ['approver', 'department-head'];

export type ClosureKind = control.ClosureKind;

/** The closure rules are core's (control/contract.ts); these names stay for the contract module's callers. */
export const CLOSURE_KIND_LABEL = control.CLOSURE_KIND_LABEL;
export const releasedFen = control.releasedFen;
export const CLOSURE_STATUS_LABEL = { requested: '待审批', approved: '已批准', rejected: '已驳回' } as const;
