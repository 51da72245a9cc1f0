import type { ControlViolation } from './config.ts';

/**
 * 不相容岗位相互分离 (财会〔2012〕21号 第十二条、第三十三条): one pure check per rule, each returning
 * its violation or nothing. The server calls them with the people recorded on the record; the
 * policies call them too, so a step a rule would refuse is never offered.
 */

type Person = string | null | undefined;
type Sod = ControlViolation | undefined;

const same = (a: Person, b: Person): boolean => Boolean(a) && a === b;

/** 支出申请与审核: the requester of a payment may not review it. */
export function requesterReviewer(requester: Person, actor: Person): Sod {
  return same(requester, actor) ? { code: 'IC_SOD_REQUESTER_REVIEWER', message: '申请人不能审核自己的支付申请' } : undefined;
}

/** 支出申请与内部审批: the requester of a payment may not approve it. */
export function requesterApprover(requester: Person, actor: Person): Sod {
  return same(requester, actor) ? { code: 'IC_SOD_REQUESTER_APPROVER', message: '申请人不能审批自己的支付申请' } : undefined;
}

/** 付款审批与付款执行: the approver of a payment may not pay it. */
export function approverPayer(approver: Person, actor: Person): Sod {
  return same(approver, actor) ? { code: 'IC_SOD_APPROVER_PAYER', message: '审批人不能执行付款' } : undefined;
}

/** 会签: the countersigner is a third person, neither the requester nor the approver. */
export function countersigner(countersignedBy: Person, requester: Person, approver: Person): Sod {
  return same(countersignedBy, requester) || same(countersignedBy, approver)
    ? { code: 'IC_SOD_COUNTERSIGNER', field: 'collectiveDecision.countersignedBy', message: '会签人须为申请人、审批人以外的第三人' }
    : undefined;
}

/** 采购需求制定与内部审批: the drafter of a procurement may not approve it. */
export function procurementDrafterApprover(draftedBy: Person, actor: Person): Sod {
  return same(draftedBy, actor) ? { code: 'IC_SOD_PROCUREMENT', message: '采购需求由你制定，不能由你审批，请由其他审批人审批' } : undefined;
}

/** 合同签订与验收: the signer of a contract may not accept its deliveries. */
export function signerAccepter(signedBy: Person, actor: Person): Sod {
  return same(signedBy, actor)
    ? { code: 'IC_SOD_CONTRACT_ACCEPTANCE', message: '合同由你签订，不能由你验收（合同签订与验收须分离）' }
    : undefined;
}

/**
 * 验收与保管: whoever accepted a delivery never keeps what was accepted. `message` names the asset
 * the way the step asks (a new card, or a change of keeper); `field` points at the keeper named.
 */
export function accepterCustodian(acceptedBy: Person, custodian: Person, message: string, field = 'custodianId'): Sod {
  return same(acceptedBy, custodian) ? { code: 'IC_SOD_ACCEPTANCE_CUSTODY', field, message } : undefined;
}

/** 合同结清、终止: the requester of a closure may not decide it. */
export function closureRequesterApprover(requestedBy: Person, actor: Person, kindLabel: string): Sod {
  return same(requestedBy, actor)
    ? { code: 'IC_SOD_CONTRACT_CLOSURE', message: `合同${kindLabel}由你申请，不能由你审批（申请与审批须分离）` }
    : undefined;
}

/** The violations found, in the order given (for callers that check several at once). */
export const found = (...checks: readonly Sod[]): ControlViolation[] =>
  checks.filter((check): check is ControlViolation => check !== undefined);
