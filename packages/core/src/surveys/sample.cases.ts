import type { Fraction } from '../numbers/decimal.ts';
import type { Confidence } from './sample.ts';

const share = (num: number, den: number): Fraction => ({ num: BigInt(num), den: BigInt(den) });

export interface PlanCase {
  readonly name: string;
  readonly population?: number;
  readonly confidence: Confidence;
  readonly margin: Fraction;
  readonly responseRate: Fraction;
  readonly required: number;
  readonly invitations: number;
  readonly census?: boolean;
}

/** Expected figures computed by hand from n₀ = Z²·p(1−p)/e² (p = 0.5) and n = n₀/(1 + (n₀−1)/N). */
export const PLAN_CASES: readonly PlanCase[] = [
  {
    name: '95 %, ±5 %, large population: n₀ = 384.16 → 385',
    confidence: '95',
    margin: share(5, 100),
    responseRate: share(1, 1),
    required: 385,
    invitations: 385,
  },
  {
    name: '90 %, ±5 %: n₀ = 270.6025 → 271',
    confidence: '90',
    margin: share(5, 100),
    responseRate: share(1, 1),
    required: 271,
    invitations: 271,
  },
  {
    name: '99 %, ±5 %: n₀ = 663.5776 → 664',
    confidence: '99',
    margin: share(5, 100),
    responseRate: share(1, 1),
    required: 664,
    invitations: 664,
  },
  {
    name: '95 %, ±3 %: n₀ = 1067.11 → 1068',
    confidence: '95',
    margin: share(3, 100),
    responseRate: share(1, 1),
    required: 1068,
    invitations: 1068,
  },
  {
    name: 'N = 1000: 384.16·1000/1383.16 = 277.74 → 278; ÷ 50 % = 555.48 → 556',
    population: 1000,
    confidence: '95',
    margin: share(5, 100),
    responseRate: share(1, 2),
    required: 278,
    invitations: 556,
  },
  {
    name: 'N = 100: 79.51 → 80; ÷ 60 % = 132.5 exceeds N, so everyone is invited',
    population: 100,
    confidence: '95',
    margin: share(5, 100),
    responseRate: share(6, 10),
    required: 80,
    invitations: 100,
    census: true,
  },
  {
    name: 'a population of one needs its one member',
    population: 1,
    confidence: '95',
    margin: share(5, 100),
    responseRate: share(1, 1),
    required: 1,
    invitations: 1,
  },
  {
    name: 'an exact integer is not rounded up: 90 %, e = 0.1645 gives n₀ = 25 exactly',
    confidence: '90',
    margin: share(1645, 10_000),
    responseRate: share(1, 1),
    required: 25,
    invitations: 25,
  },
];

export interface MarginCase {
  readonly name: string;
  readonly responses: number;
  readonly population?: number;
  readonly confidence: Confidence;
  /** Basis points, checked against a 50-digit decimal computation. */
  readonly basisPoints: number | undefined;
  readonly shown?: string;
}

export const MARGIN_CASES: readonly MarginCase[] = [
  { name: '412 responses, 95 %: ±4.83 % (the report sentence ±4.8 %)', responses: 412, confidence: '95', basisPoints: 483, shown: '4.8' },
  { name: '385 responses reach just under ±5 %', responses: 385, confidence: '95', basisPoints: 499, shown: '5.0' },
  { name: '278 of 1000 reach ±5.00 %', responses: 278, population: 1000, confidence: '95', basisPoints: 500 },
  { name: '100 responses, 95 %: ±9.80 %', responses: 100, confidence: '95', basisPoints: 980 },
  { name: 'one response: ±98 %', responses: 1, confidence: '95', basisPoints: 9800 },
  { name: '999 of 1000: ±0.10 %', responses: 999, population: 1000, confidence: '95', basisPoints: 10, shown: '0.1' },
  { name: '90 %, 400 responses: ±4.11 %', responses: 400, confidence: '90', basisPoints: 411 },
  { name: '99 %, 400 responses: ±6.44 %', responses: 400, confidence: '99', basisPoints: 644 },
  { name: '80 of 100: ±4.92 %', responses: 80, population: 100, confidence: '95', basisPoints: 492 },
  { name: 'a census has no sampling error', responses: 100, population: 100, confidence: '95', basisPoints: 0, shown: '0.0' },
  { name: 'no response, no margin', responses: 0, confidence: '95', basisPoints: undefined },
];
