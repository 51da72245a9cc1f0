import { checkLineCharge, type LineCharge } from './balance.ts';
import type { RuleCase } from './rule-case.ts';

const charge = (overrides: Partial<LineCharge> & { available?: number; spendingType?: 'basic' | 'project' }): LineCharge => ({
  line: { name: '设备购置', spendingType: overrides.spendingType ?? 'project', available: overrides.available ?? 100_000_00 },
  amount: overrides.amount ?? 100_000_00,
  field: 'estimated',
  what: '采购预算',
  projectOnly: overrides.projectOnly,
});

export const BALANCE_CASES: readonly RuleCase[] = [
  { name: 'an amount equal to the available balance fits', run: () => checkLineCharge(charge({})), codes: [] },
  {
    name: 'one fen over the available balance is refused',
    run: () => checkLineCharge(charge({ amount: 100_000_01 })),
    codes: ['IC_BALANCE_INSUFFICIENT'],
    message: '采购预算 100,000.01 元超过预算指标“设备购置”的可用余额 100,000.00 元',
  },
  {
    name: 'an overspent line (negative balance) refuses even one fen',
    run: () => checkLineCharge(charge({ amount: 1, available: -5_00 })),
    codes: ['IC_BALANCE_INSUFFICIENT'],
    message: '采购预算 0.01 元超过预算指标“设备购置”的可用余额 -5.00 元',
  },
  {
    name: 'project-only business on a basic line',
    run: () => checkLineCharge(charge({ spendingType: 'basic', projectOnly: '工程采购' })),
    codes: ['IC_BASIC_PROJECT_MIXED'],
    message: '工程采购须列支项目支出，“设备购置”是基本支出指标',
  },
  {
    name: 'project-only business on a project line',
    run: () => checkLineCharge(charge({ projectOnly: '补贴资金' })),
    codes: [],
  },
  {
    name: 'ordinary business may use a basic line',
    run: () => checkLineCharge(charge({ spendingType: 'basic' })),
    codes: [],
  },
  {
    name: 'both rules at once, in order',
    run: () => checkLineCharge(charge({ spendingType: 'basic', projectOnly: '工程采购', amount: 100_000_01 })),
    codes: ['IC_BASIC_PROJECT_MIXED', 'IC_BALANCE_INSUFFICIENT'],
  },
];
