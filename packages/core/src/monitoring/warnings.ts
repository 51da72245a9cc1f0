import { compareFraction, type Fraction, fraction, ONE, parseDecimal, toFraction, ZERO } from '../numbers/decimal.ts';
import { type Cutoff, curveAt, moneyCurve } from './curves.ts';
import { isQualitative, isReverse, meetsTarget, qualitativeBandOf } from './lights.ts';
import type { IndicatorInput, MoneyInput, MonitoringInput, MonitoringRuleSet, MonitoringWarning } from './model.ts';
import { bandPercent, decimalShare, isPositive, minFraction, minus, over, percentFigure, plus, shareOf, times } from './share.ts';

/**
 * Consistency warnings (一致性预警): signs that the two halves of 双监控 disagree, or that a figure
 * has nothing behind it, raised while there is still time to correct (docs/rules.md §9.14).
 */
export function consistencyWarnings(input: MonitoringInput, cutoff: Cutoff, rules: MonitoringRuleSet): MonitoringWarning[] {
  return [
    ...goalVersusSpending(input, rules),
    ...input.indicators.flatMap((indicator) => satisfactionWithoutSurvey(indicator)),
    ...input.indicators.flatMap((indicator) => timelinessOverdue(indicator, input.asOf)),
    ...input.money.flatMap((money) => yearEndRush(money, cutoff, input.asOf, rules)),
  ];
}

const points = (value: Fraction) => percentFigure(value);

/**
 * 目标完成进度: the mean of min(actual ÷ target, 1) over the quantitative indicators whose target
 * accrues over the year (positive, target above 0, prorated). Rates, reverse and qualitative
 * indicators say nothing about how much of the year's work is done, so they are left out.
 */
export function goalProgress(indicators: readonly IndicatorInput[]): Fraction | undefined {
  const shares: Fraction[] = [];
  for (const indicator of indicators) {
    if (isQualitative(indicator) || isReverse(indicator.direction) || indicator.proRata === false) continue;
    const target = indicator.target === undefined ? undefined : parseDecimal(indicator.target);
    const actual = indicator.actualToDate === undefined ? undefined : parseDecimal(indicator.actualToDate);
    if (!target || !actual || !isPositive(toFraction(target))) continue;
    const share = over(toFraction(actual), toFraction(target));
    shares.push(isPositive(share) ? minFraction(share, ONE) : ZERO);
  }
  if (shares.length === 0) return undefined;
  return over(
    shares.reduce((sum, share) => plus(sum, share), ZERO),
    fraction(BigInt(shares.length), 1n),
  );
}

function goalVersusSpending(input: MonitoringInput, rules: MonitoringRuleSet): MonitoringWarning[] {
  const budget = input.money.reduce((sum, money) => sum + money.adjustedBudgetFen, 0);
  const spent = input.money.reduce((sum, money) => sum + money.spentToDateFen, 0);
  const goal = goalProgress(input.indicators);
  const gap = decimalShare(rules.gaps.goalVsSpending);
  if (budget <= 0 || !goal || !gap) return [];
  const execution = shareOf(spent, budget);
  const difference = minus(goal, execution);
  const goalAhead = isPositive(difference);
  const size = goalAhead ? difference : minus(execution, goal);
  if (compareFraction(size, gap) <= 0) return [];
  const params = {
    goalProgress: `${points(goal)}%`,
    executionRate: `${points(execution)}%`,
    difference: points(size),
    gap: bandPercent(rules.gaps.goalVsSpending).replace('%', ''),
  };
  const figures = `目标完成进度 ${params.goalProgress}，预算执行率 ${params.executionRate}，相差 ${params.difference} 个百分点（阈值 ${params.gap} 个百分点）`;
  const figuresEn = `goal progress ${params.goalProgress}, budget execution ${params.executionRate}: ${params.difference} points apart (threshold ${params.gap})`;
  return [
    goalAhead
      ? {
          code: 'MON_GOAL_AHEAD_OF_SPENDING',
          subjectKind: 'project',
          subject: 'project',
          params,
          message: `目标完成进度快于预算执行：${figures}，请核实支出是否滞后、完成值是否准确。`,
          messageEn: `Goals are ahead of spending: ${figuresEn}; check whether payments lag or the actuals are right.`,
        }
      : {
          code: 'MON_SPENDING_AHEAD_OF_GOAL',
          subjectKind: 'project',
          subject: 'project',
          params,
          message: `预算执行快于目标完成进度：${figures}，请核实资金是否按进度形成产出。`,
          messageEn: `Spending is ahead of goals: ${figuresEn}; check that the money is producing the outputs.`,
        },
  ];
}

export function isSatisfaction(indicator: IndicatorInput): boolean {
  return indicator.isSatisfaction ?? (indicator.level1 === 'satisfaction' || indicator.level2 === 'beneficiary');
}

function satisfactionWithoutSurvey(indicator: IndicatorInput): MonitoringWarning[] {
  if (!isSatisfaction(indicator) || indicator.hasSurvey === true) return [];
  return [
    {
      code: 'MON_SATISFACTION_NO_SURVEY',
      subjectKind: 'indicator',
      subject: indicator.id,
      params: { name: indicator.name },
      message: `满意度指标“${indicator.name}”没有对应的满意度调查，完成值缺少依据，请安排调查。`,
      messageEn: `Satisfaction indicator “${indicator.name}” has no survey behind it; plan one so the actual has evidence.`,
    },
  ];
}

/** Done: said so, graded 达成, or the actual already meets the full target. */
export function isDone(indicator: IndicatorInput): boolean {
  if (indicator.done !== undefined) return indicator.done;
  if (isQualitative(indicator)) return qualitativeBandOf(indicator) === 'achieved';
  const target = indicator.target === undefined ? undefined : parseDecimal(indicator.target);
  const actual = indicator.actualToDate === undefined ? undefined : parseDecimal(indicator.actualToDate);
  return target !== undefined && actual !== undefined && meetsTarget(indicator.direction, actual, target);
}

function timelinessOverdue(indicator: IndicatorInput, asOf: string): MonitoringWarning[] {
  // ISO dates compare as text; the due date itself is still in time.
  if (indicator.level2 !== 'timeliness' || !indicator.dueDate || indicator.dueDate >= asOf || isDone(indicator)) return [];
  return [
    {
      code: 'MON_TIMELINESS_OVERDUE',
      subjectKind: 'indicator',
      subject: indicator.id,
      params: { name: indicator.name, dueDate: indicator.dueDate, asOf },
      message: `时效指标“${indicator.name}”应于 ${indicator.dueDate} 前完成，截至 ${asOf} 尚未完成。`,
      messageEn: `Timeliness indicator “${indicator.name}” was due by ${indicator.dueDate} and is not done at ${asOf}.`,
    },
  ];
}

/**
 * 年末突击支付 forecast: the pace so far (执行率 ÷ expected share at the cut-off) carried over the rest
 * of the expected curve to the end of November; what is left of the year's total falls in December.
 * The year's total is 全年预计执行数 when given, else the whole adjusted budget. Raised from
 * `rush.fromMonth` to November, while payments can still be brought forward.
 */
export function projectedDecemberShare(money: MoneyInput, cutoff: Cutoff): Fraction | undefined {
  const budget = money.adjustedBudgetFen;
  const curve = moneyCurve(money);
  const expected = curveAt(curve, cutoff);
  if (budget <= 0 || cutoff.month > 11 || !isPositive(expected)) return undefined;
  const total = shareOf(money.forecastYearEndFen ?? budget, budget);
  if (!isPositive(total)) return undefined;
  const execution = shareOf(money.spentToDateFen, budget);
  const pace = over(execution, expected);
  const novemberEnd = curve.monthEnds[10] ?? ONE;
  const projected = minFraction(total, plus(execution, times(pace, minus(novemberEnd, expected))));
  return over(minus(total, projected), total);
}

function yearEndRush(money: MoneyInput, cutoff: Cutoff, asOf: string, rules: MonitoringRuleSet): MonitoringWarning[] {
  if (cutoff.month < rules.rush.fromMonth) return [];
  const december = projectedDecemberShare(money, cutoff);
  const threshold = decimalShare(rules.rush.decemberShare);
  if (!december || !threshold || compareFraction(december, threshold) <= 0) return [];
  const label = money.label ?? money.source;
  const params = {
    source: money.source,
    executionRate: `${points(shareOf(money.spentToDateFen, money.adjustedBudgetFen))}%`,
    decemberShare: `${points(december)}%`,
    threshold: bandPercent(rules.rush.decemberShare),
  };
  return [
    {
      code: 'MON_YEAR_END_RUSH',
      subjectKind: 'money',
      subject: money.source,
      params,
      message:
        `${label}：按截至 ${asOf} 的支出进度（执行率 ${params.executionRate}）和用款计划推算，12 月支付将占全年 ${params.decemberShare}，` +
        `超过 ${params.threshold}，存在年末突击支付风险，请提前安排支付。`,
      messageEn:
        `${label}: at the pace to ${asOf} (execution ${params.executionRate}) and the payment plan, December would carry ${params.decemberShare} ` +
        `of the year's payments, above ${params.threshold}: a year-end rush is likely; bring payments forward.`,
    },
  ];
}
