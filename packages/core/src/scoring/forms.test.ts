import { describe, expect, it } from 'vitest';
import type { EvaluationInput, Indicator } from '../model.ts';
import { formatPoints } from '../numbers/points.ts';
import { buildIndicator, buildInput, dec } from '../testing/factories.ts';
import type { Evaluation } from './evaluation.ts';
import { fundingLines } from './funding.ts';
import { configureScheme, type SchemeOverrides } from './scheme.ts';
import { evaluate } from './score.ts';

/** The scheme options and budget / 管理效率 fields real forms need (issue 9, part 1). */

const project = (overrides: SchemeOverrides = {}) => configureScheme('mof-2020-project', overrides);
const free = project({ options: { levelWeightMode: 'free' } });
const codes = (evaluation: Evaluation) => evaluation.findings.map((entry) => entry.code);
const parts = (evaluation: Evaluation) => evaluation.parts.map((part) => [part.key, formatPoints(part.weight), formatPoints(part.final)]);
const item = (evaluation: Evaluation, id: string) => {
  const found = evaluation.items.find((entry) => entry.id === id);
  if (!found) throw new Error(`no item ${id}`);
  return found;
};
const flatIndicator = (overrides: Partial<Indicator>) => buildIndicator({ level1: undefined, level2: undefined, ...overrides });

describe('levelWeightMode', () => {
  it.each<[string, readonly Partial<Indicator>[], readonly (readonly string[])[]]>([
    [
      'free levels: each level weighs the sum of its indicators',
      [
        { level1: 'output', level2: 'quantity', weight: 4000 },
        { level1: 'output', level2: 'quality', weight: 2000 },
        { level1: 'effect', level2: 'social', weight: 2000 },
        { level1: 'satisfaction', level2: 'beneficiary', weight: 1000 },
      ],
      [
        ['output', '60.00', '60.00'],
        ['effect', '20.00', '20.00'],
        ['satisfaction', '10.00', '10.00'],
        ['execution', '10.00', '9.50'],
      ],
    ],
    [
      'flat form: indicators without levels share the 90 points',
      [
        { level1: undefined, level2: undefined, weight: 3000 },
        { level1: undefined, level2: undefined, weight: 4500 },
        { level1: undefined, level2: undefined, weight: 1500 },
      ],
      [
        ['indicators', '90.00', '90.00'],
        ['execution', '10.00', '9.50'],
      ],
    ],
    [
      'indicators without a weight share what the others leave',
      [{ weight: 6000 }, {}, {}],
      [
        ['output', '90.00', '90.00'],
        ['execution', '10.00', '9.50'],
      ],
    ],
  ])('%s', (_, indicators, expected) => {
    const evaluation = evaluate(buildInput({ indicators: indicators.map((overrides) => buildIndicator(overrides)) }), free);
    expect(parts(evaluation)).toEqual(expected);
    expect(formatPoints(evaluation.total.final)).toBe('99.50');
    expect(codes(evaluation)).not.toContain('EMPTY_LEVEL');
    expect(codes(evaluation)).not.toContain('WEIGHT_SUM_MISMATCH');
  });

  it.each<[string, readonly (number | undefined)[], string]>([
    ['weights short of 90', [3000, 3000, 2000], '各绩效指标已填分值合计 80.00 分，应为 90.00 分'],
    ['weights above 90', [5000, 5000], '各绩效指标已填分值合计 100.00 分，应为 90.00 分'],
    ['explicit weights leave nothing to share', [6000, 4000, undefined], '各绩效指标已填分值合计 100.00 分，不得超过 90.00 分'],
  ])('refuses %s', (_, weights, message) => {
    const evaluation = evaluate(
      buildInput({ indicators: weights.map((weight) => flatIndicator(weight === undefined ? {} : { weight })) }),
      free,
    );
    const found = evaluation.findings.filter((entry) => entry.code === 'FREE_WEIGHT_SUM_MISMATCH');
    expect(found).toHaveLength(1);
    expect(found[0]?.message.startsWith(message)).toBe(true);
    expect(found[0]?.blocking).toBe(true);
  });

  it('keeps fixed level weights by default, and an indicator without a level is an error there', () => {
    const evaluation = evaluate(buildInput({ indicators: [flatIndicator({ weight: 9000 })] }), project());
    expect(codes(evaluation)).toContain('INDICATOR_LEVEL_MISSING');
    expect(codes(evaluation)).toContain('EMPTY_LEVEL');
  });

  it('does not judge coverage on a flat form, and says so', () => {
    const evaluation = evaluate(buildInput({ indicators: [flatIndicator({ weight: 9000 })] }), free);
    expect(codes(evaluation)).toContain('COVERAGE_NOT_CHECKED');
    expect(codes(evaluation)).not.toContain('MISSING_QUALITY_INDICATOR');
    expect(codes(evaluation)).not.toContain('MISSING_SATISFACTION_INDICATOR');
  });
});

describe('zeroBudget', () => {
  const noBudget = buildInput({ budget: { initial: 0, carryOver: 0, adjusted: 0, executed: 0 } });

  it.each<[SchemeOverrides, string, string, string]>([
    [{}, 'not-applicable', '100.00', 'EXECUTION_NO_BUDGET'],
    [{ options: { zeroBudget: 'not-applicable' } }, 'not-applicable', '100.00', 'EXECUTION_NO_BUDGET'],
    [{ options: { zeroBudget: 'zero' } }, 'not-met', '90.00', 'EXECUTION_ZERO_BUDGET_SCORED'],
  ])('%j: execution %s, total %s', (overrides, status, total, code) => {
    const evaluation = evaluate(noBudget, project(overrides));
    expect(item(evaluation, 'execution').status).toBe(status);
    expect(formatPoints(evaluation.total.final)).toBe(total);
    expect(codes(evaluation)).toContain(code);
  });

  it('explains the zero score with its rule', () => {
    const execution = item(evaluate(noBudget, project({ options: { zeroBudget: 'zero' } })), 'execution');
    expect(execution.explanation.rule).toBe('execution-rate.zero-budget');
    expect(execution.explanation.text).toBe('全年预算数为 0 → 预算执行率计 0 分（分值 10.00）');
  });
});

describe('gradeFloors', () => {
  it.each<[SchemeOverrides, string]>([
    [{}, '良'],
    [{ options: { gradeFloors: { good: 86 } } }, '中'],
    [{ options: { gradeFloors: { excellent: 85 } } }, '优'],
  ])('%j grades 85.75 as %s', (overrides, grade) => {
    const input = buildInput({ budget: { initial: 100, carryOver: 0, adjusted: 100, executed: 0 } });
    const evaluation = evaluate(
      { ...input, indicators: input.indicators.map((entry, index) => (index === 0 ? { ...entry, actual: dec('66') } : entry)) },
      project(overrides),
    );
    expect(formatPoints(evaluation.total.final)).toBe('85.75');
    expect(evaluation.grade.final).toBe(grade);
  });
});

describe('funding sources', () => {
  const sources: NonNullable<EvaluationInput['budget']['sources']> = [
    { source: 'fiscal-appropriation', initial: 600_000_00, adjusted: 650_000_00, executed: 640_000_00 },
    { source: 'special-account', initial: 100_000_00, adjusted: 100_000_00, executed: 80_000_00 },
    { source: 'unit-funds', initial: 50_000_00, adjusted: 50_000_00, executed: 50_000_00 },
    { source: 'other', initial: 0, adjusted: 0, executed: 0 },
  ];
  const budget = { initial: 750_000_00, carryOver: 0, adjusted: 800_000_00, executed: 770_000_00, sources };

  it('scores execution on the total and lists each source with its own rate', () => {
    const evaluation = evaluate(buildInput({ budget }), project());
    expect(item(evaluation, 'execution').completionPercent).toBe('96.25%');
    expect(formatPoints(item(evaluation, 'execution').final ?? 0)).toBe('9.63');
    expect(codes(evaluation)).not.toContain('FUNDING_SOURCE_SUM_MISMATCH');
    expect(fundingLines(budget).map((line) => [line.label, line.rate])).toEqual([
      ['年度资金总额', '96.25%'],
      ['本年财政拨款', '98.46%'],
      ['财政专户管理资金', '80.00%'],
      ['单位资金', '100.00%'],
      ['其他资金', undefined],
    ]);
  });

  it.each<[keyof typeof budget & ('initial' | 'adjusted' | 'executed'), string]>([
    ['initial', '资金来源的年初预算数合计 750,000.00 元'],
    ['adjusted', '资金来源的全年预算数合计 800,000.00 元'],
    ['executed', '资金来源的全年执行数合计 770,000.00 元'],
  ])('names both sums when %s differs from its sources', (column, start) => {
    const evaluation = evaluate(buildInput({ budget: { ...budget, [column]: budget[column] + 1 } }), project());
    const found = evaluation.findings.filter((entry) => entry.code === 'FUNDING_SOURCE_SUM_MISMATCH');
    expect(found.map((entry) => entry.message.slice(0, start.length))).toEqual([start]);
    expect(found[0]?.message).toContain('本年财政拨款');
    expect(found[0]?.blocking).toBe(true);
  });
});

describe('published scores of an imported form', () => {
  it.each<[number, boolean]>([
    [950, false],
    [1000, true],
  ])('execution declared %i: mismatch %s', (declared, mismatch) => {
    const input = buildInput({ budget: { initial: 100, carryOver: 0, adjusted: 100, executed: 95, declaredExecutionScore: declared } });
    expect(codes(evaluate(input, project())).includes('ITEM_SCORE_MISMATCH')).toBe(mismatch);
  });

  it('checks a department scheme’s declared execution score against its 预算执行率 item', () => {
    const input = buildInput({
      kind: 'department',
      budget: { initial: 100, carryOver: 0, adjusted: 100, executed: 95, declaredExecutionScore: 800 },
    });
    const found = evaluate(input, configureScheme('department-overall')).findings.filter((entry) => entry.code === 'ITEM_SCORE_MISMATCH');
    expect(found.map((entry) => entry.message)).toEqual(['预算执行率填报得分 8.00 与按规则计算的 7.60 不符']);
  });
});

describe('管理效率 rates and the open catalogue', () => {
  const department = (management: EvaluationInput['management'], overrides: SchemeOverrides = {}) =>
    evaluate(buildInput({ kind: 'department', management }), configureScheme('department-overall', overrides));

  it('scores a catalogue item from its entered rate when no amounts are given', () => {
    const evaluation = department([{ code: 'procurement-execution-rate', rate: dec('97.75') }]);
    const procurement = item(evaluation, 'procurement-execution-rate');
    expect(procurement.actual).toBe('97.75%');
    expect(formatPoints(procurement.final ?? 0)).toBe('3.91');
    expect(procurement.explanation.rule).toBe('management.entered-rate');
    const own = evaluation.findings.filter((entry) => entry.subject.id === 'procurement-execution-rate');
    expect(own.map((entry) => entry.code)).toEqual(['MISSING_DEVIATION_REASON']);
  });

  it.each<[string, boolean]>([
    ['97.75', false],
    ['97.8', false],
    ['97.7', true],
    ['100', true],
  ])('an entered rate %s beside amounts giving 97.75%%: mismatch %s', (rate, mismatch) => {
    const evaluation = department([
      { code: 'procurement-execution-rate', amounts: { procurementActual: 9_775, procurementPlanned: 10_000 }, rate: dec(rate) },
    ]);
    expect(codes(evaluation).includes('MANAGEMENT_RATE_MISMATCH')).toBe(mismatch);
    expect(item(evaluation, 'procurement-execution-rate').actual).toBe('97.75%');
  });

  it('scores a department’s own items, entered as rates or from its own amounts, with the listed catalogue', () => {
    const evaluation = department(
      [
        { code: 'budget-execution-rate' },
        {
          code: 'paid-on-time-rate',
          weight: 1500,
          rate: dec('95.47'),
          own: { name: '资金支付及时足额率', direction: '>=', target: dec('100') },
        },
        {
          code: 'audit-closure-days',
          weight: 1000,
          rate: dec('12'),
          own: { name: '审计整改办结时长', direction: '<=', target: dec('15'), unit: '天' },
        },
        {
          code: 'it-payment-rate',
          weight: 700,
          amounts: { paid: 45_000_00, budgeted: 50_000_00 },
          own: {
            name: '信息化项目资金支付率',
            direction: '>=',
            target: dec('90'),
            formula: { numerator: 'paid', denominator: 'budgeted' },
            inputs: { paid: '信息化项目已支付金额', budgeted: '信息化项目预算金额' },
          },
        },
      ],
      { options: { managementCatalogue: 'listed' } },
    );
    expect(codes(evaluation)).not.toContain('SCHEME_WEIGHT_MISMATCH');
    expect(codes(evaluation)).not.toContain('UNKNOWN_MANAGEMENT_ITEM');
    const managed = evaluation.items.filter((entry) => entry.kind === 'management');
    expect(managed.map((entry) => [entry.id, entry.target, entry.actual, formatPoints(entry.final ?? 0)])).toEqual([
      ['budget-execution-rate', '≥100%', '95.00%', '7.60'],
      ['paid-on-time-rate', '≥100%', '95.47%', '14.32'],
      ['audit-closure-days', '≤15天', '12天', '10.00'],
      ['it-payment-rate', '≥90%', '90.00%', '7.00'],
    ]);
    expect(item(evaluation, 'it-payment-rate').explanation.inputs).toMatchObject({
      信息化项目已支付金额: '45,000.00 元',
      信息化项目预算金额: '50,000.00 元',
    });
  });

  it('still scores the whole catalogue by default, so own items must be balanced by the department', () => {
    const evaluation = department([
      {
        code: 'paid-on-time-rate',
        weight: 500,
        rate: dec('100'),
        own: { name: '资金支付及时足额率', direction: '>=', target: dec('100') },
      },
    ]);
    expect(codes(evaluation)).toContain('SCHEME_WEIGHT_MISMATCH');
    expect(evaluation.items.filter((entry) => entry.kind === 'management')).toHaveLength(11);
  });

  it('asks an own item entered as a rate for its rate', () => {
    const evaluation = department([{ code: 'own-rate', weight: 0, own: { name: '自设比率', direction: '>=', target: dec('100') } }]);
    expect(evaluation.findings.map((entry) => entry.message)).toContain('管理效率“自设比率”缺少计算所需的“填报值”');
  });
});
