import { describe, expect, it } from 'vitest';
import { ledgerBindingOf } from './bindings.ts';

describe('ledger-bound declared indicators', () => {
  it.each([
    { name: '预算执行率', unit: '%', metric: 'execution-rate' },
    { name: ' 资金执行率 ', unit: '%', metric: 'execution-rate' },
    { name: '资金及时足额拨付率', unit: '%', metric: 'paid-on-time-in-full-rate' },
    { name: '补贴资金及时足额率', unit: '%', metric: undefined },
    { name: '预算执行率', unit: '个', metric: undefined },
    { name: '预算执行率', unit: null, metric: undefined },
    { name: '培训合格率', unit: '%', metric: undefined },
    { name: '政府采购执行率', unit: '%', metric: 'procurement-execution-rate' },
  ])('$name ($unit) → $metric', ({ name, unit, metric }) => {
    expect(ledgerBindingOf({ name, unit })).toBe(metric);
  });
});
