import { describe, expect, it } from 'vitest';
import { rollupMatrix } from './rollup.ts';

const row = (organisationId: string, organisationName: string, month: number, paid: string) => ({
  organisationId,
  organisationName,
  month,
  paid,
  paidFen: 0,
});

describe('rollupMatrix', () => {
  it('fills every month, totals exactly and gives December’s share', () => {
    const matrix = rollupMatrix([
      row('b', '乙单位', 12, '300.00'),
      row('a', '甲单位', 1, '0.10'),
      row('a', '甲单位', 12, '0.20'),
      row('b', '乙单位', 6, '100.00'),
    ]);
    expect(matrix.units.map((unit) => unit.organisationName)).toEqual(['甲单位', '乙单位']);
    const [first, second] = matrix.units;
    expect(first?.months).toHaveLength(12);
    expect(first?.total).toBe('0.30');
    expect(first?.decemberShare).toBe('66.67');
    expect(second?.decemberShare).toBe('75.00');
    expect(matrix.monthTotals[11]).toBe('300.20');
    expect(matrix.total).toBe('400.30');
  });

  it('is empty without payments, and ignores impossible months', () => {
    expect(rollupMatrix([])).toEqual({ units: [], monthTotals: Array(12).fill('0.00'), total: '0.00' });
    expect(rollupMatrix([row('a', 'A', 13, '5.00')]).units).toEqual([]);
  });
});
