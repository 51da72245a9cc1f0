import { budgetCurve, cutoffOf, describeCurve, moneyCurve } from './curves.ts';
import { budgetMilestoneLight, budgetRatioLight, indicatorCurve, indicatorLight, type MoneyFigures, worstLight } from './lights.ts';
import type { MonitoringInput, MonitoringRuleSet, ProjectAssessment } from './model.ts';
import { percentFigure, shareOf } from './share.ts';
import { consistencyWarnings } from './warnings.ts';

/** The lights, expected curves and warnings of one project at the input's cut-off. */
export function assessProject(input: MonitoringInput, rules: MonitoringRuleSet): ProjectAssessment {
  const cutoff = cutoffOf(input.fiscalYear, input.asOf);
  const light = rules.preset === 'milestones' ? budgetMilestoneLight : budgetRatioLight;
  const money = input.money.map((source) => {
    const curve = moneyCurve(source);
    const figures: MoneyFigures = {
      label: source.label ?? source.source,
      spentFen: source.spentToDateFen,
      budgetFen: source.adjustedBudgetFen,
      curve,
      asOf: input.asOf,
    };
    return {
      ...light(figures, cutoff, rules),
      source: source.source,
      ...(source.adjustedBudgetFen > 0 ? { executionRate: percentFigure(shareOf(source.spentToDateFen, source.adjustedBudgetFen)) } : {}),
      expectedCurve: describeCurve(curve, cutoff),
    };
  });
  const curve = budgetCurve(input.money);
  const budget = light(
    {
      label: '资金合计',
      labelEn: 'All funds',
      spentFen: input.money.reduce((sum, source) => sum + source.spentToDateFen, 0),
      budgetFen: input.money.reduce((sum, source) => sum + source.adjustedBudgetFen, 0),
      curve,
      asOf: input.asOf,
    },
    cutoff,
    rules,
  );
  const indicators = input.indicators.map((indicator) => ({
    ...indicatorLight(indicator, cutoff, input.asOf, rules),
    id: indicator.id,
    expectedCurve: describeCurve(indicatorCurve(indicator), cutoff),
  }));
  return {
    light: worstLight([budget.light, ...indicators.map((indicator) => indicator.light)]),
    budget,
    money,
    indicators,
    warnings: consistencyWarnings(input, cutoff, rules),
    expected: describeCurve(curve, cutoff),
  };
}
