import type { Finding } from '../checks/findings.ts';
import type { Adjustment, Level1, Level2, QualitativeBand } from '../model.ts';
import type { Explanation } from './rules.ts';

/**
 * The parts a total is made of: the three indicator levels, the indicators of a flat form that carry
 * no level (`indicators`), 预算执行率 and 管理效率.
 */
export type PartKey = Level1 | 'indicators' | 'execution' | 'management';

export const PART_LABEL: Readonly<Record<PartKey, string>> = {
  output: '产出指标',
  effect: '效益指标',
  satisfaction: '满意度指标',
  indicators: '绩效指标',
  execution: '预算执行率',
  management: '管理效率',
};

export type ItemStatus = 'met' | 'partial' | 'not-met' | 'not-applicable' | 'missing';

export const STATUS_LABEL: Readonly<Record<ItemStatus, string>> = {
  met: '达成',
  partial: '部分达成',
  'not-met': '未达成',
  'not-applicable': '不适用',
  missing: '未填报',
};

/** One scored line of the table: an indicator, the execution rate, or a 管理效率 item. */
export interface ScoredItem {
  readonly kind: 'indicator' | 'execution' | 'management';
  /** Indicator id, "execution", or the management item's code. */
  readonly id: string;
  readonly name: string;
  readonly part: PartKey;
  readonly level2?: Level2 | undefined;
  readonly goalId?: string | undefined;
  readonly weight: number;
  readonly status: ItemStatus;
  readonly band?: QualitativeBand | undefined;
  /** Display text of target and actual ("20 亿元", "98.50%"). */
  readonly target?: string | undefined;
  /** 调整后指标值 of an indicator with an approved adjustment; the score was computed against it. */
  readonly adjustedTarget?: string | undefined;
  readonly actual?: string | undefined;
  /** Actual ÷ target for quantitative items, "116.95%". */
  readonly completionPercent?: string | undefined;
  /** null when not applicable. */
  readonly computed: number | null;
  readonly final: number | null;
  readonly adjustment?: Adjustment | undefined;
  readonly deviationReason?: string | undefined;
  readonly explanation: Explanation;
  readonly adjustmentExplanation?: Explanation | undefined;
  /** 核心指标 */
  readonly isCore?: boolean | undefined;
  readonly illustrative?: boolean | undefined;
}

export interface PartSummary {
  readonly key: PartKey;
  readonly label: string;
  readonly weight: number;
  readonly notApplicableWeight: number;
  readonly computed: number;
  readonly final: number;
  readonly count: number;
}

export type Grade = '优' | '良' | '中' | '差';

export interface ScoreTotals {
  readonly computed: number;
  readonly final: number;
}

/**
 * The result of scoring one self-evaluation. All point values are integer hundredths of a point
 * (see numbers/points.ts); `formatPoints` turns them into "99.52".
 */
export interface Evaluation {
  readonly scheme: { readonly id: string; readonly version: string; readonly name: string };
  readonly items: readonly ScoredItem[];
  readonly parts: readonly PartSummary[];
  /** Σ of all weights in the table (100.00 when the weight table is sound). */
  readonly totalWeight: number;
  readonly notApplicableWeight: number;
  /** Σ of item scores before rescaling for not-applicable items. */
  readonly raw: ScoreTotals;
  readonly total: ScoreTotals;
  readonly totalExplanation: Explanation;
  readonly grade: { readonly computed: Grade; readonly final: Grade; readonly explanation: Explanation };
  readonly findings: readonly Finding[];
}

/**
 * Whether anything has been scored yet: an item with a value (met, partial or not met). A new draft, whose
 * items are all 未填报 or 不适用, has no total and no grade — not "0.00 分 · 差".
 */
export function hasScoredItem(evaluation: { readonly items: readonly { readonly status: ItemStatus }[] }): boolean {
  return evaluation.items.some((item) => item.status !== 'missing' && item.status !== 'not-applicable');
}
