import type { Direction, Goal, Level1, Level2 } from '../model.ts';
import type { Decimal } from '../numbers/decimal.ts';
import type { Fen } from '../numbers/money.ts';
import type { Points } from '../numbers/points.ts';

/**
 * 绩效目标申报表: what a unit declares before the year, reviewed with the budget. The year-end
 * self-evaluation opens from the approved version, so the indicator ids here are the ids it scores.
 */
export type DeclarationKind = 'project' | 'department';

/** 项目属性 */
export type ProjectAttribute = 'new' | 'continuing';

/** 指标性质 */
export type IndicatorNature = 'quantitative' | 'qualitative';

/** 设定依据 (commonly quoted from 财预〔2021〕101号, docs/rules.md §4.3; 其他 carries its own text). */
export type TargetBasis = 'plan' | 'industry' | 'history' | 'fiscal' | 'other';

export const TARGET_BASIS_LABEL: Readonly<Record<TargetBasis, string>> = {
  plan: '计划标准',
  industry: '行业标准',
  history: '历史标准',
  fiscal: '财政支出标准',
  other: '其他',
};

export interface DeclaredIndicator {
  readonly id: string;
  readonly goalId?: string | undefined;
  readonly level1: Level1;
  readonly level2: Level2;
  readonly name: string;
  readonly nature: IndicatorNature;
  /** `qualitative` exactly when the nature is qualitative. */
  readonly direction: Direction;
  readonly target?: Decimal | undefined;
  /** The target as worded on the form ("≥95%", "按期完成"). */
  readonly targetText?: string | undefined;
  readonly unit?: string | undefined;
  readonly basis?: TargetBasis | undefined;
  readonly basisText?: string | undefined;
  /** 完成值数据来源 */
  readonly dataSource?: string | undefined;
  /** 取值方式 */
  readonly method?: string | undefined;
  /** 佐证要求 */
  readonly evidence?: string | undefined;
  /** 上年实际值 */
  readonly lastYearActual?: Decimal | undefined;
  /** 是否核心指标 */
  readonly core: boolean;
  /** 评（扣）分标准 */
  readonly scoringRule?: string | undefined;
  readonly weight?: Points | undefined;
  /** The indicator-library entry this line was taken from, for history and peer comparison. */
  readonly libraryEntryId?: string | undefined;
}

export interface DeclaredFunds {
  /** 资金总额 = 财政拨款 + 其他资金 */
  readonly total: Fen;
  readonly fiscal: Fen;
  readonly other: Fen;
}

export interface Declaration {
  readonly kind: DeclarationKind;
  readonly fiscalYear: number;
  readonly projectName?: string | undefined;
  readonly projectCode?: string | undefined;
  /** 主管部门 */
  readonly department: string;
  /** 实施单位 */
  readonly implementingUnit: string;
  readonly attribute?: ProjectAttribute | undefined;
  /** 实施期, ISO dates */
  readonly periodStart?: string | undefined;
  readonly periodEnd?: string | undefined;
  readonly funds: DeclaredFunds;
  /** 总体目标 (over the whole period) */
  readonly overallGoal: string;
  /** 年度目标 */
  readonly annualGoals: readonly Goal[];
  readonly indicators: readonly DeclaredIndicator[];
}
