import type { SampleCandidate, SampleRule } from './sampling.ts';

/** A population of 12: three departments, budgets spread over the default bands (fen). */
export const POPULATION: readonly SampleCandidate[] = [
  ['e01', 'A', 50_000_000],
  ['e02', 'A', 80_000_000],
  ['e03', 'A', 120_000_000],
  ['e04', 'A', 600_000_000],
  ['e05', 'B', 10_000_000],
  ['e06', 'B', 99_999_999],
  ['e07', 'B', 100_000_000],
  ['e08', 'B', 300_000_000],
  ['e09', 'B', 500_000_000],
  ['e10', 'C', 20_000_000],
  ['e11', 'C', 30_000_000],
  ['e12', 'C', 40_000_000],
].map(([id, department, budgetFen]) => ({
  id: id as string,
  departmentId: department as string,
  departmentName: `部门${department as string}`,
  budgetFen: budgetFen as number,
}));

const none: SampleRule = { thresholdFen: null, random: null, include: [], exclude: [] };

export interface SampleCase {
  readonly name: string;
  readonly rule: SampleRule;
  /** How many by each reason. */
  readonly counts: { threshold: number; random: number; manual: number };
  /** Ids that must be in the sample. */
  readonly includes?: readonly string[];
  /** Ids that must not be in it. */
  readonly excludes?: readonly string[];
  /** Per stratum: label → drawn. */
  readonly strata?: Readonly<Record<string, number>>;
}

export const SAMPLE_CASES: readonly SampleCase[] = [
  {
    name: 'random 20 % of 12 is ⌈2.4⌉ = 3',
    rule: { ...none, random: { shareBasisPoints: 2000, stratify: 'none', bandsFen: [] } },
    counts: { threshold: 0, random: 3, manual: 0 },
  },
  {
    name: 'stratified by department: ⌈20 % × 4⌉ = 1, ⌈20 % × 5⌉ = 1, ⌈20 % × 3⌉ = 1',
    rule: { ...none, random: { shareBasisPoints: 2000, stratify: 'department', bandsFen: [] } },
    counts: { threshold: 0, random: 3, manual: 0 },
    strata: { 部门A: 1, 部门B: 1, 部门C: 1 },
  },
  {
    name: 'stratified by department at 50 %: 2, 3 (⌈2.5⌉), 2 (⌈1.5⌉)',
    rule: { ...none, random: { shareBasisPoints: 5000, stratify: 'department', bandsFen: [] } },
    counts: { threshold: 0, random: 7, manual: 0 },
    strata: { 部门A: 2, 部门B: 3, 部门C: 2 },
  },
  {
    name: 'stratified by amount band: below ¥1m 7, ¥1m–5m 3, ¥5m+ 2, at least one each at 1 %',
    rule: { ...none, random: { shareBasisPoints: 100, stratify: 'amount', bandsFen: [100_000_000, 500_000_000] } },
    counts: { threshold: 0, random: 3, manual: 0 },
    strata: { '100万元以下': 1, '100万元至500万元': 1, '500万元及以上': 1 },
  },
  {
    name: 'threshold ≥ ¥5,000,000 takes e04 and e09 (equal to the threshold is in)',
    rule: { ...none, thresholdFen: 500_000_000 },
    counts: { threshold: 2, random: 0, manual: 0 },
    includes: ['e04', 'e09'],
    excludes: ['e08'],
  },
  {
    name: 'threshold + random 20 % among the other ten: ⌈2⌉ = 2',
    rule: { ...none, thresholdFen: 500_000_000, random: { shareBasisPoints: 2000, stratify: 'none', bandsFen: [] } },
    counts: { threshold: 2, random: 2, manual: 0 },
    includes: ['e04', 'e09'],
  },
  {
    name: 'manual only, an unknown id and a repeat ignored',
    rule: { ...none, include: ['e05', 'e11', 'e05', 'nope'] },
    counts: { threshold: 0, random: 0, manual: 2 },
    includes: ['e05', 'e11'],
  },
  {
    name: 'removed by hand wins over the threshold; the manual pick already over the threshold counts once',
    rule: { ...none, thresholdFen: 500_000_000, include: ['e04', 'e01'], exclude: ['e09'] },
    counts: { threshold: 1, random: 0, manual: 1 },
    includes: ['e04', 'e01'],
    excludes: ['e09'],
  },
  {
    name: '100 % takes everyone',
    rule: { ...none, random: { shareBasisPoints: 10_000, stratify: 'department', bandsFen: [] } },
    counts: { threshold: 0, random: 12, manual: 0 },
  },
];
