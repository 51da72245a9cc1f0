import { describe, expect, it } from 'vitest';
import {
  computeMetric,
  DEFAULT_LEDGER_OPTIONS,
  type Ledger,
  type LedgerMetric,
  ledgerBudget,
  ledgerOfLines,
  monthlyProgress,
} from './ledger.ts';

/**
 * A hand-worked ledger of one project with a year-end rush: budget 1,000,000.00 (800,000 initial
 * + 100,000 carried over + 100,000 adjustment), paid 955,000.00 of which 600,000.00 in December.
 */
const ledger: Ledger = {
  fiscalYear: 2024,
  lines: [
    {
      id: 'L1',
      code: 'XM-01',
      name: '产业扶持资金',
      spendingType: 'project',
      initial: 800_000_00,
      carryOver: 100_000_00,
      adjustments: 100_000_00,
    },
  ],
  adjustments: [{ id: 'A1', budgetLineId: 'L1', amount: 100_000_00 }],
  plans: Array.from({ length: 12 }, (_, index) => ({ budgetLineId: 'L1', month: index + 1, amount: 83_333_33 + (index === 11 ? 4 : 0) })),
  procurements: [
    { id: 'P1', budgetLineId: 'L1', estimated: 300_000_00, result: 285_000_00 },
    { id: 'P2', budgetLineId: 'L1', estimated: 100_000_00, result: null },
  ],
  payments: [
    { id: 'Y1', budgetLineId: 'L1', amount: 100_000_00, paidOn: '2024-03-15', dueOn: '2024-03-31' },
    { id: 'Y2', budgetLineId: 'L1', amount: 155_000_00, paidOn: '2024-06-20', dueOn: '2024-06-30' },
    { id: 'Y3', budgetLineId: 'L1', amount: 100_000_00, paidOn: '2024-10-10', dueOn: '2024-09-30' }, // late
    { id: 'Y4', budgetLineId: 'L1', amount: 600_000_00, paidOn: '2024-12-28', dueOn: '2024-12-31' }, // the rush
    { id: 'Y5', budgetLineId: 'L1', amount: 45_000_00, paidOn: null, dueOn: '2024-11-30' }, // due, never paid
    { id: 'Y6', budgetLineId: 'L1', amount: 10_000_00, paidOn: '2025-01-05', dueOn: '2025-01-31' }, // next year
  ],
};
const options = { ...DEFAULT_LEDGER_OPTIONS, asOf: '2024-12-31' };
const metric = (name: LedgerMetric, extra = {}) => computeMetric(name, ledger, { ...options, ...extra });

describe('ledger indicators, hand-worked', () => {
  it('execution rate = paid ÷ adjusted budget incl. carry-over', () => {
    const result = metric('execution-rate');
    expect(result.percent).toBe('95.50'); // 955,000 ÷ 1,000,000
    expect(result.numerator).toEqual({ label: '已支付', amount: 955_000_00, records: ['Y1', 'Y2', 'Y3', 'Y4'] });
    expect(result.formula).toBe('已支付 955,000.00 元 ÷ 预算（含结转与调整） 1,000,000.00 元 = 95.50%');
  });

  it('paid on time and in full is due-date based, not paid ÷ budget', () => {
    const result = metric('paid-on-time-in-full-rate');
    // Due in 2024: Y1 100k, Y2 155k, Y3 100k, Y4 600k, Y5 45k = 1,000,000; on time: Y1, Y2, Y4 = 855,000.
    expect(result.percent).toBe('85.50');
    expect(result.numerator.records).toEqual(['Y1', 'Y2', 'Y4']);
    expect(result.denominator.records).toEqual(['Y1', 'Y2', 'Y3', 'Y4', 'Y5']);
    expect(result.percent).not.toBe(metric('execution-rate').percent);
  });

  it('cost control in both definitions: the deviation one gives −4.50% like the reference report’s −4.53%', () => {
    expect(metric('cost-control-rate').percent).toBe('-4.50');
    expect(metric('cost-control-rate', { costControl: 'ratio' }).percent).toBe('95.50');
  });

  it('shows the year-end rush: 62.83% of the year’s spending paid in December', () => {
    expect(metric('december-share').percent).toBe('62.83'); // 600,000 ÷ 955,000
  });

  it('carry-over, adjustment and procurement execution rates', () => {
    expect(metric('carry-over-rate').percent).toBe('4.71'); // 45,000 ÷ 955,000
    expect(metric('carry-over-rate', { carryOverBase: 'budget' }).percent).toBe('4.50');
    expect(metric('adjustment-rate').percent).toBe('12.50'); // 100,000 ÷ 800,000
    expect(metric('procurement-execution-rate').percent).toBe('71.25'); // 285,000 ÷ 400,000
  });

  it('counts only what was paid by the as-of date', () => {
    expect(metric('execution-rate', { asOf: '2024-06-30' }).percent).toBe('25.50');
  });

  it('tracks spending against time and plan by month, exposing the rush', () => {
    const months = monthlyProgress(ledger, options);
    expect(months[5]).toMatchObject({
      month: 6,
      cumulativePaid: 255_000_00,
      spendingProgress: '25.50',
      timeProgress: '50.00',
      deviationFromTime: '-24.50',
    });
    expect(months[10]).toMatchObject({ month: 11, spendingProgress: '35.50', timeProgress: '91.67', deviationFromTime: '-56.17' });
    expect(months[11]).toMatchObject({
      month: 12,
      spendingProgress: '95.50',
      timeProgress: '100.00',
      planProgress: '100.00',
      cumulativePlanned: 1_000_000_00,
    });
  });

  it('says when a figure cannot be computed', () => {
    const empty = computeMetric('execution-rate', { ...ledger, lines: [] }, options);
    expect(empty.value).toBeUndefined();
    expect(empty.formula).toContain('无法计算（分母为 0）');
  });
});

describe('parts and totals of a ledger', () => {
  const second: Ledger = {
    ...ledger,
    lines: [
      ...ledger.lines,
      { id: 'L2', code: 'B', name: '另一项目', spendingType: 'basic', initial: 500_000_00, carryOver: 0, adjustments: 0 },
    ],
    payments: [...ledger.payments, { id: 'Z1', budgetLineId: 'L2', amount: 200_000_00, paidOn: '2024-05-05', dueOn: null }],
    plans: [...ledger.plans, { budgetLineId: 'L2', month: 1, amount: 1 }],
    adjustments: [...ledger.adjustments, { id: 'A2', budgetLineId: 'L2', amount: 5 }],
    procurements: [...ledger.procurements, { id: 'P3', budgetLineId: 'L2', estimated: 7, result: 7 }],
  };

  it('keeps only the records of the chosen lines, so a bound indicator reads the same as a ledger loaded for them', () => {
    const part = ledgerOfLines(second, ['L1']);
    expect(part).toEqual(ledger);
    expect(computeMetric('execution-rate', part, options).percent).toBe('95.50');
    expect(ledgerOfLines(second, []).payments).toEqual([]);
  });

  it('totals budget and what was paid in the year by the as-of date', () => {
    expect(ledgerBudget(second, '2024-12-31')).toEqual({
      hasLines: true,
      initial: 1_300_000_00,
      carryOver: 100_000_00,
      adjusted: 1_500_000_00,
      executed: 1_155_000_00,
    });
    // Y6 is paid in 2025 and never counts; by 30 June only Y1, Y2 and Z1 are paid.
    expect(ledgerBudget(second, '2024-06-30').executed).toBe(455_000_00);
    expect(ledgerBudget({ ...ledger, lines: [] }, '2024-12-31').hasLines).toBe(false);
  });
});
