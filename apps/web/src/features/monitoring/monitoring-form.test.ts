import type { MonitoringFormDetail } from '@jixiao/contract';
import { describe, expect, it } from 'vitest';
import { editsOf, lastMonthEnd, paidShares, saveBodyOf, sharePoint, worstLight } from './monitoring-form.ts';

const light = {
  light: 'none' as const,
  rule: { code: 'x', preset: 'ratio', source: 's' },
  explanation: 'e',
  explanationEn: 'e',
  inputs: [],
};
const indicator = (overrides: Partial<MonitoringFormDetail['indicators'][number]>): MonitoringFormDetail['indicators'][number] => ({
  indicatorId: '00000000-0000-4000-8000-0000000000a1',
  level1: 'output',
  level2: 'quantity',
  name: '服务企业数量',
  nature: 'quantitative',
  direction: '>=',
  unit: '家',
  target: '300',
  targetText: null,
  originalTarget: null,
  actualToDate: '120',
  actualText: null,
  forecastYearEnd: null,
  reasons: ['funding'],
  reasonText: null,
  likelihood: 'possible',
  measures: null,
  computed: null,
  light,
  ...overrides,
});
const form = {
  version: 3,
  money: [{ source: '财政拨款', forecast: '100.00' }],
  indicators: [indicator({})],
} as unknown as MonitoringFormDetail;

describe('the monitoring form', () => {
  it('saves the whole form in its row order, blank text as no answer', () => {
    const edits = editsOf(form);
    const body = saveBodyOf(form, {
      forecasts: { ...edits.forecasts, 财政拨款: ' ' },
      indicators: { [indicator({}).indicatorId]: { indicatorId: indicator({}).indicatorId, actualToDate: '80', measures: '  ' } },
    });
    expect(body).toEqual({
      version: 3,
      money: [{ source: '财政拨款', forecast: null }],
      indicators: [
        {
          indicatorId: indicator({}).indicatorId,
          actualToDate: '80',
          actualText: null,
          forecastYearEnd: null,
          reasons: [],
          reasonText: null,
          likelihood: null,
          measures: null,
        },
      ],
    });
  });

  it('keeps what the server sent for a row the user did not touch', () => {
    expect(saveBodyOf(form, { forecasts: {}, indicators: {} }).indicators[0]).toMatchObject({
      actualToDate: '120',
      reasons: ['funding'],
      likelihood: 'possible',
    });
  });

  it('ranks the worst light red, yellow, blue, green, none', () => {
    const counts = { green: 0, yellow: 0, red: 0, blue: 0, none: 0 };
    expect(worstLight({ budgetLight: 'green', indicatorLights: { ...counts, yellow: 1 } })).toBe('yellow');
    expect(worstLight({ budgetLight: 'red', indicatorLights: { ...counts, yellow: 2 } })).toBe('red');
    expect(worstLight({ budgetLight: 'none', indicatorLights: { ...counts, blue: 1, green: 3 } })).toBe('blue');
    expect(worstLight({ budgetLight: 'none', indicatorLights: counts })).toBe('none');
  });

  it('draws cumulative payments as a share of the budget up to the cut-off month, summed in fen', () => {
    const paid = ['10.10', '20.20', '0', '5', '0', '0', '0', '0', '0', '0', '0', '0'];
    expect(paidShares(paid, '101.00', 3)).toEqual([10, 30, 30, null, null, null, null, null, null, null, null, null]);
    expect(paidShares(paid, '0', 3).every((value) => value === null)).toBe(true);
    expect(sharePoint('0.5833')).toBe(58.33);
  });

  it('proposes the end of the last full month as the cut-off', () => {
    expect(lastMonthEnd('2026-12-03')).toBe('2026-11-30');
    expect(lastMonthEnd('2026-03-01')).toBe('2026-02-28');
    expect(lastMonthEnd('2028-03-31')).toBe('2028-02-29');
    expect(lastMonthEnd('2027-01-15')).toBe('2026-12-31');
  });
});
