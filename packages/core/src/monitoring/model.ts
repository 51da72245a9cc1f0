import type { Direction, Level1, Level2, QualitativeBand } from '../model.ts';
import type { Fen } from '../numbers/money.ts';

/**
 * 绩效运行监控 (双监控): the lights a monitoring form shows for a project at a cut-off date. Pure: the
 * forms read the ledger and the approved targets, call `assessProject`, and store or show the result.
 * Every figure that crosses this boundary is decimal text or integer fen, never a float.
 */

/** `none`: not assessable yet; the result's `reason` and explanation say why. */
export type Light = 'green' | 'yellow' | 'red' | 'blue' | 'none';

export type MonitoringPreset = 'ratio' | 'milestones';

/** Why a light is `none`. */
export type NoLightReason =
  | 'no-budget' // 调整预算数 is zero
  | 'no-actual' // no 1–X 月实际完成值 yet
  | 'no-target' // no usable target (absent, zero or negative for a positive indicator)
  | 'nothing-expected' // the expected curve is still at zero at the cut-off
  | 'no-milestone'; // milestones preset: the first milestone is not due yet

export interface RuleRef {
  /** Stable code, e.g. `MON_BUDGET_RATIO`; the docs (docs/monitoring.md 预警规则) list them. */
  readonly code: MonitoringRuleCode;
  readonly preset: MonitoringPreset;
  /** The official basis and the rule table it was read from, in Chinese. */
  readonly source: string;
}

export type MonitoringRuleCode =
  | 'MON_BUDGET_RATIO'
  | 'MON_BUDGET_MILESTONE'
  | 'MON_INDICATOR_POSITIVE'
  | 'MON_INDICATOR_REVERSE'
  | 'MON_INDICATOR_QUALITATIVE';

export interface LightFigure {
  readonly label: string;
  readonly labelEn: string;
  /** Already formatted for display ("85.12%", "1,234.00 元", "2026-07-31"). */
  readonly value: string;
}

export interface LightResult {
  readonly light: Light;
  /**
   * The compared ratio as a percentage with two decimals ("85.12" is 85.12 %): 执行率 ÷ 序时进度 for
   * the budget (÷ the milestone due in the milestones preset), actual ÷ (target × expected share) for a
   * positive indicator, actual ÷ limit for a reverse one. Absent when not computed.
   */
  readonly ratio?: string | undefined;
  /** The expected cumulative share at the cut-off (the milestone due, in that preset), a percentage with two decimals. */
  readonly expected?: string | undefined;
  readonly reason?: NoLightReason | undefined;
  readonly rule: RuleRef;
  /** One sentence that names the rule, the figures and the band they fall in. */
  readonly explanation: string;
  readonly explanationEn: string;
  readonly inputs: readonly LightFigure[];
}

/** Bands are decimal text shares ("0.6" is 60 %); boundaries belong to the better band. */
export interface BudgetBands {
  /** Below → red. */
  readonly red: string;
  /** From → green; between red and green → yellow. */
  readonly green: string;
}

export interface IndicatorBands {
  /** Below → red. */
  readonly red: string;
  /** From → green (from `red` up to here → yellow). */
  readonly green: string;
  /** From → blue (目标值可能偏低). */
  readonly blue: string;
}

export interface Milestone {
  /** The milestone falls due at the end of this month (1–12). */
  readonly month: number;
  /** Minimum 执行率 by then, decimal text share. */
  readonly share: string;
}

export interface MonitoringRuleSet {
  /** Region code the finance bureau works for; `''` for the built-in default. */
  readonly region: string;
  readonly year: number;
  /** 0 for a built-in default; saved versions count from 1. */
  readonly version: number;
  readonly preset: MonitoringPreset;
  /** ratio preset: 执行率 ÷ 序时进度. */
  readonly budgetBands: BudgetBands;
  /** Both presets: positive indicators, actual ÷ (target × expected share). */
  readonly indicatorBands: IndicatorBands;
  /** milestones preset: 执行率 at the last milestone due. */
  readonly milestones: readonly Milestone[];
  /** milestones preset: below a milestone by less than this (decimal text share) → yellow, more → red. */
  readonly milestoneMargin: string;
  /** Reverse indicators (≤, <) are held to target × expected share instead of the full target. */
  readonly reverseProRata: boolean;
  readonly gaps: {
    /** Goal progress and 执行率 further apart than this (decimal text share) → a warning. */
    readonly goalVsSpending: string;
  };
  readonly rush: {
    /** Projected December share of the year's payments above this → a warning. */
    readonly decemberShare: string;
    /** Raised only from cut-offs in this month on (1–12). */
    readonly fromMonth: number;
  };
}

export interface MoneyInput {
  /** 资金来源: `fiscal`, `other` or a funding-source code of the caller's. */
  readonly source: string;
  /** Display name of the source (本年财政拨款); the code when absent. */
  readonly label?: string | undefined;
  /** 年初预算数 */
  readonly initialBudgetFen: Fen;
  /** 调整预算数 (what 执行率 divides by) */
  readonly adjustedBudgetFen: Fen;
  /** 截至 X 月底支出数 */
  readonly spentToDateFen: Fen;
  /** 用款计划: planned payments per month, 12 entries, January first. */
  readonly planByMonthFen?: readonly Fen[] | undefined;
  /** Payments per month so far (for display); 12 entries when present. */
  readonly paidByMonthFen?: readonly Fen[] | undefined;
  /** 全年预计执行数: the year's total for the year-end rush forecast; the adjusted budget when absent. */
  readonly forecastYearEndFen?: Fen | undefined;
}

export interface IndicatorInput {
  readonly id: string;
  readonly name: string;
  readonly level1?: Level1 | undefined;
  readonly level2?: Level2 | undefined;
  readonly nature: 'quantitative' | 'qualitative';
  readonly direction: Direction;
  /** 年度指标值 (the adjusted one when an adjustment was approved), decimal text. */
  readonly target?: string | undefined;
  readonly targetText?: string | undefined;
  readonly unit?: string | undefined;
  /** 1–X 月实际完成值, cumulative, decimal text. */
  readonly actualToDate?: string | undefined;
  /** Wording of the actual; for a qualitative indicator 达成 / 部分达成 / 未达成 when `band` is absent. */
  readonly actualText?: string | undefined;
  /** Qualitative indicators: the grade at the cut-off. */
  readonly band?: QualitativeBand | undefined;
  /** 全年预计完成值, decimal text (shown; not used by the lights). */
  readonly forecastYearEnd?: string | undefined;
  /** Cumulative expected share at each month end, 12 decimal-text entries ("0", …, "1"). */
  readonly monthlyProfile?: readonly string[] | undefined;
  /**
   * Whether the target accrues over the year (a count, an amount) and so is prorated by the expected
   * curve. Rates and levels ("合格率 ≥ 95%") do not: set false and the full target applies at any
   * cut-off. Default: true for positive indicators, the rule set's `reverseProRata` for reverse ones.
   */
  readonly proRata?: boolean | undefined;
  /** 时效指标: ISO date the work is due. */
  readonly dueDate?: string | undefined;
  /** The work is done (for the 时效 warning); inferred from the actual when absent. */
  readonly done?: boolean | undefined;
  /** Defaults to level1 === 'satisfaction'. */
  readonly isSatisfaction?: boolean | undefined;
  readonly hasSurvey?: boolean | undefined;
}

export interface MonitoringInput {
  readonly fiscalYear: number;
  /** ISO date, the task's cut-off (截至日期), inclusive: 2026-07-31 is "截至 7 月底". */
  readonly asOf: string;
  readonly money: readonly MoneyInput[];
  readonly indicators: readonly IndicatorInput[];
}

export type MonitoringWarningCode =
  | 'MON_GOAL_AHEAD_OF_SPENDING'
  | 'MON_SPENDING_AHEAD_OF_GOAL'
  | 'MON_SATISFACTION_NO_SURVEY'
  | 'MON_TIMELINESS_OVERDUE'
  | 'MON_YEAR_END_RUSH';

export interface MonitoringWarning {
  readonly code: MonitoringWarningCode;
  readonly subjectKind: 'project' | 'indicator' | 'money';
  /** Indicator id, money source, or `project`. */
  readonly subject: string;
  /** The figures in the sentence, as display text. */
  readonly params: Readonly<Record<string, string>>;
  readonly message: string;
  readonly messageEn: string;
}

export type ExpectedCurveKind = 'plan' | 'profile' | 'linear';

export interface ExpectedCurve {
  readonly curve: ExpectedCurveKind;
  /** Cumulative expected share at each month end, 12 entries, decimal text with 4 decimals. */
  readonly byMonth: readonly string[];
  /** month ÷ 12, same form, always returned beside the used curve. */
  readonly linear: readonly string[];
  /** Expected share at the cut-off itself (partial month by days), 4 decimals. */
  readonly atCutoff: string;
  readonly linearAtCutoff: string;
}

export interface MoneyAssessment extends LightResult {
  readonly source: string;
  /** 执行率, percentage with two decimals; absent when there is no adjusted budget. */
  readonly executionRate?: string | undefined;
  readonly expectedCurve: ExpectedCurve;
}

export interface IndicatorAssessment extends LightResult {
  readonly id: string;
  readonly expectedCurve: ExpectedCurve;
}

export interface ProjectAssessment {
  /** The worst of the budget and indicator lights, red > yellow > green > blue; `none` only when none is assessable. */
  readonly light: Light;
  /** All sources together. */
  readonly budget: LightResult;
  /** One per money source, in input order. */
  readonly money: readonly MoneyAssessment[];
  readonly indicators: readonly IndicatorAssessment[];
  readonly warnings: readonly MonitoringWarning[];
  /** The budget's expected curve (sources weighted by 调整预算数). */
  readonly expected: ExpectedCurve;
}

/** One refused field: its JSON path in the rule set ("budgetBands.red", "milestones[1].month") and the sentence. */
export interface RuleSetIssue {
  readonly path: string;
  readonly message: string;
}

export type ParseRuleSetResult =
  | { ok: true; value: MonitoringRuleSet }
  | { ok: false; errors: readonly string[]; issues: readonly RuleSetIssue[] };

export const LIGHT_LABEL: Readonly<Record<Light, string>> = { green: '绿灯', yellow: '黄灯', red: '红灯', blue: '蓝灯', none: '暂无' };
export const LIGHT_LABEL_EN: Readonly<Record<Light, string>> = { green: 'green', yellow: 'yellow', red: 'red', blue: 'blue', none: 'none' };
