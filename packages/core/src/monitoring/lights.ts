import { BAND_LABEL, type Direction, type QualitativeBand } from '../model.ts';
import {
  compareDecimal,
  compareFraction,
  type Decimal,
  type Fraction,
  formatDecimal,
  ONE,
  parseDecimal,
  toFraction,
} from '../numbers/decimal.ts';
import type { Fen } from '../numbers/money.ts';
import { type Curve, type Cutoff, completedMonths, curveAt, LINEAR, profileCurve } from './curves.ts';
import {
  type ExpectedCurveKind,
  type IndicatorInput,
  LIGHT_LABEL,
  LIGHT_LABEL_EN,
  type Light,
  type LightFigure,
  type LightResult,
  type MonitoringRuleCode,
  type MonitoringRuleSet,
  type NoLightReason,
  type RuleRef,
} from './model.ts';
import { bandPercent, isPositive, minus, over, percentFigure, ruleShare, shareOf, shareText, times, yuan, yuanEn } from './share.ts';

/**
 * Severity for the project light, most severe first: red > yellow > green > blue (docs/rules.md §9.8).
 * Blue ranks below green because it questions the target, not the work; the indicator keeps its blue.
 */
const SEVERITY: readonly Light[] = ['red', 'yellow', 'green', 'blue'];

/** The project light of some parts; `none` parts are ignored, and only all-`none` gives `none`. */
export function worstLight(lights: readonly Light[]): Light {
  for (const light of SEVERITY) if (lights.includes(light)) return light;
  return 'none';
}

export function ruleRef(code: MonitoringRuleCode, rules: MonitoringRuleSet): RuleRef {
  const table =
    rules.version === 0
      ? '监控预警规则默认值'
      : `监控预警规则表（${rules.region || '默认地区'}，${rules.year} 年，第 ${rules.version} 版）`;
  return { code, preset: rules.preset, source: `《中央部门预算绩效运行监控管理暂行办法》（财预〔2019〕136号）；阈值依据${table}` };
}

const CURVE_NAME: Readonly<Record<ExpectedCurveKind, string>> = { plan: '按用款计划', profile: '按月度进度曲线', linear: '按月份 ÷ 12' };
const CURVE_NAME_EN: Readonly<Record<ExpectedCurveKind, string>> = {
  plan: 'from the payment plan',
  profile: 'from the monthly profile',
  linear: 'month ÷ 12',
};

interface Band {
  readonly light: Light;
  readonly zh: string;
  readonly en: string;
}

/**
 * The band a ratio falls in: `lights` has one more entry than the ascending `cuts`; a value exactly
 * on a cut belongs to the band above it (60 % is yellow, 80 % green, 120 % blue).
 */
function banded(value: Fraction, cuts: readonly string[], lights: readonly Light[]): Band {
  let index = 0;
  while (index < cuts.length && compareFraction(value, ruleShare(cuts[index] ?? '') ?? ONE) >= 0) index += 1;
  const light = lights[index] ?? 'none';
  const low = index > 0 ? bandPercent(cuts[index - 1] ?? '') : undefined;
  const high = index < cuts.length ? bandPercent(cuts[index] ?? '') : undefined;
  if (low === undefined) return { light, zh: `低于 ${high}`, en: `below ${high}` };
  if (high === undefined) return { light, zh: `不低于 ${low}`, en: `${low} or more` };
  return { light, zh: `不低于 ${low} 且低于 ${high}`, en: `from ${low} to below ${high}` };
}

function lightWords(light: Light): { zh: string; en: string } {
  return { zh: `为${LIGHT_LABEL[light]}`, en: `${LIGHT_LABEL_EN[light]}` };
}

function figure(label: string, labelEn: string, value: string): LightFigure {
  return { label, labelEn, value };
}

function percent(value: Fraction): string {
  return `${percentFigure(value)}%`;
}

export interface MoneyFigures {
  readonly label: string;
  /** The label in English explanations; the (Chinese) label when absent, as for a source's own name. */
  readonly labelEn?: string | undefined;
  readonly spentFen: Fen;
  readonly budgetFen: Fen;
  readonly curve: Curve;
  readonly asOf: string;
}

function moneyInputs(money: MoneyFigures, extra: readonly LightFigure[]): LightFigure[] {
  return [
    figure('截至日期', 'cut-off', money.asOf),
    figure('调整预算数', 'adjusted budget', yuan(money.budgetFen)),
    figure('截至支出数', 'spent to date', yuan(money.spentFen)),
    ...(money.budgetFen > 0 ? [figure('执行率', 'execution rate', percent(shareOf(money.spentFen, money.budgetFen)))] : []),
    ...extra,
  ];
}

/** With no adjusted budget the rate is not applicable, not 0 (docs/rules.md §9.2). */
function noBudget(rule: RuleRef, money: MoneyFigures, inputs: readonly LightFigure[]): LightResult {
  const en = money.labelEn ?? money.label;
  return noLight(
    rule,
    'no-budget',
    `${money.label}：调整预算数为 0，执行率不适用，暂无预警灯。`,
    `${en}: no adjusted budget, no light.`,
    inputs,
  );
}

function executionWords(money: MoneyFigures, execution: Fraction): { zh: string; en: string } {
  return {
    zh: `${money.label}：执行率 ${percent(execution)}（支出 ${yuan(money.spentFen)} ÷ 调整预算 ${yuan(money.budgetFen)}）`,
    en: `${money.labelEn ?? money.label}: execution ${percent(execution)} (spent ${yuanEn(money.spentFen)} ÷ adjusted budget ${yuanEn(money.budgetFen)})`,
  };
}

function noLight(rule: RuleRef, reason: NoLightReason, zh: string, en: string, inputs: readonly LightFigure[]): LightResult {
  return { light: 'none', reason, rule, explanation: zh, explanationEn: en, inputs };
}

/** Budget light, ratio preset: 执行率 ÷ 序时进度 (docs/rules.md §9.5). */
export function budgetRatioLight(money: MoneyFigures, cutoff: Cutoff, rules: MonitoringRuleSet): LightResult {
  const rule = ruleRef('MON_BUDGET_RATIO', rules);
  const expected = curveAt(money.curve, cutoff);
  const curveZh = CURVE_NAME[money.curve.kind];
  const inputs = moneyInputs(money, [figure(`序时进度（${curveZh}）`, `expected (${CURVE_NAME_EN[money.curve.kind]})`, percent(expected))]);
  const head = `${money.label}：`;
  const headEn = money.labelEn ?? money.label;
  if (money.budgetFen <= 0) return noBudget(rule, money, inputs);
  if (!isPositive(expected))
    return noLight(
      rule,
      'nothing-expected',
      `${head}截至 ${money.asOf} 序时进度为 0（${curveZh}），暂无预警灯。`,
      `${headEn}: nothing is expected to be spent by ${money.asOf} (${CURVE_NAME_EN[money.curve.kind]}), no light.`,
      inputs,
    );
  const execution = shareOf(money.spentFen, money.budgetFen);
  const ratio = over(execution, expected);
  const band = banded(ratio, [rules.budgetBands.red, rules.budgetBands.green], ['red', 'yellow', 'green']);
  const words = lightWords(band.light);
  const spent = executionWords(money, execution);
  return {
    light: band.light,
    ratio: percentFigure(ratio),
    expected: percentFigure(expected),
    rule,
    explanation: `${spent.zh}，序时进度 ${percent(expected)}（${curveZh}），执行率 ÷ 序时进度 = ${percent(ratio)}，${band.zh}，${words.zh}。`,
    explanationEn: `${spent.en}, expected ${percent(expected)} (${CURVE_NAME_EN[money.curve.kind]}); execution ÷ expected = ${percent(ratio)}, ${band.en}: ${words.en}.`,
    inputs: [...inputs, figure('执行率 ÷ 序时进度', 'execution ÷ expected', percent(ratio))],
  };
}

/** Budget light, milestones preset: 执行率 against the last milestone due (docs/rules.md §9.9). */
export function budgetMilestoneLight(money: MoneyFigures, cutoff: Cutoff, rules: MonitoringRuleSet): LightResult {
  const rule = ruleRef('MON_BUDGET_MILESTONE', rules);
  const inputs = moneyInputs(money, []);
  const head = `${money.label}：`;
  const headEn = money.labelEn ?? money.label;
  if (money.budgetFen <= 0) return noBudget(rule, money, inputs);
  const reached = completedMonths(cutoff);
  const due = rules.milestones.filter((milestone) => milestone.month <= reached).at(-1);
  const first = rules.milestones[0];
  if (!due)
    return noLight(
      rule,
      'no-milestone',
      `${head}首个进度节点（${first?.month ?? '-'} 月底）尚未到期，暂无预警灯。`,
      `${headEn}: the first milestone (end of month ${first?.month ?? '-'}) is not due yet, no light.`,
      inputs,
    );
  const execution = shareOf(money.spentFen, money.budgetFen);
  const milestone = ruleShare(due.share) ?? ONE;
  const margin = ruleShare(rules.milestoneMargin) ?? ONE;
  const shortfall = minus(milestone, execution);
  const light: Light = !isPositive(shortfall) ? 'green' : compareFraction(shortfall, margin) <= 0 ? 'yellow' : 'red';
  const points = bandPercent(rules.milestoneMargin).replace('%', '');
  const bandZh =
    light === 'green' ? '达到节点要求' : light === 'yellow' ? `低于节点不超过 ${points} 个百分点` : `低于节点超过 ${points} 个百分点`;
  const bandEn =
    light === 'green'
      ? 'the milestone is met'
      : light === 'yellow'
        ? `short of the milestone by at most ${points} points`
        : `short of the milestone by more than ${points} points`;
  const words = lightWords(light);
  const need = bandPercent(due.share);
  const spent = executionWords(money, execution);
  return {
    light,
    ratio: percentFigure(over(execution, milestone)),
    expected: percentFigure(milestone),
    rule,
    explanation: `${spent.zh}，已到期节点：${due.month} 月底执行率应不低于 ${need}，${bandZh}，${words.zh}。`,
    explanationEn: `${spent.en}; milestone due: at least ${need} by the end of month ${due.month}; ${bandEn}: ${words.en}.`,
    inputs: [...inputs, figure(`${due.month} 月底节点`, `milestone, end of month ${due.month}`, need)],
  };
}

export function isReverse(direction: Direction): boolean {
  return direction === '<=' || direction === '<';
}

/** Whether an actual meets the full target as the direction reads it. */
export function meetsTarget(direction: Direction, actual: Decimal, target: Decimal): boolean {
  const order = compareDecimal(actual, target);
  switch (direction) {
    case '>=':
      return order >= 0;
    case '>':
      return order > 0;
    case '<=':
      return order <= 0;
    case '<':
      return order < 0;
    case '=':
      return order === 0;
    default:
      return false;
  }
}

/** 达成 / 部分达成 / 未达成, from the band or the actual's wording. */
export function qualitativeBandOf(indicator: IndicatorInput): QualitativeBand | undefined {
  if (indicator.band) return indicator.band;
  const text = indicator.actualText?.trim() ?? '';
  if (text.startsWith('未达成')) return 'not-achieved';
  if (text.startsWith('部分达成')) return 'partial';
  if (text.startsWith('达成')) return 'achieved';
  return undefined;
}

export function indicatorCurve(indicator: IndicatorInput): Curve {
  return profileCurve(indicator.monthlyProfile) ?? LINEAR;
}

export function isQualitative(indicator: IndicatorInput): boolean {
  return indicator.nature === 'qualitative' || indicator.direction === 'qualitative';
}

const QUALITATIVE_LIGHT: Readonly<Record<QualitativeBand, Light>> = { achieved: 'green', partial: 'yellow', 'not-achieved': 'red' };
const BAND_EN: Readonly<Record<QualitativeBand, string>> = {
  achieved: 'achieved',
  partial: 'partly achieved',
  'not-achieved': 'not achieved',
};

function amount(value: Decimal, unit: string | undefined): string {
  return `${formatDecimal(value)}${unit ?? ''}`;
}

/** One indicator's light at the cut-off (docs/rules.md §9.6, §9.7). */
export function indicatorLight(indicator: IndicatorInput, cutoff: Cutoff, asOf: string, rules: MonitoringRuleSet): LightResult {
  const head = `${indicator.name}：`;
  if (isQualitative(indicator)) {
    const rule = ruleRef('MON_INDICATOR_QUALITATIVE', rules);
    const band = qualitativeBandOf(indicator);
    const target = indicator.targetText ? [figure('年度指标值', 'annual target', indicator.targetText)] : [];
    if (!band)
      return noLight(
        rule,
        'no-actual',
        `${head}截至 ${asOf} 尚未评定完成情况，暂无预警灯。`,
        `${indicator.name}: not graded yet, no light.`,
        target,
      );
    const light = QUALITATIVE_LIGHT[band];
    return {
      light,
      rule,
      explanation: `${head}定性指标，截至 ${asOf} 评定为“${BAND_LABEL[band]}”，${lightWords(light).zh}。`,
      explanationEn: `${indicator.name}: qualitative, graded ${BAND_EN[band]} at ${asOf}: ${LIGHT_LABEL_EN[light]}.`,
      inputs: [...target, figure('完成情况', 'grade', BAND_LABEL[band])],
    };
  }
  const reverse = isReverse(indicator.direction);
  const rule = ruleRef(reverse ? 'MON_INDICATOR_REVERSE' : 'MON_INDICATOR_POSITIVE', rules);
  const target = indicator.target === undefined ? undefined : parseDecimal(indicator.target);
  const actual = indicator.actualToDate === undefined ? undefined : parseDecimal(indicator.actualToDate);
  const curve = indicatorCurve(indicator);
  const proRata = indicator.proRata ?? (reverse ? rules.reverseProRata : true);
  const expected = proRata ? curveAt(curve, cutoff) : ONE;
  const expectedWords = proRata ? `应完成比例 ${percent(expected)}（${CURVE_NAME[curve.kind]}）` : '不按序时折算，对照全年指标值';
  const expectedWordsEn = proRata ? `expected share ${percent(expected)} (${CURVE_NAME_EN[curve.kind]})` : 'not prorated: the full target';
  const inputs: LightFigure[] = [
    figure('截至日期', 'cut-off', asOf),
    figure(
      '年度指标值',
      'annual target',
      target ? `${indicator.direction} ${amount(target, indicator.unit)}` : (indicator.targetText ?? '-'),
    ),
    figure('1–截至月实际完成值', 'actual to date', actual ? amount(actual, indicator.unit) : (indicator.actualText ?? '-')),
    figure('应完成比例', 'expected share', proRata ? `${percent(expected)}（${CURVE_NAME[curve.kind]}）` : '100%（不折算）'),
  ];
  if (!target)
    return noLight(
      rule,
      'no-target',
      `${head}没有可用的数值指标值，暂无预警灯。`,
      `${indicator.name}: no numeric target, no light.`,
      inputs,
    );
  if (!actual)
    return noLight(
      rule,
      'no-actual',
      `${head}截至 ${asOf} 尚无实际完成值，暂无预警灯。`,
      `${indicator.name}: no actual yet, no light.`,
      inputs,
    );
  if (proRata && !isPositive(expected))
    return noLight(
      rule,
      'nothing-expected',
      `${head}截至 ${asOf} 应完成比例为 0（${CURVE_NAME[curve.kind]}），暂无预警灯。`,
      `${indicator.name}: nothing is expected by ${asOf}, no light.`,
      inputs,
    );
  const due = times(toFraction(target), expected);
  const actualText = amount(actual, indicator.unit);
  if (reverse) {
    const order = compareFraction(toFraction(actual), due);
    const within = indicator.direction === '<' ? order < 0 : order <= 0;
    const limit = `${indicator.direction} ${plainAmount(due, indicator.unit)}`;
    return withinTarget(rule, within, inputs, {
      ...(isPositive(due) ? { ratio: percentFigure(over(toFraction(actual), due)) } : {}),
      expected: percentFigure(expected),
      zh: `${head}实际完成 ${actualText}，${expectedWords}，截至 ${asOf} 应 ${limit}`,
      en: `${indicator.name}: actual ${actualText}, ${expectedWordsEn}; by ${asOf} it should be ${limit}`,
    });
  }
  if (!isPositive(toFraction(target))) {
    // A zero or negative target ("增长率 ≥ -5%") has no ratio to band and nothing to prorate: the
    // actual either meets it or not (docs/rules.md §9.7).
    const limit = `${indicator.direction} ${amount(target, indicator.unit)}`;
    return withinTarget(rule, meetsTarget(indicator.direction, actual, target), inputs, {
      zh: `${head}实际完成 ${actualText}，指标值 ${limit} 不大于 0，不按比例评灯，对照指标值本身`,
      en: `${indicator.name}: actual ${actualText}; the target ${limit} is not above 0, so the actual is compared with it directly`,
    });
  }
  const ratio = over(toFraction(actual), due);
  const band = banded(
    ratio,
    [rules.indicatorBands.red, rules.indicatorBands.green, rules.indicatorBands.blue],
    ['red', 'yellow', 'green', 'blue'],
  );
  const blueZh = band.light === 'blue' ? '（目标值可能偏低）' : '';
  const blueEn = band.light === 'blue' ? ' (the target may be too low)' : '';
  return {
    light: band.light,
    ratio: percentFigure(ratio),
    expected: percentFigure(expected),
    rule,
    explanation:
      `${head}实际完成 ${actualText}，年度指标值 ${amount(target, indicator.unit)}，${expectedWords}，` +
      `完成值 ÷（指标值 × 应完成比例）= ${percent(ratio)}，${band.zh}${blueZh}，${lightWords(band.light).zh}。`,
    explanationEn:
      `${indicator.name}: actual ${actualText}, annual target ${amount(target, indicator.unit)}, ${expectedWordsEn}; ` +
      `actual ÷ (target × expected share) = ${percent(ratio)}, ${band.en}${blueEn}: ${LIGHT_LABEL_EN[band.light]}.`,
    inputs: [...inputs, figure('完成值 ÷（指标值 × 应完成比例）', 'actual ÷ (target × expected share)', percent(ratio))],
  };
}

/** A prorated target as decimal text with at most four decimals (display only). */
function plainAmount(value: Fraction, unit: string | undefined): string {
  return `${shareText(value).replace(/\.?0+$/, '')}${unit ?? ''}`;
}

function withinTarget(
  rule: RuleRef,
  within: boolean,
  inputs: readonly LightFigure[],
  text: { ratio?: string; expected?: string; zh: string; en: string },
): LightResult {
  const light: Light = within ? 'green' : 'red';
  return {
    light,
    ...(text.ratio === undefined ? {} : { ratio: text.ratio }),
    ...(text.expected === undefined ? {} : { expected: text.expected }),
    rule,
    explanation: `${text.zh}，${within ? '在指标值以内' : '未满足指标值'}，${lightWords(light).zh}。`,
    explanationEn: `${text.en}: ${within ? 'met' : 'not met'}, ${LIGHT_LABEL_EN[light]}.`,
    inputs,
  };
}
