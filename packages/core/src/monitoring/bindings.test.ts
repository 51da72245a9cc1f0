import { describe, expect, it } from 'vitest';
import { ledgerBindingOf } from './bindings.ts';

describe('ledger-bound declared indicators', () => {
  it.each([
    { name: '预算执行率', unit: '%', metric: 'execution-rate' },
    { name: ' 资金执行率 ', unit: '%', metric: 'execution-rate' },
    { name: '资金及时足额拨付率', unit: '%', metric: 'paid-on-time-in-full-rate' },
    { name: '补贴或奖励资金及时足额率', unit: '%', metric: 'paid-on-time-in-full-rate' },
    { name: '政府采购执行率', unit: '%', metric: 'procurement-execution-rate' },
    { name: '预算调整率', unit: '%', metric: 'adjustment-rate' },
    // Year-end figures and look-alikes stay the unit's.
    { name: '项目资金成本控制', unit: '%', metric: undefined },
    { name: '结转结余率', unit: '%', metric: undefined },
    { name: '会议费支出标准执行率', unit: '%', metric: undefined },
    { name: '培训考核合格率', unit: '%', metric: undefined },
    { name: '预算执行率', unit: '个', metric: undefined },
    { name: '预算执行率', unit: null, metric: undefined },
  ])('$name ($unit) → $metric', ({ name, unit, metric }) => {
    expect(ledgerBindingOf({ name, unit })).toBe(metric);
  });
});
