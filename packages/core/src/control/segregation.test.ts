import { describe, expect, it } from 'vitest';
import * as sod from './segregation.ts';

describe('segregation of duties (不相容岗位相互分离)', () => {
  it.each([
    ['IC_SOD_REQUESTER_REVIEWER', () => sod.requesterReviewer('amy', 'amy'), () => sod.requesterReviewer('amy', 'bo')],
    ['IC_SOD_REQUESTER_APPROVER', () => sod.requesterApprover('amy', 'amy'), () => sod.requesterApprover('amy', 'bo')],
    ['IC_SOD_APPROVER_PAYER', () => sod.approverPayer('bo', 'bo'), () => sod.approverPayer('bo', 'cy')],
    ['IC_SOD_COUNTERSIGNER', () => sod.countersigner('amy', 'amy', 'bo'), () => sod.countersigner('cy', 'amy', 'bo')],
    ['IC_SOD_COUNTERSIGNER', () => sod.countersigner('bo', 'amy', 'bo'), () => sod.countersigner(undefined, 'amy', 'bo')],
    ['IC_SOD_PROCUREMENT', () => sod.procurementDrafterApprover('amy', 'amy'), () => sod.procurementDrafterApprover('amy', 'bo')],
    ['IC_SOD_CONTRACT_ACCEPTANCE', () => sod.signerAccepter('amy', 'amy'), () => sod.signerAccepter('amy', 'bo')],
    ['IC_SOD_ACCEPTANCE_CUSTODY', () => sod.accepterCustodian('amy', 'amy', '…'), () => sod.accepterCustodian('amy', 'bo', '…')],
    [
      'IC_SOD_CONTRACT_CLOSURE',
      () => sod.closureRequesterApprover('amy', 'amy', '结清'),
      () => sod.closureRequesterApprover('amy', 'bo', '结清'),
    ],
  ])('%s: the same person is refused, another is not', (code, samePerson, otherPerson) => {
    expect(samePerson()?.code).toBe(code);
    expect(otherPerson()).toBeUndefined();
  });

  it('nobody recorded yet is never the same person', () => {
    expect(sod.approverPayer(null, 'bo')).toBeUndefined();
    expect(sod.approverPayer(undefined, undefined)).toBeUndefined();
  });

  it('names the closure kind and the keeper field', () => {
    expect(sod.closureRequesterApprover('amy', 'amy', '终止')?.message).toBe('合同终止由你申请，不能由你审批（申请与审批须分离）');
    expect(sod.accepterCustodian('amy', 'amy', 'x', 'assets[1].custodianId')?.field).toBe('assets[1].custodianId');
    expect(sod.found(undefined, sod.requesterReviewer('a', 'a'), undefined).map((v) => v.code)).toEqual(['IC_SOD_REQUESTER_REVIEWER']);
  });
});
