import type { Direction } from '../model.ts';
import { compareFraction, type Fraction, fraction, ONE, ZERO } from '../numbers/decimal.ts';
import type { RuleId } from './rules.ts';
import type { SchemeOptions } from './scheme.ts';

/** A target or actual value with the text it is shown as. */
export interface Quantity {
  readonly value: Fraction;
  readonly text: string;
}

/**
 * How far an indicator reached its target: `share` ∈ [0, 1] is the part of the weight it earns.
 * `formula` renders the arithmetic for a given weight and score, for the explanation.
 */
export interface Completion {
  readonly met: boolean;
  readonly share: Fraction;
  readonly rule: RuleId;
  /** e.g. "23.39 ≥ 20" or "12 > 10"; the comparison that decided the case. */
  readonly comparison: string;
  /** The arithmetic after "→" when not met, with W for the weight: "W × 10 ÷ 12". */
  readonly formula?: string;
}

type QuantitativeDirection = Exclude<Direction, 'qualitative'>;

const sign = (value: Fraction): -1 | 0 | 1 => (value.num < 0n ? -1 : value.num > 0n ? 1 : 0);
// Equal denominators (targets and actuals are aligned to one scale) cancel without multiplying.
const sub = (a: Fraction, b: Fraction): Fraction =>
  a.den === b.den ? { num: a.num - b.num, den: a.den } : fraction(a.num * b.den - b.num * a.den, a.den * b.den);
const div = (a: Fraction, b: Fraction): Fraction => (a.den === b.den ? fraction(a.num, b.num) : fraction(a.num * b.den, a.den * b.num));
const abs = (a: Fraction): Fraction => (a.num < 0n ? { num: -a.num, den: a.den } : a);
const clampShare = (value: Fraction): Fraction => (value.num <= 0n ? ZERO : value.num >= value.den ? ONE : value);
/** 1 − x */
const oneMinus = (x: Fraction): Fraction => fraction(x.den - x.num, x.den);

const SYMBOL = { gt: '>', ge: '≥', lt: '<', le: '≤', eq: '=' } as const;

/**
 * The comparison that decided the case, as shown in the explanation. A met target is shown with the
 * indicator's own condition ("23.39 ≥ 20", "3 ≤ 3"); a missed one with the actual relation ("10 < 12").
 */
function relation(direction: QuantitativeDirection, target: Quantity, actual: Quantity, met: boolean): string {
  const order = compareFraction(actual.value, target.value);
  let symbol: string;
  if (!met) symbol = order > 0 ? SYMBOL.gt : order < 0 ? SYMBOL.lt : SYMBOL.eq;
  else if (order === 0) symbol = direction === '=' ? SYMBOL.eq : direction === '>' || direction === '>=' ? SYMBOL.ge : SYMBOL.le;
  else if (order > 0) symbol = direction === '>' ? SYMBOL.gt : SYMBOL.ge;
  else symbol = direction === '<' ? SYMBOL.lt : SYMBOL.le;
  return `${actual.text} ${symbol} ${target.text}`;
}

/**
 * Completion of a quantitative indicator by direction (docs/rules.md §7.1). A = target, B = actual.
 * Strict `>` / `<` are scored like `≥` / `≤`: the official formulas know only 正向, 反向 and 等于,
 * and an actual exactly on a strict target earns the full weight (documented in docs/scoring.md).
 */
export function completion(
  direction: QuantitativeDirection,
  target: Quantity,
  actual: Quantity,
  options: Pick<SchemeOptions, 'lessOrEqualVariant' | 'equalsMode'>,
): Completion {
  const outcome = decide(direction, target, actual, options);
  return { ...outcome, comparison: relation(direction, target, actual, outcome.met) };
}

type Decision = Omit<Completion, 'comparison'>;

function decide(
  direction: QuantitativeDirection,
  target: Quantity,
  actual: Quantity,
  options: Pick<SchemeOptions, 'lessOrEqualVariant' | 'equalsMode'>,
): Decision {
  const A = target.value;
  const B = actual.value;
  switch (direction) {
    case '>=':
    case '>':
      return atLeast(A, B, target, actual);
    case '<=':
    case '<':
      return atMost(A, B, target, actual, options.lessOrEqualVariant);
    case '=':
      if (options.equalsMode === 'exact' || sign(A) < 0) return exactly(A, B, target, actual);
      return sign(A) === 0 ? zeroTarget('<=', B) : atLeast(A, B, target, actual);
  }
}

function zeroTarget(kind: '>=' | '<=', B: Fraction): Decision {
  const met = kind === '>=' ? sign(B) >= 0 : sign(B) <= 0;
  return { met, share: met ? ONE : ZERO, rule: 'quantitative.zero-target' };
}

function atLeast(A: Fraction, B: Fraction, target: Quantity, actual: Quantity): Decision {
  if (sign(A) === 0) return zeroTarget('>=', B);
  if (compareFraction(B, A) >= 0) return { met: true, share: ONE, rule: 'quantitative.at-least' };
  if (sign(A) > 0) {
    return {
      met: false,
      share: clampShare(div(B, A)),
      rule: 'quantitative.at-least',
      formula: `W × ${actual.text} ÷ ${target.text}`,
    };
  }
  // A < 0: the shortfall measured against |A|.
  return {
    met: false,
    share: clampShare(oneMinus(div(sub(A, B), abs(A)))),
    rule: 'quantitative.at-least.negative-target',
    formula: `W × (1 − (${target.text} − ${actual.text}) ÷ |${target.text}|)`,
  };
}

function atMost(A: Fraction, B: Fraction, target: Quantity, actual: Quantity, variant: SchemeOptions['lessOrEqualVariant']): Decision {
  if (sign(A) === 0) return zeroTarget('<=', B);
  const ruleFor = variant === 'ratio' ? 'quantitative.at-most.ratio' : 'quantitative.at-most.deviation';
  if (compareFraction(B, A) <= 0) return { met: true, share: ONE, rule: ruleFor };
  if (variant === 'ratio' && sign(A) > 0) {
    return { met: false, share: clampShare(div(A, B)), rule: ruleFor, formula: `W × ${target.text} ÷ ${actual.text}` };
  }
  // The deviation form; with a negative target A/B is meaningless, so it is used for both variants.
  return {
    met: false,
    share: clampShare(oneMinus(div(sub(B, A), abs(A)))),
    rule: 'quantitative.at-most.deviation',
    formula: `W × (1 − (${actual.text} − ${target.text}) ÷ |${target.text}|)`,
  };
}

function exactly(A: Fraction, B: Fraction, target: Quantity, actual: Quantity): Decision {
  if (compareFraction(A, B) === 0) return { met: true, share: ONE, rule: 'quantitative.equals.exact' };
  if (sign(A) === 0) return { met: false, share: ZERO, rule: 'quantitative.zero-target' };
  return {
    met: false,
    share: clampShare(oneMinus(div(abs(sub(B, A)), abs(A)))),
    rule: 'quantitative.equals.exact',
    formula: `W × (1 − |${actual.text} − ${target.text}| ÷ |${target.text}|)`,
  };
}

/** B ÷ A as an exact fraction for the "target possibly too low" check; undefined when A ≤ 0. */
export function achievementRatio(target: Fraction, actual: Fraction): Fraction | undefined {
  if (sign(target) <= 0) return undefined;
  return div(actual, target);
}
