import { describe, expect, it } from 'vitest';
import type { Indicator } from '../../../api/types.ts';
import { toFormValues, toIndicatorFields } from './indicator-form.ts';

const LINE = '9bebc3cc-a7d0-4904-b7f2-84d16a9a36ed';

const indicator: Indicator = {
  id: '00000000-0000-4000-8000-000000000001',
  code: 'G1-4',
  goalId: null,
  position: 4,
  level1: 'output',
  level2: 'timeliness',
  name: '补贴或奖励资金及时足额率',
  direction: '>=',
  target: '95',
  unit: '%',
  actual: '95.47',
  targetText: null,
  actualText: null,
  lastYearActual: null,
  adjustedTarget: null,
  targetAdjustment: null,
  adjustedTargetText: null,
  scoreCoefficient: null,
  isCore: false,
  weight: null,
  notApplicable: false,
  deviationReason: null,
  dataSource: null,
  band: null,
  qualitativeScore: null,
  adjustment: null,
  illustrative: false,
  attachmentCount: 0,
  binding: { metric: 'paid-on-time-in-full-rate', budgetLineIds: [LINE] },
  computedActual: '95.47',
  actualSource: '由台账计算',
  declaredIndicatorId: null,
  version: 3,
};

describe('indicator binding in the form', () => {
  it('round-trips a binding to the ledger', () => {
    const values = toFormValues(indicator);
    expect(values.bindingMetric).toBe('paid-on-time-in-full-rate');
    expect(values.bindingLineIds).toEqual([LINE]);
    expect(toIndicatorFields(values).binding).toEqual({ metric: 'paid-on-time-in-full-rate', budgetLineIds: [LINE] });
  });

  it('binds to every line when none is chosen, and unbinds with null', () => {
    const values = toFormValues(indicator);
    expect(toIndicatorFields({ ...values, bindingLineIds: [] }).binding).toEqual({ metric: 'paid-on-time-in-full-rate' });
    expect(toIndicatorFields({ ...values, bindingMetric: null }).binding).toBeNull();
  });

  it('starts unbound for a draft from the library', () => {
    const values = toFormValues({ level1: 'output', level2: 'quantity', name: '培训人次', direction: '>=' });
    expect(values.bindingMetric).toBeNull();
    expect(toIndicatorFields(values).binding).toBeNull();
  });
});

describe('the fields of filed forms in the form', () => {
  it('round-trips 调整指标值, 得分系数 and 是否核心指标', () => {
    const values = toFormValues({
      ...indicator,
      adjustedTarget: '90',
      adjustedTargetText: '调整为不低于90%',
      scoreCoefficient: '0.8',
      isCore: true,
    });
    expect(toIndicatorFields(values)).toMatchObject({
      adjustedTarget: '90',
      adjustedTargetText: '调整为不低于90%',
      scoreCoefficient: '0.8',
      isCore: true,
    });
  });

  it('clears a numeric adjusted target on a qualitative indicator, keeping its wording', () => {
    const values = toFormValues({ ...indicator, direction: 'qualitative', adjustedTarget: '90', adjustedTargetText: '较高' });
    expect(toIndicatorFields(values)).toMatchObject({ adjustedTarget: null, adjustedTargetText: '较高' });
  });
});
