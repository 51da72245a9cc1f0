import { describe, expect, it } from 'vitest';
import { moneyAxisLabel } from './chart-axis.ts';

describe('moneyAxisLabel', () => {
  it('reads an empty evaluation’s ticks in yuan, without binary noise', () => {
    expect(moneyAxisLabel(0.6, 'zh-CN')).toBe('0.6');
    expect(moneyAxisLabel(0.30000000000000004, 'zh-CN')).toBe('0.3');
    expect(moneyAxisLabel(0, 'zh-CN')).toBe('0');
    expect(moneyAxisLabel(5000, 'zh-CN')).toBe('5,000');
    expect(0.6 / 10_000).not.toBe(0.00006);
  });

  it.each([
    [320_000_000, 'zh-CN', '32,000万'],
    [15_000, 'zh-CN', '1.5万'],
    [1_000_000, 'zh-CN', '100万'],
    [2_500_000, 'en', '2.5M'],
    [-50_000, 'zh-CN', '-5万'],
  ] as const)('%d in %s reads %s', (value, locale, label) => {
    expect(moneyAxisLabel(value, locale)).toBe(label);
  });
});
