import { budgetCurve, cutoffOf, describeCurve, LINEAR, planCurve, profileCurve } from './curves.ts';
import { fiscal } from './fixtures.ts';
import { BACK_LOADED_PLAN, DELIVERY_PROFILE } from './lights.cases.ts';
import type { ExpectedCurve } from './model.ts';

/** One row of the curves' table test: a curve read at a cut-off, and what it must say. */
export interface CurveCase {
  readonly name: string;
  readonly run: () => ExpectedCurve;
  readonly curve: ExpectedCurve['curve'];
  readonly atCutoff: string;
  readonly linearAtCutoff?: string;
  /** Month ends to check, 1-based month → share. */
  readonly months?: Readonly<Record<number, string>>;
}

const at = (curve: Parameters<typeof describeCurve>[0], asOf: string, year = 2026) => describeCurve(curve, cutoffOf(year, asOf));

export const CURVE_CASES: readonly CurveCase[] = [
  {
    name: 'linear at the end of July: 7 ÷ 12',
    run: () => at(LINEAR, '2026-07-31'),
    curve: 'linear',
    atCutoff: '0.5833',
    months: { 1: '0.0833', 12: '1.0000' },
  },
  { name: 'linear on 1 August: 7 ÷ 12 + 1/31 of a month', run: () => at(LINEAR, '2026-08-01'), curve: 'linear', atCutoff: '0.5860' },
  { name: 'linear on 1 January: 1/31 of a month', run: () => at(LINEAR, '2026-01-01'), curve: 'linear', atCutoff: '0.0027' },
  { name: 'linear at the year end', run: () => at(LINEAR, '2026-12-31'), curve: 'linear', atCutoff: '1.0000' },
  { name: 'after the year: the year end', run: () => at(LINEAR, '2027-03-31'), curve: 'linear', atCutoff: '1.0000' },
  { name: 'before the year: zero', run: () => at(LINEAR, '2025-12-31'), curve: 'linear', atCutoff: '0.0000' },
  { name: '28 February 2026 is the end of February: 2 ÷ 12', run: () => at(LINEAR, '2026-02-28'), curve: 'linear', atCutoff: '0.1667' },
  {
    name: '28 February 2028 (a leap year) is 28/29 of February',
    run: () => at(LINEAR, '2028-02-28', 2028),
    curve: 'linear',
    atCutoff: '0.1638', // (1 + 28/29) ÷ 12
  },
  { name: '29 February 2028 is the end of February', run: () => at(LINEAR, '2028-02-29', 2028), curve: 'linear', atCutoff: '0.1667' },
  {
    name: 'the payment plan: cumulative plan ÷ annual plan, linear beside it',
    run: () => at(planCurve(BACK_LOADED_PLAN) ?? LINEAR, '2026-07-31'),
    curve: 'plan',
    atCutoff: '0.4000',
    linearAtCutoff: '0.5833',
    months: { 3: '0.0000', 11: '0.9000', 12: '1.0000' },
  },
  {
    name: 'the payment plan mid-month: 15 of 31 days of July’s 10 %',
    run: () => at(planCurve(BACK_LOADED_PLAN) ?? LINEAR, '2026-07-15'),
    curve: 'plan',
    atCutoff: '0.3484', // 0.3 + 0.1 × 15/31
  },
  {
    name: 'an indicator profile',
    run: () => at(profileCurve(DELIVERY_PROFILE) ?? LINEAR, '2026-07-31'),
    curve: 'profile',
    atCutoff: '0.5000',
    linearAtCutoff: '0.5833',
  },
  {
    name: 'two sources, one planned: weighted by the adjusted budgets',
    run: () =>
      at(
        budgetCurve([
          fiscal({ adjustedBudgetFen: 100_000_000, planByMonthFen: BACK_LOADED_PLAN }),
          fiscal({ source: 'other', adjustedBudgetFen: 20_000_000 }),
        ]),
        '2026-07-31',
      ),
    curve: 'plan',
    atCutoff: '0.4306', // (100 × 0.4 + 20 × 7/12) ÷ 120
  },
  {
    name: 'no source planned: linear',
    run: () => at(budgetCurve([fiscal(), fiscal({ source: 'other' })]), '2026-07-31'),
    curve: 'linear',
    atCutoff: '0.5833',
  },
  {
    name: 'a plan with a negative month is not used',
    run: () => at(budgetCurve([fiscal({ planByMonthFen: [...BACK_LOADED_PLAN.slice(0, 11), -1] })]), '2026-07-31'),
    curve: 'linear',
    atCutoff: '0.5833',
  },
];
