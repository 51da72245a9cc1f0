import type { AnomalyCode, AnomalyIndicator, AnomalyInput } from './anomalies.ts';

const indicator = (overrides: Partial<AnomalyIndicator> = {}): AnomalyIndicator => ({
  name: '新增充电桩数量',
  level1: 'output',
  level2: 'quantity',
  direction: '>=',
  actual: '120',
  notApplicable: false,
  explained: false,
  weight: 1000,
  score: 800,
  ...overrides,
});

/** A plain evaluation that raises nothing: 85 points, 95 % executed, one indicator short of full marks. */
const base: AnomalyInput = {
  selfScore: 8500,
  adjustedFen: 100_000_00,
  executedFen: 95_000_00,
  executionReasonGiven: false,
  indicators: [indicator(), indicator({ name: '验收合格率', level2: 'quality', weight: 1000, score: 1000 })],
  findingCodes: [],
};

export interface AnomalyCase {
  readonly name: string;
  readonly input: AnomalyInput;
  readonly codes: readonly AnomalyCode[];
  /** The detail of the first anomaly, where it names figures. */
  readonly detail?: string;
}

export const ANOMALY_CASES: readonly AnomalyCase[] = [
  { name: 'a plain evaluation raises nothing', input: base, codes: [] },
  {
    name: 'every applicable indicator at full marks (a not-applicable one does not count)',
    input: {
      ...base,
      indicators: [indicator({ score: 1000 }), indicator({ name: '不适用项', notApplicable: true, score: null })],
    },
    codes: ['ALL_FULL_MARKS'],
    detail: '1 项指标均为满分',
  },
  { name: 'no indicators: not "all at full marks"', input: { ...base, indicators: [] }, codes: [] },
  {
    name: 'self-score 100.00 with every indicator full',
    input: { ...base, selfScore: 10000, indicators: [indicator({ score: 1000 })] },
    codes: ['ALL_FULL_MARKS', 'SELF_SCORE_FULL'],
  },
  { name: '99.99 is not 100', input: { ...base, selfScore: 9999 }, codes: [] },
  {
    name: 'hollow indicators from the checks (two kinds)',
    input: { ...base, findingCodes: ['UNQUANTIFIED_TARGET', 'INPUT_AS_OUTPUT', 'MISSING_DATA_SOURCE'] },
    codes: ['HOLLOW_INDICATOR'],
    detail: '质量检查发现 2 类问题',
  },
  { name: 'a finding that is not hollowness is not', input: { ...base, findingCodes: ['MISSING_DATA_SOURCE'] }, codes: [] },
  {
    name: 'satisfaction with no survey',
    input: { ...base, findingCodes: ['SATISFACTION_SURVEY_MISSING'] },
    codes: ['SATISFACTION_SURVEY_MISSING'],
  },
  {
    name: 'execution 89.99 % with no reason',
    input: { ...base, executedFen: 89_990_00 },
    codes: ['EXECUTION_LOW_NO_REASON'],
    detail: '执行率 89.99%',
  },
  { name: 'execution exactly 90 % is not low', input: { ...base, executedFen: 90_000_00 }, codes: [] },
  { name: 'execution low with a reason', input: { ...base, executedFen: 50_000_00, executionReasonGiven: true }, codes: [] },
  { name: 'no budget: no execution rule', input: { ...base, adjustedFen: 0, executedFen: 0 }, codes: [] },
  {
    name: 'a cost indicator written as ≥',
    input: { ...base, indicators: [...base.indicators, indicator({ name: '单位建设成本', level2: 'cost', direction: '>=' })] },
    codes: ['COST_AS_AT_LEAST'],
    detail: '“单位建设成本”',
  },
  {
    name: 'a cost indicator written as ≤ is right',
    input: { ...base, indicators: [...base.indicators, indicator({ name: '单位建设成本', level2: 'cost', direction: '<=' })] },
    codes: [],
  },
  {
    name: 'an actual of 0 with no explanation',
    input: { ...base, indicators: [...base.indicators, indicator({ name: '培训人次', actual: '0.00', score: 0 })] },
    codes: ['ZERO_ACTUAL_UNEXPLAINED'],
    detail: '“培训人次”',
  },
  {
    name: 'an actual of 0 explained, or qualitative, or not applicable',
    input: {
      ...base,
      indicators: [
        ...base.indicators,
        indicator({ name: 'A', actual: '0', explained: true, score: 0 }),
        indicator({ name: 'B', actual: '0', direction: 'qualitative', score: 0 }),
        indicator({ name: 'C', actual: '0', notApplicable: true, score: null }),
      ],
    },
    codes: [],
  },
  {
    name: 'high score, low spending: 90.00 points at 79.99 % (the reason given does not clear it)',
    input: { ...base, selfScore: 9000, executedFen: 79_990_00, executionReasonGiven: true },
    codes: ['HIGH_SCORE_LOW_SPENDING'],
    detail: '自评 90.00 分，执行率 79.99%',
  },
  {
    name: '89.99 points at 50 % is not "high score"',
    input: { ...base, selfScore: 8999, executedFen: 50_000_00, executionReasonGiven: true },
    codes: [],
  },
  {
    name: '95 points at exactly 80 % is not "low spending"',
    input: { ...base, selfScore: 9500, executedFen: 80_000_00, executionReasonGiven: true },
    codes: [],
  },
  {
    name: 'high score, low spending and no reason: both rules',
    input: { ...base, selfScore: 9600, executedFen: 70_000_00 },
    codes: ['EXECUTION_LOW_NO_REASON', 'HIGH_SCORE_LOW_SPENDING'],
    detail: '执行率 70.00%',
  },
  {
    name: 'no self-score (blocking weights): no score rules',
    input: { ...base, selfScore: null, executedFen: 70_000_00, executionReasonGiven: true },
    codes: [],
  },
];
