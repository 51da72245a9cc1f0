import {
  BAND_LABEL,
  DIRECTIONS,
  type Direction,
  type EvaluationKind,
  FUNDING_SOURCE_LABEL,
  FUNDING_SOURCES,
  type FundingSource,
  LEVEL1_LABEL,
  LEVEL2_LABEL,
  LEVEL2_OF,
  type Level1,
  type Level2,
  type QualitativeBand,
  SCHEME_IDS,
  SCHEMES,
  type SchemeId,
  toHalfWidth,
} from '@jixiao/core';

/**
 * The Chinese words a preparer picks from a dropdown, and the JSON codes they stand for. Cells are
 * written with the first label; reading also accepts the code itself and common variants (≥ or >=,
 * full-width ＞＝, “产出指标” for “产出”), because people paste from other forms.
 */
export interface Choice<T> {
  readonly value: T;
  /** What the workbook writes and the dropdown offers. */
  readonly label: string;
  /** Other spellings accepted when reading; the JSON code is always accepted too. */
  readonly aliases?: readonly string[];
}

export interface ChoiceSet<T> {
  /** Names the set in messages: “不认识的方向“≈””. */
  readonly name: string;
  readonly choices: readonly Choice<T>[];
}

const matchKey = (text: string) => toHalfWidth(text).replaceAll(/\s+/g, '').toLowerCase();

export function findChoice<T>(set: ChoiceSet<T>, text: string): T | undefined {
  const key = matchKey(text);
  for (const choice of set.choices) {
    const spellings = [choice.label, ...(choice.aliases ?? []), ...(typeof choice.value === 'string' ? [choice.value] : [])];
    if (spellings.some((spelling) => matchKey(spelling) === key)) return choice.value;
  }
  return undefined;
}

export function labelOf<T>(set: ChoiceSet<T>, value: T): string | undefined {
  return set.choices.find((choice) => choice.value === value)?.label;
}

export function labelsOf<T>(set: ChoiceSet<T>): string[] {
  return set.choices.map((choice) => choice.label);
}

export const KIND_CHOICES: ChoiceSet<EvaluationKind> = {
  name: '评价类型',
  choices: [
    { value: 'department', label: '部门整体', aliases: ['部门整体支出', '部门'] },
    { value: 'project', label: '项目支出', aliases: ['项目'] },
  ],
};

/** Scheme labels are the schemes' own names from core, so the workbook and the report say the same. */
export const SCHEME_CHOICES: ChoiceSet<SchemeId> = {
  name: '评分方案',
  choices: SCHEME_IDS.map((id) => ({ value: id, label: SCHEMES[id].name })),
};

const LEVEL1_SHORT: Readonly<Record<Level1, string>> = { output: '产出', effect: '效益', satisfaction: '满意度' };

export const LEVEL1_CHOICES: ChoiceSet<Level1> = {
  name: '一级指标',
  choices: (Object.keys(LEVEL1_SHORT) as Level1[]).map((code) => ({
    value: code,
    label: LEVEL1_SHORT[code],
    aliases: [LEVEL1_LABEL[code]],
  })),
};

const LEVEL2_SHORT: Readonly<Record<Level2, string>> = {
  quantity: '数量',
  quality: '质量',
  timeliness: '时效',
  cost: '成本',
  economic: '经济效益',
  social: '社会效益',
  ecological: '生态效益',
  sustainability: '可持续影响',
  beneficiary: '服务对象满意度',
};

export const LEVEL2_CHOICES: ChoiceSet<Level2> = {
  name: '二级指标',
  choices: (Object.keys(LEVEL2_SHORT) as Level2[]).map((code) => ({
    value: code,
    label: LEVEL2_SHORT[code],
    // “经济” alone is what docs/workbook.md and many local forms call 经济效益.
    aliases: [LEVEL2_LABEL[code], LEVEL2_SHORT[code].replace(/效益$/, '')],
  })),
};

/** The level-2 labels allowed under a level 1, for “不属于” messages. */
export function level2LabelsUnder(level1: Level1): string[] {
  return LEVEL2_OF[level1].map((code) => LEVEL2_SHORT[code]);
}

export function level1Label(code: Level1): string {
  return LEVEL1_SHORT[code];
}

export function level2Label(code: Level2): string {
  return LEVEL2_SHORT[code];
}

const DIRECTION_CHOICE: Readonly<Record<Direction, Choice<Direction>>> = {
  '>=': { value: '>=', label: '≥', aliases: ['≧', '=>'] },
  '>': { value: '>', label: '>' },
  '<=': { value: '<=', label: '≤', aliases: ['≦', '=<'] },
  '<': { value: '<', label: '<' },
  '=': { value: '=', label: '=', aliases: ['=='] },
  qualitative: { value: 'qualitative', label: '定性', aliases: ['定性指标'] },
};

export const DIRECTION_CHOICES: ChoiceSet<Direction> = {
  name: '方向',
  choices: DIRECTIONS.map((direction) => DIRECTION_CHOICE[direction]),
};

const SHORT_BAND: Readonly<Record<QualitativeBand, string>> = { achieved: '达成', partial: '部分达成', 'not-achieved': '未达成' };

export const BAND_CHOICES: ChoiceSet<QualitativeBand> = {
  name: '定性档次',
  choices: (Object.keys(SHORT_BAND) as QualitativeBand[]).map((code) => ({
    value: code,
    label: SHORT_BAND[code],
    aliases: [BAND_LABEL[code]],
  })),
};

export const YES_NO_CHOICES: ChoiceSet<boolean> = {
  name: '是/否',
  choices: [
    { value: true, label: '是', aliases: ['true', 'y', 'yes', '√'] },
    { value: false, label: '否', aliases: ['false', 'n', 'no', '×'] },
  ],
};

export const LESS_OR_EQUAL_CHOICES: ChoiceSet<'ratio' | 'deviation'> = {
  name: '反向指标计分方法',
  choices: [
    { value: 'ratio', label: '比值法' },
    { value: 'deviation', label: '偏差法' },
  ],
};

export const EQUALS_MODE_CHOICES: ChoiceSet<'as-at-least' | 'exact'> = {
  name: '等于型指标计分',
  choices: [
    { value: 'as-at-least', label: '按不少于计分' },
    { value: 'exact', label: '精确匹配' },
  ],
};

export const EMPTY_LEVEL_CHOICES: ChoiceSet<'rescale' | 'zero'> = {
  name: '无指标的一级指标',
  choices: [
    { value: 'rescale', label: '按比例折算' },
    { value: 'zero', label: '计0分' },
  ],
};

export const CARRY_OVER_BASE_CHOICES: ChoiceSet<'executed' | 'budget'> = {
  name: '结转结余率分母',
  choices: [
    { value: 'executed', label: '支出完成数' },
    { value: 'budget', label: '支出预算数' },
  ],
};

export const COMPLETION_WORDS_CHOICES: ChoiceSet<'refuse' | 'met-when-target-is-completion'> = {
  name: '任务完成表述',
  choices: [
    { value: 'refuse', label: '不予计分' },
    { value: 'met-when-target-is-completion', label: '目标为完成时计满分' },
  ],
};

export const LEVEL_WEIGHT_MODE_CHOICES: ChoiceSet<'fixed' | 'free'> = {
  name: '各级指标分值',
  choices: [
    { value: 'fixed', label: '固定', aliases: ['按方案固定'] },
    { value: 'free', label: '不固定', aliases: ['按所列指标分值', '自由'] },
  ],
};

export const ZERO_BUDGET_CHOICES: ChoiceSet<'not-applicable' | 'zero'> = {
  name: '预算数为0时的预算执行率',
  choices: [
    { value: 'not-applicable', label: '按不适用折算', aliases: ['不适用'] },
    { value: 'zero', label: '计0分', aliases: ['0分'] },
  ],
};

export const MANAGEMENT_CATALOGUE_CHOICES: ChoiceSet<'scheme' | 'listed'> = {
  name: '管理效率计分范围',
  choices: [
    { value: 'scheme', label: '方案目录全部' },
    { value: 'listed', label: '仅所列项目' },
  ],
};

export const FUNDING_SOURCE_CHOICES: ChoiceSet<FundingSource> = {
  name: '资金来源',
  choices: FUNDING_SOURCES.map((source) => ({ value: source, label: FUNDING_SOURCE_LABEL[source] })),
};

export type NarrativeCategory = 'conclusion' | 'dutyIntro' | 'management' | 'problems' | 'measures';

export const NARRATIVE_CHOICES: ChoiceSet<NarrativeCategory> = {
  name: '类别',
  choices: [
    { value: 'conclusion', label: '自评结论' },
    { value: 'dutyIntro', label: '履职效能分析开头', aliases: ['履职效能分析'] },
    { value: 'management', label: '管理效率分析' },
    { value: 'problems', label: '存在的主要问题', aliases: ['存在问题'] },
    { value: 'measures', label: '下一步改进措施', aliases: ['改进措施'] },
  ],
};
