import type { ControlViolation } from './config.ts';
import { isSameParty, type Party } from './payment-rules.ts';

/**
 * IC_PAYEE_NOT_COUNTERPARTY for a grant: a subsidy is paid to its recipient only. Names are compared
 * as a contract's counterparty is (isSameParty: width, spaces, brackets and case do not count).
 */
export function checkGrantPayee(payee: Party, recipient: { readonly name: string; readonly uscc: string }): ControlViolation[] {
  if (isSameParty(payee, recipient)) return [];
  return [{ code: 'IC_PAYEE_NOT_COUNTERPARTY', field: 'payeeName', message: `收款人“${payee.name}”不是补贴对象“${recipient.name}”` }];
}
