import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { EvaluationInput, Indicator } from '../model.ts';
import { formatPoints } from '../numbers/points.ts';
import { buildIndicator, buildInput, dec } from '../testing/factories.ts';
import { parseWorkbookJson } from '../workbook/parse.ts';
import type { Evaluation } from './evaluation.ts';
import { configureScheme, DEFAULT_OPTIONS, type SchemeId, type SchemeOverrides } from './scheme.ts';
import { evaluate, gradeOf } from './score.ts';

const project = (overrides: SchemeOverrides = {}) => configureScheme('mof-2020-project', overrides);

function evaluateExample(path: string): Evaluation {
  const parsed = parseWorkbookJson(readFileSync(new URL(`../../../../examples/${path}`, import.meta.url), 'utf8'));
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  const { input, schemeId, schemeOverrides } = parsed.value;
  return evaluate(input, configureScheme(schemeId as SchemeId, schemeOverrides));
}

const item = (evaluation: Evaluation, id: string) => {
  const found = evaluation.items.find((entry) => entry.id === id);
  if (!found) throw new Error(`no item ${id}`);
  return found;
};
const codes = (evaluation: Evaluation) => evaluation.findings.map((entry) => entry.code);

describe('the Panyu FY2024 reference report', () => {
  const evaluation = evaluateExample('panyu-2024/panyu-2024.json');

  it('reproduces the published self-score 99.52 and grade 优', () => {
    expect(formatPoints(evaluation.total.final)).toBe('99.52');
    expect(evaluation.grade.final).toBe('优');
    expect(evaluation.totalExplanation.text).toBe('总分 = 30.00 + 20.00 + 10.00 + 39.52 = 99.52');
  });

  it('scores all 22 indicators with the department-overall weights', () => {
    const indicators = evaluation.items.filter((entry) => entry.kind === 'indicator');
    expect(indicators).toHaveLength(22);
    expect(indicators.every((entry) => entry.final === entry.weight)).toBe(true);
    expect(evaluation.parts.map((part) => [part.label, formatPoints(part.weight), formatPoints(part.final)])).toEqual([
      ['产出指标', '30.00', '30.00'],
      ['效益指标', '20.00', '20.00'],
      ['满意度指标', '10.00', '10.00'],
      ['管理效率', '40.00', '39.52'],
    ]);
  });

  it('explains each score with rule, inputs and arithmetic', () => {
    const investment = item(evaluation, 'G1-1');
    expect(investment.explanation.text).toBe('23.39 ≥ 20 → 满分 1.67');
    expect(investment.explanation.rule).toBe('quantitative.at-least');
    expect(investment.explanation.inputs).toEqual({ 目标值: '20', 完成值: '23.39', 分值: '1.67' });
    expect(item(evaluation, 'G2-4').explanation.text).toBe('-45.81 < 0 → 满分 1.67');
    expect(item(evaluation, 'G2-4').explanation.rule).toBe('quantitative.zero-target');
    expect(item(evaluation, 'budget-execution-rate').explanation.text).toBe(
      '预算执行率 = 305,504,000.00 ÷ 320,000,000.00 = 95.47%；95.47% < 100% → 8.00 × 95.47% ÷ 100% = 7.64',
    );
  });

  it('flags the targets the report over-achieved by 20% or more', () => {
    const low = evaluation.findings.filter((entry) => entry.code === 'TARGET_TOO_LOW').map((entry) => entry.subject.id);
    expect(low).toEqual(['G3-1', 'G4-3', 'G5-3']);
    expect(codes(evaluation)).toContain('SATISFACTION_SOURCE_MISSING');
    expect(evaluation.findings.filter((entry) => entry.severity === 'error')).toEqual([]);
  });
});

describe('the project example', () => {
  const evaluation = evaluateExample('project-2024/digital-training-2024.json');

  it('keeps computed and final totals, rescaled for the not-applicable indicator', () => {
    expect(formatPoints(evaluation.total.computed)).toBe('92.13');
    expect(formatPoints(evaluation.total.final)).toBe('91.08');
    expect(formatPoints(evaluation.notApplicableWeight)).toBe('4.00');
    expect(evaluation.totalExplanation.text).toBe(
      '实得 43.16 + 26.00 + 9.78 + 8.50 = 87.44；总分 = 87.44 × 100.00 ÷ (100.00 − 4.00) = 91.08',
    );
  });

  it('scores partial, ≤, =, qualitative, not-applicable and the execution rate', () => {
    const scores = Object.fromEntries(
      evaluation.items.map((entry) => [entry.id, [entry.status, entry.final === null ? null : formatPoints(entry.final)]]),
    );
    expect(scores).toEqual({
      O1: ['partial', '8.33'],
      O2: ['met', '10.00'],
      O3: ['met', '4.00'],
      O4: ['not-applicable', null],
      O5: ['met', '8.00'],
      O6: ['partial', '5.83'],
      O7: ['met', '7.00'],
      E1: ['met', '9.00'],
      E2: ['partial', '7.00'],
      E3: ['met', '10.00'],
      S1: ['partial', '9.78'],
      execution: ['partial', '8.50'],
    });
    expect(item(evaluation, 'E1').adjustmentExplanation?.text).toBe(
      '计算得分 10.00 → 评价人调整为 9.00（理由：部分投入数据为企业自报，抽查中有两家企业数据未能核实）',
    );
    expect(item(evaluation, 'O6').explanation.text).toBe('12 > 10 → 7.00 × 10 ÷ 12 = 5.83');
  });

  it('has no errors, since every shortfall is explained', () => {
    expect(evaluation.findings.filter((entry) => entry.severity === 'error')).toEqual([]);
  });
});

describe('weights', () => {
  const withOutputs = (...weights: (string | undefined)[]): EvaluationInput =>
    buildInput({
      indicators: [
        ...weights.map((weight) => buildIndicator({ weight: weight === undefined ? undefined : Number(weight) * 100 })),
        buildIndicator({ level1: 'effect', level2: 'economic' }),
        buildIndicator({ level1: 'satisfaction', level2: 'beneficiary' }),
      ],
    });

  it('shares a level evenly when no weight is given', () => {
    const evaluation = evaluate(withOutputs(undefined, undefined, undefined), project());
    expect(evaluation.items.slice(0, 3).map((entry) => entry.weight)).toEqual([1667, 1667, 1666]);
    expect(evaluation.totalWeight).toBe(10_000);
  });

  it('gives the rest of a level to indicators without a weight', () => {
    const evaluation = evaluate(withOutputs('20', undefined, undefined), project());
    expect(evaluation.items.slice(0, 3).map((entry) => entry.weight)).toEqual([2000, 1500, 1500]);
  });

  it('refuses a level whose explicit weights do not add up', () => {
    const evaluation = evaluate(withOutputs('20', '20'), project());
    const mismatch = evaluation.findings.find((entry) => entry.code === 'WEIGHT_SUM_MISMATCH');
    expect(mismatch?.blocking).toBe(true);
    expect(mismatch?.message).toBe('产出指标各指标分值合计 40.00 分，应为 50.00 分');
  });

  it('refuses explicit weights above the level weight', () => {
    const evaluation = evaluate(withOutputs('40', '20', undefined), project());
    expect(codes(evaluation)).toContain('WEIGHT_LEVEL_OVERFLOW');
  });

  it('refuses a scheme whose parts do not add up to 100', () => {
    const evaluation = evaluate(buildInput(), project({ executionWeight: 2000 }));
    expect(codes(evaluation)).toContain('SCHEME_WEIGHT_MISMATCH');
  });
});

describe('not applicable and empty levels', () => {
  it('excludes a not-applicable indicator and rescales the total', () => {
    const base = buildInput();
    const indicators: Indicator[] = [...base.indicators, buildIndicator({ notApplicable: true, actual: undefined })];
    const evaluation = evaluate({ ...base, indicators }, project());
    expect(evaluation.notApplicableWeight).toBeGreaterThan(0);
    // Everything applicable is met and execution is 95%: 99.50 of 100 before, rescaled after.
    expect(evaluation.raw.final).toBe(10_000 - 50 - evaluation.notApplicableWeight);
    expect(evaluation.total.final).toBeLessThanOrEqual(10_000);
  });

  it('treats a level without indicators as not applicable by default, or as zero when configured', () => {
    const input = buildInput({ indicators: buildInput().indicators.filter((entry) => entry.level1 !== 'satisfaction') });
    const rescaled = evaluate(input, project());
    expect(codes(rescaled)).toEqual(expect.arrayContaining(['EMPTY_LEVEL', 'MISSING_SATISFACTION_INDICATOR']));
    expect(rescaled.notApplicableWeight).toBe(1000);
    expect(formatPoints(rescaled.total.final)).toBe('99.44'); // 89.50 × 100 ÷ 90
    const zero = evaluate(input, project({ options: { emptyLevel: 'zero' } }));
    expect(formatPoints(zero.total.final)).toBe('89.50');
  });
});

describe('qualitative bands', () => {
  const scoreWith = (band: Indicator['band'], score: number | undefined, options = {}) => {
    const input = buildInput({
      indicators: [
        buildIndicator({
          weight: 1000,
          direction: 'qualitative',
          target: undefined,
          actual: undefined,
          band,
          qualitativeScore: score,
          deviationReason: '说明',
        }),
        buildIndicator({ weight: 4000 }),
        buildIndicator({ level1: 'effect', level2: 'economic' }),
        buildIndicator({ level1: 'satisfaction', level2: 'beneficiary' }),
      ],
    });
    const evaluation = evaluate(input, project({ options }));
    return { entry: evaluation.items[0], codes: codes(evaluation) };
  };

  it.each([
    ['achieved', 1000, 'met', 1000],
    ['achieved', 800, 'met', 800],
    ['partial', 799, 'partial', 799],
    ['partial', 600, 'partial', 600],
    ['not-achieved', 599, 'not-met', 599],
    ['not-achieved', 0, 'not-met', 0],
  ] as const)('%s with %i is inside its band', (band, score, status, final) => {
    const { entry, codes: found } = scoreWith(band, score);
    expect(entry?.status).toBe(status);
    expect(entry?.final).toBe(final);
    expect(found).not.toContain('BAND_SCORE_OUT_OF_RANGE');
  });

  it.each([
    ['achieved', 799, 800],
    ['partial', 800, 799],
    ['partial', 599, 600],
    ['not-achieved', 600, 599],
  ] as const)('%s with %i is outside its band: an error, counted at the band edge', (band, score, counted) => {
    const { entry, codes: found } = scoreWith(band, score);
    expect(found).toContain('BAND_SCORE_OUT_OF_RANGE');
    expect(entry?.final).toBe(counted);
  });

  it('takes the band floors from the scheme (a local form uses 50%)', () => {
    const { codes: found } = scoreWith('partial', 550, { bandPartialFloorPercent: 50 });
    expect(found).not.toContain('BAND_SCORE_OUT_OF_RANGE');
  });

  it('gives 达成 full marks when no score is entered, and needs a score for the lower bands', () => {
    expect(scoreWith('achieved', undefined).entry?.final).toBe(1000);
    expect(scoreWith('partial', undefined).codes).toContain('MISSING_BAND');
    expect(scoreWith(undefined, undefined).entry?.status).toBe('missing');
  });
});

describe('adjustments', () => {
  it('refuses an adjusted score above the weight and keeps the computed one', () => {
    const input = buildInput();
    const first = input.indicators[0];
    if (!first) throw new Error('no indicator');
    const adjusted = {
      ...input,
      indicators: [{ ...first, adjustment: { score: 99_999, reason: '录入错误' } }, ...input.indicators.slice(1)],
    };
    const evaluation = evaluate(adjusted, project());
    expect(codes(evaluation)).toContain('ADJUSTMENT_OUT_OF_RANGE');
    expect(evaluation.items[0]?.final).toBe(evaluation.items[0]?.computed);
  });

  it.each<[string, Partial<Indicator>, string]>([
    [
      'target',
      { target: undefined },
      '指标 A1“培训人次”有评价人调整（调整后得分 3.00），但缺少目标值，无法计算得分，调整未采用；请先填写目标值，或删除该调整',
    ],
    [
      'actual',
      { actual: undefined },
      '指标 A1“培训人次”有评价人调整（调整后得分 3.00），但缺少实际完成值，无法计算得分，调整未采用；请先填写实际完成值，或删除该调整',
    ],
  ])('an adjustment on a line without a %s is a blocking error naming the line, not dropped in silence', (_, missing, message) => {
    const input = buildInput();
    const [first, ...rest] = input.indicators;
    if (!first) throw new Error('no indicator');
    const indicator = { ...first, id: 'A1', name: '培训人次', ...missing, adjustment: { score: 300, reason: '核减' } };
    const evaluation = evaluate({ ...input, indicators: [indicator, ...rest] }, project());
    const refused = evaluation.findings.filter((entry) => entry.code === 'ADJUSTMENT_WITHOUT_SCORE');
    expect(refused.map((entry) => [entry.message, entry.blocking, entry.subject.id])).toEqual([[message, true, 'A1']]);
  });

  it('an adjustment on a 管理效率 line that lacks an input is a blocking error naming the item', () => {
    const input = buildInput({
      kind: 'department',
      management: [{ code: 'procurement-execution-rate', amounts: {}, adjustment: { score: 100, reason: '核减' } }],
    });
    const refused = evaluate(input, configureScheme('department-overall', {})).findings.filter(
      (entry) => entry.code === 'ADJUSTMENT_WITHOUT_SCORE',
    );
    expect(refused).toHaveLength(1);
    expect(refused[0]?.message).toMatch(
      /^管理效率“.+”（procurement-execution-rate）有评价人调整（调整后得分 1\.00），但缺少“.+”，无法计算得分/,
    );
    expect(refused[0]?.blocking).toBe(true);
  });
});

describe('grades', () => {
  it.each([
    [10_000, '优'],
    [9_000, '优'],
    [8_999, '良'],
    [8_000, '良'],
    [7_999, '中'],
    [6_000, '中'],
    [5_999, '差'],
    [0, '差'],
  ] as const)('%i hundredths → %s', (total, grade) => {
    expect(gradeOf(total, DEFAULT_OPTIONS)).toBe(grade);
  });
});

describe('execution rate', () => {
  it('needs a reason below 90% and scores W × R', () => {
    const input = buildInput({ budget: { initial: 1_000_000, carryOver: 0, adjusted: 1_000_000, executed: 899_999 } });
    const evaluation = evaluate(input, project());
    expect(codes(evaluation)).toContain('EXECUTION_REASON_MISSING');
    expect(item(evaluation, 'execution').final).toBe(900); // 10 × 89.9999% = 8.999999 → 9.00
    const explained = evaluate({ ...input, budget: { ...input.budget, executionReason: '工程进度滞后' } }, project());
    expect(codes(explained)).not.toContain('EXECUTION_REASON_MISSING');
  });

  it('caps the score at the weight when spending exceeds the budget', () => {
    const input = buildInput({ budget: { initial: 100, carryOver: 0, adjusted: 100, executed: 150 } });
    expect(item(evaluate(input, project()), 'execution').final).toBe(1000);
  });

  it('is not applicable without a budget', () => {
    const input = buildInput({ budget: { initial: 0, carryOver: 0, adjusted: 0, executed: 0 } });
    const evaluation = evaluate(input, project());
    expect(item(evaluation, 'execution').status).toBe('not-applicable');
    expect(codes(evaluation)).toContain('EXECUTION_NO_BUDGET');
  });
});

describe('管理效率', () => {
  const department = configureScheme('department-overall');
  const input = (management: EvaluationInput['management']) => buildInput({ kind: 'department', management });

  it('reports missing formula inputs and unknown items by name', () => {
    const evaluation = evaluate(input([{ code: 'no-such-item' }]), department);
    const messages = evaluation.findings.map((entry) => entry.message);
    expect(messages).toContain('管理效率“结转结余率”缺少计算所需的“结转结余总额”');
    expect(messages).toContain('管理效率项目“no-such-item”不在评分方案的目录中；部门自设的项目须写明名称、比较方向、目标值与分值（own）');
  });

  it('scores a change rate against a zero target', () => {
    const rising = evaluate(
      input([{ code: 'three-public-change-rate', amounts: { threePublicCurrent: 110_00, threePublicPrevious: 100_00 } }]),
      department,
    );
    expect(item(rising, 'three-public-change-rate').final).toBe(0);
    expect(item(rising, 'three-public-change-rate').explanation.text).toBe(
      '“三公”经费变动率 = (110.00 − 100.00) ÷ 100.00 = 10.00%；10.00% > 0% → 未达标，得 0.00',
    );
  });

  it('uses the configured carry-over base', () => {
    const entries = [{ code: 'carry-over-rate', amounts: { carryOverBalance: 10_000_00 } }];
    const onExecuted = evaluate(input(entries), department);
    const onBudget = evaluate(input(entries), configureScheme('department-overall', { options: { carryOverBase: 'budget' } }));
    expect(item(onExecuted, 'carry-over-rate').actual).toBe('10.53%'); // 10,000 ÷ 95,000
    expect(item(onBudget, 'carry-over-rate').actual).toBe('10.00%'); // 10,000 ÷ 100,000
  });
});

const arbitraryIndicator = fc.record({
  level: fc.constantFrom(['output', 'quantity'], ['output', 'quality'], ['effect', 'social'], ['satisfaction', 'beneficiary']),
  direction: fc.constantFrom('>=', '>', '<=', '<', '=', 'qualitative'),
  target: fc.integer({ min: -1000, max: 1000 }),
  actual: fc.option(fc.integer({ min: -2000, max: 2000 }), { nil: undefined }),
  notApplicable: fc.boolean(),
  band: fc.constantFrom('achieved', 'partial', 'not-achieved'),
});

describe('properties of any evaluation', () => {
  it('keeps every score within its weight and the total within [0, 100]', () => {
    fc.assert(
      fc.property(
        fc.array(arbitraryIndicator, { minLength: 1, maxLength: 30 }),
        fc.integer({ min: 0, max: 1_000_000 }),
        fc.integer({ min: 0, max: 2_000_000 }),
        fc.constantFrom<SchemeId>('mof-2020-project', 'department-overall'),
        (rows, adjusted, executed, schemeId) => {
          const indicators = rows.map((row) =>
            buildIndicator({
              level1: row.level[0] as Indicator['level1'],
              level2: row.level[1] as Indicator['level2'],
              direction: row.direction as Indicator['direction'],
              target: dec(String(row.target)),
              actual: row.actual === undefined ? undefined : dec(String(row.actual)),
              notApplicable: row.notApplicable,
              band: row.band as Indicator['band'],
            }),
          );
          const evaluation = evaluate(
            buildInput({ indicators, budget: { initial: adjusted, carryOver: 0, adjusted, executed } }),
            configureScheme(schemeId),
          );
          for (const entry of evaluation.items) {
            if (entry.final === null) continue;
            expect(entry.final).toBeGreaterThanOrEqual(0);
            expect(entry.final).toBeLessThanOrEqual(entry.weight);
          }
          expect(evaluation.total.final).toBeGreaterThanOrEqual(0);
          expect(evaluation.total.final).toBeLessThanOrEqual(10_000);
          expect(evaluation.raw.final).toBe(evaluation.parts.reduce((sum, part) => sum + part.final, 0));
        },
      ),
    );
  });
});
