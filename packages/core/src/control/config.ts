import type { Fen } from '../numbers/money.ts';

/**
 * Internal-control thresholds (财会〔2012〕21号 leaves amounts to each unit's own rules; docs/rules.md
 * §5.9). They are configuration with documented defaults, stored per deployment; docs/internal-control.md
 * explains each default.
 */
export interface ControlConfig {
  /** At or above this amount a payment must be tied to a contract (合同控制). Default 50,000 yuan (a design choice). */
  readonly contractRequiredFromFen: Fen;
  /** At or above this amount approval needs a collective decision (集体决策) or a countersignature (会签). Default 1,000,000 yuan (a design choice, after “三重一大”大额资金). */
  readonly collectiveDecisionFromFen: Fen;
  /** 政府采购限额标准: below it a purchase may be made by the unit itself (分散采购). Default 1,000,000 yuan [I; Guangdong sets its own]. */
  readonly procurementLimitFen: Fen;
  /** 公开招标数额标准 by category: at or above it 公开招标 is required unless a change of method is approved. Default 4,000,000 yuan (a design choice). */
  readonly publicTenderFromFen: Readonly<Record<ProcurementCategory, Fen>>;
  /** A payment request matching an earlier one on payee, amount and invoice number within this many days is held for confirmation. */
  readonly duplicateWindowDays: number;
}

export type ProcurementCategory = 'goods' | 'services' | 'works';

export const PROCUREMENT_CATEGORY_LABEL: Readonly<Record<ProcurementCategory, string>> = { goods: '货物', services: '服务', works: '工程' };

export const DEFAULT_CONTROL_CONFIG: ControlConfig = {
  contractRequiredFromFen: 50_000_00,
  collectiveDecisionFromFen: 1_000_000_00,
  procurementLimitFen: 1_000_000_00,
  publicTenderFromFen: { goods: 4_000_000_00, services: 4_000_000_00, works: 4_000_000_00 },
  duplicateWindowDays: 365,
};

/** One broken internal-control rule: a stable code, the field it concerns, and a Chinese reason. */
export interface ControlViolation {
  readonly code: ControlRuleCode;
  readonly message: string;
  readonly field?: string | undefined;
  /** A soft stop: the step may proceed once an authorised person confirms (疑似重复). */
  readonly confirmable?: boolean | undefined;
}

/**
 * Every rule the server enforces, as users read it, with the official document it carries out
 * (《行政事业单位内部控制规范（试行）》财会〔2012〕21号 unless named). docs/internal-control.md lists the same
 * codes; docs/rules.md states each rule with its certainty: §5.2 methods, §5.4 procurement pairs, §5.5
 * expenditure pairs, §5.9 what the module enforces, §5.10–5.13 procurement methods, USCC and duplicates.
 */
export const CONTROL_RULES = {
  IC_BALANCE_INSUFFICIENT: '可用余额（预算 − 已支付 − 已占用）不能为负（预算控制，财会〔2012〕21号）',
  IC_BASIC_PROJECT_MIXED: '基本支出与项目支出不得相互挤占（财会〔2012〕21号 支出控制）',
  IC_CONTRACT_REQUIRED: '达到金额标准的支付须关联合同（合同控制，财会〔2012〕21号）',
  IC_PAYEE_NOT_COUNTERPARTY: '收款人须为合同相对方（合同控制，财会〔2012〕21号）',
  IC_EXCEEDS_CONTRACT_UNPAID: '支付不得超过合同未付金额（合同控制，财会〔2012〕21号）',
  IC_EXCEEDS_ACCEPTED: '支付不得超过已验收里程碑的金额（合同 → 验收 → 支付，财会〔2012〕21号）',
  IC_COLLECTIVE_DECISION_REQUIRED: '大额支付须经集体决策或会签（授权审批控制，财会〔2012〕21号）',
  IC_SOD_REQUESTER_REVIEWER: '支出申请与审核不得为同一人（不相容岗位相互分离，财会〔2012〕21号）',
  IC_SOD_REQUESTER_APPROVER: '支出申请与内部审批不得为同一人（不相容岗位相互分离，财会〔2012〕21号）',
  IC_SOD_APPROVER_PAYER: '付款审批与付款执行不得为同一人（不相容岗位相互分离，财会〔2012〕21号）',
  IC_SOD_COUNTERSIGNER: '会签人须为申请人、审批人以外的第三人（授权审批控制，财会〔2012〕21号）',
  IC_DUPLICATE_SUSPECTED: '同一收款人、金额、发票号的支付疑似重复，须经确认（单据控制）',
  IC_PROCUREMENT_METHOD: '采购方式须符合数额标准；低于标准的方式须经批准（《中华人民共和国政府采购法》及集中采购目录和采购限额标准）',
  IC_PROCUREMENT_JUSTIFICATION: '单一来源、变更采购方式须说明理由并经批准（《中华人民共和国政府采购法》）',
  IC_SOD_PROCUREMENT: '采购需求制定与内部审批不得为同一人（财会〔2012〕21号 第三十三条）',
  IC_SOD_ACCEPTANCE_CUSTODY: '验收与保管不得为同一人（财会〔2012〕21号 第三十三条）',
  IC_SOD_CONTRACT_ACCEPTANCE: '合同签订与验收不得为同一人（财会〔2012〕21号 第三十三条）',
  IC_USCC_INVALID: '统一社会信用代码须符合 GB 32100-2015（含校验位）',
  IC_ADJUSTMENT_APPROVAL: '预算调整须经审批，申请人不得审批自己的调整（预算控制，财会〔2012〕21号）',
  IC_ADJUSTMENT_BELOW_SPENT: '调减后的预算不得低于已支付与已占用之和（预算控制）',
  IC_DISPOSAL_APPROVAL: '资产处置须经审批，申请人不得审批（财产保护控制，财会〔2012〕21号）',
  IC_NOT_ACCEPTED: '里程碑须经验收后方可付款（合同控制，财会〔2012〕21号）',
  IC_CONTRACT_CLOSED: '已结清或终止的合同不再接受支付和验收（合同控制，财会〔2012〕21号）',
  IC_SOD_CONTRACT_CLOSURE: '合同结清、终止须经审批，申请人不得审批（不相容岗位相互分离，财会〔2012〕21号）',
  IC_EX_ANTE_NOT_SUPPORTED:
    '事前绩效评估结论为“不予支持”的项目不得安排预算（《中共中央 国务院关于全面实施预算绩效管理的意见》中发〔2018〕34号）',
} as const;

export type ControlRuleCode = keyof typeof CONTROL_RULES;
