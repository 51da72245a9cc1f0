import { describe, expect, it } from 'vitest';
import type { FindingCode } from '../checks/findings.ts';
import type { EvaluationInput, Indicator } from '../model.ts';
import { formatPoints } from '../numbers/points.ts';
import { buildIndicator, buildInput, dec } from '../testing/factories.ts';
import { bandOfGrades, compareGrades } from './grades.ts';
import { configureScheme, type SchemeOptions } from './scheme.ts';
import { evaluate } from './score.ts';

/** Checks that judge the indicator set, not the fields under test. */
const UNRELATED = new Set<FindingCode>(['UNQUANTIFIED_TARGET', 'MISSING_DEVIATION_REASON']);

/** The default project input (first indicator weighs 12.50) with its first indicator replaced. */
function withFirst(overrides: Partial<Indicator>): EvaluationInput {
  const base = buildInput();
  const [first, ...rest] = base.indicators;
  return { ...base, indicators: [{ ...(first as Indicator), id: 'O1', name: '建设充电桩', ...overrides }, ...rest] };
}

function scoreFirst(overrides: Partial<Indicator>, options: Partial<SchemeOptions> = {}) {
  const evaluation = evaluate(withFirst(overrides), configureScheme('mof-2020-project', { options }));
  const item = evaluation.items[0];
  if (!item) throw new Error('no item');
  const own = evaluation.findings.filter((entry) => entry.subject.id === 'O1' && !UNRELATED.has(entry.code));
  return { item, score: item.final === null ? null : formatPoints(item.final), findings: own, codes: own.map((entry) => entry.code) };
}

describe('调整指标值 (approved adjusted target)', () => {
  it.each<[string, Partial<Indicator>, string, string | undefined]>([
    ['scored against the original without an adjustment', { target: dec('100'), actual: dec('80') }, '10.00', undefined],
    [
      'scored against the adjusted target when one is approved',
      { target: dec('100'), adjustedTarget: dec('80'), actual: dec('80') },
      '12.50',
      '≥80个',
    ],
    ['a raised target lowers the score', { target: dec('100'), adjustedTarget: dec('160'), actual: dec('120') }, '9.38', '≥160个'],
    [
      'a qualitative adjusted grade is the target graded against',
      { direction: 'qualitative', target: undefined, actual: undefined, targetText: '高', adjustedTargetText: '较高', actualText: '较高' },
      '12.50',
      '较高',
    ],
  ])('%s', (_name, overrides, score, adjusted) => {
    const result = scoreFirst(overrides);
    expect(result.score).toBe(score);
    expect(result.item.adjustedTarget).toBe(adjusted);
  });

  it('shows the original target beside the adjusted one', () => {
    const { item } = scoreFirst({ target: dec('100'), adjustedTarget: dec('80'), actual: dec('80') });
    expect([item.target, item.adjustedTarget]).toEqual(['≥100个', '≥80个']);
    expect(item.explanation.inputs.目标值).toBe('80');
  });

  it('refuses an adjusted wording without the adjusted number on a quantitative indicator', () => {
    const result = scoreFirst({ adjustedTargetText: '调整为80个', actual: dec('80') });
    expect(result.codes).toContain('ADJUSTED_TARGET_WITHOUT_VALUE');
    expect(result.findings[0]?.message).toContain('指标 O1“建设充电桩”');
  });
});

describe('得分系数 (score coefficient)', () => {
  // The first indicator weighs 12.50; actual 80 of 100 earns 10.00 = 0.8 × 12.50.
  const partial = { target: dec('100'), actual: dec('80'), deviationReason: '受疫情影响' };
  it.each<[string, Partial<Indicator>, FindingCode[]]>([
    ['a coefficient equal to the computed share passes', { ...partial, scoreCoefficient: dec('0.8') }, []],
    ['a coefficient that disagrees is a score mismatch', { ...partial, scoreCoefficient: dec('0.9') }, ['SCORE_MISMATCH']],
    ['a coefficient and the same declared score pass', { ...partial, scoreCoefficient: dec('0.8'), declaredScore: 1000 }, []],
    [
      'a coefficient and a different declared score conflict',
      { ...partial, scoreCoefficient: dec('0.8'), declaredScore: 1100 },
      ['SCORE_COEFFICIENT_CONFLICT'],
    ],
    ['a coefficient above 1 is refused', { ...partial, scoreCoefficient: dec('1.2') }, ['SCORE_COEFFICIENT_OUT_OF_RANGE']],
    ['a negative coefficient is refused', { ...partial, scoreCoefficient: dec('-0.1') }, ['SCORE_COEFFICIENT_OUT_OF_RANGE']],
  ])('%s', (_name, overrides, codes) => {
    expect(scoreFirst(overrides).codes).toEqual(codes);
  });

  it('rounds coefficient × weight like a score (0.333 × 12.50 = 4.16)', () => {
    const result = scoreFirst({ target: dec('100'), actual: dec('80'), deviationReason: '原因', scoreCoefficient: dec('0.333') });
    expect(result.findings[0]?.message).toBe('指标“建设充电桩”填报得分 4.16 与按规则计算的 10.00 不符');
  });

  it('names the indicator and both figures when the two disagree', () => {
    const result = scoreFirst({ ...partial, scoreCoefficient: dec('0.8'), declaredScore: 1100 });
    expect(result.findings[0]?.message).toBe(
      '指标 O1“建设充电桩”同时填写了得分 11.00 和得分系数 0.8（× 分值 12.50 = 10.00），两者不一致；请只保留原表上的一项',
    );
  });
});

describe('是否核心指标 (core flag)', () => {
  it('is carried onto the scored line and changes no score', () => {
    const core = scoreFirst({ isCore: true });
    expect(core.item.isCore).toBe(true);
    expect(core.score).toBe(scoreFirst({}).score);
  });
});

describe('graded qualitative targets', () => {
  const graded = (targetText: string, actualText: string, extra: Partial<Indicator> = {}) =>
    scoreFirst({ direction: 'qualitative', target: undefined, actual: undefined, targetText, actualText, ...extra });

  it.each<[string, string, string, string, string]>([
    ['reaching the target grade', '较高', '高', '12.50', 'met'],
    ['the target grade itself', '好', '好', '12.50', 'met'],
    ['one grade below: the 部分达成 floor (60 %)', '高', '较高', '7.50', 'partial'],
    ['two grades below: 未达成', '高', '一般', '0.00', 'not-met'],
    ['one grade below onto the bottom of a two-grade scale: 未达成', '是', '否', '0.00', 'not-met'],
    ['one grade below onto the bottom of a four-grade scale: 未达成', '一般', '低', '0.00', 'not-met'],
    ['达到 / 未达到', '达到', '未达到', '0.00', 'not-met'],
    ['a shared word is read on the scale holding both (好 … 一般)', '较好', '一般', '7.50', 'partial'],
    ['blanks and a full stop are ignored', ' 高 ', '高。', '12.50', 'met'],
  ])('%s: %s → %s', (_name, target, actual, score, status) => {
    const result = graded(target, actual, { deviationReason: '原因' });
    expect([result.score, result.item.status]).toEqual([score, status]);
    expect(result.item.explanation.rule).toBe('qualitative.grade');
  });

  it('takes the evaluator’s score within the band the grades give', () => {
    expect(graded('高', '较高', { qualitativeScore: 900, deviationReason: '原因' }).score).toBe('9.00');
  });

  it('lets the evaluator’s explicit band win over the grades', () => {
    const result = graded('高', '一般', { band: 'partial', qualitativeScore: 800, deviationReason: '原因' });
    expect([result.score, result.item.explanation.rule]).toEqual(['8.00', 'qualitative.band']);
  });

  it('leaves free wording to the evaluator’s band, as before', () => {
    expect(graded('有效提升', '明显提升', { band: 'achieved' }).score).toBe('12.50');
    expect(graded('有效提升', '明显提升').codes).toEqual(['MISSING_BAND']);
  });

  it('names the indicator and both values for an unknown grade word', () => {
    const result = graded('高', '很高');
    expect(result.codes).toEqual(['GRADE_UNKNOWN']);
    expect(result.findings[0]?.message).toBe(
      '指标 O1“建设充电桩”的目标“高”与完成情况“很高”不能按档次比较：其中一项不是档次序列（高>较高>一般>低）中的词；请改用序列中的词，或选择定性档次',
    );
  });

  it('refuses grades of different scales', () => {
    const result = graded('高', '是');
    expect(result.codes).toEqual(['GRADE_SCALES_DIFFER']);
    expect(result.findings[0]?.message).toContain('目标“高”与完成情况“是”属于不同的档次序列');
  });

  it('reads the scales from the scheme option', () => {
    const custom = { qualitativeScales: [['很高', '高', '低']] };
    expect(scoreFirst({ direction: 'qualitative', targetText: '高', actualText: '很高' }, custom).score).toBe('12.50');
    // The default scales are replaced, not extended.
    expect(scoreFirst({ direction: 'qualitative', targetText: '是', actualText: '是' }, custom).codes).toEqual(['MISSING_BAND']);
  });

  it.each<[number, number, number, string]>([
    [0, 0, 4, 'achieved'],
    [1, 0, 4, 'achieved'],
    [0, 1, 4, 'partial'],
    [0, 2, 4, 'not-achieved'],
    [2, 3, 4, 'not-achieved'],
    [0, 1, 2, 'not-achieved'],
  ])('bandOfGrades(target %i, actual %i, of %i grades) = %s', (target, actual, length, band) => {
    expect(
      bandOfGrades(
        Array.from({ length }, (_, index) => `g${index}`),
        target,
        actual,
      ),
    ).toBe(band);
  });

  it('compares words only within one scale', () => {
    expect(compareGrades('有效', '明显', [['高', '低']])).toEqual({ kind: 'none' });
    expect(compareGrades('高', '', [['高', '低']]).kind).toBe('unknown');
  });
});

describe('a quantitative task reported as done', () => {
  const done = (extra: Partial<Indicator>, options: Partial<SchemeOptions> = {}) =>
    scoreFirst({ actual: undefined, actualText: '按期完成', ...extra }, options);

  it('is refused by default with the value read and how to write it', () => {
    const result = done({ target: dec('100'), unit: '%' });
    expect(result.codes).toEqual(['COMPLETION_WORD_ACTUAL']);
    expect(result.findings[0]?.blocking).toBe(true);
    expect(result.findings[0]?.message).toBe(
      '指标 O1“建设充电桩”是定量指标（目标 100%），完成值读到“按期完成”而不是数字；请填写实际完成的数量（如目标 100% 时填 100），或将方向改为“定性”并评定档次',
    );
  });

  it.each<[string, Partial<Indicator>, string, FindingCode[]]>([
    ['target 100 %', { target: dec('100'), unit: '%' }, '12.50', []],
    ['target text 完成', { target: dec('1'), unit: '项', targetText: '完成' }, '12.50', []],
    ['target 全部完成 with 已完成', { target: dec('1'), unit: '项', targetText: '全部完成', actualText: '已完成' }, '12.50', []],
    ['a numeric target that is not a completion', { target: dec('30'), unit: '个' }, '0.00', ['COMPLETION_WORD_ACTUAL']],
    ['100 of a unit other than %', { target: dec('100'), unit: '个' }, '0.00', ['COMPLETION_WORD_ACTUAL']],
  ])('with met-when-target-is-completion, %s', (_name, extra, score, codes) => {
    const result = done(extra, { completionWords: 'met-when-target-is-completion' });
    expect([result.score, result.codes]).toEqual([score, codes]);
  });

  it('explains a completion scored as met', () => {
    const result = done({ target: dec('100'), unit: '%' }, { completionWords: 'met-when-target-is-completion' });
    expect(result.item.explanation.rule).toBe('quantitative.completion-word');
    expect(result.item.explanation.text).toBe('完成值“按期完成”，目标为完成 → 满分 12.50');
  });

  it('keeps a plain missing actual a missing actual', () => {
    expect(done({ actualText: undefined }).codes).toEqual(['MISSING_ACTUAL']);
  });
});

describe('indicator-level options are configurable per workbook', () => {
  it('overrides only what is given', () => {
    const scheme = configureScheme('mof-2020-project', { options: { completionWords: 'met-when-target-is-completion' } });
    expect(scheme.options.completionWords).toBe('met-when-target-is-completion');
    expect(scheme.options.qualitativeScales).toContainEqual(['是', '否']);
    expect(configureScheme('mof-2020-project').options.completionWords).toBe('refuse');
  });

  it('uses buildIndicator defaults untouched', () => {
    expect(buildIndicator().isCore).toBeUndefined();
  });
});
