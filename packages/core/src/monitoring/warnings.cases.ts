import { cutoffOf } from './curves.ts';
import { fiscal, JULY_END, project, quantity, RATIO, withRules } from './fixtures.ts';
import type { IndicatorInput, MonitoringInput, MonitoringRuleSet, MonitoringWarning, MonitoringWarningCode } from './model.ts';
import { consistencyWarnings } from './warnings.ts';

/** One row of the warnings' table test: a project and the warning codes it must raise, in order. */
export interface WarningCase {
  readonly name: string;
  readonly run: () => readonly MonitoringWarning[];
  readonly codes: readonly MonitoringWarningCode[];
  readonly message?: string;
}

function warnings(overrides: Partial<MonitoringInput>, rules: MonitoringRuleSet = RATIO): MonitoringWarning[] {
  const input = project(overrides);
  return consistencyWarnings(input, cutoffOf(input.fiscalYear, input.asOf), rules);
}

/** Goal progress = actual ÷ 100; spending 60 % of a 120,000,000-fen budget; rush off (fromMonth 12). */
function progress(actual: string, spentShare = 0.6): MonitoringWarning[] {
  return warnings(
    {
      money: [fiscal({ spentToDateFen: Math.round(120_000_000 * spentShare) })],
      indicators: [quantity({ target: '100', actualToDate: actual })],
    },
    withRules({ rush: { decemberShare: '0.3', fromMonth: 12 } }),
  );
}

function rush(spentToDateFen: number, asOf = JULY_END, overrides: Partial<Parameters<typeof fiscal>[0]> = {}): MonitoringWarning[] {
  return warnings({ asOf, money: [fiscal({ adjustedBudgetFen: 110_000_000, spentToDateFen, ...overrides })], indicators: [] });
}

const satisfaction: IndicatorInput = quantity({
  id: 's1',
  name: '受训人员满意度',
  level1: 'satisfaction',
  level2: 'beneficiary',
  target: '90',
  actualToDate: undefined,
  proRata: false,
});

const timely = (overrides: Partial<IndicatorInput>) =>
  warnings({
    money: [],
    indicators: [
      quantity({ id: 't1', name: '设备按期交付', level2: 'timeliness', target: '100', actualToDate: '0', proRata: false, ...overrides }),
    ],
  });

export const WARNING_CASES: readonly WarningCase[] = [
  {
    name: 'goals 20 points ahead of spending',
    run: () => progress('80'),
    codes: ['MON_GOAL_AHEAD_OF_SPENDING'],
    message:
      '目标完成进度快于预算执行：目标完成进度 80.00%，预算执行率 60.00%，相差 20.00 个百分点（阈值 10 个百分点），请核实支出是否滞后、完成值是否准确。',
  },
  { name: 'exactly 10 points apart: no warning', run: () => progress('70'), codes: [] },
  { name: 'just over 10 points apart', run: () => progress('70.01'), codes: ['MON_GOAL_AHEAD_OF_SPENDING'] },
  { name: 'spending 11 points ahead of goals', run: () => progress('49'), codes: ['MON_SPENDING_AHEAD_OF_GOAL'] },
  { name: 'spending exactly 10 points ahead: no warning', run: () => progress('50'), codes: [] },
  { name: 'goal progress is capped at 100 %', run: () => progress('300', 0.9), codes: [] },
  {
    name: 'a rate (not prorated) says nothing about progress',
    run: () =>
      warnings(
        { indicators: [quantity({ target: '95', actualToDate: '95', proRata: false })], money: [fiscal({ spentToDateFen: 0 })] },
        withRules({ rush: { decemberShare: '0.3', fromMonth: 12 } }),
      ),
    codes: [],
  },
  {
    name: 'a satisfaction indicator with no survey',
    run: () => warnings({ money: [], indicators: [satisfaction] }),
    codes: ['MON_SATISFACTION_NO_SURVEY'],
    message: '满意度指标“受训人员满意度”没有对应的满意度调查，完成值缺少依据，请安排调查。',
  },
  {
    name: 'a satisfaction indicator with a survey',
    run: () => warnings({ money: [], indicators: [{ ...satisfaction, hasSurvey: true }] }),
    codes: [],
  },
  {
    name: 'marked as satisfaction outside the satisfaction level',
    run: () => warnings({ money: [], indicators: [quantity({ isSatisfaction: true })] }),
    codes: ['MON_SATISFACTION_NO_SURVEY'],
  },
  {
    name: 'a 时效 indicator past its due date, not done',
    run: () => timely({ dueDate: '2026-06-30' }),
    codes: ['MON_TIMELINESS_OVERDUE'],
    message: '时效指标“设备按期交付”应于 2026-06-30 前完成，截至 2026-07-31 尚未完成。',
  },
  { name: 'due on the cut-off day: still in time', run: () => timely({ dueDate: '2026-07-31' }), codes: [] },
  { name: 'past due but done', run: () => timely({ dueDate: '2026-06-30', done: true }), codes: [] },
  { name: 'past due, the actual meets the target', run: () => timely({ dueDate: '2026-06-30', actualToDate: '100' }), codes: [] },
  { name: 'a quantity indicator with a date is not 时效', run: () => timely({ dueDate: '2026-06-30', level2: 'quantity' }), codes: [] },
  // 110,000,000 fen, month ÷ 12, end of July: December's share is 1 − 11e/7, exactly 30 % at e = 49/110.
  { name: 'December at exactly 30 %: no warning', run: () => rush(49_000_000), codes: [] },
  {
    name: 'December just over 30 %',
    run: () => rush(48_999_999),
    codes: ['MON_YEAR_END_RUSH'],
    message:
      '本年财政拨款：按截至 2026-07-31 的支出进度（执行率 44.55%）和用款计划推算，12 月支付将占全年 30.00%，超过 30%，存在年末突击支付风险，请提前安排支付。',
  },
  { name: 'nothing spent by July: all of it in December', run: () => rush(0), codes: ['MON_YEAR_END_RUSH'] },
  { name: 'before the first month it is raised (May)', run: () => rush(0, '2026-05-31'), codes: [] },
  { name: 'from 1 June on', run: () => rush(0, '2026-06-01'), codes: ['MON_YEAR_END_RUSH'] },
  { name: 'not at a December cut-off', run: () => rush(0, '2026-12-15'), codes: [] },
  {
    name: 'a plan that itself puts 40 % in December, followed exactly',
    run: () => rush(38_500_000, JULY_END, { planByMonthFen: [5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 10, 40].map((amount) => amount * 1_100_000) }),
    codes: ['MON_YEAR_END_RUSH'],
  },
  {
    name: 'a smaller 全年预计执行数 (60,000,000): December is 21.43 % of it, no warning',
    run: () => rush(30_000_000, JULY_END, { forecastYearEndFen: 60_000_000 }),
    codes: [],
  },
  { name: 'no budget: no forecast', run: () => rush(0, JULY_END, { adjustedBudgetFen: 0 }), codes: [] },
];
