import type { Direction } from '../model.ts';
import { type Decimal, decimalFromInteger } from '../numbers/decimal.ts';
import { type Points, points } from '../numbers/points.ts';

/**
 * 管理效率 catalogue of the department-overall scheme (docs/rules.md §2.2, §2.3, §2.5, §2.6, §7.7).
 * Guangdong's own list and weights are not published in our sources, so items, targets and weights
 * are a documented default that a workbook or an administrator can change.
 */
export type ManagementFormula =
  /** 全年执行数 ÷ 全年预算数, from the budget figures. */
  | { readonly kind: 'execution-rate' }
  /** numerator ÷ denominator; a denominator of `budget:*` reads the budget figures. */
  | {
      readonly kind: 'ratio';
      readonly numerator: AmountKey;
      readonly denominator: AmountKey | 'budget:executed' | 'budget:adjusted' | 'budget:initial' | 'budget:carry-over-base';
    }
  /** (current − previous) ÷ previous */
  | { readonly kind: 'change-rate'; readonly current: AmountKey; readonly previous: AmountKey }
  /** A department's own item whose value is entered as a rate, with no formula behind it. */
  | { readonly kind: 'entered' }
  | { readonly kind: 'qualitative' };

export type AmountKey = string;

export interface ManagementItemDefinition {
  readonly code: string;
  readonly name: string;
  /** The management area in the report's words: 资金 / 采购 / 资产 / 信息公开 / 成本 / 绩效. */
  readonly area: string;
  readonly formula: ManagementFormula;
  /** Rates are compared in percent: a target of 100 means 100%. */
  readonly direction: Direction;
  readonly target?: Decimal | undefined;
  /** Unit of the value and the target; percent when absent. */
  readonly unit?: string | undefined;
  readonly weight: Points;
  /** Labels of the money inputs the formula reads. */
  readonly inputs: Readonly<Record<AmountKey, string>>;
  readonly source: string;
  /** What a full-marks item looks like, for qualitative items (评分标准). */
  readonly standard?: string | undefined;
  /** Declared by the evaluation itself (open catalogue), not by the scheme. */
  readonly own?: boolean | undefined;
}

const percent = (value: number): Decimal => decimalFromInteger(value);

export const DEFAULT_MANAGEMENT_CATALOGUE: readonly ManagementItemDefinition[] = [
  {
    code: 'budget-execution-rate',
    name: '预算执行率',
    area: '预算管理',
    formula: { kind: 'execution-rate' },
    direction: '>=',
    target: percent(100),
    weight: points(8),
    inputs: {},
    source: '各地绩效自评表：预算执行率 = 预算执行数 ÷ 调整后预算数',
  },
  {
    code: 'carry-over-rate',
    name: '结转结余率',
    area: '预算管理',
    formula: { kind: 'ratio', numerator: 'carryOverBalance', denominator: 'budget:carry-over-base' },
    direction: '<=',
    target: percent(10),
    weight: points(4),
    inputs: { carryOverBalance: '结转结余总额' },
    source: '各地部门整体支出绩效评价指标：结转结余率 = 结转结余总额 ÷ 支出完成数（分母可配置）',
  },
  {
    code: 'budget-adjustment-rate',
    name: '预算调整率',
    area: '预算管理',
    formula: { kind: 'ratio', numerator: 'adjustmentAmount', denominator: 'budget:initial' },
    direction: '<=',
    target: percent(10),
    weight: points(4),
    inputs: { adjustmentAmount: '预算调整数' },
    source: '各地部门整体支出绩效评价指标（预算调整率）',
  },
  {
    code: 'procurement-execution-rate',
    name: '政府采购执行率',
    area: '采购管理',
    formula: { kind: 'ratio', numerator: 'procurementActual', denominator: 'procurementPlanned' },
    direction: '>=',
    target: percent(100),
    weight: points(4),
    inputs: { procurementActual: '实际政府采购金额', procurementPlanned: '政府采购预算金额' },
    source: '各地部门整体支出绩效评价指标（政府采购执行率）',
  },
  {
    code: 'three-public-change-rate',
    name: '“三公”经费变动率',
    area: '成本管理',
    formula: { kind: 'change-rate', current: 'threePublicCurrent', previous: 'threePublicPrevious' },
    direction: '<=',
    target: percent(0),
    weight: points(4),
    inputs: { threePublicCurrent: '本年“三公”经费', threePublicPrevious: '上年“三公”经费' },
    source: '各地部门整体支出绩效评价指标：“三公”经费变动率 = (本年 − 上年) ÷ 上年',
  },
  qualitative('fund-management', '资金管理', '资金管理', 4, '资金使用合规，专款专用，无截留、挤占、挪用；基本支出与项目支出不相互挤占'),
  qualitative('procurement-management', '采购管理', '采购管理', 3, '政府采购按规定方式执行，需求制定与内部审批相分离'),
  qualitative('asset-management', '资产管理', '资产管理', 3, '资产账实相符，定期盘点，处置按规定审批'),
  qualitative('disclosure', '信息公开', '信息公开', 3, '预决算及绩效信息按规定及时公开'),
  qualitative('performance-management', '绩效管理', '绩效管理', 3, '绩效目标、运行监控、绩效自评及结果应用全过程开展'),
];

function qualitative(code: string, name: string, area: string, weight: number, standard: string): ManagementItemDefinition {
  return {
    code,
    name,
    area,
    formula: { kind: 'qualitative' },
    direction: 'qualitative',
    weight: points(weight),
    inputs: {},
    source: '部门整体支出管理效率定性评价（评分标准见各项说明）',
    standard,
  };
}

/**
 * The catalogue code a mistyped key most likely meant (edit distance at most 3), so a typo is refused
 * with the right spelling instead of being taken for a department's own item.
 */
export function nearestCatalogueCode(code: string, catalogue: readonly ManagementItemDefinition[]): ManagementItemDefinition | undefined {
  let best: { definition: ManagementItemDefinition; distance: number } | undefined;
  for (const definition of catalogue) {
    const distance = editDistance(code.toLowerCase(), definition.code);
    if (distance <= 3 && (!best || distance < best.distance)) best = { definition, distance };
  }
  return best?.definition;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= b.length; j += 1) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current[j] = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution);
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}
