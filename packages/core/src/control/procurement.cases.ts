import { DEFAULT_CONTROL_CONFIG, type ProcurementCategory } from './config.ts';
import { checkAwardTolerance, checkProcurementMethod, type ProcurementMethod } from './procurement.ts';
import type { RuleCase } from './rule-case.ts';

const method = (estimatedFen: number, chosen: ProcurementMethod, category: ProcurementCategory, methodJustification?: string) => () =>
  checkProcurementMethod({ estimatedFen, method: chosen, category, methodJustification }, DEFAULT_CONTROL_CONFIG);

export const PROCUREMENT_CASES: readonly RuleCase[] = [
  { name: 'self-purchase one fen below the limit', run: method(999_999_99, '限额以下自行采购', 'goods'), codes: [] },
  {
    name: 'self-purchase at the limit',
    run: method(1_000_000_00, '限额以下自行采购', 'goods'),
    codes: ['IC_PROCUREMENT_METHOD'],
    message: '预算 1,000,000.00 元达到政府采购限额标准 1,000,000.00 元，须实施政府采购，不能自行采购',
  },
  { name: 'another method one fen below the public-tender standard', run: method(3_999_999_99, '竞争性磋商', 'services'), codes: [] },
  {
    name: 'another method at the public-tender standard, unjustified',
    run: method(4_000_000_00, '竞争性磋商', 'services'),
    codes: ['IC_PROCUREMENT_METHOD'],
  },
  { name: 'another method at the standard, justified', run: method(4_000_000_00, '竞争性磋商', 'services', '经批准变更'), codes: [] },
  {
    name: 'single source without a reason',
    run: method(2_000_000_00, '单一来源', 'goods', '  '),
    codes: ['IC_PROCUREMENT_JUSTIFICATION'],
    message: '单一来源采购须说明理由（只能从唯一供应商处采购等）',
  },
  {
    name: '询价 for services',
    run: method(2_000_000_00, '询价', 'services'),
    codes: ['IC_PROCUREMENT_METHOD'],
    message: '询价只适用于货物采购，不适用于服务',
  },
  { name: 'an award at exactly 110 % of the estimate', run: () => checkAwardTolerance(110_00, 100_00, undefined), codes: [] },
  {
    name: 'an award one fen above 110 %, unjustified',
    run: () => checkAwardTolerance(110_01, 100_00, ''),
    codes: ['IC_PROCUREMENT_JUSTIFICATION'],
    message: '成交金额 110.01 元超过采购预算 100.00 元的 10% 以上，须说明理由',
  },
  { name: 'an award above 110 %, justified', run: () => checkAwardTolerance(200_00, 100_00, '市场价上涨'), codes: [] },
];
