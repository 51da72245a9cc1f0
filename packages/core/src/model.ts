import type { Decimal } from './numbers/decimal.ts';
import type { Fen } from './numbers/money.ts';
import type { Points } from './numbers/points.ts';

/** 一级指标. `management` (管理效率) exists only in the department-overall scheme's catalogue. */
export type Level1 = 'output' | 'effect' | 'satisfaction';

/** 二级指标, each belonging to exactly one level 1 (docs/rules.md §4.1). */
export type Level2 =
  | 'quantity'
  | 'quality'
  | 'timeliness'
  | 'cost'
  | 'economic'
  | 'social'
  | 'ecological'
  | 'sustainability'
  | 'beneficiary';

export const LEVEL2_OF: Readonly<Record<Level1, readonly Level2[]>> = {
  output: ['quantity', 'quality', 'timeliness', 'cost'],
  effect: ['economic', 'social', 'ecological', 'sustainability'],
  satisfaction: ['beneficiary'],
};

export const LEVEL1_LABEL: Readonly<Record<Level1, string>> = {
  output: '产出指标',
  effect: '效益指标',
  satisfaction: '满意度指标',
};

export const LEVEL2_LABEL: Readonly<Record<Level2, string>> = {
  quantity: '数量指标',
  quality: '质量指标',
  timeliness: '时效指标',
  cost: '成本指标',
  economic: '经济效益指标',
  social: '社会效益指标',
  ecological: '生态效益指标',
  sustainability: '可持续影响指标',
  beneficiary: '服务对象满意度指标',
};

/**
 * How an actual is compared with its target. Stored explicitly, never parsed from wording
 * (docs/rules.md §7.1): "库存环比下降 <0%" is `<` with target 0 and actual -45.81.
 */
export type Direction = '>=' | '>' | '<=' | '<' | '=' | 'qualitative';

export const DIRECTIONS: readonly Direction[] = ['>=', '>', '<=', '<', '=', 'qualitative'];

/** 定性指标的评价档次 (docs/rules.md §1.4). */
export type QualitativeBand = 'achieved' | 'partial' | 'not-achieved';

export const BAND_LABEL: Readonly<Record<QualitativeBand, string>> = {
  achieved: '达成年度指标',
  partial: '部分达成年度指标并具有一定效果',
  'not-achieved': '未达成年度指标且效果较差',
};

export interface Adjustment {
  /** The evaluator's final score for the item. */
  readonly score: Points;
  /** Mandatory: a changed score without a reason is refused at the edge. */
  readonly reason: string;
}

export interface Goal {
  readonly id: string;
  /** Full goal text as set with the budget (report 一(一)). */
  readonly text: string;
  /** Short heading used in the duty-effectiveness analysis (report 一(三)); defaults to the text's first sentence. */
  readonly summary?: string | undefined;
}

export interface Indicator {
  readonly id: string;
  readonly goalId?: string | undefined;
  /**
   * Absent on flat forms that print no 一级 / 二级 columns; only a scheme whose level weights are
   * free (`levelWeightMode: 'free'`) scores such an indicator (docs/scoring.md, 无层级表格).
   */
  readonly level1?: Level1 | undefined;
  readonly level2?: Level2 | undefined;
  /** 三级指标名称 */
  readonly name: string;
  readonly direction: Direction;
  readonly target?: Decimal | undefined;
  readonly unit?: string | undefined;
  readonly actual?: Decimal | undefined;
  /** Original wording of the target or actual, kept for the report ("控制在3个工作日内", "超1319"). */
  readonly targetText?: string | undefined;
  readonly actualText?: string | undefined;
  /**
   * 调整指标值: the target after an approved mid-year adjustment, with its wording. Present only
   * when an adjustment was approved (a filed form prints only approved ones); the indicator is then
   * scored against it and both targets are shown. A qualitative indicator's adjusted grade is in
   * `adjustedTargetText` alone. Issue 11's in-app adjustments write the same two fields.
   */
  readonly adjustedTarget?: Decimal | undefined;
  readonly adjustedTargetText?: string | undefined;
  /** Last year's actual, for the "target below last year" check. */
  readonly lastYearActual?: Decimal | undefined;
  /** Explicit weight; when absent the level's weight is shared evenly. */
  readonly weight?: Points | undefined;
  readonly notApplicable?: boolean | undefined;
  readonly deviationReason?: string | undefined;
  readonly dataSource?: string | undefined;
  /** Qualitative indicators: the band the evaluator chose and the score given within it. */
  readonly band?: QualitativeBand | undefined;
  readonly qualitativeScore?: Points | undefined;
  readonly adjustment?: Adjustment | undefined;
  /** A score written in an imported table, checked against the computed one. */
  readonly declaredScore?: Points | undefined;
  /**
   * 得分系数: the published score as a share of the weight (0–1); checked like `declaredScore`
   * once the weight is known, as coefficient × weight rounded like every score.
   */
  readonly scoreCoefficient?: Decimal | undefined;
  /** 是否核心指标 */
  readonly isCore?: boolean | undefined;
  /** Marked when the figure is not from the source document (examples). */
  readonly illustrative?: boolean | undefined;
  /** Where a computed actual came from, e.g. "由台账计算：按期足额支付 … ÷ 应付 … = 93.12%". */
  readonly actualSource?: string | undefined;
  /**
   * 满意度调查 behind a satisfaction indicator: the valid and planned sample of the survey that gave
   * its actual; null when the system tracks surveys for it and none feeds it; absent when not tracked
   * (imported workbooks).
   */
  readonly surveySample?: { readonly valid: number; readonly planned: number } | null | undefined;
}

/** 资金来源 as the self-evaluation forms print them, one budget row each. */
export type FundingSource = 'fiscal-appropriation' | 'special-account' | 'unit-funds' | 'other';

export const FUNDING_SOURCES: readonly FundingSource[] = ['fiscal-appropriation', 'special-account', 'unit-funds', 'other'];

export const FUNDING_SOURCE_LABEL: Readonly<Record<FundingSource, string>> = {
  'fiscal-appropriation': '本年财政拨款',
  'special-account': '财政专户管理资金',
  'unit-funds': '单位资金',
  other: '其他资金',
};

/** One 资金来源 row: the form's 年初预算数 / 全年预算数 / 全年执行数 for that source, in fen. */
export interface FundingSourceRow {
  readonly source: FundingSource;
  readonly initial: Fen;
  readonly adjusted: Fen;
  readonly executed: Fen;
}

/** Budget figures of the evaluated department or project, in fen (docs/rules.md §1.5). */
export interface BudgetFigures {
  /** 年初预算数 */
  readonly initial: Fen;
  /** 上年结转 */
  readonly carryOver: Fen;
  /** 全年预算数 = 调整后预算数, carry-over included */
  readonly adjusted: Fen;
  /** 全年执行数 */
  readonly executed: Fen;
  /** Required when the execution rate is below the scheme's threshold (docs/rules.md §1.5b). */
  readonly executionReason?: string | undefined;
  readonly executionAdjustment?: Adjustment | undefined;
  readonly illustrative?: boolean | undefined;
  /** 资金来源 rows; the totals above are their sums (a disagreement is an error naming both). */
  readonly sources?: readonly FundingSourceRow[] | undefined;
  /** The execution score written in an imported form, checked against the computed one. */
  readonly declaredExecutionScore?: Points | undefined;
}

/**
 * A 管理效率 item a department declares for itself (open catalogue): scored like a catalogue item,
 * from an entered rate or from a ratio of two of its own named amounts.
 */
export interface OwnManagementItem {
  readonly name: string;
  readonly area?: string | undefined;
  readonly direction: Direction;
  readonly target?: Decimal | undefined;
  /** Unit of the value and target; percent when absent. */
  readonly unit?: string | undefined;
  /** numerator ÷ denominator over `amounts`; absent when the value is entered as `rate`. */
  readonly formula?: { readonly numerator: string; readonly denominator: string } | undefined;
  /** Labels of the amounts the formula reads. */
  readonly inputs?: Readonly<Record<string, string>> | undefined;
  readonly standard?: string | undefined;
}

/** The figures behind one 管理效率 catalogue item (department-overall scheme). */
export interface ManagementEntry {
  readonly code: string;
  /** Formula inputs: money in fen, counts and rates as exact decimals. */
  readonly amounts?: Readonly<Record<string, Fen>> | undefined;
  /** Overrides of the catalogue default. */
  readonly target?: Decimal | undefined;
  readonly weight?: Points | undefined;
  readonly notApplicable?: boolean | undefined;
  readonly band?: QualitativeBand | undefined;
  readonly qualitativeScore?: Points | undefined;
  readonly deviationReason?: string | undefined;
  readonly adjustment?: Adjustment | undefined;
  /** What was done, in the preparer's words, for the 管理效率分析 section. */
  readonly note?: string | undefined;
  readonly illustrative?: boolean | undefined;
  /** The item's value entered as a rate (percent, or the own item's unit) instead of its amounts. */
  readonly rate?: Decimal | undefined;
  /** A score written in an imported form, checked against the computed one. */
  readonly declaredScore?: Points | undefined;
  /** Present for a department's own item, absent for an item of the scheme's catalogue. */
  readonly own?: OwnManagementItem | undefined;
}

export interface Organisation {
  /** 部门名称 (or 单位名称 for a project) */
  readonly name: string;
  readonly subordinateUnitCount: number;
  readonly subordinateUnits?: readonly string[] | undefined;
  readonly preparer: string;
  readonly phone: string;
  /** 填报日期, ISO yyyy-mm-dd */
  readonly filledOn: string;
}

export interface ProjectInfo {
  readonly name: string;
  readonly code?: string | undefined;
  readonly category?: string | undefined;
  readonly unit?: string | undefined;
}

export type EvaluationKind = 'department' | 'project';

export interface Narrative {
  /** 自评结论 prose, before the generated score sentence. */
  readonly conclusion?: string | undefined;
  /** 履职效能分析 opening, before the per-goal analysis. */
  readonly dutyIntro?: string | undefined;
  /** 管理效率分析 prose, before the per-item sentences. */
  readonly management?: string | undefined;
  /** 存在的主要问题, the preparer's own items. */
  readonly problems: readonly string[];
  /** 下一步改进措施, the preparer's own items. */
  readonly measures: readonly string[];
}

/** Everything one self-evaluation needs; built from a workbook or from the database. */
export interface EvaluationInput {
  readonly kind: EvaluationKind;
  readonly fiscalYear: number;
  readonly organisation: Organisation;
  readonly project?: ProjectInfo | undefined;
  readonly goals: readonly Goal[];
  readonly indicators: readonly Indicator[];
  readonly budget: BudgetFigures;
  readonly management: readonly ManagementEntry[];
  /** A total written in an imported table, checked against the sum of its parts. */
  readonly declaredTotal?: Points | undefined;
  readonly narrative: Narrative;
}
