import type { FindingCode } from '../checks/findings.ts';
import type { Direction, Level1 } from '../model.ts';
import { formatPercent, fraction, isZero, parseDecimal, roundHalfUp } from '../numbers/decimal.ts';
import { formatPoints, type Points } from '../numbers/points.ts';
import { DEFAULT_OPTIONS } from '../scoring/scheme.ts';

/**
 * Anomalies (异常) the finance bureau looks for across a year's evaluations. Each is a rule over the
 * figures an evaluation already holds; none changes a score. The thresholds are configuration with
 * documented defaults (docs/finance-bureau.md "Overview"): the execution threshold is the scheme's
 * own `executionReasonBelowPercent`; the others are practice, not national text.
 */
export type AnomalyCode =
  | 'ALL_FULL_MARKS'
  | 'SELF_SCORE_FULL'
  | 'HOLLOW_INDICATOR'
  | 'SATISFACTION_SURVEY_MISSING'
  | 'EXECUTION_LOW_NO_REASON'
  | 'COST_AS_AT_LEAST'
  | 'ZERO_ACTUAL_UNEXPLAINED'
  | 'HIGH_SCORE_LOW_SPENDING';

export const ANOMALY_CODES: readonly AnomalyCode[] = [
  'ALL_FULL_MARKS',
  'SELF_SCORE_FULL',
  'HOLLOW_INDICATOR',
  'SATISFACTION_SURVEY_MISSING',
  'EXECUTION_LOW_NO_REASON',
  'COST_AS_AT_LEAST',
  'ZERO_ACTUAL_UNEXPLAINED',
  'HIGH_SCORE_LOW_SPENDING',
];

export interface AnomalyOptions {
  /** Execution below this percent needs a reason (the scheme's `executionReasonBelowPercent`, 90). */
  readonly executionReasonBelowPercent: number;
  /** 高分低支: a self-score at or above this (whole points) ... */
  readonly highScoreFloor: number;
  /** ... with execution below this percent. */
  readonly lowSpendingBelowPercent: number;
  /** The checks' codes that mark an indicator as hollow (指标虚化、目标偏低). */
  readonly hollowCodes: readonly FindingCode[];
}

export const DEFAULT_ANOMALY_OPTIONS: AnomalyOptions = {
  executionReasonBelowPercent: DEFAULT_OPTIONS.executionReasonBelowPercent,
  highScoreFloor: 90,
  lowSpendingBelowPercent: 80,
  hollowCodes: ['UNQUANTIFIED_TARGET', 'INPUT_AS_OUTPUT', 'TARGET_TOO_LOW', 'TARGET_BELOW_LAST_YEAR'],
};

/** One indicator as the overview reads it: its definition and its scored line. */
export interface AnomalyIndicator {
  readonly name: string;
  readonly level1: Level1 | null;
  readonly level2: string | null;
  readonly direction: Direction;
  /** Decimal text as stored ("0", "12.5"); null when not filled. */
  readonly actual: string | null;
  readonly notApplicable: boolean;
  /** A deviation reason or an explanation of the actual was written. */
  readonly explained: boolean;
  readonly weight: Points;
  /** The final score of the line; null when not applicable. */
  readonly score: Points | null;
}

export interface AnomalyInput {
  /** The self-score (final total, hundredths); null while the weight table is blocking. */
  readonly selfScore: Points | null;
  /** 全年预算数 and 全年执行数, fen. */
  readonly adjustedFen: number;
  readonly executedFen: number;
  readonly executionReasonGiven: boolean;
  readonly indicators: readonly AnomalyIndicator[];
  /** Codes of the findings the core's checks raised on the evaluation. */
  readonly findingCodes: readonly FindingCode[];
}

export interface Anomaly {
  readonly code: AnomalyCode;
  /** Short label (zh), e.g. 高分低支. */
  readonly label: string;
  /** The rule behind it in plain Chinese, with the threshold. */
  readonly rule: string;
  /** What in this evaluation met the rule ("自评 95.00 分，执行率 70.00%"). */
  readonly detail: string;
}

const percentText = (executed: number, adjusted: number): string => formatPercent(fraction(BigInt(executed), BigInt(adjusted)));
/** executed / adjusted < percent / 100, exactly. */
function below(executed: number, adjusted: number, percent: number): boolean {
  return adjusted > 0 && BigInt(executed) * 100n < BigInt(percent) * BigInt(adjusted);
}

export const ANOMALY_LABEL: Readonly<Record<AnomalyCode, string>> = {
  ALL_FULL_MARKS: '指标全部满分',
  SELF_SCORE_FULL: '自评满分',
  HOLLOW_INDICATOR: '指标虚化',
  SATISFACTION_SURVEY_MISSING: '满意度无调查',
  EXECUTION_LOW_NO_REASON: '执行率低未说明',
  COST_AS_AT_LEAST: '成本指标方向错误',
  ZERO_ACTUAL_UNEXPLAINED: '实际值为零未说明',
  HIGH_SCORE_LOW_SPENDING: '高分低支',
};

export function anomalyRule(code: AnomalyCode, options: AnomalyOptions = DEFAULT_ANOMALY_OPTIONS): string {
  switch (code) {
    case 'ALL_FULL_MARKS':
      return '所有适用的绩效指标均得满分，自评可能未如实反映偏差';
    case 'SELF_SCORE_FULL':
      return '自评总分为 100 分';
    case 'HOLLOW_INDICATOR':
      return '质量检查发现指标未量化、以资金投入作为产出或目标值偏低';
    case 'SATISFACTION_SURVEY_MISSING':
      return '满意度指标没有关联满意度调查，实际值未经问卷调查取得';
    case 'EXECUTION_LOW_NO_REASON':
      return `预算执行率低于 ${options.executionReasonBelowPercent}% 且未说明原因`;
    case 'COST_AS_AT_LEAST':
      return '成本指标应控制在目标值以内（≤），却写成了“≥”或“>”';
    case 'ZERO_ACTUAL_UNEXPLAINED':
      return '定量指标实际完成值为 0，未说明原因';
    case 'HIGH_SCORE_LOW_SPENDING':
      return `自评 ${options.highScoreFloor} 分及以上而预算执行率低于 ${options.lowSpendingBelowPercent}%（高分低支）`;
  }
}

const scored = (indicator: AnomalyIndicator) => !indicator.notApplicable && indicator.score !== null;

/** The anomalies of one evaluation, in the order of ANOMALY_CODES, each at most once. */
export function findAnomalies(input: AnomalyInput, options: AnomalyOptions = DEFAULT_ANOMALY_OPTIONS): Anomaly[] {
  const found: Anomaly[] = [];
  const add = (code: AnomalyCode, detail: string) =>
    found.push({ code, label: ANOMALY_LABEL[code], rule: anomalyRule(code, options), detail });
  const names = (list: readonly AnomalyIndicator[]) => list.map((indicator) => `“${indicator.name}”`).join('、');
  const codes = new Set(input.findingCodes);

  const applicable = input.indicators.filter(scored);
  if (applicable.length > 0 && applicable.every((indicator) => indicator.score === indicator.weight))
    add('ALL_FULL_MARKS', `${applicable.length} 项指标均为满分`);
  if (input.selfScore === 10000) add('SELF_SCORE_FULL', '自评 100.00 分');
  const hollow = options.hollowCodes.filter((code) => codes.has(code));
  if (hollow.length > 0) add('HOLLOW_INDICATOR', `质量检查发现 ${hollow.length} 类问题`);
  if (codes.has('SATISFACTION_SURVEY_MISSING')) add('SATISFACTION_SURVEY_MISSING', '满意度指标未关联调查');
  const { adjustedFen: adjusted, executedFen: executed } = input;
  if (below(executed, adjusted, options.executionReasonBelowPercent) && !input.executionReasonGiven)
    add('EXECUTION_LOW_NO_REASON', `执行率 ${percentText(executed, adjusted)}`);
  const cost = input.indicators.filter(
    (indicator) => indicator.level2 === 'cost' && (indicator.direction === '>=' || indicator.direction === '>'),
  );
  if (cost.length > 0) add('COST_AS_AT_LEAST', names(cost));
  const zero = input.indicators.filter((indicator) => {
    if (indicator.notApplicable || indicator.direction === 'qualitative' || indicator.actual === null || indicator.explained) return false;
    const value = parseDecimal(indicator.actual);
    return value !== undefined && isZero(value);
  });
  if (zero.length > 0) add('ZERO_ACTUAL_UNEXPLAINED', names(zero));
  if (
    input.selfScore !== null &&
    input.selfScore >= options.highScoreFloor * 100 &&
    below(executed, adjusted, options.lowSpendingBelowPercent)
  )
    add('HIGH_SCORE_LOW_SPENDING', `自评 ${formatPoints(input.selfScore)} 分，执行率 ${percentText(executed, adjusted)}`);
  return found;
}

/** Execution rate in basis points (9952 = 99.52 %), rounded half up; undefined without a budget. */
export function executionBasisPoints(executedFen: number, adjustedFen: number): number | undefined {
  if (adjustedFen <= 0) return undefined;
  return Number(roundHalfUp(BigInt(executedFen) * 10000n, BigInt(adjustedFen)));
}

/**
 * What the overview needs of one evaluation once its anomalies are found: small enough to keep per
 * evaluation and read for a whole district at once (the indicators' lines are not kept). Labels and rule
 * texts are not kept either: they follow from the code and the options in force when read.
 */
export interface OverviewFacts {
  readonly selfScore: Points | null;
  readonly adjustedFen: number;
  readonly executedFen: number;
  readonly anomalies: readonly { readonly code: AnomalyCode; readonly detail: string }[];
}

export function overviewFacts(input: AnomalyInput, options: AnomalyOptions = DEFAULT_ANOMALY_OPTIONS): OverviewFacts {
  return {
    selfScore: input.selfScore,
    adjustedFen: input.adjustedFen,
    executedFen: input.executedFen,
    anomalies: findAnomalies(input, options).map(({ code, detail }) => ({ code, detail })),
  };
}

/** The anomalies of stored facts, with their labels and the rule texts of these options. */
export function anomaliesOf(facts: OverviewFacts, options: AnomalyOptions = DEFAULT_ANOMALY_OPTIONS): Anomaly[] {
  return facts.anomalies.map(({ code, detail }) => ({ code, label: ANOMALY_LABEL[code], rule: anomalyRule(code, options), detail }));
}
