import type { ControlViolation } from './config.ts';

/** 资产处置 is decided by someone other than its requester (财产保护控制, 财会〔2012〕21号). */
export function checkDisposalDecider(requestedBy: string, deciderId: string): ControlViolation[] {
  return requestedBy === deciderId ? [{ code: 'IC_DISPOSAL_APPROVAL', message: '资产处置由你申请，不能由你审批' }] : [];
}
