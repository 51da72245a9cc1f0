import type { Level1 } from '../model.ts';
import { type Points, points } from '../numbers/points.ts';
import { DEFAULT_MANAGEMENT_CATALOGUE, type ManagementItemDefinition } from './management-catalogue.ts';

/**
 * A scoring scheme is data: named, versioned, chosen per evaluation. Changing a weight or a rule
 * variant means a new version, so an old evaluation can always be re-scored exactly as it was.
 */
export type SchemeId = 'mof-2020-project' | 'department-overall';

export const SCHEME_IDS: readonly SchemeId[] = ['mof-2020-project', 'department-overall'];

export interface SchemeOptions {
  /**
   * Score of a `<=` indicator that missed its target (docs/rules.md §7.1):
   * `ratio` r = A / B (local forms); `deviation` r = max(0, 1 − (B − A) / A) (deployed systems, common practice).
   */
  readonly lessOrEqualVariant: 'ratio' | 'deviation';
  /** `=` indicators: `as-at-least` scores like ≥ (vendor practice); `exact` gives full marks only on B = A. */
  readonly equalsMode: 'as-at-least' | 'exact';
  /** Lower bounds of the 达成 and 部分达成 bands as whole percent of the weight (docs/rules.md §1.4a; one local form uses 50). */
  readonly bandAchievedFloorPercent: number;
  readonly bandPartialFloorPercent: number;
  /** Completion at or above this percent flags a target possibly set too low (docs/rules.md §7.2: the rule is unverified, the threshold our choice). */
  readonly overAchievementPercent: number;
  /** Execution below this percent needs a reason (docs/rules.md §1.5b). */
  readonly executionReasonBelowPercent: number;
  /** A level with no indicators: `rescale` treats its weight as not applicable; `zero` scores it 0. Source gap (docs/rules.md §6). */
  readonly emptyLevel: 'rescale' | 'zero';
  /** 结转结余率 denominator (docs/rules.md §7.7): 支出完成数 or 支出预算数. */
  readonly carryOverBase: 'executed' | 'budget';
  /** Tolerance for "total ≠ sum of parts" on imported tables, in points × 100 (docs/rules.md §1.3c: 0.1, common practice). */
  readonly totalTolerance: Points;
  /**
   * Ordered grade scales of qualitative targets, best grade first (高>较高>一般>低 …): an indicator whose
   * target and actual are grades of one scale is scored by comparing the grades (docs/scoring.md, 定性分级目标).
   */
  readonly qualitativeScales: readonly (readonly string[])[];
  /**
   * A quantitative indicator whose actual is a word of completion ("完成", "按期完成") instead of a number:
   * `refuse` names it as an error; `met-when-target-is-completion` scores it as met when the target
   * itself is a completion (target text 完成 / 100%), and refuses it otherwise (docs/scoring.md).
   */
  readonly completionWords: 'refuse' | 'met-when-target-is-completion';
  /** Grade floors (docs/rules.md §1.6): 优 ≥ 90, 良 ≥ 80, 中 ≥ 60, else 差. */
  readonly gradeFloors: { readonly excellent: number; readonly good: number; readonly fair: number };
  /**
   * `fixed`: each 一级指标 carries the scheme's weight (财预〔2020〕10号 附件: 产出 50、效益 30、满意度 10).
   * `free`: the levels' weights together form one pool that the indicators share by their own weights,
   * each level weighing the sum of its indicators; indicators may then carry no level at all (flat forms
   * that print no 一级 / 二级 columns). Forms from several provinces are laid out either way.
   */
  readonly levelWeightMode: 'fixed' | 'free';
  /**
   * A 全年预算数 of 0: `not-applicable` leaves the execution part out and rescales the total; `zero`
   * scores it 0, as some provinces' forms do (预算执行率 = 0 when nothing was budgeted).
   */
  readonly zeroBudget: 'not-applicable' | 'zero';
  /**
   * 管理效率 items scored: `scheme` every item of the scheme's catalogue; `listed` only the items the
   * evaluation lists (catalogue items by code and the department's own), for departments with their own list.
   */
  readonly managementCatalogue: 'scheme' | 'listed';
}

/** The grade words of published forms, best first; a workbook may replace them (scheme option `qualitativeScales`). */
export const DEFAULT_QUALITATIVE_SCALES: readonly (readonly string[])[] = [
  ['高', '较高', '一般', '低'],
  ['好', '较好', '一般', '差'],
  ['优', '良', '中', '差'],
  ['显著', '较显著', '一般', '不显著'],
  ['是', '否'],
  ['达到', '未达到'],
  ['有', '无'],
];

export const DEFAULT_OPTIONS: SchemeOptions = {
  lessOrEqualVariant: 'ratio',
  equalsMode: 'as-at-least',
  bandAchievedFloorPercent: 80,
  bandPartialFloorPercent: 60,
  overAchievementPercent: 120,
  executionReasonBelowPercent: 90,
  emptyLevel: 'rescale',
  carryOverBase: 'executed',
  totalTolerance: 10,
  qualitativeScales: DEFAULT_QUALITATIVE_SCALES,
  completionWords: 'refuse',
  gradeFloors: { excellent: 90, good: 80, fair: 60 },
  levelWeightMode: 'fixed',
  zeroBudget: 'not-applicable',
  managementCatalogue: 'scheme',
};

export interface ScoringScheme {
  readonly id: SchemeId;
  readonly version: string;
  readonly name: string;
  readonly source: string;
  /** Weight of each 一级指标 scored from the indicator tree. */
  readonly levelWeights: Readonly<Record<Level1, Points>>;
  /** Weight of the 预算执行率 score of a project evaluation; 0 when the scheme has none. */
  readonly executionWeight: Points;
  /** 管理效率 catalogue of the department-overall scheme; empty for projects. */
  readonly management: readonly ManagementItemDefinition[];
  readonly options: SchemeOptions;
}

export const MOF_2020_PROJECT: ScoringScheme = {
  id: 'mof-2020-project',
  version: '2020.1',
  name: '项目支出绩效自评（财预〔2020〕10号）',
  source: '《项目支出绩效评价管理办法》（财预〔2020〕10号）：产出 50、效益 30、满意度 10、预算执行率 10',
  levelWeights: { output: points(50), effect: points(30), satisfaction: points(10) },
  executionWeight: points(10),
  management: [],
  options: DEFAULT_OPTIONS,
};

/**
 * 部门整体支出绩效自评: 履职效能 (the department's own indicators) + 管理效率 (a catalogue).
 * The Guangdong / Guangzhou weights are not published in our sources (docs/rules.md §2.2, §6), so these
 * defaults (履职效能 60 = 产出 30 + 效益 20 + 满意度 10; 管理效率 40) are configuration, not law.
 */
export const DEPARTMENT_OVERALL: ScoringScheme = {
  id: 'department-overall',
  version: '2024.1',
  name: '部门整体支出绩效自评',
  source: '部门整体支出绩效自评：履职效能与管理效率（分值为可配置的默认值）',
  levelWeights: { output: points(30), effect: points(20), satisfaction: points(10) },
  executionWeight: 0,
  management: DEFAULT_MANAGEMENT_CATALOGUE,
  options: DEFAULT_OPTIONS,
};

export const SCHEMES: Readonly<Record<SchemeId, ScoringScheme>> = {
  'mof-2020-project': MOF_2020_PROJECT,
  'department-overall': DEPARTMENT_OVERALL,
};

export interface SchemeOverrides {
  readonly levelWeights?: Partial<Record<Level1, Points>> | undefined;
  readonly executionWeight?: Points | undefined;
  readonly options?:
    | (Partial<Omit<SchemeOptions, 'gradeFloors'>> & { readonly gradeFloors?: Partial<SchemeOptions['gradeFloors']> | undefined })
    | undefined;
}

export function configureScheme(id: SchemeId, overrides: SchemeOverrides = {}): ScoringScheme {
  const base = SCHEMES[id];
  return {
    ...base,
    levelWeights: { ...base.levelWeights, ...defined(overrides.levelWeights) },
    executionWeight: overrides.executionWeight ?? base.executionWeight,
    options: {
      ...base.options,
      ...defined(overrides.options),
      gradeFloors: { ...base.options.gradeFloors, ...defined(overrides.options?.gradeFloors) },
    },
  };
}

/** Drops undefined members so an absent override never erases a default. */
function defined<T extends object>(value: T | undefined): Partial<T> {
  if (!value) return {};
  return Object.fromEntries(Object.entries(value).filter(([, member]) => member !== undefined)) as Partial<T>;
}

/** The scheme a kind of evaluation uses when the workbook does not name one. */
export function defaultSchemeFor(kind: 'department' | 'project'): SchemeId {
  return kind === 'department' ? 'department-overall' : 'mof-2020-project';
}
