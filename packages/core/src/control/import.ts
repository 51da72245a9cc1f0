import type { ControlConfig, ControlRuleCode, ControlViolation } from './config.ts';
import { checkPayment, type PaymentFacts } from './payment-rules.ts';

/**
 * The payment rules that apply to a payment already made elsewhere and imported: budget control
 * (预算控制) and no 基本/项目 cross-use. The others (contract, acceptance, collective decision,
 * segregation of duties, suspected duplicates) concern how a payment is made in Jixiao, which an
 * import of a ledger kept elsewhere cannot re-enact; the 统一社会信用代码 is checked when the file is read.
 */
export const IMPORTED_PAYMENT_RULES: ReadonlySet<ControlRuleCode> = new Set(['IC_BALANCE_INSUFFICIENT', 'IC_BASIC_PROJECT_MIXED']);

/** The row as the workflow would see it at 支付, checked by the workflow's own rules, keeping those above. */
export function checkImportedPayment(facts: PaymentFacts, config: ControlConfig): ControlViolation[] {
  return checkPayment('pay', facts, config).filter((violation) => IMPORTED_PAYMENT_RULES.has(violation.code));
}
