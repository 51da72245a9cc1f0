import { runChecks } from '../checks/checks.ts';
import { type Finding, type FindingSubject, finding } from '../checks/findings.ts';
import {
  type Adjustment,
  BAND_LABEL,
  type BudgetFigures,
  type EvaluationInput,
  type Indicator,
  LEVEL1_LABEL,
  type Level1,
  type ManagementEntry,
  type OwnManagementItem,
} from '../model.ts';
import {
  alignScale,
  type Decimal,
  type Fraction,
  formatDecimal,
  formatPercent,
  fraction,
  pow10,
  roundHalfUp,
  toFraction,
} from '../numbers/decimal.ts';
import { formatYuanGrouped } from '../numbers/money.ts';
import { allocateEvenly, formatPoints, type Points, scorePoints } from '../numbers/points.ts';
import { type Completion, completion, type Quantity } from './completion.ts';
import { type Evaluation, type Grade, type ItemStatus, PART_LABEL, type PartKey, type PartSummary, type ScoredItem } from './evaluation.ts';
import { checkFundingSources } from './funding.ts';
import { bandOfGrades, compareGrades, isCompletionWord } from './grades.ts';
import { type ManagementItemDefinition, nearestCatalogueCode } from './management-catalogue.ts';
import { type Explanation, explain, RULES } from './rules.ts';
import type { SchemeOptions, ScoringScheme } from './scheme.ts';

const LEVELS: readonly Level1[] = ['output', 'effect', 'satisfaction'];
const LEVEL1_EN: Readonly<Record<Level1, string>> = { output: 'output', effect: 'effect', satisfaction: 'satisfaction' };
const PART_ORDER: readonly PartKey[] = ['output', 'effect', 'satisfaction', 'indicators', 'execution', 'management'];
const FULL: Points = 10_000;

/**
 * Scores one self-evaluation by its scheme. Pure: the same input and scheme always give the same
 * evaluation, and every number in it carries the rule, inputs and arithmetic that produced it.
 */
export function evaluate(input: EvaluationInput, scheme: ScoringScheme): Evaluation {
  const findings: Finding[] = [];
  const catalogue = managementDefinitions(input, scheme, findings);
  checkSchemeWeights(input, scheme, catalogue, findings);
  checkFundingSources(input.budget, findings);
  const allocation =
    scheme.options.levelWeightMode === 'free'
      ? allocateFreeWeights(input.indicators, scheme, findings)
      : allocateIndicatorWeights(input.indicators, scheme, findings);

  const items: ScoredItem[] = input.indicators.map((indicator, index) =>
    scoreIndicator(indicator, allocation.weights[index] ?? 0, scheme.options, findings),
  );
  if (scheme.executionWeight > 0) items.push(scoreExecution(input.budget, scheme.executionWeight, scheme.options, findings));
  items.push(...scoreManagement(input, scheme, catalogue, findings));

  const parts = summariseParts(items, scheme, allocation.emptyLevels);
  const totalWeight = sum(parts.map((part) => part.weight));
  const notApplicableWeight = sum(parts.map((part) => part.notApplicableWeight));
  const raw = { computed: sum(parts.map((part) => part.computed)), final: sum(parts.map((part) => part.final)) };
  const total = {
    computed: rescale(raw.computed, totalWeight, notApplicableWeight),
    final: rescale(raw.final, totalWeight, notApplicableWeight),
  };
  findings.push(...runChecks(input, scheme, items, total));

  return {
    scheme: { id: scheme.id, version: scheme.version, name: scheme.name },
    items,
    parts,
    totalWeight,
    notApplicableWeight,
    raw,
    total,
    totalExplanation: explainTotal(parts, raw.final, total.final, totalWeight, notApplicableWeight),
    grade: {
      computed: gradeOf(total.computed, scheme.options),
      final: gradeOf(total.final, scheme.options),
      explanation: explainGrade(total.final, scheme.options),
    },
    findings,
  };
}

// ── weights ─────────────────────────────────────────────────────────────────────────────────────

function managementWeight(definition: ManagementItemDefinition, entries: ReadonlyMap<string, ManagementEntry>): Points {
  return entries.get(definition.code)?.weight ?? definition.weight;
}

function checkSchemeWeights(
  input: EvaluationInput,
  scheme: ScoringScheme,
  catalogue: readonly ManagementItemDefinition[],
  findings: Finding[],
): void {
  const entries = entriesByCode(input.management);
  const total =
    sum(LEVELS.map((level) => scheme.levelWeights[level])) +
    scheme.executionWeight +
    sum(catalogue.map((definition) => managementWeight(definition, entries)));
  if (total !== FULL) {
    findings.push(finding('SCHEME_WEIGHT_MISMATCH', { kind: 'evaluation' }, { sum: formatPoints(total) }));
  }
}

interface Allocation {
  readonly weights: Points[];
  /** Levels without any indicator, with the weight they leave behind. */
  readonly emptyLevels: ReadonlyMap<Level1, Points>;
}

/** Explicit weights stay; the rest of each level's weight is shared evenly (docs/rules.md §4.7). */
function allocateIndicatorWeights(indicators: readonly Indicator[], scheme: ScoringScheme, findings: Finding[]): Allocation {
  const weights: Points[] = new Array<Points>(indicators.length).fill(0);
  const emptyLevels = new Map<Level1, Points>();
  for (const indicator of indicators) {
    if (indicator.level1 === undefined)
      findings.push(finding('INDICATOR_LEVEL_MISSING', subjectOf(indicator), { id: indicator.id, name: indicator.name }));
  }
  for (const level of LEVELS) {
    const levelWeight = scheme.levelWeights[level];
    const explicit: number[] = [];
    const implicit: number[] = [];
    indicators.forEach((indicator, index) => {
      if (indicator.level1 !== level) return;
      (indicator.weight === undefined ? implicit : explicit).push(index);
    });
    if (explicit.length + implicit.length === 0) {
      if (levelWeight > 0) {
        emptyLevels.set(level, levelWeight);
        const rescaled = scheme.options.emptyLevel === 'rescale';
        findings.push(
          finding(
            'EMPTY_LEVEL',
            { kind: 'level', id: level, name: LEVEL1_LABEL[level] },
            {
              level: LEVEL1_LABEL[level],
              levelEn: LEVEL1_EN[level],
              weight: formatPoints(levelWeight),
              treatment: rescaled ? '按不适用处理并折算总分' : '按 0 分计',
              treatmentEn: rescaled ? 'are treated as not applicable and the total is rescaled' : 'score 0',
            },
          ),
        );
      }
      continue;
    }
    const explicitSum = sum(explicit.map((index) => indicators[index]?.weight ?? 0));
    for (const index of explicit) weights[index] = indicators[index]?.weight ?? 0;
    const subject = { kind: 'level', id: level, name: LEVEL1_LABEL[level] } as const;
    const params = {
      level: LEVEL1_LABEL[level],
      levelEn: LEVEL1_EN[level],
      sum: formatPoints(explicitSum),
      expected: formatPoints(levelWeight),
    };
    if (implicit.length === 0) {
      if (explicitSum !== levelWeight) findings.push(finding('WEIGHT_SUM_MISMATCH', subject, params));
      continue;
    }
    const remaining = levelWeight - explicitSum;
    if (remaining < 0) {
      findings.push(finding('WEIGHT_LEVEL_OVERFLOW', subject, params));
      continue;
    }
    allocateEvenly(remaining, implicit.length).forEach((weight, position) => {
      const index = implicit[position];
      if (index !== undefined) weights[index] = weight;
    });
  }
  return { weights, emptyLevels };
}

/**
 * Free level weights (`levelWeightMode: 'free'`): the levels' weights form one pool (90 in
 * 财预〔2020〕10号's 产出 50 + 效益 30 + 满意度 10) shared by all indicators, levelled or not, by their
 * own weights; the indicators without one share what is left evenly. No level can be empty.
 */
function allocateFreeWeights(indicators: readonly Indicator[], scheme: ScoringScheme, findings: Finding[]): Allocation {
  const pool = sum(LEVELS.map((level) => scheme.levelWeights[level]));
  const weights: Points[] = indicators.map((indicator) => indicator.weight ?? 0);
  const implicit = indicators.flatMap((indicator, index) => (indicator.weight === undefined ? [index] : []));
  const explicitSum = sum(weights);
  const mismatch = implicit.length === 0 ? explicitSum !== pool : explicitSum > pool;
  if (mismatch) {
    const exact = implicit.length === 0;
    findings.push(
      finding(
        'FREE_WEIGHT_SUM_MISMATCH',
        { kind: 'evaluation' },
        {
          sum: formatPoints(explicitSum),
          expected: formatPoints(pool),
          relation: exact ? '应为' : '不得超过',
          relationEn: exact ? 'add up to' : 'not exceed',
        },
      ),
    );
  } else if (implicit.length > 0) {
    allocateEvenly(pool - explicitSum, implicit.length).forEach((weight, position) => {
      const index = implicit[position];
      if (index !== undefined) weights[index] = weight;
    });
  }
  return { weights, emptyLevels: new Map() };
}

function subjectOf(indicator: Indicator): FindingSubject {
  return { kind: 'indicator', id: indicator.id, name: indicator.name };
}

// ── indicators ──────────────────────────────────────────────────────────────────────────────────

const DIRECTION_SYMBOL = { '>=': '≥', '>': '>', '<=': '≤', '<': '<', '=': '=', qualitative: '' } as const;

export function targetLabel(indicator: Indicator): string | undefined {
  if (indicator.direction === 'qualitative') return indicator.targetText;
  if (!indicator.target) return indicator.targetText;
  return `${DIRECTION_SYMBOL[indicator.direction]}${formatDecimal(indicator.target)}${indicator.unit ?? ''}`;
}

/** 调整后指标值 as shown beside the original; undefined when no adjustment was approved. */
export function adjustedTargetLabel(indicator: Indicator): string | undefined {
  if (indicator.direction === 'qualitative' || !indicator.adjustedTarget) return indicator.adjustedTargetText;
  return `${DIRECTION_SYMBOL[indicator.direction]}${formatDecimal(indicator.adjustedTarget)}${indicator.unit ?? ''}`;
}

/** The target an indicator is scored against: the approved adjusted one when there is one. */
function scoredTarget(indicator: Indicator): { value: Decimal | undefined; text: string | undefined; adjusted: boolean } {
  const adjusted = indicator.adjustedTarget !== undefined || indicator.adjustedTargetText !== undefined;
  if (indicator.direction === 'qualitative') {
    return { value: undefined, text: indicator.adjustedTargetText ?? indicator.targetText, adjusted };
  }
  return adjusted
    ? { value: indicator.adjustedTarget, text: indicator.adjustedTargetText, adjusted }
    : { value: indicator.target, text: indicator.targetText, adjusted };
}

function actualLabel(indicator: Indicator): string | undefined {
  if (indicator.direction === 'qualitative') return indicator.actualText ?? (indicator.band ? BAND_LABEL[indicator.band] : undefined);
  return indicator.actual ? `${formatDecimal(indicator.actual)}${indicator.unit ?? ''}` : indicator.actualText;
}

/** `value` is the scale-aligned decimal used in the arithmetic; `shown` the one the user entered. */
const quantity = (value: Decimal, shown: Decimal): Quantity => ({ value: toFraction(value), text: formatDecimal(shown) });

function scoreIndicator(indicator: Indicator, weight: Points, options: SchemeOptions, findings: Finding[]): ScoredItem {
  const head: ItemHead = {
    kind: 'indicator',
    id: indicator.id,
    name: indicator.name,
    part: indicator.level1 ?? 'indicators',
    level2: indicator.level2,
    goalId: indicator.goalId,
    weight,
    band: indicator.direction === 'qualitative' ? indicator.band : undefined,
    target: targetLabel(indicator),
    adjustedTarget: adjustedTargetLabel(indicator),
    actual: actualLabel(indicator),
    deviationReason: indicator.deviationReason,
    isCore: indicator.isCore,
    illustrative: indicator.illustrative,
  };
  if (indicator.notApplicable) return assemble(head, notApplicable(weight), undefined, findings);
  const subject = subjectOf(indicator);
  const W = formatPoints(weight);
  const scored = scoredTarget(indicator);

  if (indicator.direction === 'qualitative') {
    const graded = indicator.band ? undefined : scoreGraded(indicator, scored.text, { weight, options, subject, findings });
    if (graded) return assemble(head, graded, indicator.adjustment, findings);
    const band = scoreQualitative(indicator.name, indicator.band, indicator.qualitativeScore, weight, options, subject, findings);
    return assemble(head, band, indicator.adjustment, findings);
  }
  const targetDecimal = scored.value;
  if (!targetDecimal) {
    if (scored.adjusted) findings.push(finding('ADJUSTED_TARGET_WITHOUT_VALUE', subject, { ...named(indicator), text: scored.text ?? '' }));
    else findings.push(finding('MISSING_TARGET', subject, { name: indicator.name }));
    refuseAdjustment(subject, indicator.adjustment, { zh: '目标值', en: 'target value' }, findings);
    return assemble(head, missing({ 分值: W }, '未填写目标值 → 暂计 0.00'), undefined, findings);
  }
  if (!indicator.actual) {
    const reportedDone = isCompletionWord(indicator.actualText);
    const done = reportedDone
      ? scoreCompletionWord(indicator, targetDecimal, scored.text, { weight, options, subject, findings })
      : undefined;
    if (done) return assemble(head, done, indicator.adjustment, findings);
    if (!reportedDone) findings.push(finding('MISSING_ACTUAL', subject, { name: indicator.name }));
    refuseAdjustment(subject, indicator.adjustment, { zh: '实际完成值', en: 'actual value' }, findings);
    return assemble(head, missing({ 目标值: formatDecimal(targetDecimal), 分值: W }, '未填写完成值 → 暂计 0.00'), undefined, findings);
  }
  const [targetValue, actualValue] = alignScale(targetDecimal, indicator.actual);
  const target = quantity(targetValue, targetDecimal);
  const actual = quantity(actualValue, indicator.actual);
  const outcome = completion(indicator.direction, target, actual, options);
  const score = scorePoints(weight, outcome.share);
  const ratio = target.value.num > 0n ? formatPercent(fraction(actual.value.num, target.value.num)) : undefined;
  return assemble(
    head,
    {
      status: statusOf(outcome, score, weight),
      computed: score,
      completionPercent: ratio,
      explanation: explain(
        outcome.rule,
        { 目标值: target.text, 完成值: actual.text, 分值: W, ...(indicator.actualSource ? { 完成值来源: indicator.actualSource } : {}) },
        arithmetic(outcome, W, score),
      ),
    },
    indicator.adjustment,
    findings,
  );
}

/** "指标 O4“企业覆盖数”", how every message about an indicator names it. */
function named(indicator: Indicator): { indicator: string; indicatorEn: string; name: string } {
  return {
    indicator: `指标 ${indicator.id}“${indicator.name}”`,
    indicatorEn: `Indicator ${indicator.id} "${indicator.name}"`,
    name: indicator.name,
  };
}

/**
 * A qualitative indicator whose target and actual are grades of one configured scale scores itself
 * (docs/scoring.md, 定性分级目标): the band follows from the grades, and the score is the band's
 * floor below 达成 unless the evaluator gives one within the band. Undefined when neither value is a
 * grade word, so the evaluator's band decides as before.
 */
/** What scoring one indicator line needs besides the indicator itself. */
interface Line {
  readonly weight: Points;
  readonly options: SchemeOptions;
  readonly subject: FindingSubject;
  readonly findings: Finding[];
}

function scoreGraded(indicator: Indicator, targetText: string | undefined, line: Line): Scored | undefined {
  const { weight, options, subject, findings } = line;
  const grades = compareGrades(targetText, indicator.actualText, options.qualitativeScales);
  if (grades.kind === 'none') return undefined;
  const W = formatPoints(weight);
  if (grades.kind !== 'graded') {
    findings.push(
      finding(grades.kind === 'unknown' ? 'GRADE_UNKNOWN' : 'GRADE_SCALES_DIFFER', subject, {
        ...named(indicator),
        target: targetText ?? '',
        actual: indicator.actualText ?? '',
        scales: grades.scales.map((scale) => scale.join('>')).join('；'),
      }),
    );
    return missing({ 分值: W }, '目标与完成情况不是同一档次序列 → 暂计 0.00');
  }
  const band = bandOfGrades(grades.scale, grades.target, grades.actual);
  const given = indicator.qualitativeScore ?? (band === 'achieved' ? weight : bandRange(band, weight, options).low);
  const scored = scoreQualitative(indicator.name, band, given, weight, options, subject, findings);
  const target = grades.scale[grades.target] ?? '';
  const actual = grades.scale[grades.actual] ?? '';
  const relation = band === 'achieved' ? '达到目标档次' : `低于目标 ${grades.actual - grades.target} 档`;
  return {
    ...scored,
    explanation: explain(
      'qualitative.grade',
      { 档次序列: grades.scale.join('>'), 目标: target, 完成: actual, 分值: W },
      `目标“${target}”，完成“${actual}”，${relation} → ${scored.explanation.text}`,
    ),
  };
}

/**
 * A quantitative task reported as done ("按期完成") has no number to compare. By default it is
 * refused with a message saying how to write it; with `met-when-target-is-completion` it is met
 * when the target itself is a completion (target text 完成, or 100 %), and refused otherwise.
 */
function scoreCompletionWord(indicator: Indicator, target: Decimal, targetText: string | undefined, line: Line): Scored | undefined {
  const { weight, options, subject, findings } = line;
  const targetIsCompletion = isCompletionWord(targetText) || (indicator.unit === '%' && formatDecimal(target) === '100');
  if (options.completionWords === 'met-when-target-is-completion' && targetIsCompletion) {
    return {
      status: 'met',
      computed: weight,
      explanation: explain(
        'quantitative.completion-word',
        {
          目标值: targetText ?? `${formatDecimal(target)}${indicator.unit ?? ''}`,
          完成值: indicator.actualText ?? '',
          分值: formatPoints(weight),
        },
        `完成值“${indicator.actualText ?? ''}”，目标为完成 → 满分 ${formatPoints(weight)}`,
      ),
    };
  }
  findings.push(
    finding('COMPLETION_WORD_ACTUAL', subject, {
      ...named(indicator),
      value: indicator.actualText ?? '',
      target: targetText ?? `${formatDecimal(target)}${indicator.unit ?? ''}`,
      option: options.completionWords,
    }),
  );
  return undefined;
}

function arithmetic(outcome: Completion, W: string, score: Points): string {
  if (outcome.met) return `${outcome.comparison} → 满分 ${W}`;
  if (!outcome.formula) return `${outcome.comparison} → 未达标，得 ${formatPoints(score)}`;
  return `${outcome.comparison} → ${outcome.formula.replace('W', W)} = ${formatPoints(score)}`;
}

function statusOf(outcome: Completion, score: Points, weight: Points): ItemStatus {
  if (outcome.met || score === weight) return 'met';
  return score > 0 ? 'partial' : 'not-met';
}

/** What identifies a table line; the scored part is added by `assemble`. */
type ItemHead = Omit<
  ScoredItem,
  'status' | 'computed' | 'final' | 'completionPercent' | 'explanation' | 'adjustment' | 'adjustmentExplanation'
>;

/** The outcome of scoring one line, before any evaluator adjustment. */
interface Scored {
  readonly status: ItemStatus;
  readonly computed: Points | null;
  readonly completionPercent?: string | undefined;
  readonly explanation: Explanation;
}

function notApplicable(weight: Points): Scored {
  return {
    status: 'not-applicable',
    computed: null,
    explanation: explain('not-applicable', { 分值: formatPoints(weight) }, `不适用 → 不计分，分值 ${formatPoints(weight)} 从满分中剔除`),
  };
}

function missing(inputs: Record<string, string>, text: string): Scored {
  return { status: 'missing', computed: 0, explanation: explain('missing-actual', inputs, text) };
}

/**
 * Builds the line in one object literal with a fixed property order: a table of 100,000 lines then
 * shares one hidden class, which keeps scoring and every later pass over the items fast.
 */
function assemble(head: ItemHead, scored: Scored, adjustment: Adjustment | undefined, findings: Finding[]): ScoredItem {
  const accepted = scored.computed === null ? undefined : acceptAdjustment(head, adjustment, findings);
  return {
    kind: head.kind,
    id: head.id,
    name: head.name,
    part: head.part,
    level2: head.level2,
    goalId: head.goalId,
    weight: head.weight,
    status: scored.status,
    band: head.band,
    target: head.target,
    adjustedTarget: head.adjustedTarget,
    actual: head.actual,
    completionPercent: scored.completionPercent,
    computed: scored.computed,
    final: accepted ? accepted.score : scored.computed,
    adjustment: accepted,
    deviationReason: head.deviationReason,
    explanation: scored.explanation,
    adjustmentExplanation:
      accepted && scored.computed !== null
        ? explain(
            'adjustment',
            { 计算得分: formatPoints(scored.computed), 调整后得分: formatPoints(accepted.score), 理由: accepted.reason },
            `计算得分 ${formatPoints(scored.computed)} → 评价人调整为 ${formatPoints(accepted.score)}（理由：${accepted.reason}）`,
          )
        : undefined,
    isCore: head.isCore,
    illustrative: head.illustrative,
  };
}

/**
 * A line that cannot be scored has no computed score for the evaluator's adjustment to replace;
 * the adjustment is named as an error instead of being dropped without a word.
 */
function refuseAdjustment(
  subject: FindingSubject,
  adjustment: Adjustment | undefined,
  missingInput: { zh: string; en: string },
  findings: Finding[],
): void {
  if (!adjustment) return;
  const isIndicator = subject.kind === 'indicator';
  findings.push(
    finding('ADJUSTMENT_WITHOUT_SCORE', subject, {
      subject: isIndicator ? `指标 ${subject.id ?? ''}“${subject.name ?? ''}”` : `管理效率“${subject.name ?? ''}”（${subject.id ?? ''}）`,
      subjectEn: `${isIndicator ? 'Indicator' : 'Management item'} ${subject.id ?? ''} "${subject.name ?? ''}"`,
      score: formatPoints(adjustment.score),
      missing: missingInput.zh,
      missingEn: missingInput.en,
    }),
  );
}

function acceptAdjustment(head: ItemHead, adjustment: Adjustment | undefined, findings: Finding[]): Adjustment | undefined {
  if (!adjustment) return undefined;
  if (adjustment.score >= 0 && adjustment.score <= head.weight) return adjustment;
  const kind = head.kind === 'indicator' ? 'indicator' : head.kind === 'execution' ? 'budget' : 'management';
  findings.push(
    finding(
      'ADJUSTMENT_OUT_OF_RANGE',
      { kind, id: head.id, name: head.name },
      {
        name: head.name,
        score: formatPoints(adjustment.score),
        weight: formatPoints(head.weight),
      },
    ),
  );
  return undefined;
}

/** Band limits in points: [low, high], where the upper bound is exclusive except for 达成. */
export function bandRange(
  band: ScoredItem['band'] & string,
  weight: Points,
  options: SchemeOptions,
): { low: Points; high: Points; highInclusive: boolean } {
  const at = (percent: number): Points => scorePoints(weight, fraction(BigInt(percent), 100n));
  const achieved = at(options.bandAchievedFloorPercent);
  const partial = at(options.bandPartialFloorPercent);
  if (band === 'achieved') return { low: achieved, high: weight, highInclusive: true };
  if (band === 'partial') return { low: partial, high: achieved, highInclusive: false };
  return { low: 0, high: partial, highInclusive: false };
}

function scoreQualitative(
  name: string,
  band: ScoredItem['band'],
  given: Points | undefined,
  weight: Points,
  options: SchemeOptions,
  subject: Finding['subject'],
  findings: Finding[],
): Scored {
  const W = formatPoints(weight);
  // 达成 without a score means full marks; the lower bands need the evaluator's number.
  const score = given ?? (band === 'achieved' ? weight : undefined);
  if (!band || score === undefined) {
    findings.push(finding('MISSING_BAND', subject, { name }));
    return missing({ 分值: W }, '未评定档次 → 暂计 0.00');
  }
  const range = bandRange(band, weight, options);
  const rangeText = `[${formatPoints(range.low)}, ${formatPoints(range.high)}${range.highInclusive ? ']' : ')'}`;
  const inside = score >= range.low && (range.highInclusive ? score <= range.high : score < range.high);
  const label = BAND_LABEL[band];
  if (!inside) {
    findings.push(finding('BAND_SCORE_OUT_OF_RANGE', subject, { name, band: label, range: rangeText, score: formatPoints(score) }));
  }
  const accepted = inside ? score : Math.min(Math.max(score, range.low), range.highInclusive ? range.high : range.high - 1);
  const status: ItemStatus = band === 'achieved' ? 'met' : band === 'partial' ? 'partial' : 'not-met';
  const clampNote = inside ? '' : `（填报 ${formatPoints(score)} 超出档次区间，按区间边界计）`;
  return {
    status,
    computed: accepted,
    explanation: explain(
      'qualitative.band',
      { 档次: label, 区间: rangeText, 分值: W },
      `定性：${label}，区间 ${rangeText} → 评分 ${formatPoints(accepted)}${clampNote}`,
    ),
  };
}

// ── budget execution ────────────────────────────────────────────────────────────────────────────

function scoreExecution(budget: BudgetFigures, weight: Points, options: SchemeOptions, findings: Finding[]): ScoredItem {
  const W = formatPoints(weight);
  const head = (actual: string | undefined): ItemHead => ({
    kind: 'execution',
    id: 'execution',
    name: PART_LABEL.execution,
    part: 'execution',
    level2: undefined,
    goalId: undefined,
    weight,
    band: undefined,
    target: '100%',
    actual,
    deviationReason: budget.executionReason,
    illustrative: budget.illustrative,
  });
  if (budget.adjusted <= 0) {
    const subject = { kind: 'budget', id: 'execution', name: PART_LABEL.execution } as const;
    if (options.zeroBudget === 'zero') {
      findings.push(finding('EXECUTION_ZERO_BUDGET_SCORED', subject));
      const scored: Scored = {
        status: 'not-met',
        computed: 0,
        explanation: explain(
          'execution-rate.zero-budget',
          { 全年预算数: `${formatYuanGrouped(budget.adjusted)} 元`, 分值: W },
          `全年预算数为 0 → 预算执行率计 0 分（分值 ${W}）`,
        ),
      };
      return assemble(head(undefined), scored, budget.executionAdjustment, findings);
    }
    findings.push(finding('EXECUTION_NO_BUDGET', subject));
    return assemble(head(undefined), notApplicable(weight), undefined, findings);
  }
  const executed = formatYuanGrouped(budget.executed);
  const adjusted = formatYuanGrouped(budget.adjusted);
  const rate = fraction(BigInt(budget.executed), BigInt(budget.adjusted));
  const share = rate.num >= rate.den ? fraction(1n, 1n) : rate.num < 0n ? fraction(0n, 1n) : rate;
  const score = scorePoints(weight, share);
  const rateText = formatPercent(rate);
  const met = score === weight;
  const text = `执行率 = ${executed} ÷ ${adjusted} = ${rateText} → ${met ? `满分 ${W}` : `${W} × ${executed} ÷ ${adjusted} = ${formatPoints(score)}`}`;
  return assemble(
    head(rateText),
    {
      status: met ? 'met' : score > 0 ? 'partial' : 'not-met',
      computed: score,
      completionPercent: rateText,
      explanation: explain('execution-rate', { 全年执行数: `${executed} 元`, 全年预算数: `${adjusted} 元`, 分值: W }, text),
    },
    budget.executionAdjustment,
    findings,
  );
}

/** Exact execution rate of a budget, or undefined when there is no budget. */
export function executionRate(budget: BudgetFigures): Fraction | undefined {
  return budget.adjusted > 0 ? fraction(BigInt(budget.executed), BigInt(budget.adjusted)) : undefined;
}

// ── 管理效率 ────────────────────────────────────────────────────────────────────────────────────

function entriesByCode(entries: readonly ManagementEntry[]): Map<string, ManagementEntry> {
  return new Map(entries.map((entry) => [entry.code, entry]));
}

/**
 * The 管理效率 items scored: the scheme's catalogue (all of it, or with `managementCatalogue: 'listed'`
 * only the items listed) and the department's own items. A code that is neither in the catalogue nor
 * declared as the department's own is refused, with the catalogue code it most likely misspells.
 */
function managementDefinitions(input: EvaluationInput, scheme: ScoringScheme, findings: Finding[]): ManagementItemDefinition[] {
  const listed = new Set(input.management.map((entry) => entry.code));
  const byCode = new Map(scheme.management.map((definition) => [definition.code, definition]));
  const definitions =
    scheme.options.managementCatalogue === 'listed'
      ? scheme.management.filter((definition) => listed.has(definition.code))
      : [...scheme.management];
  for (const entry of input.management) {
    const taken = byCode.get(entry.code);
    const subject = { kind: 'management', id: entry.code, name: entry.own?.name } as const;
    if (entry.own && taken) {
      findings.push(finding('MANAGEMENT_OWN_CODE_TAKEN', subject, { code: entry.code, name: taken.name }));
    } else if (entry.own) {
      definitions.push(ownDefinition(entry.code, entry.own, entry.weight));
    } else if (!taken) {
      const near = nearestCatalogueCode(entry.code, scheme.management);
      findings.push(
        finding('UNKNOWN_MANAGEMENT_ITEM', subject, {
          code: entry.code,
          hint: near ? `，是否应为“${near.code}”（${near.name}）？` : '；部门自设的项目须写明名称、比较方向、目标值与分值（own）',
          hintEn: near
            ? `; did you mean "${near.code}" (${near.name})?`
            : '; declare an item of your own with its name, direction, target and weight (own)',
        }),
      );
    }
  }
  return definitions;
}

function ownDefinition(code: string, own: OwnManagementItem, weight: Points | undefined): ManagementItemDefinition {
  const formula: ManagementItemDefinition['formula'] =
    own.direction === 'qualitative'
      ? { kind: 'qualitative' }
      : own.formula
        ? { kind: 'ratio', numerator: own.formula.numerator, denominator: own.formula.denominator }
        : { kind: 'entered' };
  const named = own.formula
    ? [own.formula.numerator, own.formula.denominator].filter((key) => !key.startsWith('budget:')).map((key) => [key, key])
    : [];
  return {
    code,
    name: own.name,
    area: own.area ?? own.name,
    formula,
    direction: own.direction,
    target: own.target,
    unit: own.unit,
    weight: weight ?? 0,
    inputs: { ...Object.fromEntries(named), ...own.inputs },
    source: '部门自设的管理效率指标（由本部门在自评表中列明计算方法与目标值）',
    standard: own.standard,
    own: true,
  };
}

function scoreManagement(
  input: EvaluationInput,
  scheme: ScoringScheme,
  catalogue: readonly ManagementItemDefinition[],
  findings: Finding[],
): ScoredItem[] {
  const entries = entriesByCode(input.management);
  return catalogue.map((definition) => {
    const entry = entries.get(definition.code);
    const weight = managementWeight(definition, entries);
    const head = (target: string | undefined, actual: string | undefined): ItemHead => ({
      kind: 'management',
      id: definition.code,
      name: definition.name,
      part: 'management',
      level2: undefined,
      goalId: undefined,
      weight,
      band: definition.formula.kind === 'qualitative' ? entry?.band : undefined,
      target,
      actual,
      deviationReason: entry?.deviationReason,
      illustrative: entry?.illustrative,
    });
    const subject = { kind: 'management', id: definition.code, name: definition.name } as const;
    for (const key of Object.keys(entry?.amounts ?? {})) {
      if (!(key in definition.inputs)) {
        const known = Object.keys(definition.inputs).join('、') || '无';
        findings.push(finding('UNKNOWN_MANAGEMENT_AMOUNT', subject, { name: definition.name, key, known }));
      }
    }
    if (entry?.notApplicable) return assemble(head(definition.standard, undefined), notApplicable(weight), undefined, findings);
    if (definition.formula.kind === 'qualitative') {
      const scored = scoreQualitative(definition.name, entry?.band, entry?.qualitativeScore, weight, scheme.options, subject, findings);
      return assemble(head(definition.standard, entry?.band ? BAND_LABEL[entry.band] : undefined), scored, entry?.adjustment, findings);
    }
    const rate = withEnteredRate(definition, entry, managementRate(definition, entry, input.budget, scheme.options), findings);
    const targetValue = entry?.target ?? definition.target;
    if ('missing' in rate || !targetValue || definition.direction === 'qualitative') {
      const label = 'missing' in rate ? rate.missing : '目标值';
      findings.push(finding('MISSING_MANAGEMENT_INPUT', subject, { name: definition.name, input: label }));
      refuseAdjustment(subject, entry?.adjustment, { zh: `“${label}”`, en: `input "${label}"` }, findings);
      return assemble(
        head(undefined, undefined),
        missing({ 分值: formatPoints(weight) }, `缺少“${label}” → 暂计 0.00`),
        undefined,
        findings,
      );
    }
    const percentValue = fraction(rate.value.num * 100n, rate.value.den);
    const actual: Quantity = { value: percentValue, text: rate.shown ?? formatPercent(rate.value) };
    const target: Quantity = { value: toFraction(targetValue), text: `${formatDecimal(targetValue)}${definition.unit ?? '%'}` };
    const outcome = completion(definition.direction, target, actual, scheme.options);
    const score = scorePoints(weight, outcome.share);
    const W = formatPoints(weight);
    return assemble(
      head(`${DIRECTION_SYMBOL[definition.direction]}${target.text}`, actual.text),
      {
        status: statusOf(outcome, score, weight),
        computed: score,
        explanation: explain(
          rate.shown !== undefined
            ? 'management.entered-rate'
            : definition.formula.kind === 'change-rate'
              ? 'management.change-rate'
              : 'management.ratio',
          { ...rate.inputs, 目标值: target.text, 分值: W, 计分规则: RULES[outcome.rule].title },
          `${definition.name} = ${rate.text} = ${actual.text}；${arithmetic(outcome, W, score)}`,
        ),
      },
      entry?.adjustment,
      findings,
    );
  });
}

/** `shown` is set when the value was entered rather than computed, in the item's own wording. */
type Rate = { value: Fraction; text: string; inputs: Record<string, string>; shown?: string } | { missing: string };

/**
 * A rate entered on the form stands in for the amounts when they are not given; when both are, the
 * computed rate counts and the entered one must agree with it at the precision it was written.
 */
function withEnteredRate(
  definition: ManagementItemDefinition,
  entry: ManagementEntry | undefined,
  computed: Rate,
  findings: Finding[],
): Rate {
  const entered = entry?.rate;
  if (!entered) return computed;
  const shown = `${formatDecimal(entered)}${definition.unit ?? '%'}`;
  if ('missing' in computed) {
    return { value: fraction(entered.units, pow10(entered.scale) * 100n), text: `填报 ${shown}`, inputs: { 填报值: shown }, shown };
  }
  const atEnteredPrecision = roundHalfUp(computed.value.num * 100n * pow10(entered.scale), computed.value.den);
  if (atEnteredPrecision !== entered.units) {
    findings.push(
      finding(
        'MANAGEMENT_RATE_MISMATCH',
        { kind: 'management', id: definition.code, name: definition.name },
        { name: definition.name, entered: shown, computed: formatPercent(computed.value, Math.max(2, entered.scale)) },
      ),
    );
  }
  return computed;
}

function managementRate(
  definition: ManagementItemDefinition,
  entry: ManagementEntry | undefined,
  budget: BudgetFigures,
  options: SchemeOptions,
): Rate {
  const formula = definition.formula;
  const amount = (key: string): number | undefined => entry?.amounts?.[key];
  const label = (key: string): string => definition.inputs[key] ?? key;
  const ratioOf = (numerator: number, denominator: number, numLabel: string, denLabel: string): Rate =>
    denominator === 0
      ? { missing: `${denLabel}（不能为 0）` }
      : {
          value: fraction(BigInt(numerator), BigInt(denominator)),
          text: `${formatYuanGrouped(numerator)} ÷ ${formatYuanGrouped(denominator)}`,
          inputs: { [numLabel]: `${formatYuanGrouped(numerator)} 元`, [denLabel]: `${formatYuanGrouped(denominator)} 元` },
        };
  switch (formula.kind) {
    case 'execution-rate':
      return ratioOf(budget.executed, budget.adjusted, '全年执行数', '全年预算数');
    case 'ratio': {
      const numerator = amount(formula.numerator);
      if (numerator === undefined) return { missing: label(formula.numerator) };
      const [denominator, denLabel] = budgetDenominator(formula.denominator, budget, options, amount, label);
      if (denominator === undefined) return { missing: denLabel };
      return ratioOf(numerator, denominator, label(formula.numerator), denLabel);
    }
    case 'change-rate': {
      const current = amount(formula.current);
      const previous = amount(formula.previous);
      if (current === undefined) return { missing: label(formula.current) };
      if (previous === undefined) return { missing: label(formula.previous) };
      if (previous === 0) return { missing: `${label(formula.previous)}（不能为 0）` };
      return {
        value: fraction(BigInt(current - previous), BigInt(previous)),
        text: `(${formatYuanGrouped(current)} − ${formatYuanGrouped(previous)}) ÷ ${formatYuanGrouped(previous)}`,
        inputs: {
          [label(formula.current)]: `${formatYuanGrouped(current)} 元`,
          [label(formula.previous)]: `${formatYuanGrouped(previous)} 元`,
        },
      };
    }
    case 'entered':
      return { missing: '填报值' };
    case 'qualitative':
      return { missing: '档次' };
  }
}

function budgetDenominator(
  key: string,
  budget: BudgetFigures,
  options: SchemeOptions,
  amount: (key: string) => number | undefined,
  label: (key: string) => string,
): [number | undefined, string] {
  switch (key) {
    case 'budget:executed':
      return [budget.executed, '全年执行数'];
    case 'budget:adjusted':
      return [budget.adjusted, '全年预算数'];
    case 'budget:initial':
      return [budget.initial, '年初预算数'];
    case 'budget:carry-over-base':
      return options.carryOverBase === 'executed' ? [budget.executed, '支出完成数'] : [budget.adjusted, '支出预算数'];
    default:
      return [amount(key), label(key)];
  }
}

// ── totals and grade ────────────────────────────────────────────────────────────────────────────

function summariseParts(items: readonly ScoredItem[], scheme: ScoringScheme, emptyLevels: ReadonlyMap<Level1, Points>): PartSummary[] {
  const totals = new Map<PartKey, { weight: number; notApplicable: number; computed: number; final: number; count: number }>();
  for (const key of PART_ORDER) totals.set(key, { weight: 0, notApplicable: 0, computed: 0, final: 0, count: 0 });
  for (const item of items) {
    const total = totals.get(item.part);
    if (!total) continue;
    total.weight += item.weight;
    total.count += 1;
    if (item.computed === null) total.notApplicable += item.weight;
    total.computed += item.computed ?? 0;
    total.final += item.final ?? 0;
  }
  const summaries: PartSummary[] = [];
  for (const key of PART_ORDER) {
    const total = totals.get(key);
    const empty = key === 'output' || key === 'effect' || key === 'satisfaction' ? (emptyLevels.get(key) ?? 0) : 0;
    if (!total || (total.count === 0 && empty === 0)) continue;
    summaries.push({
      key,
      label: PART_LABEL[key],
      weight: total.weight + empty,
      notApplicableWeight: total.notApplicable + (scheme.options.emptyLevel === 'rescale' ? empty : 0),
      computed: total.computed,
      final: total.final,
      count: total.count,
    });
  }
  return summaries;
}

function rescale(score: Points, totalWeight: Points, notApplicable: Points): Points {
  if (notApplicable === 0) return score;
  const applicable = totalWeight - notApplicable;
  if (applicable <= 0) return 0;
  return Math.min(totalWeight, scorePoints(score, fraction(BigInt(totalWeight), BigInt(applicable))));
}

function explainTotal(parts: readonly PartSummary[], raw: Points, total: Points, totalWeight: Points, notApplicable: Points): Explanation {
  const inputs = Object.fromEntries(parts.map((part) => [part.label, formatPoints(part.final)]));
  const sumText = `${parts.map((part) => formatPoints(part.final)).join(' + ')} = ${formatPoints(raw)}`;
  if (notApplicable === 0) return explain('rounding', inputs, `总分 = ${sumText}`);
  return explain(
    'rescale',
    { ...inputs, 不适用分值: formatPoints(notApplicable) },
    `实得 ${sumText}；总分 = ${formatPoints(raw)} × ${formatPoints(totalWeight)} ÷ (${formatPoints(totalWeight)} − ${formatPoints(notApplicable)}) = ${formatPoints(total)}`,
  );
}

/** Grade by score (docs/rules.md §1.6): the floors are inclusive, so 90.00 is 优 and 89.99 is 良. */
export function gradeOf(total: Points, options: Pick<SchemeOptions, 'gradeFloors'>): Grade {
  const floors = options.gradeFloors;
  if (total >= floors.excellent * 100) return '优';
  if (total >= floors.good * 100) return '良';
  if (total >= floors.fair * 100) return '中';
  return '差';
}

function explainGrade(total: Points, options: SchemeOptions): Explanation {
  const grade = gradeOf(total, options);
  const floors = options.gradeFloors;
  const floor = grade === '优' ? floors.excellent : grade === '良' ? floors.good : grade === '中' ? floors.fair : undefined;
  const text = floor === undefined ? `${formatPoints(total)} < ${floors.fair} → ${grade}` : `${formatPoints(total)} ≥ ${floor} → ${grade}`;
  return explain('grade', { 总分: formatPoints(total) }, text);
}

function sum(values: readonly number[]): number {
  let total = 0;
  for (const value of values) total += value;
  return total;
}
