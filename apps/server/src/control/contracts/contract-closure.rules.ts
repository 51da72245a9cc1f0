import { control } from '@jixiao/core';

export type ClosureKind = control.ClosureKind;

/** The closure rules are core's (control/contract.ts); these names stay for the contract module's callers. */
export const CLOSURE_KIND_LABEL = control.CLOSURE_KIND_LABEL;
export const releasedFen = control.releasedFen;
export const CLOSURE_STATUS_LABEL = { requested: '待审批', approved: '已批准', rejected: '已驳回' } as const;
