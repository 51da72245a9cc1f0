import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatPoints, points } from '../numbers/points.ts';
import {
  assessExAnte,
  DEFAULT_EX_ANTE_SCHEME,
  EX_ANTE_GRADES,
  type ExAnteEntry,
  type ExAnteGrade,
  exAnteItemCodes,
  exAnteRequired,
  exAnteSchemeWith,
} from './ex-ante.ts';

const CODES = [...exAnteItemCodes()];
const all = (grade: ExAnteGrade): ExAnteEntry[] => CODES.map((code) => ({ code, grade }));

describe('exAnteRequired', () => {
  it.each([
    ['new', 5_000_000_00, true],
    ['new', 4_999_999_99, false],
    ['continuing', 9_000_000_00, false],
    [undefined, 9_000_000_00, false],
  ] as const)('%s with %d fen: %s', (attribute, fundsFen, expected) => {
    expect(exAnteRequired({ attribute, fundsFen })).toBe(expected);
  });

  it('follows the configured amount', () => {
    expect(exAnteRequired({ attribute: 'new', fundsFen: 1_000_000_00 }, { requiredFromFen: 1_000_000_00 })).toBe(true);
  });
});

describe('assessExAnte', () => {
  it('shares 20 points over three sub-items as 6.67, 6.67, 6.66', () => {
    const result = assessExAnte(all('excellent'));
    expect(result.dimensions[0]?.items.map((item) => formatPoints(item.points))).toEqual(['6.67', '6.67', '6.66']);
    expect(formatPoints(result.total)).toBe('100.00');
    expect(result.conclusion).toBe('support');
  });

  it.each<[ExAnteGrade, string, string]>([
    ['excellent', '100.00', 'support'],
    ['good', '80.00', 'support'],
    ['fair', '60.00', 'adjust'],
    ['poor', '30.00', 'reject'],
  ])('all %s: %s points, %s', (grade, total, conclusion) => {
    const result = assessExAnte(all(grade));
    expect(formatPoints(result.total)).toBe(total);
    expect(result.conclusion).toBe(conclusion);
  });

  it('concludes one hundredth below the cut-off the lower way', () => {
    // 良 everywhere but one 中 sub-item of 6.66 points: 80 − 6.66 × 0.2 = 78.67.
    const entries = all('good').map((entry) => (entry.code === 'necessity.need' ? { ...entry, grade: 'fair' as const } : entry));
    const result = assessExAnte(entries);
    expect(formatPoints(result.total)).toBe('78.67');
    expect(result.conclusion).toBe('adjust');
    expect(result.explanation).toBe('评估得分 78.67 分（予以支持不低于 80.00 分，调整后支持不低于 60.00 分），结论：调整后支持');
  });

  it('does not conclude while a sub-item is ungraded', () => {
    const result = assessExAnte(all('excellent').slice(1));
    expect(result.conclusion).toBeUndefined();
    expect(result.ungraded).toEqual(['necessity.policy']);
    expect(result.explanation).toBe('尚有 1 个评估要点未评级，暂不能形成评估结论');
  });

  it('follows configured points, shares and cut-offs', () => {
    const scheme = {
      ...DEFAULT_EX_ANTE_SCHEME,
      dimensions: DEFAULT_EX_ANTE_SCHEME.dimensions.map((dimension, index) => ({ ...dimension, points: points(index === 0 ? 40 : 15) })),
      gradeShares: { excellent: '1', good: '0.9', fair: '0.7', poor: '0' },
      supportFrom: points(90),
    };
    const result = assessExAnte(all('good'), scheme);
    expect(formatPoints(result.total)).toBe('90.00');
    expect(result.conclusion).toBe('support');
  });

  it('keeps the opinion of each sub-item', () => {
    const result = assessExAnte([{ code: 'economy.estimate', grade: 'fair', opinion: '测算依据不足' }]);
    const scored = result.dimensions[1]?.items[0];
    expect(scored).toMatchObject({ grade: 'fair', opinion: '测算依据不足', score: 400 });
  });

  it('the total is the sum of its dimensions, each within its points', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...EX_ANTE_GRADES), { minLength: CODES.length, maxLength: CODES.length }), (grades) => {
        const result = assessExAnte(CODES.map((code, index) => ({ code, grade: grades[index] })));
        const sum = result.dimensions.reduce((total, dimension) => total + dimension.score, 0);
        const within = result.dimensions.every((dimension) => dimension.score >= 0 && dimension.score <= dimension.points);
        return result.total === sum && within && result.conclusion !== undefined;
      }),
    );
  });
});

describe('exAnteSchemeWith', () => {
  it('applies a deployment’s overrides over the defaults', () => {
    const scheme = exAnteSchemeWith({ dimensionPoints: { necessity: 30, compliance: 10 }, gradeShares: { poor: '0' }, supportFrom: 85 });
    expect(scheme.dimensions.map((dimension) => formatPoints(dimension.points))).toEqual(['30.00', '20.00', '20.00', '20.00', '10.00']);
    expect(scheme.gradeShares).toEqual({ excellent: '1', good: '0.8', fair: '0.6', poor: '0' });
    expect([scheme.supportFrom, scheme.adjustFrom, scheme.requiredFromFen]).toEqual([points(85), points(60), 5_000_000_00]);
  });

  it.each([
    [{ gradeShares: { good: '1.2' } }, '事前绩效评估档次“良”的系数“1.2”应在 0 至 1 之间'],
    [{ supportFrom: 50 }, '事前绩效评估分数线应满足 调整后支持 ≤ 予以支持 ≤ 总分 100.00'],
    [{ supportFrom: 101 }, '事前绩效评估分数线应满足 调整后支持 ≤ 予以支持 ≤ 总分 100.00'],
  ])('refuses %j', (overrides, message) => {
    expect(() => exAnteSchemeWith(overrides)).toThrow(message);
  });
});
