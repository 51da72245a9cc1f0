import { type EvaluationInput, type Indicator, LEVEL1_LABEL, LEVEL2_LABEL, LEVEL2_OF, type Level2 } from '../model.ts';
import { compareDecimal, formatDecimal, formatPercent, fraction, toFraction } from '../numbers/decimal.ts';
import { formatPoints, type Points, scorePoints } from '../numbers/points.ts';
import { achievementRatio } from '../scoring/completion.ts';
import type { ScoredItem, ScoreTotals } from '../scoring/evaluation.ts';
import type { ScoringScheme } from '../scoring/scheme.ts';
import { type Finding, finding } from './findings.ts';
import { checkNarrative } from './narrative.ts';

/**
 * Quality checks on an indicator set (docs/rules.md §4.7 and the reference report's own problems):
 * what is missing, mis-filed, unexplained or suspicious. Pure: findings only, nothing changes.
 */
export function runChecks(input: EvaluationInput, scheme: ScoringScheme, items: readonly ScoredItem[], total: ScoreTotals): Finding[] {
  const findings: Finding[] = [];
  const applicable = input.indicators.filter((indicator) => !indicator.notApplicable);
  checkLevelledCoverage(applicable, findings);
  checkGoals(input, findings);
  // The scorer emits one item per indicator, in the indicators' order, before any other item.
  input.indicators.forEach((indicator, index) => {
    const item = items[index];
    checkIndicator(indicator, scheme, item?.kind === 'indicator' && item.id === indicator.id ? item : undefined, findings);
  });
  checkExecution(input, scheme, items, findings);
  checkManagementReasons(items, findings);
  checkDeclaredItemScores(input, items, findings);
  checkDeclaredTotal(input, scheme, total, findings);
  checkNarrative(input, total.final, findings);
  return findings;
}

const COVERAGE: readonly [Level2, 'MISSING_QUALITY_INDICATOR' | 'MISSING_TIMELINESS_INDICATOR' | 'MISSING_COST_INDICATOR'][] = [
  ['quality', 'MISSING_QUALITY_INDICATOR'],
  ['timeliness', 'MISSING_TIMELINESS_INDICATOR'],
  ['cost', 'MISSING_COST_INDICATOR'],
];

/**
 * Coverage needs every indicator's level: on a flat form (indicators without 一级 / 二级) it cannot
 * be judged, and saying so is better than reporting every level as missing.
 */
function checkLevelledCoverage(indicators: readonly Indicator[], findings: Finding[]): void {
  const unlevelled = indicators.filter((indicator) => indicator.level1 === undefined || indicator.level2 === undefined).length;
  if (unlevelled > 0) findings.push(finding('COVERAGE_NOT_CHECKED', { kind: 'evaluation' }, { count: unlevelled }));
  else checkCoverage(indicators, findings);
}

/** Also run on declarations before the year, hence only the levels are read. */
export function checkCoverage(indicators: readonly Pick<Indicator, 'level1' | 'level2'>[], findings: Finding[]): void {
  const present = new Set(indicators.map((indicator) => indicator.level2));
  for (const [level2, code] of COVERAGE) {
    if (!present.has(level2)) findings.push(finding(code, { kind: 'level', id: level2, name: LEVEL2_LABEL[level2] }));
  }
  if (!indicators.some((indicator) => indicator.level1 === 'satisfaction')) {
    findings.push(finding('MISSING_SATISFACTION_INDICATOR', { kind: 'level', id: 'satisfaction', name: LEVEL1_LABEL.satisfaction }));
  }
}

function checkGoals(input: EvaluationInput, findings: Finding[]): void {
  const goalIds = new Set(input.goals.map((goal) => goal.id));
  const used = new Set<string>();
  for (const indicator of input.indicators) {
    if (indicator.goalId === undefined) continue;
    used.add(indicator.goalId);
    if (!goalIds.has(indicator.goalId)) {
      findings.push(finding('UNKNOWN_GOAL', subjectOf(indicator), { name: indicator.name, goalId: indicator.goalId }));
    }
  }
  // Goals are linked to indicators only when the workbook links any; a project with one overall goal need not.
  if (used.size === 0) return;
  for (const goal of input.goals) {
    if (!used.has(goal.id))
      findings.push(
        finding(
          'GOAL_WITHOUT_INDICATORS',
          { kind: 'goal', id: goal.id, name: goal.summary ?? goal.text },
          { goal: goal.summary ?? goal.text },
        ),
      );
  }
}

/** Words that mark money put in rather than work done (docs/rules.md §4.4: inputs are not targets). */
const INPUT_WORDS = /(投入|拨付|支出|经费|预算|资金)(金额|总额|额|数|规模)?$|^(资金|经费|预算)/;
const MONEY_UNITS = new Set(['元', '万元', '亿元', '千元']);
const SATISFACTION_WORDS = /满意/;
const SURVEY_WORDS = /问卷|调查|调研|样本|测评|回访/;

/** Money put in written as an output (a non-cost output in 元 named like 资金投入); also checked at declaration. */
export function isInputAsOutput(indicator: Pick<Indicator, 'level1' | 'level2' | 'unit' | 'name'>): boolean {
  return (
    indicator.level1 === 'output' &&
    indicator.level2 !== 'cost' &&
    MONEY_UNITS.has(indicator.unit ?? '') &&
    INPUT_WORDS.test(indicator.name)
  );
}

/** A survey-fed 满意度 indicator must rest on its planned sample; a tracked one with no survey is flagged. */
function checkSurveySample(indicator: Indicator, subject: Finding['subject'], findings: Finding[]): void {
  if (indicator.level1 !== 'satisfaction' || indicator.notApplicable || indicator.surveySample === undefined) return;
  const sample = indicator.surveySample;
  if (sample === null) findings.push(finding('SATISFACTION_SURVEY_MISSING', subject, { name: indicator.name }));
  else if (sample.valid < sample.planned)
    findings.push(finding('SATISFACTION_SAMPLE_SHORT', subject, { name: indicator.name, valid: sample.valid, planned: sample.planned }));
}

function subjectOf(indicator: Indicator): Finding['subject'] {
  return { kind: 'indicator', id: indicator.id, name: indicator.name };
}

function checkIndicator(indicator: Indicator, scheme: ScoringScheme, item: ScoredItem | undefined, findings: Finding[]): void {
  const subject = subjectOf(indicator);
  const name = indicator.name;
  if (indicator.level1 && indicator.level2 && !LEVEL2_OF[indicator.level1].includes(indicator.level2)) {
    findings.push(
      finding('WRONG_LEVEL', subject, { name, level1: LEVEL1_LABEL[indicator.level1], level2: LEVEL2_LABEL[indicator.level2] }),
    );
  }
  if (SATISFACTION_WORDS.test(name) && indicator.level1 !== undefined && indicator.level1 !== 'satisfaction') {
    findings.push(finding('MISPLACED_SATISFACTION', subject, { name }));
  }
  checkSurveySample(indicator, subject, findings);
  if (indicator.level1 === 'satisfaction' && !indicator.surveySample && !SURVEY_WORDS.test(indicator.dataSource ?? '')) {
    findings.push(finding('SATISFACTION_SOURCE_MISSING', subject, { name }));
  } else if (!indicator.dataSource) {
    findings.push(finding('MISSING_DATA_SOURCE', subject, { name }));
  }
  if (indicator.notApplicable) return;

  if (indicator.direction === 'qualitative') {
    if (indicator.level1 === 'output') findings.push(finding('UNQUANTIFIED_TARGET', subject, { name }));
  } else {
    if (!indicator.unit) findings.push(finding('MISSING_UNIT', subject, { name }));
    checkTargetLevel(indicator, scheme, subject, findings);
  }
  if (isInputAsOutput(indicator)) {
    findings.push(finding('INPUT_AS_OUTPUT', subject, { name }));
  }
  // A deduction made only by the evaluator is explained by the adjustment's own mandatory reason.
  const shortfall = item && item.computed !== null && item.computed < item.weight;
  const deducted = item && item.final !== null && item.final < item.weight;
  if (item && item.final !== null && deducted && (shortfall || !indicator.adjustment) && !indicator.deviationReason?.trim()) {
    findings.push(
      finding('MISSING_DEVIATION_REASON', subject, { name, score: formatPoints(item.final), weight: formatPoints(item.weight) }),
    );
  }
  const declared = item ? declaredScoreOf(indicator, item.weight, findings) : undefined;
  if (item && declared !== undefined && item.final !== null && declared !== item.final) {
    findings.push(finding('SCORE_MISMATCH', subject, { name, declared: formatPoints(declared), computed: formatPoints(item.final) }));
  }
}

/**
 * The published score of an imported form: 得分 as written, or 得分系数 × 分值 rounded like every
 * score. Both written and disagreeing is an error of the form itself, and neither is checked further.
 */
function declaredScoreOf(indicator: Indicator, weight: Points, findings: Finding[]): Points | undefined {
  const coefficient = indicator.scoreCoefficient;
  if (coefficient === undefined) return indicator.declaredScore;
  const subject = subjectOf(indicator);
  const who = { indicator: `指标 ${indicator.id}“${indicator.name}”`, indicatorEn: `Indicator ${indicator.id} "${indicator.name}"` };
  const share = toFraction(coefficient);
  if (share.num < 0n || share.num > share.den) {
    findings.push(finding('SCORE_COEFFICIENT_OUT_OF_RANGE', subject, { ...who, value: formatDecimal(coefficient) }));
    return indicator.declaredScore;
  }
  const fromCoefficient = scorePoints(weight, share);
  if (indicator.declaredScore === undefined || indicator.declaredScore === fromCoefficient) return fromCoefficient;
  findings.push(
    finding('SCORE_COEFFICIENT_CONFLICT', subject, {
      ...who,
      declared: formatPoints(indicator.declaredScore),
      coefficient: formatDecimal(coefficient),
      weight: formatPoints(weight),
      fromCoefficient: formatPoints(fromCoefficient),
    }),
  );
  return undefined;
}

function checkTargetLevel(indicator: Indicator, scheme: ScoringScheme, subject: Finding['subject'], findings: Finding[]): void {
  const { target, actual, lastYearActual } = indicator;
  if (!target) return;
  const higherIsBetter = indicator.direction === '>=' || indicator.direction === '>';
  if (higherIsBetter && actual) {
    const ratio = achievementRatio(toFraction(target), toFraction(actual));
    const threshold = scheme.options.overAchievementPercent;
    if (ratio && ratio.num * 100n >= BigInt(threshold) * ratio.den) {
      findings.push(finding('TARGET_TOO_LOW', subject, { name: indicator.name, percent: formatPercent(ratio), threshold }));
    }
  }
  if (lastYearActual) {
    const lower = higherIsBetter
      ? compareDecimal(target, lastYearActual) < 0
      : indicator.direction !== '=' && compareDecimal(target, lastYearActual) > 0;
    if (lower) {
      findings.push(
        finding('TARGET_BELOW_LAST_YEAR', subject, {
          name: indicator.name,
          target: formatDecimal(target),
          last: formatDecimal(lastYearActual),
        }),
      );
    }
  }
}

function checkExecution(input: EvaluationInput, scheme: ScoringScheme, items: readonly ScoredItem[], findings: Finding[]): void {
  const { executed, adjusted, executionReason } = input.budget;
  if (adjusted <= 0 || executionReason?.trim()) return;
  // Departments without an execution score still report the rate under 管理效率, and the reason rule applies to both.
  const relevant = items.some((item) => item.kind === 'execution' || item.id === 'budget-execution-rate');
  if (!relevant) return;
  const threshold = scheme.options.executionReasonBelowPercent;
  if (BigInt(executed) * 100n < BigInt(threshold) * BigInt(adjusted)) {
    findings.push(
      finding(
        'EXECUTION_REASON_MISSING',
        { kind: 'budget', id: 'execution', name: '预算执行率' },
        { rate: formatPercent(fraction(BigInt(executed), BigInt(adjusted))), threshold },
      ),
    );
  }
}

function checkManagementReasons(items: readonly ScoredItem[], findings: Finding[]): void {
  for (const item of items) {
    if (item.kind !== 'management' || item.final === null || item.final >= item.weight || item.deviationReason?.trim()) continue;
    if (item.id === 'budget-execution-rate') continue; // covered by the execution-reason rule
    findings.push(
      finding(
        'MISSING_DEVIATION_REASON',
        { kind: 'management', id: item.id, name: item.name },
        { name: item.name, score: formatPoints(item.final), weight: formatPoints(item.weight) },
      ),
    );
  }
}

/**
 * The execution score and each 管理效率 item's score written on an imported form are checked like an
 * indicator's declared score. A department scheme scores execution as the 预算执行率 管理效率 item.
 */
function checkDeclaredItemScores(input: EvaluationInput, items: readonly ScoredItem[], findings: Finding[]): void {
  const declaredExecution = input.budget.declaredExecutionScore;
  if (declaredExecution !== undefined) {
    const item =
      items.find((candidate) => candidate.kind === 'execution') ?? items.find((candidate) => candidate.id === 'budget-execution-rate');
    compareDeclared(
      declaredExecution,
      item,
      { kind: 'budget', id: 'execution', name: '预算执行率' },
      '预算执行率',
      'Budget execution',
      findings,
    );
  }
  const scored = new Map(items.filter((item) => item.kind === 'management').map((item) => [item.id, item]));
  for (const entry of input.management) {
    if (entry.declaredScore === undefined) continue;
    const item = scored.get(entry.code);
    // An unknown code is refused on its own; its score has nothing to be compared with.
    if (!item) continue;
    const subject = { kind: 'management', id: entry.code, name: item.name } as const;
    compareDeclared(
      entry.declaredScore,
      item,
      subject,
      `管理效率“${item.name}”（${entry.code}）`,
      `Management item ${entry.code} "${item.name}"`,
      findings,
    );
  }
}

function compareDeclared(
  declared: Points,
  item: ScoredItem | undefined,
  subject: Finding['subject'],
  label: string,
  labelEn: string,
  findings: Finding[],
): void {
  const computed = item?.final ?? null;
  if (computed === declared) return;
  findings.push(
    finding('ITEM_SCORE_MISMATCH', subject, {
      subject: label,
      subjectEn: labelEn,
      declared: formatPoints(declared),
      computed: computed === null ? '（不计分）' : formatPoints(computed),
    }),
  );
}

/** The declared 合计 must equal the total of the final scores (rescaled like the official total). */
function checkDeclaredTotal(input: EvaluationInput, scheme: ScoringScheme, total: ScoreTotals, findings: Finding[]): void {
  if (input.declaredTotal === undefined) return;
  const tolerance: Points = scheme.options.totalTolerance;
  if (Math.abs(input.declaredTotal - total.final) > tolerance) {
    findings.push(
      finding(
        'TOTAL_MISMATCH',
        { kind: 'evaluation' },
        { declared: formatPoints(input.declaredTotal), sum: formatPoints(total.final), tolerance: formatPoints(tolerance) },
      ),
    );
  }
}
