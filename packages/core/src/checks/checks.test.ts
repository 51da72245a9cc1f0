import { afterAll, describe, expect, it } from 'vitest';
import type { EvaluationInput, Indicator } from '../model.ts';
import { configureScheme, type SchemeOverrides } from '../scoring/scheme.ts';
import { evaluate } from '../scoring/score.ts';
import { buildIndicator, buildInput, dec } from '../testing/factories.ts';
import { FINDINGS, type FindingCode } from './findings.ts';

const seen = new Set<FindingCode>();

function findingsOf(
  input: EvaluationInput,
  overrides: SchemeOverrides = {},
  schemeId: 'mof-2020-project' | 'department-overall' = 'mof-2020-project',
) {
  const findings = evaluate(input, configureScheme(schemeId, overrides)).findings;
  for (const entry of findings) seen.add(entry.code);
  return findings;
}

/** The default input with its first indicator replaced, or extra indicators appended. */
function withFirst(overrides: Partial<Indicator>): EvaluationInput {
  const base = buildInput();
  const [first, ...rest] = base.indicators;
  return { ...base, indicators: [{ ...(first as Indicator), ...overrides }, ...rest] };
}
function without(level2: Indicator['level2']): EvaluationInput {
  const base = buildInput();
  return { ...base, indicators: base.indicators.filter((entry) => entry.level2 !== level2) };
}

describe('quality checks', () => {
  it('passes a complete, fully met indicator set without findings', () => {
    expect(findingsOf(buildInput())).toEqual([]);
  });

  it.each<[string, () => EvaluationInput, FindingCode, string]>([
    ['no quality indicator', () => without('quality'), 'MISSING_QUALITY_INDICATOR', '产出指标中未设置质量指标'],
    ['no timeliness indicator', () => without('timeliness'), 'MISSING_TIMELINESS_INDICATOR', '产出指标中未设置时效指标'],
    ['no cost indicator', () => without('cost'), 'MISSING_COST_INDICATOR', '产出指标中未设置成本指标'],
    ['no satisfaction indicator', () => without('beneficiary'), 'MISSING_SATISFACTION_INDICATOR', '未设置服务对象满意度指标'],
    [
      'a qualitative output',
      () => withFirst({ name: '培训效果', direction: 'qualitative', band: 'achieved', target: undefined, actual: undefined }),
      'UNQUANTIFIED_TARGET',
      '产出指标“培训效果”为定性表述，未量化',
    ],
    ['no target', () => withFirst({ name: '培训期数', target: undefined }), 'MISSING_TARGET', '定量指标“培训期数”未填写目标值'],
    ['no actual', () => withFirst({ name: '培训期数', actual: undefined }), 'MISSING_ACTUAL', '指标“培训期数”未填写实际完成值'],
    [
      'an adjustment without an actual',
      () => withFirst({ id: 'O1', name: '培训期数', actual: undefined, adjustment: { score: 100, reason: '核减' } }),
      'ADJUSTMENT_WITHOUT_SCORE',
      '指标 O1“培训期数”有评价人调整（调整后得分 1.00），但缺少实际完成值，无法计算得分，调整未采用；请先填写实际完成值，或删除该调整',
    ],
    [
      '≥ 120% of target',
      () => withFirst({ name: '培训期数', target: dec('10'), actual: dec('12') }),
      'TARGET_TOO_LOW',
      '指标“培训期数”完成值为目标值的 120.00%，达到 120% 以上，目标值可能设置偏低',
    ],
    [
      'target below last year',
      () => withFirst({ name: '培训期数', target: dec('10'), actual: dec('11'), lastYearActual: dec('11') }),
      'TARGET_BELOW_LAST_YEAR',
      '指标“培训期数”目标值 10 低于上年实际 11，目标值偏低',
    ],
    [
      'money put in, counted as output',
      () => withFirst({ name: '培训经费投入', unit: '万元' }),
      'INPUT_AS_OUTPUT',
      '产出指标“培训经费投入”以资金投入作为产出，投入不能作为绩效目标',
    ],
    [
      'a shortfall without a reason',
      () => withFirst({ name: '培训期数', weight: 1000, target: dec('10'), actual: dec('8') }),
      'MISSING_DEVIATION_REASON',
      '指标“培训期数”得分 8.00 低于分值 10.00，未说明偏差原因',
    ],
    [
      'a declared total that is not the sum',
      () => buildInput({ declaredTotal: 9_800 }),
      'TOTAL_MISMATCH',
      '填报总分 98.00 与各项得分计算的总分 99.50 不符（容差 0.10 分）',
    ],
    [
      'a declared score that differs',
      () => withFirst({ name: '培训期数', declaredScore: 100 }),
      'SCORE_MISMATCH',
      '指标“培训期数”填报得分 1.00 与按规则计算的 12.50 不符',
    ],
    [
      'a level 2 under the wrong level 1',
      () => withFirst({ name: '培训期数', level2: 'economic' }),
      'WRONG_LEVEL',
      '指标“培训期数”的二级指标“经济效益指标”不属于一级指标“产出指标”',
    ],
    [
      'satisfaction filed as effect',
      () => withFirst({ name: '学员满意度', unit: '%' }),
      'MISPLACED_SATISFACTION',
      '指标“学员满意度”为满意度指标，应归入满意度指标',
    ],
    [
      'a 实际值表述 left behind by an edited actual',
      () => withFirst({ id: 'O1', name: '培训期数', actual: dec('120'), target: dec('120'), actualText: '实际168个' }),
      'NARRATIVE_MISMATCH',
      '指标 O1 的实际值表述写“实际168个”，指标 O1“培训期数”的实际完成值为 168个，与当前数据 120个 不符；请修改文字或核对数据',
    ],
    ['no data source', () => withFirst({ name: '培训期数', dataSource: undefined }), 'MISSING_DATA_SOURCE', '指标“培训期数”未注明数据来源'],
    ['no unit', () => withFirst({ name: '培训期数', unit: undefined }), 'MISSING_UNIT', '定量指标“培训期数”未注明计量单位'],
    ['an unknown goal', () => withFirst({ name: '培训期数', goalId: 'G9' }), 'UNKNOWN_GOAL', '指标“培训期数”引用的绩效目标“G9”不存在'],
    [
      'a goal without indicators',
      () => ({
        ...withFirst({ goalId: 'G1' }),
        goals: [
          { id: 'G1', text: '目标一' },
          { id: 'G2', text: '目标二' },
        ],
      }),
      'GOAL_WITHOUT_INDICATORS',
      '绩效目标“目标二”未设置对应的绩效指标',
    ],
  ])('finds %s', (_, build, code, message) => {
    const found = findingsOf(build()).filter((entry) => entry.code === code);
    expect(found.map((entry) => entry.message)).toContain(message);
  });

  it('asks satisfaction indicators for their survey', () => {
    const base = buildInput();
    const indicators = base.indicators.map((entry) => (entry.level1 === 'satisfaction' ? { ...entry, dataSource: '工作总结' } : entry));
    expect(findingsOf({ ...base, indicators }).map((entry) => entry.code)).toContain('SATISFACTION_SOURCE_MISSING');
  });

  it('asks a tracked satisfaction indicator for a survey, and a survey for its planned sample', () => {
    const base = buildInput();
    const withSample = (surveySample: { valid: number; planned: number } | null | undefined) =>
      findingsOf({
        ...base,
        indicators: base.indicators.map((entry) => (entry.level1 === 'satisfaction' ? { ...entry, surveySample } : entry)),
      })
        .filter((entry) => entry.code.startsWith('SATISFACTION_S'))
        .map((entry) => entry.message);
    const name = base.indicators.find((entry) => entry.level1 === 'satisfaction')?.name;
    expect(withSample(null)).toContain(`满意度指标“${name}”没有关联满意度调查，实际值未经问卷调查取得`);
    expect(withSample({ valid: 300, planned: 385 })).toEqual([
      `满意度指标“${name}”的调查有效样本 300 份，少于计划样本量 385 份，误差大于计划`,
    ]);
    expect(withSample({ valid: 385, planned: 385 })).toEqual([]);
    expect(withSample(undefined).some((message) => message.includes('没有关联满意度调查'))).toBe(false);
  });

  it('does not treat cost indicators in money as inputs', () => {
    const found = findingsOf(withFirst({ name: '项目预算控制数', level2: 'cost', unit: '万元' }));
    expect(found.map((entry) => entry.code)).not.toContain('INPUT_AS_OUTPUT');
  });

  it('accepts the evaluator’s reason for a deduction when the target itself was met', () => {
    const found = findingsOf(withFirst({ adjustment: { score: 1000, reason: '数据未经核实' } }));
    expect(found.map((entry) => entry.code)).not.toContain('MISSING_DEVIATION_REASON');
  });

  it('covers the remaining codes through the scorer', () => {
    findingsOf(withFirst({ weight: 6000 }));
    findingsOf(
      buildInput({
        indicators: [
          buildIndicator(),
          buildIndicator({ level1: 'effect', level2: 'economic', weight: 1000 }),
          buildIndicator({ level1: 'effect', level2: 'social', weight: 1000 }),
        ],
      }),
    );
    findingsOf(withFirst({ direction: 'qualitative', band: 'partial', qualitativeScore: 1, target: undefined }));
    findingsOf(withFirst({ direction: 'qualitative', band: undefined, target: undefined }));
    findingsOf(withFirst({ adjustment: { score: 1_000_000, reason: '错' } }));
    findingsOf(buildInput(), { executionWeight: 0 });
    findingsOf(buildInput({ budget: { initial: 0, carryOver: 0, adjusted: 0, executed: 0 } }));
    findingsOf(buildInput({ budget: { initial: 100, carryOver: 0, adjusted: 100, executed: 10 } }));
    findingsOf(buildInput({ kind: 'department', management: [{ code: 'x' }] }), {}, 'department-overall');
    findingsOf(
      buildInput({ kind: 'department', management: [{ code: 'carry-over-rate', amounts: { carryOverBalanse: 100 } }] }),
      {},
      'department-overall',
    );
  });

  it('covers the indicator fields of filed forms (调整指标值, 得分系数, graded targets, completion words)', () => {
    findingsOf(withFirst({ adjustedTargetText: '调整为80个' }));
    findingsOf(withFirst({ scoreCoefficient: dec('1.5') }));
    findingsOf(withFirst({ scoreCoefficient: dec('0.5'), declaredScore: 100 }));
    findingsOf(withFirst({ direction: 'qualitative', target: undefined, targetText: '高', actualText: '很高' }));
    findingsOf(withFirst({ direction: 'qualitative', target: undefined, targetText: '高', actualText: '是' }));
    findingsOf(withFirst({ actual: undefined, actualText: '已完成' }));
  });

  const flat = (weights: readonly number[]) =>
    buildInput({ indicators: weights.map((weight) => buildIndicator({ level1: undefined, level2: undefined, weight })) });
  const department = (management: EvaluationInput['management']) => buildInput({ kind: 'department', management });
  const sources: NonNullable<EvaluationInput['budget']['sources']> = [
    { source: 'fiscal-appropriation', initial: 80_000_00, adjusted: 80_000_00, executed: 76_000_00 },
    { source: 'unit-funds', initial: 20_000_00, adjusted: 20_000_00, executed: 18_000_00 },
  ];
  it.each<[FindingCode, () => ReturnType<typeof findingsOf>, string]>([
    [
      'INDICATOR_LEVEL_MISSING',
      () => findingsOf(buildInput({ indicators: [buildIndicator({ id: 'F1', name: '培训人次', level1: undefined, level2: undefined })] })),
      '指标 F1“培训人次”未填写一级指标：本方案各一级指标分值固定，须填写一级、二级指标；无层级的表格请选用各级分值不固定的方案选项（levelWeightMode = free）',
    ],
    [
      'FREE_WEIGHT_SUM_MISMATCH',
      () => findingsOf(flat([3000, 3000, 2000]), { options: { levelWeightMode: 'free' } }),
      '各绩效指标已填分值合计 80.00 分，应为 90.00 分（本方案各级指标分值不固定，由所列指标的分值相加，合计须为 90.00 分）',
    ],
    [
      'COVERAGE_NOT_CHECKED',
      () => findingsOf(flat([3000, 3000, 3000]), { options: { levelWeightMode: 'free' } }),
      '3 项指标未填写一级、二级指标，未检查是否设置了质量、时效、成本和满意度指标',
    ],
    [
      'EXECUTION_ZERO_BUDGET_SCORED',
      () => findingsOf(buildInput({ budget: { initial: 0, carryOver: 0, adjusted: 0, executed: 0 } }), { options: { zeroBudget: 'zero' } }),
      '全年预算数为 0，按方案约定预算执行率计 0 分（不按不适用折算）',
    ],
    [
      'FUNDING_SOURCE_SUM_MISMATCH',
      () => findingsOf(buildInput({ budget: { initial: 100_000_00, carryOver: 0, adjusted: 100_000_00, executed: 95_000_00, sources } })),
      '资金来源的全年执行数合计 94,000.00 元（本年财政拨款 76,000.00 元 + 单位资金 18,000.00 元），与填报的全年执行数 95,000.00 元不符',
    ],
    [
      'ITEM_SCORE_MISMATCH',
      () => findingsOf(buildInput({ budget: { initial: 100, carryOver: 0, adjusted: 100, executed: 95, declaredExecutionScore: 1000 } })),
      '预算执行率填报得分 10.00 与按规则计算的 9.50 不符',
    ],
    [
      'MANAGEMENT_RATE_MISMATCH',
      () =>
        findingsOf(
          department([
            { code: 'procurement-execution-rate', amounts: { procurementActual: 9_775, procurementPlanned: 10_000 }, rate: dec('100') },
          ]),
          {},
          'department-overall',
        ),
      '管理效率“政府采购执行率”填报的比率 100% 与按所填金额计算的 97.75% 不符',
    ],
    [
      'MANAGEMENT_OWN_CODE_TAKEN',
      () =>
        findingsOf(
          department([{ code: 'disclosure', weight: 300, own: { name: '信息公开率', direction: '>=', target: dec('100') } }]),
          {},
          'department-overall',
        ),
      '自设管理效率项目的编码“disclosure”与评分方案目录中的“信息公开”相同，请另取编码',
    ],
    [
      'UNKNOWN_MANAGEMENT_ITEM',
      () => findingsOf(department([{ code: 'carry-over-rat', amounts: {} }]), {}, 'department-overall'),
      '管理效率项目“carry-over-rat”不在评分方案的目录中，是否应为“carry-over-rate”（结转结余率）？',
    ],
  ])('finds %s', (code, run, message) => {
    expect(
      run()
        .filter((entry) => entry.code === code)
        .map((entry) => entry.message),
    ).toContain(message);
  });

  it('names the management item whose declared score differs', () => {
    const found = findingsOf(
      department([{ code: 'carry-over-rate', amounts: { carryOverBalance: 5_000_00 }, declaredScore: 350 }]),
      {},
      'department-overall',
    );
    expect(found.filter((entry) => entry.code === 'ITEM_SCORE_MISMATCH').map((entry) => entry.message)).toEqual([
      '管理效率“结转结余率”（carry-over-rate）填报得分 3.50 与按规则计算的 4.00 不符',
    ]);
  });

  afterAll(() => {
    // Every finding the catalogue defines is produced by at least one case above; the declaration-time
    // codes are produced by the cases of targets/checks.test.ts, which checks them the same way.
    const yearEnd = Object.keys(FINDINGS).filter((code) => !code.startsWith('DECLARATION_'));
    expect([...seen].sort()).toEqual(yearEnd.sort());
  });
});
