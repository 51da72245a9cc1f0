import { describe, expect, it } from 'vitest';
import type { ManagementEntry } from '../../../api/types.ts';
import { managementBody, managementValues } from './management-form.ts';

const LINE = '9bebc3cc-a7d0-4904-b7f2-84d16a9a36ed';

const bound: ManagementEntry = {
  code: 'procurement-execution-rate',
  name: '政府采购执行率',
  area: '采购管理',
  kind: 'ratio',
  inputs: { procurementActual: '实际政府采购金额', procurementPlanned: '政府采购预算金额' },
  amounts: { procurementActual: '7536600.00', procurementPlanned: '7536600.00' },
  defaultTarget: '100',
  defaultWeight: '4.00',
  target: null,
  weight: null,
  notApplicable: false,
  band: null,
  score: null,
  deviationReason: null,
  note: null,
  illustrative: true,
  rate: null,
  declaredScore: null,
  own: false,
  unit: null,
  binding: { metric: 'procurement-execution-rate', budgetLineIds: [LINE] },
  amountSource: '由台账计算：实际采购 7,536,600.00 元 ÷ 采购预算 7,536,600.00 元 = 100.00%',
  version: 3,
};

describe('the 管理效率 drawer’s request', () => {
  it('keeps a bound item bound, with its lines, and sends none of the amounts the ledger fills', () => {
    const values = { ...managementValues(bound), deviationReason: ' 年末采购 ' };
    expect(values.bindingMetric).toBe('procurement-execution-rate');
    expect(managementBody(bound, values)).toMatchObject({
      amounts: undefined,
      deviationReason: '年末采购',
      binding: { metric: 'procurement-execution-rate', budgetLineIds: [LINE] },
      version: 3,
    });
  });

  it('drops the lines when the metric changes, and unbinds with the typed amounts', () => {
    const changed = managementBody(bound, { ...managementValues(bound), bindingMetric: 'execution-rate' });
    expect(changed.binding).toEqual({ metric: 'execution-rate' });
    const typed = managementBody(bound, {
      ...managementValues(bound),
      bindingMetric: null,
      amounts: { procurementActual: '18,500,000', procurementPlanned: '18500000.00' },
    });
    // Grouping commas are dropped as the drawer reads them.
    expect(typed).toMatchObject({
      binding: null,
      amounts: { procurementActual: '18500000', procurementPlanned: '18500000.00' },
    });
  });

  it('never binds a qualitative item', () => {
    const qualitative: ManagementEntry = { ...bound, code: 'fund-management', kind: 'qualitative', binding: null, band: 'achieved' };
    expect(managementBody(qualitative, { ...managementValues(qualitative), bindingMetric: 'execution-rate' })).toMatchObject({
      binding: null,
      amounts: undefined,
      band: 'achieved',
    });
  });

  it('sends a typed rate for an item typed by hand, and none for a bound item, whose rate the ledger gives', () => {
    const typed = { ...managementValues(bound), bindingMetric: null, rate: ' 98.5 ' };
    expect(managementBody(bound, typed)).toMatchObject({ rate: '98.5', binding: null });
    expect(managementBody(bound, { ...managementValues(bound), rate: '98.5' })).toMatchObject({ rate: null });
  });
});
