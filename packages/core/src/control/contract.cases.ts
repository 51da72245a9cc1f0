import { checkContractOpen, checkMilestoneAccepted } from './contract.ts';
import type { RuleCase } from './rule-case.ts';

export const CONTRACT_CASES: readonly RuleCase[] = [
  { name: 'an active contract accepts payments', run: () => checkContractOpen({ code: 'HT-1', status: 'active' }, '支付'), codes: [] },
  {
    name: 'a closed contract refuses a payment',
    run: () => checkContractOpen({ code: 'HT-1', status: 'closed' }, '支付', 'contractId'),
    codes: ['IC_CONTRACT_CLOSED'],
    message: '合同“HT-1”已结清或终止，不能再支付',
  },
  {
    name: 'a terminated contract names how it was closed',
    run: () => checkContractOpen({ code: 'HT-1', status: 'closed', closedKind: 'terminated' }, '验收'),
    codes: ['IC_CONTRACT_CLOSED'],
    message: '合同“HT-1”已终止，不能再验收',
  },
  {
    name: 'a milestone not yet accepted cannot be paid',
    run: () => checkMilestoneAccepted({ description: '终验', accepted: false }),
    codes: ['IC_NOT_ACCEPTED'],
    message: '里程碑“终验”尚未验收，不能付款',
  },
  { name: 'an accepted milestone can be paid', run: () => checkMilestoneAccepted({ description: '终验', accepted: true }), codes: [] },
];
