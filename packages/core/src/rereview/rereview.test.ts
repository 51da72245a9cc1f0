import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { averageDeviation, checkRescores, deviation, parseScore } from './rescore.ts';
import { POPULATION, SAMPLE_CASES } from './sampling.cases.ts';
import { amountBand, checkRule, drawCount, drawSample, type SampleCandidate, type SampleRule, seededRank } from './sampling.ts';

describe('drawing the sample', () => {
  it.each(SAMPLE_CASES)('$name', ({ rule, counts, includes, excludes, strata }) => {
    const result = drawSample(POPULATION, rule, 'seed-2024');
    const ids = result.picks.map((pick) => pick.id);
    const count = (reason: string) => result.picks.filter((pick) => pick.reason === reason).length;
    expect({ threshold: count('threshold'), random: count('random'), manual: count('manual') }).toEqual(counts);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of includes ?? []) expect(ids).toContain(id);
    for (const id of excludes ?? []) expect(ids).not.toContain(id);
    if (strata) expect(Object.fromEntries(result.strata.map((stratum) => [stratum.label, stratum.drawn]))).toEqual(strata);
  });

  it('is reproducible: the same seed on the same population, listed in any order, gives the same sample', () => {
    const rule: SampleRule = {
      thresholdFen: null,
      random: { shareBasisPoints: 3000, stratify: 'none', bandsFen: [] },
      include: [],
      exclude: [],
    };
    const first = drawSample(POPULATION, rule, 'abc');
    expect(drawSample([...POPULATION].reverse(), rule, 'abc')).toEqual(first);
    const others = ['b', 'c', 'd', 'e', 'f', 'g'].map((seed) =>
      drawSample(POPULATION, rule, seed)
        .picks.map((pick) => pick.id)
        .join(),
    );
    expect(new Set([first.picks.map((pick) => pick.id).join(), ...others]).size).toBeGreaterThan(1);
  });

  it('a stratified random pick says its stratum; threshold and manual picks do not', () => {
    const result = drawSample(
      POPULATION,
      {
        thresholdFen: 500_000_000,
        random: { shareBasisPoints: 2000, stratify: 'department', bandsFen: [] },
        include: ['e10'],
        exclude: [],
      },
      's',
    );
    for (const pick of result.picks) expect(pick.stratum === null).toBe(pick.reason !== 'random');
  });

  it('counts ⌈n × share⌉, at least one, at most n', () => {
    expect([drawCount(0, 2000), drawCount(1, 1), drawCount(5, 2000), drawCount(6, 2000), drawCount(3, 10_000)]).toEqual([0, 1, 1, 2, 3]);
  });

  it('labels the amount bands', () => {
    const bands = [100_000_000, 500_000_000];
    expect([amountBand(99_999_999, bands).label, amountBand(100_000_000, bands).label, amountBand(500_000_000, bands).label]).toEqual([
      '100万元以下',
      '100万元至500万元',
      '500万元及以上',
    ]);
  });

  it('refuses a rule that draws nothing or a share outside (0, 100 %]', () => {
    expect(checkRule({ thresholdFen: null, random: null, include: [], exclude: [] }).map((problem) => problem.field)).toEqual(['rule']);
    expect(
      checkRule({
        thresholdFen: 0,
        random: { shareBasisPoints: 10_001, stratify: 'amount', bandsFen: [5, 5] },
        include: [],
        exclude: [],
      }).map((problem) => problem.field),
    ).toEqual(['thresholdFen', 'random.shareBasisPoints', 'random.bandsFen[1]']);
  });

  it('ranks by seed and id alone', () => {
    expect(seededRank('s', 'e01')).toBe(seededRank('s', 'e01'));
    expect(seededRank('s', 'e01')).not.toBe(seededRank('t', 'e01'));
  });
});

const candidate = fc.record({
  id: fc.uuid(),
  departmentId: fc.constantFrom('A', 'B', 'C', 'D'),
  departmentName: fc.constant('部门'),
  budgetFen: fc.integer({ min: 0, max: 2_000_000_000 }),
}) as fc.Arbitrary<SampleCandidate>;

describe('sampling properties', () => {
  it('no duplicates, threshold all in, every non-empty stratum drawn, the share exact, the draw replayable', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(candidate, { selector: (entry) => entry.id, maxLength: 60 }),
        fc.integer({ min: 1, max: 10_000 }),
        fc.constantFrom<'none' | 'department' | 'amount'>('none', 'department', 'amount'),
        fc.option(fc.integer({ min: 1, max: 2_000_000_000 }), { nil: null }),
        fc.string(),
        (population, share, stratify, thresholdFen, seed) => {
          const rule: SampleRule = {
            thresholdFen,
            random: { shareBasisPoints: share, stratify, bandsFen: [100_000_000, 500_000_000] },
            include: [],
            exclude: [],
          };
          const result = drawSample(population, rule, seed);
          const ids = result.picks.map((pick) => pick.id);
          expect(new Set(ids).size).toBe(ids.length);
          const over = population.filter((entry) => thresholdFen !== null && entry.budgetFen >= thresholdFen);
          for (const entry of over) expect(ids).toContain(entry.id);
          for (const stratum of result.strata) {
            expect(stratum.drawn).toBe(Math.min(stratum.pool, Math.max(1, Math.ceil((stratum.pool * share) / 10_000))));
            expect(stratum.drawn).toBeGreaterThan(0);
          }
          const pooled = result.strata.reduce((sum, stratum) => sum + stratum.pool, 0);
          expect(pooled).toBe(population.length - over.length);
          expect(drawSample([...population].reverse(), rule, seed)).toEqual(result);
        },
      ),
    );
  });
});

describe('re-scoring', () => {
  const items = [
    { id: 'i1', name: '培训人次', weight: 1000, selfScore: 1000 },
    { id: 'i2', name: '满意度', weight: 500, selfScore: 450 },
  ];

  it('parses at most two decimals, never negative', () => {
    expect([parseScore('4.5'), parseScore('4.50'), parseScore('10'), parseScore('4.505'), parseScore('-1'), parseScore('x')]).toEqual([
      450,
      450,
      1000,
      undefined,
      undefined,
      undefined,
    ]);
  });

  it('takes a re-score equal to the self-score without a reason, and a different one with a reason', () => {
    const { problems, scores } = checkRescores(items, [
      { itemId: 'i1', score: '10' },
      { itemId: 'i2', score: '3.25', reason: '问卷样本不足' },
    ]);
    expect(problems).toEqual([]);
    expect([...scores]).toEqual([
      ['i1', 1000],
      ['i2', 325],
    ]);
  });

  it('names the item when the reason is missing, the score above the weight, or the item unknown', () => {
    const { problems } = checkRescores(items, [
      { itemId: 'i1', score: '8', reason: ' ' },
      { itemId: 'i2', score: '5.01', reason: '多' },
      { itemId: 'zz', score: '1' },
    ]);
    expect(problems.map((problem) => [problem.index, problem.field, problem.message])).toEqual([
      [0, 'reason', '“培训人次”的复核分 8.00 与自评分 10.00 不同，须填写复核理由'],
      [1, 'score', '“满意度”的复核分 5.01 超过其分值 5.00'],
      [2, 'itemId', '评分项“zz”不是该自评的评分项'],
    ]);
  });

  it('deviation is 自评 − 复核, and the average rounds half away from zero to 0.01', () => {
    expect(deviation(9050, 8725)).toBe(325);
    expect(averageDeviation([325, 100])).toBe(213);
    expect(averageDeviation([-325, -100])).toBe(-213);
    expect(averageDeviation([1, 0, 0])).toBe(0);
    expect(averageDeviation([])).toBeNull();
  });
});
