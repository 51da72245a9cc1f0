import type { MonthProgressView } from '@jixiao/contract';
import { describe, expect, it } from 'vitest';
import { sumMoney } from '../../../lib/money.ts';
import { evenPlan, monthlyBars, progressLines } from './ledger-series.ts';

const month = (m: number, paid: string, planned: string, spending: string | undefined): MonthProgressView => ({
  month: m,
  paid,
  cumulativePaid: '0',
  planned,
  cumulativePlanned: '0',
  spendingProgress: spending,
  timeProgress: ((m * 100) / 12).toFixed(2),
  planProgress: ((m * 100) / 12).toFixed(2),
  deviationFromTime: undefined,
});

// The demo's FY2024: a steady year, then 92.6 million paid in December (年末突击支付).
const year = [
  month(1, '16870502.93', '26666666.68', '5.27'),
  month(2, '16870502.92', '26666666.68', '10.54'),
  month(3, '16870502.91', '26666666.68', '15.82'),
  month(4, '19870502.91', '26666666.68', '22.03'),
  month(5, '16870502.91', '26666666.67', '27.30'),
  month(6, '18929102.91', '26666666.67', '33.21'),
  month(7, '21274502.91', '26666666.67', '39.86'),
  month(8, '16870502.91', '26666666.67', '45.13'),
  month(9, '18070502.90', '26666666.65', '50.78'),
  month(10, '26070502.90', '26666666.65', '58.93'),
  month(11, '19665502.89', '26666666.65', '65.07'),
  month(12, '92566868.00', '26666666.65', '94.00'),
];

describe('monthlyBars', () => {
  it('marks months paid above plan and finds the peak', () => {
    const bars = monthlyBars(year);
    expect(bars.paid.map((bar) => bar.abovePlan)).toEqual([...Array(11).fill(false), true]);
    expect(bars.peakMonth).toBe(12);
    expect(bars.paid[11]?.text).toBe('92566868.00');
    expect(bars.planned[0]?.value).toBeCloseTo(26666666.68);
  });

  it('has no peak when nothing is paid', () => {
    expect(monthlyBars([month(1, '0.00', '10.00', '0.00')]).peakMonth).toBeNull();
  });
});

describe('progressLines', () => {
  it('finds the steepest rise of spending progress: December', () => {
    const lines = progressLines(year);
    expect(lines.steepest).toEqual({ month: 12, points: '28.93' });
    expect(lines.spending.slice(9)).toEqual([58.93, 65.07, 94]);
    expect(lines.time[11]).toBe(100);
    expect(lines.time[5]).toBe(50);
  });

  it('leaves gaps where the budget is zero', () => {
    const lines = progressLines([month(1, '0', '0', undefined)]);
    expect(lines.spending).toEqual([null]);
    expect(lines.steepest).toBeNull();
  });
});

describe('evenPlan', () => {
  it('spreads the budget over twelve months to the fen', () => {
    const plan = evenPlan('320000000.00');
    expect(plan?.slice(0, 9)).toEqual(Array(8).fill('26666666.67').concat('26666666.66'));
    expect(sumMoney(plan ?? [])).toBe('320000000.00');
    expect(evenPlan('0.11')).toEqual([...Array(11).fill('0.01'), '0.00']);
    expect(sumMoney(evenPlan('1500000.00') ?? [])).toBe('1500000.00');
  });

  it('refuses negative or malformed budgets', () => {
    expect(evenPlan('-1')).toBeNull();
    expect(evenPlan('abc')).toBeNull();
  });
});
