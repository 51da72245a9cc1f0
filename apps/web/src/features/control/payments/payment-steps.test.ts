import { describe, expect, it } from 'vitest';
import { atLeast, COLLECTIVE_DECISION_FROM_FEN, CONTRACT_REQUIRED_FROM_FEN, defaultPaidOn, isPayableDate } from './payment-steps.ts';

describe('defaultPaidOn', () => {
  it('is today inside the fiscal year, else the year’s last day', () => {
    expect(defaultPaidOn(2026, '2026-11-28')).toBe('2026-11-28');
    expect(defaultPaidOn(2024, '2026-11-28')).toBe('2024-12-31');
    expect(defaultPaidOn(2027, '2026-11-28')).toBe('2027-12-31');
  });

  it('allows dates of the fiscal year up to today', () => {
    expect(isPayableDate('2024-12-30', 2024, '2026-11-28')).toBe(true);
    expect(isPayableDate('2025-01-02', 2024, '2026-11-28')).toBe(false);
    expect(isPayableDate('2026-11-29', 2026, '2026-11-28')).toBe(false);
    expect(isPayableDate('2026-11-28', 2026, '2026-11-28')).toBe(true);
  });
});

describe('thresholds', () => {
  it('needs a collective decision from 1,000,000.00 yuan', () => {
    expect(atLeast('999999.99', COLLECTIVE_DECISION_FROM_FEN)).toBe(false);
    expect(atLeast('1000000', COLLECTIVE_DECISION_FROM_FEN)).toBe(true);
    expect(atLeast('1000000.00', COLLECTIVE_DECISION_FROM_FEN)).toBe(true);
    expect(atLeast('abc', COLLECTIVE_DECISION_FROM_FEN)).toBe(false);
  });

  it('needs a contract from 50,000.00 yuan', () => {
    expect(atLeast('12345.67', CONTRACT_REQUIRED_FROM_FEN)).toBe(false);
    expect(atLeast('50000.00', CONTRACT_REQUIRED_FROM_FEN)).toBe(true);
  });
});
