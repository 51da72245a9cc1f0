import { budgetCurve } from './curves.ts';
import { cutoff, fiscal, JULY_END, MILESTONES, quantity, RATIO, withRules } from './fixtures.ts';
import { budgetMilestoneLight, budgetRatioLight, indicatorLight } from './lights.ts';
import type { IndicatorInput, Light, LightResult, MoneyInput, MonitoringRuleSet, NoLightReason } from './model.ts';

/**
 * One row of a light's table test: the rule applied to some inputs and the light (and, where the
 * boundary matters, the ratio) it must give. A reason is checked for every `none`.
 */
export interface LightCase {
  readonly name: string;
  readonly run: () => LightResult;
  readonly light: Light;
  readonly ratio?: string;
  readonly expected?: string;
  readonly reason?: NoLightReason;
}

/** The budget light of one source, as assessProject computes it. */
export function budget(money: Partial<MoneyInput>, asOf = JULY_END, rules: MonitoringRuleSet = RATIO): LightResult {
  const source = fiscal(money);
  const figures = {
    label: '本年财政拨款',
    spentFen: source.spentToDateFen,
    budgetFen: source.adjustedBudgetFen,
    curve: budgetCurve([source]),
    asOf,
  };
  const light = rules.preset === 'milestones' ? budgetMilestoneLight : budgetRatioLight;
  return light(figures, cutoff(asOf), rules);
}

export function indicator(overrides: Partial<IndicatorInput>, asOf = JULY_END, rules: MonitoringRuleSet = RATIO): LightResult {
  return indicatorLight(quantity(overrides), cutoff(asOf), asOf, rules);
}

// 1,200,000.00 元 budget at the end of July: 序时进度 7 ÷ 12, so 70,000,000 fen spent is exactly on time.
const onTime = 70_000_000;
const share = (percent: number) => Math.round((onTime * percent) / 100);

/** A plan that pays 40 % by the end of July (instead of 58.33 %) and 100 % by December. */
export const BACK_LOADED_PLAN = [0, 0, 0, 10, 10, 10, 10, 10, 10, 10, 20, 10].map((amount) => amount * 1_000_000);

export const BUDGET_CASES: readonly LightCase[] = [
  { name: 'on time: 100 %', run: () => budget({ spentToDateFen: onTime }), light: 'green', ratio: '100.00', expected: '58.33' },
  { name: '80 % exactly is green', run: () => budget({ spentToDateFen: share(80) }), light: 'green', ratio: '80.00' },
  { name: 'just under 80 % is yellow', run: () => budget({ spentToDateFen: share(80) - 1 }), light: 'yellow', ratio: '80.00' },
  { name: '60 % exactly is yellow', run: () => budget({ spentToDateFen: share(60) }), light: 'yellow', ratio: '60.00' },
  { name: 'just under 60 % is red', run: () => budget({ spentToDateFen: share(60) - 1 }), light: 'red', ratio: '60.00' },
  { name: 'nothing spent is red', run: () => budget({ spentToDateFen: 0 }), light: 'red', ratio: '0.00' },
  { name: 'overspent is green', run: () => budget({ spentToDateFen: 130_000_000 }), light: 'green' },
  { name: 'no adjusted budget: none', run: () => budget({ adjustedBudgetFen: 0, spentToDateFen: 0 }), light: 'none', reason: 'no-budget' },
  {
    name: 'the payment plan expects 40 %: 24 % spent is 60 %, yellow (red on month ÷ 12)',
    run: () => budget({ adjustedBudgetFen: 100_000_000, spentToDateFen: 24_000_000, planByMonthFen: BACK_LOADED_PLAN }),
    light: 'yellow',
    ratio: '60.00',
    expected: '40.00',
  },
  {
    name: 'the same spending on month ÷ 12 is red',
    run: () => budget({ adjustedBudgetFen: 100_000_000, spentToDateFen: 24_000_000 }),
    light: 'red',
    ratio: '41.14',
  },
  {
    name: 'nothing planned yet: none',
    run: () => budget({ adjustedBudgetFen: 100_000_000, spentToDateFen: 0, planByMonthFen: BACK_LOADED_PLAN }, '2026-03-31'),
    light: 'none',
    reason: 'nothing-expected',
  },
  {
    name: 'a plan of zeros falls back to month ÷ 12',
    run: () => budget({ spentToDateFen: onTime, planByMonthFen: new Array(12).fill(0) }),
    light: 'green',
    expected: '58.33',
  },
  {
    name: 'mid-month: 15 July expects (6 + 15/31) ÷ 12 = 54.03 %',
    run: () => budget({ spentToDateFen: 64_838_710 }, '2026-07-15'),
    light: 'green',
    ratio: '100.00',
    expected: '54.03',
  },
  {
    name: 'a cut-off before the year: none',
    run: () => budget({}, '2025-12-31'),
    light: 'none',
    reason: 'nothing-expected',
  },
  {
    name: 'bands from the rule table: red below 50 %',
    run: () => budget({ spentToDateFen: share(55) }, JULY_END, withRules({ budgetBands: { red: '0.5', green: '0.8' } })),
    light: 'yellow',
  },
];

export const MILESTONE_CASES: readonly LightCase[] = [
  { name: 'end of July: the June milestone, 40 % spent is green', run: () => ms(0.4, JULY_END), light: 'green', expected: '40.00' },
  { name: '35 % is 5 points short: yellow', run: () => ms(0.35, JULY_END), light: 'yellow' },
  { name: 'just under 35 % is red', run: () => ms(0.35, JULY_END, -1), light: 'red' },
  { name: 'end of April: the April milestone 25 % applies', run: () => ms(0.25, '2026-04-30'), light: 'green', expected: '25.00' },
  { name: '29 April: no milestone due yet', run: () => ms(0.1, '2026-04-29'), light: 'none', reason: 'no-milestone' },
  { name: 'end of December: the October milestone, 80 %', run: () => ms(0.79, '2026-12-31'), light: 'yellow', expected: '80.00' },
  {
    name: 'no adjusted budget: none',
    run: () => budget({ adjustedBudgetFen: 0 }, JULY_END, MILESTONES),
    light: 'none',
    reason: 'no-budget',
  },
];

function ms(executed: number, asOf: string, offsetFen = 0): LightResult {
  return budget({ spentToDateFen: Math.round(120_000_000 * executed) + offsetFen }, asOf, MILESTONES);
}

// Target 1,200 a year, end of July: 700 is on schedule.
export const INDICATOR_CASES: readonly LightCase[] = [
  { name: 'on schedule: 100 %', run: () => indicator({ actualToDate: '700' }), light: 'green', ratio: '100.00', expected: '58.33' },
  { name: '60 % exactly is yellow', run: () => indicator({ actualToDate: '420' }), light: 'yellow', ratio: '60.00' },
  { name: 'just under 60 % is red', run: () => indicator({ actualToDate: '419.99' }), light: 'red', ratio: '60.00' },
  { name: '80 % exactly is green', run: () => indicator({ actualToDate: '560' }), light: 'green', ratio: '80.00' },
  { name: 'just under 80 % is yellow', run: () => indicator({ actualToDate: '559.99' }), light: 'yellow' },
  { name: 'just under 120 % is green', run: () => indicator({ actualToDate: '839.99' }), light: 'green', ratio: '120.00' },
  { name: '120 % exactly is blue', run: () => indicator({ actualToDate: '840' }), light: 'blue', ratio: '120.00' },
  { name: 'a zero actual is red', run: () => indicator({ actualToDate: '0' }), light: 'red', ratio: '0.00' },
  { name: '> reads like ≥ before the year end', run: () => indicator({ direction: '>', actualToDate: '700' }), light: 'green' },
  { name: 'no actual yet: none', run: () => indicator({ actualToDate: undefined }), light: 'none', reason: 'no-actual' },
  {
    name: 'no numeric target: none',
    run: () => indicator({ target: undefined, targetText: '按计划完成' }),
    light: 'none',
    reason: 'no-target',
  },
  {
    name: 'a rate is not prorated: 76 of ≥ 95 is 80 %, green',
    run: () => indicator({ target: '95', actualToDate: '76', proRata: false }),
    light: 'green',
    ratio: '80.00',
    expected: '100.00',
  },
  { name: 'a rate at 75.9 of 95 is yellow', run: () => indicator({ target: '95', actualToDate: '75.9', proRata: false }), light: 'yellow' },
  {
    name: 'a monthly profile (a one-off delivery in July): 4 of 10 against 50 % is 80 %, green',
    run: () => indicator({ target: '10', actualToDate: '4', monthlyProfile: DELIVERY_PROFILE }),
    light: 'green',
    ratio: '80.00',
    expected: '50.00',
  },
  {
    name: 'the same without the profile (month ÷ 12) is yellow',
    run: () => indicator({ target: '10', actualToDate: '4' }),
    light: 'yellow',
    ratio: '68.57',
  },
  {
    name: 'the profile expects nothing yet: none',
    run: () => indicator({ target: '10', actualToDate: '0', monthlyProfile: DELIVERY_PROFILE }, '2026-06-30'),
    light: 'none',
    reason: 'nothing-expected',
  },
  {
    name: 'a broken profile (11 months) falls back to month ÷ 12',
    run: () => indicator({ target: '10', actualToDate: '4', monthlyProfile: DELIVERY_PROFILE.slice(1) }),
    light: 'yellow',
    expected: '58.33',
  },
  {
    name: 'a falling profile falls back to month ÷ 12',
    run: () => indicator({ target: '10', actualToDate: '4', monthlyProfile: [...DELIVERY_PROFILE.slice(0, 11), '0.9'] }),
    light: 'yellow',
  },
  { name: '≤: at the target is green', run: () => indicator({ direction: '<=', target: '100', actualToDate: '100' }), light: 'green' },
  { name: '≤: over the target is red', run: () => indicator({ direction: '<=', target: '100', actualToDate: '100.01' }), light: 'red' },
  { name: '<: at the target is red', run: () => indicator({ direction: '<', target: '100', actualToDate: '100' }), light: 'red' },
  { name: '<: under it is green', run: () => indicator({ direction: '<', target: '100', actualToDate: '99.99' }), light: 'green' },
  {
    name: '≤ with a negative target (库存环比下降 < 0%)',
    run: () => indicator({ direction: '<', target: '0', actualToDate: '-45.81', unit: '%' }),
    light: 'green',
  },
  {
    name: '≤ prorated when the rule table says so: 701 of ≤ 1,200 by July is red',
    run: () => indicator({ direction: '<=', actualToDate: '701' }, JULY_END, withRules({ reverseProRata: true })),
    light: 'red',
  },
  {
    name: '≤ prorated: 700 is green',
    run: () => indicator({ direction: '<=', actualToDate: '700' }, JULY_END, withRules({ reverseProRata: true })),
    light: 'green',
    ratio: '100.00',
  },
  {
    name: '≤ not prorated by default: 1,100 of ≤ 1,200 by July is green',
    run: () => indicator({ direction: '<=', actualToDate: '1100' }),
    light: 'green',
  },
  { name: '≥ 0: 0 meets it', run: () => indicator({ target: '0', actualToDate: '0' }), light: 'green' },
  { name: '> 0: 0 does not', run: () => indicator({ direction: '>', target: '0', actualToDate: '0' }), light: 'red' },
  { name: '≥ -5: -3 meets it', run: () => indicator({ target: '-5', actualToDate: '-3' }), light: 'green' },
  { name: '≥ -5: -6 does not', run: () => indicator({ target: '-5', actualToDate: '-6' }), light: 'red' },
  { name: 'qualitative 达成 is green', run: () => qualitative({ band: 'achieved' }), light: 'green' },
  { name: 'qualitative 部分达成 is yellow', run: () => qualitative({ band: 'partial' }), light: 'yellow' },
  { name: 'qualitative 未达成 is red', run: () => qualitative({ band: 'not-achieved' }), light: 'red' },
  { name: 'qualitative from the wording 部分达成', run: () => qualitative({ actualText: '部分达成年度指标' }), light: 'yellow' },
  { name: 'qualitative from the wording 未达成', run: () => qualitative({ actualText: '未达成' }), light: 'red' },
  { name: 'qualitative not graded yet: none', run: () => qualitative({}), light: 'none', reason: 'no-actual' },
  {
    name: 'bands from the rule table: blue only from 150 %',
    run: () => indicator({ actualToDate: '840' }, JULY_END, withRules({ indicatorBands: { red: '0.6', green: '0.8', blue: '1.5' } })),
    light: 'green',
  },
];

export const DELIVERY_PROFILE = ['0', '0', '0', '0', '0', '0', '0.5', '0.5', '0.5', '0.5', '1', '1'];

function qualitative(overrides: Partial<IndicatorInput>): LightResult {
  return indicator({
    nature: 'qualitative',
    direction: 'qualitative',
    target: undefined,
    targetText: '达成年度指标',
    actualToDate: undefined,
    level2: 'quality',
    ...overrides,
  });
}
