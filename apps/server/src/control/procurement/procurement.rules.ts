import { control, type Fen, formatYuanGrouped } from '@jixiao/core';
import type { ProcurementRow } from './procurement.repository.ts';

/**
 * The procurement rules that need no database (docs/rules.md §5.3–5.4, §5.10–5.11): the method against the
 * thresholds, the drafter who may not approve (需求制定 / 内部审批), and the award tolerance.
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

export const AWARD_TOLERANCE_PERCENT = 10;

/**
 * 成交金额 above 采购预算 by more than 10 % needs a written justification. Compared exactly in
 * integer fen (result × 100 > estimate × 110, no rounding), so 110 % itself is still within.
 * Source: a design choice, after 《政府采购法》第四十九条 (追加采购不超过原合同金额的百分之十).
 */
export function exceedsEstimate(resultFen: Fen, estimatedFen: Fen): boolean {
  return BigInt(resultFen) * 100n > BigInt(estimatedFen) * BigInt(100 + AWARD_TOLERANCE_PERCENT);
}

export function awardToleranceViolations(
  resultFen: Fen,
  estimatedFen: Fen,
  justification: string | null | undefined,
): control.ControlViolation[] {
  if (!exceedsEstimate(resultFen, estimatedFen) || justification?.trim()) return [];
  return [
    {
      code: 'IC_PROCUREMENT_JUSTIFICATION',
      field: 'awardJustification',
      message: `成交金额 ${formatYuanGrouped(resultFen)} 元超过采购预算 ${formatYuanGrouped(estimatedFen)} 元的 ${AWARD_TOLERANCE_PERCENT}% 以上，须说明理由`,
    },
  ];
}
