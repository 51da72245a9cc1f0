import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Direction } from '../model.ts';
import { formatDecimal, parseDecimal, toFraction } from '../numbers/decimal.ts';
import { scorePoints } from '../numbers/points.ts';
import { completion, type Quantity } from './completion.ts';
import { DEFAULT_OPTIONS, type SchemeOptions } from './scheme.ts';

const q = (text: string): Quantity => {
  const value = parseDecimal(text);
  if (!value) throw new Error(`bad decimal ${text}`);
  return { value: toFraction(value), text: formatDecimal(value) };
};

type Row = [direction: Exclude<Direction, 'qualitative'>, target: string, actual: string, score: number, rule: string];

/** Weight 5.00 (= 500 hundredths) throughout; expected scores in hundredths. */
function scoreOf(direction: Row[0], target: string, actual: string, options: Partial<SchemeOptions> = {}) {
  const outcome = completion(direction, q(target), q(actual), { ...DEFAULT_OPTIONS, ...options });
  return { score: scorePoints(500, outcome.share), outcome };
}

describe('≥ and > (正向)', () => {
  it.each<Row>([
    ['>=', '20', '23.39', 500, 'quantitative.at-least'],
    ['>=', '20', '20', 500, 'quantitative.at-least'],
    ['>=', '20', '19.99', 500, 'quantitative.at-least'], // 4.9975 → 5.00 (half up)
    ['>=', '20', '19.98', 500, 'quantitative.at-least'], // 4.995 → 5.00
    ['>=', '20', '19.97', 499, 'quantitative.at-least'], // 4.9925 → 4.99
    ['>=', '100', '95', 475, 'quantitative.at-least'],
    ['>=', '3', '0', 0, 'quantitative.at-least'],
    ['>=', '3', '-1', 0, 'quantitative.at-least'], // never below 0
    ['>=', '0', '0', 500, 'quantitative.zero-target'],
    ['>=', '0', '-0.01', 0, 'quantitative.zero-target'],
    ['>=', '-2', '-3', 250, 'quantitative.at-least.negative-target'],
    ['>=', '-2', '-1', 500, 'quantitative.at-least'],
    ['>=', '-2', '-5', 0, 'quantitative.at-least.negative-target'],
    ['>', '2500', '2684', 500, 'quantitative.at-least'],
    ['>', '2500', '2500', 500, 'quantitative.at-least'], // a strict target met exactly earns full marks
    ['>', '2500', '2000', 400, 'quantitative.at-least'],
  ])('%s target %s actual %s → %i', (direction, target, actual, expected, rule) => {
    const { score, outcome } = scoreOf(direction, target, actual);
    expect(score).toBe(expected);
    expect(outcome.rule).toBe(rule);
  });
});

describe('≤ and < (反向), both variants', () => {
  it.each<[...Row, SchemeOptions['lessOrEqualVariant']]>([
    ['<=', '3', '3', 500, 'quantitative.at-most.ratio', 'ratio'],
    ['<=', '3', '2', 500, 'quantitative.at-most.ratio', 'ratio'],
    ['<=', '10', '12', 417, 'quantitative.at-most.ratio', 'ratio'], // 5 × 10/12 = 4.1666…
    ['<=', '10', '12', 400, 'quantitative.at-most.deviation', 'deviation'], // 5 × (1 − 2/10)
    ['<=', '10', '20', 250, 'quantitative.at-most.ratio', 'ratio'],
    ['<=', '10', '20', 0, 'quantitative.at-most.deviation', 'deviation'], // B ≥ 2A → 0
    ['<=', '10', '25', 0, 'quantitative.at-most.deviation', 'deviation'],
    ['<=', '0', '-4.53', 500, 'quantitative.zero-target', 'ratio'], // 成本控制率 ≤ 0%
    ['<=', '0', '0.01', 0, 'quantitative.zero-target', 'ratio'],
    ['<', '0', '-45.81', 500, 'quantitative.zero-target', 'ratio'], // 库存环比 < 0%
    ['<=', '-5', '-6', 500, 'quantitative.at-most.ratio', 'ratio'],
    ['<=', '-5', '-3', 300, 'quantitative.at-most.deviation', 'ratio'], // negative target: deviation form
    ['<=', '-5', '1', 0, 'quantitative.at-most.deviation', 'deviation'],
  ])('%s target %s actual %s → %i (%s, %s)', (direction, target, actual, expected, rule, variant) => {
    const { score, outcome } = scoreOf(direction, target, actual, { lessOrEqualVariant: variant });
    expect(score).toBe(expected);
    expect(outcome.rule).toBe(rule);
  });
});

describe('= (等于)', () => {
  it.each<[...Row, SchemeOptions['equalsMode']]>([
    ['=', '100', '100', 500, 'quantitative.at-least', 'as-at-least'],
    ['=', '100', '120', 500, 'quantitative.at-least', 'as-at-least'],
    ['=', '100', '90', 450, 'quantitative.at-least', 'as-at-least'],
    ['=', '0', '0', 500, 'quantitative.zero-target', 'as-at-least'],
    ['=', '0', '-1', 500, 'quantitative.zero-target', 'as-at-least'], // vendor: A = 0 → B ≤ 0 full
    ['=', '0', '1', 0, 'quantitative.zero-target', 'as-at-least'],
    ['=', '100', '100', 500, 'quantitative.equals.exact', 'exact'],
    ['=', '100', '120', 400, 'quantitative.equals.exact', 'exact'],
    ['=', '100', '90', 450, 'quantitative.equals.exact', 'exact'],
    ['=', '0', '1', 0, 'quantitative.zero-target', 'exact'],
  ])('%s target %s actual %s → %i (%s, %s)', (direction, target, actual, expected, rule, mode) => {
    const { score, outcome } = scoreOf(direction, target, actual, { equalsMode: mode });
    expect(score).toBe(expected);
    expect(outcome.rule).toBe(rule);
  });
});

describe('comparison text', () => {
  it('shows the deciding comparison with the displayed values', () => {
    expect(scoreOf('>=', '20', '23.39').outcome.comparison).toBe('23.39 ≥ 20');
    expect(scoreOf('>', '2500', '2684').outcome.comparison).toBe('2684 > 2500');
    expect(scoreOf('<=', '3', '3').outcome.comparison).toBe('3 ≤ 3');
    expect(scoreOf('>=', '12', '10').outcome.comparison).toBe('10 < 12');
    expect(scoreOf('<=', '10', '12').outcome.formula).toBe('W × 10 ÷ 12');
  });
});

const decimalText = fc
  .tuple(fc.integer({ min: -1_000_000, max: 1_000_000 }), fc.integer({ min: 0, max: 4 }))
  .map(([units, scale]) => formatDecimal({ units: BigInt(units), scale }));
const direction = fc.constantFrom<Row[0]>('>=', '>', '<=', '<', '=');
const variants = fc.record({
  lessOrEqualVariant: fc.constantFrom<SchemeOptions['lessOrEqualVariant']>('ratio', 'deviation'),
  equalsMode: fc.constantFrom<SchemeOptions['equalsMode']>('as-at-least', 'exact'),
});

describe('properties', () => {
  it('every score lies in [0, W] for any direction, target, actual and weight', () => {
    fc.assert(
      fc.property(
        direction,
        decimalText,
        decimalText,
        fc.integer({ min: 0, max: 10_000 }),
        variants,
        (dir, target, actual, weight, options) => {
          const outcome = completion(dir, q(target), q(actual), options);
          const score = scorePoints(weight, outcome.share);
          expect(score).toBeGreaterThanOrEqual(0);
          expect(score).toBeLessThanOrEqual(weight);
          if (outcome.met) expect(score).toBe(weight);
        },
      ),
    );
  });

  it('the score of a ≥ indicator never falls when the actual rises', () => {
    fc.assert(
      fc.property(decimalText, decimalText, decimalText, (target, a, b) => {
        const [low, high] = [q(a), q(b)].sort((x, y) => Number(x.value.num * y.value.den - y.value.num * x.value.den));
        if (!low || !high) return;
        const scoreLow = scorePoints(500, completion('>=', q(target), low, DEFAULT_OPTIONS).share);
        const scoreHigh = scorePoints(500, completion('>=', q(target), high, DEFAULT_OPTIONS).share);
        expect(scoreHigh).toBeGreaterThanOrEqual(scoreLow);
      }),
    );
  });

  it('the score of a ≤ indicator never rises when the actual rises', () => {
    fc.assert(
      fc.property(decimalText, decimalText, decimalText, variants, (target, a, b, options) => {
        const [low, high] = [q(a), q(b)].sort((x, y) => Number(x.value.num * y.value.den - y.value.num * x.value.den));
        if (!low || !high) return;
        const scoreLow = scorePoints(500, completion('<=', q(target), low, options).share);
        const scoreHigh = scorePoints(500, completion('<=', q(target), high, options).share);
        expect(scoreHigh).toBeLessThanOrEqual(scoreLow);
      }),
    );
  });
});
