import { type Fraction, fraction, roundHalfUp } from '../numbers/decimal.ts';

/**
 * Sample size and margin of error for estimating a proportion by simple random sampling without
 * replacement (Cochran, Sampling Techniques, 3rd ed., §4.4 and the finite population correction).
 * Everything is exact: Z is a documented three-decimal constant, the inputs are fractions, and the
 * one square root (the margin reached) is taken on bigints with exact half-up rounding, so the shown
 * figure is the correctly rounded value of the formula with those constants — no binary float.
 */

export type Confidence = '90' | '95' | '99';

/**
 * Two-sided standard normal quantiles z(1 − α/2), rounded to three decimals as printed in every
 * statistics table: 90 % → 1.645, 95 % → 1.960, 99 % → 2.576.
 */
export const Z_THOUSANDTHS: Readonly<Record<Confidence, bigint>> = { '90': 1645n, '95': 1960n, '99': 2576n };

export const CONFIDENCE_LEVELS: readonly Confidence[] = ['90', '95', '99'];

/** p = 0.5 maximises p(1 − p): the conservative choice when nothing is known of the share. */
export const DEFAULT_PROPORTION: Fraction = { num: 1n, den: 2n };

export interface SamplePlanInput {
  /** N, the population; absent when it is unknown or very large (no correction). */
  readonly population?: number | undefined;
  readonly confidence: Confidence;
  /** e, the margin of error as a share (0.05 for ±5 %), 0 < e < 1. */
  readonly margin: Fraction;
  /** Expected response rate as a share, 0 < r ≤ 1 (1 when every invitation is answered). */
  readonly responseRate: Fraction;
  readonly proportion?: Fraction | undefined;
}

export interface SamplePlan {
  /** n₀ = Z²·p(1−p)/e², exact. */
  readonly n0: Fraction;
  /** n after the finite population correction (n₀ when N is unknown), exact. */
  readonly n: Fraction;
  /** Valid responses needed: ⌈n⌉. */
  readonly required: number;
  /** Invitations to send: ⌈n / r⌉, never more than N. */
  readonly invitations: number;
  /** ⌈n / r⌉ would exceed N: invite everyone (a census) and expect fewer than `required` answers. */
  readonly census: boolean;
}

function ceilFraction(value: Fraction): bigint {
  const quotient = value.num / value.den;
  return quotient * value.den === value.num ? quotient : quotient + 1n;
}

function zSquared(confidence: Confidence): Fraction {
  const z = Z_THOUSANDTHS[confidence];
  return { num: z * z, den: 1_000_000n };
}

function variance(proportion: Fraction): Fraction {
  return { num: proportion.num * (proportion.den - proportion.num), den: proportion.den * proportion.den };
}

function assertShare(value: Fraction, what: string, allowOne: boolean): void {
  const positive = value.num > 0n;
  const belowOne = allowOne ? value.num <= value.den : value.num < value.den;
  if (!positive || !belowOne) throw new RangeError(`${what} must be in (0, 1${allowOne ? ']' : ')'}`);
}

/** The planned sample: n₀, the finite population correction n = n₀ / (1 + (n₀ − 1)/N), then ÷ r, rounded up. */
export function planSample(input: SamplePlanInput): SamplePlan {
  const { margin, responseRate } = input;
  const proportion = input.proportion ?? DEFAULT_PROPORTION;
  assertShare(margin, 'margin', false);
  assertShare(responseRate, 'responseRate', true);
  assertShare(proportion, 'proportion', false);
  const z2 = zSquared(input.confidence);
  const pq = variance(proportion);
  // n₀ = z2 · pq / e²
  const n0 = fraction(z2.num * pq.num * margin.den * margin.den, z2.den * pq.den * margin.num * margin.num);
  const population = input.population;
  let n = n0;
  if (population !== undefined) {
    if (!Number.isSafeInteger(population) || population < 1) throw new RangeError('population must be a positive integer');
    const bigN = BigInt(population);
    // n₀ / (1 + (n₀ − 1)/N) = n₀·N / (N + n₀ − 1)
    n = fraction(n0.num * bigN * n0.den, n0.den * (bigN * n0.den + n0.num - n0.den));
  }
  const required = ceilFraction(n);
  let invitations = ceilFraction(fraction(n.num * responseRate.den, n.den * responseRate.num));
  let census = false;
  if (population !== undefined && invitations > BigInt(population)) {
    invitations = BigInt(population);
    census = true;
  }
  return { n0, n, required: Number(required), invitations: Number(invitations), census };
}

/** ⌊√v⌋ for v ≥ 0, by Newton's method on bigints. */
export function integerSqrt(value: bigint): bigint {
  if (value < 0n) throw new RangeError('square root of a negative number');
  if (value < 2n) return value;
  let x = BigInt(Math.floor(Math.sqrt(Number(value))));
  // Correct the float's guess exactly, whichever side of the root it fell.
  while (x * x > value) x = (x + value / x) / 2n;
  while ((x + 1n) * (x + 1n) <= value) x += 1n;
  return x;
}

/** √(num/den) rounded half up to an integer, exactly. */
export function roundedSqrt(value: Fraction): bigint {
  const floor = integerSqrt(value.num / value.den);
  // Round up when num/den ≥ (floor + ½)², i.e. 4·num ≥ (2·floor + 1)²·den.
  const twice = 2n * floor + 1n;
  return 4n * value.num >= twice * twice * value.den ? floor + 1n : floor;
}

export interface MarginInput {
  /** Valid responses. */
  readonly responses: number;
  readonly population?: number | undefined;
  readonly confidence: Confidence;
  readonly proportion?: Fraction | undefined;
}

/**
 * The margin of error reached with n valid responses of N, in basis points (1/100 of a percent):
 * e = Z·√(p(1−p)/n · (N−n)/(N−1)), the inverse of the planned sample. Undefined for n = 0; 0 when
 * every member answered (n ≥ N). Rounded half up to 0.01 %; shown rounded again to 0.1 %.
 */
export function marginReached(input: MarginInput): number | undefined {
  const { responses, population } = input;
  if (!Number.isSafeInteger(responses) || responses < 0) throw new RangeError('responses must be a non-negative integer');
  if (responses === 0) return undefined;
  const z2 = zSquared(input.confidence);
  const pq = variance(input.proportion ?? DEFAULT_PROPORTION);
  const n = BigInt(responses);
  // e² in basis points squared: 10⁸ · z2 · pq / n · fpc
  let num = 100_000_000n * z2.num * pq.num;
  let den = z2.den * pq.den * n;
  if (population !== undefined) {
    if (!Number.isSafeInteger(population) || population < 1) throw new RangeError('population must be a positive integer');
    const bigN = BigInt(population);
    if (n >= bigN) return 0;
    num *= bigN - n;
    den *= bigN - 1n;
  }
  return Number(roundedSqrt({ num, den }));
}

/** Basis points as a percentage with one decimal, half up: 479 → "4.8". */
export function formatMargin(basisPoints: number): string {
  const tenths = roundHalfUp(BigInt(basisPoints), 10n);
  return `${tenths / 10n}.${tenths % 10n}`;
}
