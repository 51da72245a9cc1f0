import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { budgetWeightedScore, DEFAULT_KEY_PROJECT_FEN, isKeyProject } from './rollup.ts';

describe('budget-weighted roll-up', () => {
  it.each([
    { name: 'one entry is its own score', entries: [{ score: 9108, budgetFen: 50_000_00 }], score: 9108, counted: 1 },
    {
      name: 'weights by budget: (90 × 3 + 60 × 1) ÷ 4 = 82.50',
      entries: [
        { score: 9000, budgetFen: 300 },
        { score: 6000, budgetFen: 100 },
      ],
      score: 8250,
      counted: 2,
    },
    {
      name: 'rounds half up in hundredths: (1 × 1 + 2 × 1) ÷ 2 = 1.5 hundredths → 2',
      entries: [
        { score: 1, budgetFen: 1 },
        { score: 2, budgetFen: 1 },
      ],
      score: 2,
      counted: 2,
    },
    {
      name: 'leaves out entries without a score or a budget',
      entries: [
        { score: 8000, budgetFen: 100 },
        { score: null, budgetFen: 900 },
        { score: 1000, budgetFen: 0 },
      ],
      score: 8000,
      counted: 1,
    },
    { name: 'nothing to weigh', entries: [{ score: null, budgetFen: 100 }], score: undefined, counted: 0 },
  ])('$name', ({ entries, score, counted }) => {
    const result = budgetWeightedScore(entries);
    expect(result.score).toBe(score);
    expect(result.counted).toBe(counted);
    expect(result.notCounted).toBe(entries.length - counted);
  });

  it('stays exact with budgets of billions of yuan', () => {
    const result = budgetWeightedScore([
      { score: 9952, budgetFen: 288_000_000_00 },
      { score: 9108, budgetFen: 1 },
    ]);
    expect(result.score).toBe(9952);
    expect(result.weightFen).toBe(288_000_000_01);
  });

  it('lies between the lowest and highest score counted', () => {
    const entry = fc.record({ score: fc.integer({ min: 0, max: 10_000 }), budgetFen: fc.integer({ min: 1, max: 10 ** 12 }) });
    fc.assert(
      fc.property(fc.array(entry, { minLength: 1, maxLength: 30 }), (entries) => {
        const { score } = budgetWeightedScore(entries);
        const scores = entries.map((e) => e.score);
        expect(score).toBeGreaterThanOrEqual(Math.min(...scores));
        expect(score).toBeLessThanOrEqual(Math.max(...scores));
      }),
    );
  });

  it('a key project reaches the threshold, 100 万元 by default', () => {
    expect(isKeyProject(DEFAULT_KEY_PROJECT_FEN)).toBe(true);
    expect(isKeyProject(DEFAULT_KEY_PROJECT_FEN - 1)).toBe(false);
    expect(isKeyProject(5_000_00, 5_000_00)).toBe(true);
  });
});
