import { type Fen, formatYuanGrouped } from '../numbers/money.ts';
import { type ControlConfig, type ControlViolation, PROCUREMENT_CATEGORY_LABEL, type ProcurementCategory } from './config.ts';

export const PROCUREMENT_METHODS = [
  '公开招标',
  '邀请招标',
  '竞争性谈判',
  '竞争性磋商',
  '询价',
  '单一来源',
  '框架协议',
  '限额以下自行采购',
] as const;
export type ProcurementMethod = (typeof PROCUREMENT_METHODS)[number];

export interface ProcurementFacts {
  readonly category: ProcurementCategory;
  readonly estimatedFen: Fen;
  readonly method: ProcurementMethod;
  /** Why a method below the standard (or 单一来源) is used; an approver must have approved it. */
  readonly methodJustification?: string | undefined;
}

/**
 * Checks the chosen procurement method against the amount thresholds (政府采购限额标准 and
 * 公开招标数额标准). Methods below the standard are allowed only with a stated justification, which
 * the approval step then covers; 询价 is for goods only; 限额以下自行采购 only below the limit.
 */
export function checkProcurementMethod(facts: ProcurementFacts, config: ControlConfig): ControlViolation[] {
  const violations: ControlViolation[] = [];
  const amount = formatYuanGrouped(facts.estimatedFen);
  const publicTender = config.publicTenderFromFen[facts.category];
  const category = PROCUREMENT_CATEGORY_LABEL[facts.category];
  const justified = Boolean(facts.methodJustification?.trim());
  if (facts.method === '限额以下自行采购' && facts.estimatedFen >= config.procurementLimitFen) {
    violations.push({
      code: 'IC_PROCUREMENT_METHOD',
      field: 'method',
      message: `预算 ${amount} 元达到政府采购限额标准 ${formatYuanGrouped(config.procurementLimitFen)} 元，须实施政府采购，不能自行采购`,
    });
  }
  if (facts.estimatedFen >= publicTender && facts.method !== '公开招标' && facts.method !== '框架协议' && !justified) {
    violations.push({
      code: 'IC_PROCUREMENT_METHOD',
      field: 'method',
      message: `${category}类采购预算 ${amount} 元达到公开招标数额标准 ${formatYuanGrouped(publicTender)} 元，应公开招标；采用“${facts.method}”须说明理由并经批准`,
    });
  }
  if (facts.method === '单一来源' && !justified) {
    violations.push({
      code: 'IC_PROCUREMENT_JUSTIFICATION',
      field: 'methodJustification',
      message: '单一来源采购须说明理由（只能从唯一供应商处采购等）',
    });
  }
  if (facts.method === '询价' && facts.category !== 'goods') {
    violations.push({ code: 'IC_PROCUREMENT_METHOD', field: 'method', message: `询价只适用于货物采购，不适用于${category}` });
  }
  return violations;
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

/** IC_PROCUREMENT_JUSTIFICATION at 确定供应商: a result beyond the tolerance needs a stated reason. */
export function checkAwardTolerance(resultFen: Fen, estimatedFen: Fen, justification: string | null | undefined): ControlViolation[] {
  if (!exceedsEstimate(resultFen, estimatedFen) || justification?.trim()) return [];
  return [
    {
      code: 'IC_PROCUREMENT_JUSTIFICATION',
      field: 'awardJustification',
      message: `成交金额 ${formatYuanGrouped(resultFen)} 元超过采购预算 ${formatYuanGrouped(estimatedFen)} 元的 ${AWARD_TOLERANCE_PERCENT}% 以上，须说明理由`,
    },
  ];
}
