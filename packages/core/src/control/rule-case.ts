import type { ControlRuleCode, ControlViolation } from './config.ts';

/**
 * One row of a rule's table test: the rule applied to some inputs, and the codes (and optionally the
 * first message) it must return. The tables live in `*.cases.ts` beside each rule so that
 * rules.test.ts can both run them and check that every code in CONTROL_RULES is produced by one.
 */
export interface RuleCase {
  readonly name: string;
  readonly run: () => readonly ControlViolation[];
  readonly codes: readonly ControlRuleCode[];
  readonly message?: string;
}
