import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareDecimal, type Decimal, formatDecimal, parseDecimal } from '../numbers/decimal.ts';
import {
  DEFAULT_SUGGESTION_RULE,
  peerStatistics,
  type SuggestionInput,
  statisticRanks,
  statisticsFromRanks,
  suggestionRuleWith,
  suggestTarget,
} from './suggest.ts';

const d = (text: string): Decimal => {
  const value = parseDecimal(text);
  if (!value) throw new Error(text);
  return value;
};
function defined<T>(value: T | undefined): T {
  if (value === undefined) throw new Error('expected a value');
  return value;
}
const shown = (value: Decimal | undefined) => formatDecimal(defined(value));
const statsText = (values: string[]) => {
  const stats = defined(peerStatistics(values.map(d)));
  return [stats.count, ...[stats.min, stats.q1, stats.median, stats.q3, stats.max].map(formatDecimal)];
};

describe('peerStatistics (QUARTILE.INC)', () => {
  it.each([
    [['7'], [1, '7', '7', '7', '7', '7']],
    [
      ['1', '2'],
      [2, '1', '1.25', '1.5', '1.75', '2'],
    ],
    [
      ['1', '2', '3', '4'],
      [4, '1', '1.75', '2.5', '3.25', '4'],
    ],
    [
      ['250', '50', '150', '100', '200'],
      [5, '50', '100', '150', '200', '250'],
    ],
    [
      ['0.1', '0.25', '0.3', '10', '12', '15'],
      [6, '0.1', '0.2625', '5.15', '11.5', '15'],
    ],
    [
      ['-3', '1.5', '2'],
      [3, '-3', '-0.75', '1.5', '1.75', '2'],
    ],
  ])('%j', (values, expected) => {
    expect(statsText(values)).toEqual(expected);
  });

  it('has none for no values', () => {
    expect(peerStatistics([])).toBeUndefined();
  });
});

const PEERS_23 = Array.from({ length: 23 }, (_, index) => decimalText(130 + index * 2 - (index > 11 ? 4 : 0)));
function decimalText(value: number): Decimal {
  return d(String(value));
}

describe('suggestTarget', () => {
  it('names its inputs: no lower than last year’s actual and the peers’ median', () => {
    const peers = Array.from({ length: 23 }, (_, index) => d(String(index < 11 ? 140 : index === 11 ? 150 : 160)));
    const suggestion = suggestTarget({ direction: '>=', unit: '个', lastYearActual: d('168'), peerTargets: peers });
    expect(shown(suggestion.target)).toBe('168');
    expect(suggestion.bound).toBe('atLeast');
    expect(suggestion.explanation).toBe('上年实际值 168 个、同类 23 个项目目标值中位数 150 个，建议不低于 168 个');
    expect(suggestion.explanationEn).toBe(
      "Last year's actual 168 个, the median target of 23 peer projects 150 个: suggest no lower than 168 个",
    );
  });

  it('takes the peers’ median when it is higher', () => {
    const suggestion = suggestTarget({ direction: '>', unit: '个', lastYearActual: d('120'), peerTargets: PEERS_23 });
    expect(shown(suggestion.target)).toBe(shown(peerStatistics(PEERS_23)?.median));
  });

  it('for ≤ suggests no higher than either', () => {
    const peers = ['2.4', '2.5', '2.6', '2.8', '3'].map(d);
    const suggestion = suggestTarget({ direction: '<=', unit: '万元', lastYearActual: d('2.55'), peerTargets: peers });
    expect(shown(suggestion.target)).toBe('2.55');
    expect(suggestion.explanation).toBe('上年实际值 2.55 万元、同类 5 个项目目标值中位数 2.6 万元，建议不高于 2.55 万元');
  });

  it('ignores the peers below the minimum count', () => {
    const suggestion = suggestTarget({ direction: '>=', lastYearActual: d('10'), peerTargets: ['50', '60', '70', '80'].map(d) });
    expect(suggestion.inputs.map((input) => input.source)).toEqual(['lastYearActual']);
    expect(suggestion.peerTargets?.count).toBe(4);
    expect(suggestion.explanation).toBe('上年实际值 10，建议不低于 10');
  });

  it('follows a configured rule', () => {
    const suggestion = suggestTarget(
      { direction: '>=', lastYearTarget: d('100'), lastYearActual: d('90'), peerTargets: [], peerActuals: ['95', '96', '97'].map(d) },
      { sources: ['lastYearTarget', 'peerActualMedian'], minPeers: 3 },
    );
    expect(shown(suggestion.target)).toBe('100');
    expect(suggestion.explanation).toBe('上年目标值 100、同类 3 个项目实际值中位数 96，建议不低于 100');
  });

  it('says why there is no suggestion', () => {
    const none = suggestTarget({ direction: '>=', peerTargets: [] });
    expect(none.target).toBeUndefined();
    expect(none.explanation).toBe('无上年实际值，且同类项目不足 5 个，暂无建议');
    expect(suggestTarget({ direction: 'qualitative', lastYearActual: d('1'), peerTargets: [] }).target).toBeUndefined();
    expect(suggestTarget({ direction: '=', lastYearActual: d('1'), peerTargets: [] }).target).toBeUndefined();
  });
});

const decimal = fc
  .tuple(fc.bigInt({ min: -10_000_000n, max: 10_000_000n }), fc.integer({ min: 0, max: 4 }))
  .map(([units, scale]): Decimal => ({ units, scale }));

const input = fc.record({
  direction: fc.constantFrom<SuggestionInput['direction']>('>=', '>', '<=', '<'),
  lastYearActual: fc.option(decimal, { nil: undefined }),
  peerTargets: fc.array(decimal, { maxLength: 30 }),
});

describe('suggestTarget properties', () => {
  it('a ≥ suggestion is never below last year’s actual nor, with enough peers, their median; a ≤ one never above', () => {
    fc.assert(
      fc.property(input, (value) => {
        const suggestion = suggestTarget(value);
        const median = peerStatistics(value.peerTargets)?.median;
        const floors = [value.lastYearActual, value.peerTargets.length >= 5 ? median : undefined].filter((x) => x !== undefined);
        if (floors.length === 0) return suggestion.target === undefined;
        const target = defined(suggestion.target);
        const sign = value.direction.startsWith('>') ? 1 : -1;
        return (
          floors.every((floor) => compareDecimal(target, floor) * sign >= 0) && floors.some((floor) => compareDecimal(target, floor) === 0)
        );
      }),
    );
  });

  it('quartiles are ordered and within the values', () => {
    fc.assert(
      fc.property(fc.array(decimal, { minLength: 1, maxLength: 40 }), (values) => {
        const stats = defined(peerStatistics(values));
        const chain = [stats.min, stats.q1, stats.median, stats.q3, stats.max];
        return chain.every((value, index) => index === 0 || compareDecimal(defined(chain[index - 1]), value) <= 0);
      }),
    );
  });

  it('statistics do not depend on the order of the values', () => {
    fc.assert(
      fc.property(fc.array(decimal, { minLength: 1, maxLength: 20 }), (values) => {
        const forward = defined(peerStatistics(values));
        const backward = defined(peerStatistics([...values].reverse()));
        return [forward.q1, forward.median, forward.q3].every(
          (value, index) => compareDecimal(value, defined([backward.q1, backward.median, backward.q3][index])) === 0,
        );
      }),
    );
  });
});

describe('statisticRanks and statisticsFromRanks (what SQL sends)', () => {
  it.each([
    [1, [0]],
    [2, [0, 1]],
    [4, [0, 1, 2, 3]],
    [5, [0, 1, 2, 3, 4]],
    [9, [0, 2, 4, 6, 8]],
    [10, [0, 2, 3, 4, 5, 6, 7, 9]],
    [10_000, [0, 2499, 2500, 4999, 5000, 7499, 7500, 9999]],
  ])('%i values read ranks %j', (count, ranks) => {
    expect(statisticRanks(count)).toEqual(ranks);
  });

  it('reads no rank of no values', () => {
    expect(statisticRanks(0)).toEqual([]);
    expect(statisticsFromRanks(0, () => undefined)).toBeUndefined();
  });

  it('the ranks alone give the statistics of the whole list', () => {
    fc.assert(
      fc.property(fc.array(decimal, { minLength: 1, maxLength: 60 }), (values) => {
        const sorted = [...values].sort(compareDecimal);
        const wanted = new Set(statisticRanks(sorted.length));
        const fromRanks = defined(statisticsFromRanks(sorted.length, (rank) => (wanted.has(rank) ? sorted[rank] : undefined)));
        const whole = defined(peerStatistics(values));
        const keys = ['min', 'q1', 'median', 'q3', 'max'] as const;
        return fromRanks.count === whole.count && keys.every((key) => compareDecimal(fromRanks[key], whole[key]) === 0);
      }),
    );
  });
});

describe('suggestionRuleWith (control settings targetSuggestion)', () => {
  it.each<[unknown, unknown]>([
    [undefined, DEFAULT_SUGGESTION_RULE],
    [{}, DEFAULT_SUGGESTION_RULE],
    [{ minPeers: 8 }, { sources: ['lastYearActual', 'peerTargetMedian'], minPeers: 8 }],
    [{ sources: ['lastYearTarget', 'lastYearTarget'] }, { sources: ['lastYearTarget'], minPeers: 5 }],
  ])('%j → %j', (overrides, rule) => {
    expect(suggestionRuleWith(overrides)).toEqual(rule);
  });

  it.each<[unknown, string]>([
    [[1], '应为对象'],
    [{ sources: [] }, 'sources 应为非空列表'],
    [{ sources: ['peerMean'] }, 'sources 中的“peerMean”不是可用的依据'],
    [{ minPeers: 0 }, 'minPeers 应为 1 至 1000 的整数，读到 0'],
    [{ minPeers: '5' }, 'minPeers 应为 1 至 1000 的整数，读到 "5"'],
  ])('refuses %j', (overrides, message) => {
    expect(() => suggestionRuleWith(overrides)).toThrow(message);
  });
});

describe('suggestTarget with statistics computed elsewhere', () => {
  it('uses the given statistics over the lists', () => {
    const stats = defined(peerStatistics(['140', '150', '160', '170', '180'].map(d)));
    const suggestion = suggestTarget({ direction: '>=', lastYearActual: d('120'), peerTargets: [], peerTargetStatistics: stats });
    expect(shown(suggestion.target)).toBe('160');
  });
});
