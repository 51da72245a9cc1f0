import { control } from '@jixiao/core';
import type { ProcurementRow } from './procurement.repository.ts';

/**
 * The procurement facts core's rules take, and the drafter who may not approve (需求制定 / 内部审批,
 * segregation of duties, until it joins core's segregation rules). The method and award rules are core's
 * (control/procurement.ts).
 */

type MethodFields = Pick<ProcurementRow, 'category' | 'estimatedFen' | 'method'> & {
  readonly methodJustification?: string | null | undefined;
};

export function methodFacts(procurement: MethodFields): control.ProcurementFacts {
  return {
    category: procurement.category,
    estimatedFen: procurement.estimatedFen,
    // Stored only through the create schema, which admits PROCUREMENT_METHODS alone.
    method: procurement.method as control.ProcurementMethod,
    methodJustification: procurement.methodJustification ?? undefined,
  };
}

/** At approval the method is checked again, against the thresholds in force that day. */
export function approvalViolations(
  procurement: ProcurementRow,
  approverId: string,
  config: control.ControlConfig,
): control.ControlViolation[] {
  const violations = control.checkProcurementMethod(methodFacts(procurement), config);
  return [...control.segregation.found(control.segregation.procurementDrafterApprover(procurement.draftedBy, approverId)), ...violations];
}
