import { describe, expect, it } from 'vitest';
import { averageScore, coverage, excellentGoodRate, overdueStep, rank, scoreDistribution } from './aggregates.ts';
import {
  ANOMALY_CODES,
  anomaliesOf,
  anomalyRule,
  DEFAULT_ANOMALY_OPTIONS,
  executionBasisPoints,
  findAnomalies,
  overviewFacts,
} from './anomalies.ts';
import { ANOMALY_CASES } from './overview.cases.ts';

describe('anomaly rules', () => {
  it.each(ANOMALY_CASES)('$name', ({ input, codes, detail }) => {
    const found = findAnomalies(input);
    expect(found.map((anomaly) => anomaly.code)).toEqual(codes);
    if (detail !== undefined) expect(found[0]?.detail).toBe(detail);
  });

  it('names its thresholds in the rule, from the configuration', () => {
    expect(anomalyRule('EXECUTION_LOW_NO_REASON')).toBe('预算执行率低于 90% 且未说明原因');
    const options = { ...DEFAULT_ANOMALY_OPTIONS, highScoreFloor: 85, lowSpendingBelowPercent: 70 };
    expect(anomalyRule('HIGH_SCORE_LOW_SPENDING', options)).toBe('自评 85 分及以上而预算执行率低于 70%（高分低支）');
    const input = ANOMALY_CASES[0]?.input;
    if (!input) throw new Error('no base case');
    expect(
      findAnomalies({ ...input, selfScore: 8500, executedFen: 69_000_00, executionReasonGiven: true }, options).map((a) => a.code),
    ).toEqual(['HIGH_SCORE_LOW_SPENDING']);
  });

  it.each(ANOMALY_CASES)('the stored facts of "$name" give back the same anomalies', ({ input }) => {
    const facts = overviewFacts(input);
    expect(JSON.parse(JSON.stringify(facts))).toEqual(facts);
    expect(anomaliesOf(facts)).toEqual(findAnomalies(input));
    expect(facts.selfScore).toBe(input.selfScore);
  });

  it('every code has a label and a rule', () => {
    for (const code of ANOMALY_CODES) expect(anomalyRule(code).length).toBeGreaterThan(5);
  });

  it.each([
    [9952, 10000, 9952],
    [2, 3, 6667],
    [1, 3, 3333],
    [0, 100, 0],
  ])('execution %i of %i fen is %i basis points', (executed, adjusted, expected) => {
    expect(executionBasisPoints(executed, adjusted)).toBe(expected);
  });
  it('no budget, no rate', () => expect(executionBasisPoints(5, 0)).toBeUndefined());
});

describe('aggregates', () => {
  it('distributes scores over the bands with inclusive floors', () => {
    expect(scoreDistribution([10000, 9000, 8999, 8000, 7999, 6000, 5999, 0])).toEqual({ 优: 2, 良: 2, 中: 2, 差: 2 });
    expect(scoreDistribution([8600], { gradeFloors: { excellent: 85, good: 80, fair: 60 } })).toEqual({ 优: 1, 良: 0, 中: 0, 差: 0 });
  });

  it('优良率 and coverage are exact fractions', () => {
    expect(excellentGoodRate({ 优: 2, 良: 1, 中: 1, 差: 0 })).toEqual({ num: 3n, den: 4n });
    expect(excellentGoodRate({ 优: 0, 良: 0, 中: 0, 差: 0 })).toBeUndefined();
    expect(coverage(3, 4)).toEqual({ num: 3n, den: 4n });
    expect(coverage(0, 0)).toBeUndefined();
  });

  it('averages half up in hundredths', () => {
    expect(averageScore([9952, 8500])).toBe(9226);
    expect(averageScore([1, 2])).toBe(2);
    expect(averageScore([])).toBeUndefined();
  });

  const deadlines = { submit: '2025-03-31', review: '2025-04-30', finance: '2025-05-31' };
  it.each([
    ['draft', '2025-04-01', 'submit'],
    ['draft', '2025-03-31', undefined],
    ['returned', '2025-04-01', 'submit'],
    ['submitted', '2025-04-30', undefined],
    ['submitted', '2025-05-01', 'review'],
    ['department_approved', '2025-06-01', 'finance'],
    ['finance_approved', '2026-01-01', undefined],
    ['published', '2026-01-01', undefined],
  ] as const)('%s on %s: overdue %s', (status, today, expected) => {
    expect(overdueStep(status, deadlines, today)).toBe(expected);
  });
  it('no deadline, never overdue', () =>
    expect(overdueStep('draft', { submit: null, review: null, finance: null }, '2030-01-01')).toBeUndefined());

  it('ranks with shared places, unscored last', () => {
    const ranked = rank(
      [
        { id: 'a', score: 8000 },
        { id: 'b', score: undefined },
        { id: 'c', score: 9000 },
        { id: 'd', score: 8000 },
        { id: 'e', score: 7000 },
      ],
      (entry) => entry.score,
    );
    expect(ranked.map(({ entry, rank: place }) => `${entry.id}${place ?? '-'}`)).toEqual(['c1', 'a2', 'd2', 'e4', 'b-']);
  });
});
