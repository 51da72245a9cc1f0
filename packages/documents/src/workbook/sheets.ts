import { DEFAULT_MANAGEMENT_CATALOGUE, FUNDING_COLUMNS, FUNDING_SOURCE_LABEL, FUNDING_SOURCES } from '@jixiao/core';
import {
  BAND_CHOICES,
  CARRY_OVER_BASE_CHOICES,
  type ChoiceSet,
  COMPLETION_WORDS_CHOICES,
  DIRECTION_CHOICES,
  EMPTY_LEVEL_CHOICES,
  EQUALS_MODE_CHOICES,
  KIND_CHOICES,
  LESS_OR_EQUAL_CHOICES,
  LEVEL_WEIGHT_MODE_CHOICES,
  LEVEL1_CHOICES,
  LEVEL2_CHOICES,
  labelsOf,
  MANAGEMENT_CATALOGUE_CHOICES,
  SCHEME_CHOICES,
  YES_NO_CHOICES,
  ZERO_BUDGET_CHOICES,
} from './labels.ts';

/**
 * The .xlsx layout of the evaluation workbook, as data: the writer, the reader, the 填表说明 sheet
 * and the docs test all read these definitions, so a column cannot exist in one and not the other.
 */

export const SHEET = {
  instructions: '填表说明',
  basic: '基本信息',
  goals: '绩效目标',
  indicators: '绩效指标',
  budget: '预算执行',
  management: '管理效率',
  narrative: '报告文字',
} as const;

/** How a cell's content becomes a JSON value, and back. */
export type FieldType =
  | { readonly kind: 'text' | 'long-text' | 'money' | 'decimal' | 'points' | 'integer' | 'date' | 'list' | 'scales' }
  | { readonly kind: 'choice'; readonly choices: ChoiceSet<string | boolean> };

export interface FieldDef {
  /** Column header (table sheets) or the 项目 cell (key/value sheets), exactly as written. */
  readonly label: string;
  /** Dotted JSON path: relative to the row's object in a table sheet, absolute in a key/value sheet. */
  readonly field: string;
  readonly type: FieldType;
  /** For the template's colouring and the instructions only; core's schema decides what is required. */
  readonly required?: boolean;
  /** Chinese explanation for the preparer (填表说明, header notes, the key/value sheets' 填写说明). */
  readonly hint: string;
  readonly width?: number;
  /**
   * A column a workbook may lack: one added after the first layout (a workbook written before it, or a
   * flat form without 一级 / 二级 columns), or one a filed form prints only sometimes (调整指标值 only when
   * an adjustment was approved). Absent, its cells read as blank. Every other column must be present.
   */
  readonly optional?: boolean;
}

/** A table column; `field` is null for a column shown to the preparer only (管理效率's 名称). */
export type ColumnDef = Omit<FieldDef, 'field'> & { readonly field: string | null };

export interface TableSheetDef {
  readonly layout: 'table';
  readonly name: string;
  /** The JSON array the rows become. */
  readonly arrayPath: 'goals' | 'indicators' | 'management';
  readonly columns: readonly ColumnDef[];
  /** The column whose value identifies a row (duplicate check, row-level messages). */
  readonly idField: string;
}

export interface KeyValueSheetDef {
  readonly layout: 'key-value';
  readonly name: string;
  readonly rows: readonly FieldDef[];
}

/** Headers of the key/value sheets: 项目 | 内容 | 填写说明 (the third is for people; the reader ignores it). */
export const KEY_VALUE_HEADERS = ['项目', '内容', '填写说明'] as const;

/** Headers of the 报告文字 sheet. */
export const NARRATIVE_HEADERS = ['类别', '内容'] as const;

const text = { kind: 'text' } as const;
const longText = { kind: 'long-text' } as const;
const money = { kind: 'money' } as const;
const decimal = { kind: 'decimal' } as const;
const pointsType = { kind: 'points' } as const;
const integer = { kind: 'integer' } as const;
const choice = (choices: ChoiceSet<string | boolean>): FieldType => ({ kind: 'choice', choices });
const yesNo = choice(YES_NO_CHOICES);

const oneOf = (choices: ChoiceSet<string | boolean>) => `可选：${labelsOf(choices).join('、')}`;

export const BASIC_SHEET: KeyValueSheetDef = {
  layout: 'key-value',
  name: SHEET.basic,
  rows: [
    { label: '评价类型', field: 'kind', type: choice(KIND_CHOICES), required: true, hint: oneOf(KIND_CHOICES) },
    { label: '预算年度', field: 'fiscalYear', type: integer, required: true, hint: '四位年份，如 2024' },
    {
      label: '评分方案',
      field: 'scheme.id',
      type: choice(SCHEME_CHOICES),
      hint: `${oneOf(SCHEME_CHOICES)}；不填则按评价类型选用`,
    },
    { label: '部门名称', field: 'organisation.name', type: text, required: true, hint: '部门（单位）全称' },
    { label: '所属下级预算单位数量', field: 'organisation.subordinateUnitCount', type: integer, required: true, hint: '整数，没有填 0' },
    { label: '下级预算单位', field: 'organisation.subordinateUnits', type: { kind: 'list' }, hint: '单位名称之间用顿号“、”分隔' },
    { label: '填报人', field: 'organisation.preparer', type: text, required: true, hint: '姓名' },
    { label: '联系电话', field: 'organisation.phone', type: text, required: true, hint: '如 020-34611158' },
    { label: '填报日期', field: 'organisation.filledOn', type: { kind: 'date' }, required: true, hint: '如 2025-06-20 或 2025年6月20日' },
    { label: '项目名称', field: 'project.name', type: text, hint: '项目支出自评必填；部门整体自评不填' },
    { label: '项目编码', field: 'project.code', type: text, hint: '项目支出自评填写' },
    { label: '项目类别', field: 'project.category', type: text, hint: '如 购置、培训、会议、补贴、建设、信息化' },
    { label: '实施单位', field: 'project.unit', type: text, hint: '项目支出自评填写' },
    { label: '填报总分', field: 'declaredTotal', type: pointsType, hint: '原表填报的总分，用于核对；可不填' },
    { label: '说明', field: 'notes', type: longText, hint: '资料来源、示例数据说明等' },
    // Scheme overrides: rarely filled, but without them an .xlsx could not carry what the JSON can.
    { label: '产出指标分值', field: 'scheme.levelWeights.output', type: pointsType, hint: '覆盖评分方案的默认分值；一般不填' },
    { label: '效益指标分值', field: 'scheme.levelWeights.effect', type: pointsType, hint: '覆盖评分方案的默认分值；一般不填' },
    { label: '满意度指标分值', field: 'scheme.levelWeights.satisfaction', type: pointsType, hint: '覆盖评分方案的默认分值；一般不填' },
    { label: '预算执行率分值', field: 'scheme.executionWeight', type: pointsType, hint: '覆盖评分方案的默认分值；一般不填' },
    {
      label: '反向指标计分方法',
      field: 'scheme.options.lessOrEqualVariant',
      type: choice(LESS_OR_EQUAL_CHOICES),
      hint: `${oneOf(LESS_OR_EQUAL_CHOICES)}；一般不填`,
    },
    {
      label: '等于型指标计分',
      field: 'scheme.options.equalsMode',
      type: choice(EQUALS_MODE_CHOICES),
      hint: `${oneOf(EQUALS_MODE_CHOICES)}；一般不填`,
    },
    { label: '达成档下限（%）', field: 'scheme.options.bandAchievedFloorPercent', type: integer, hint: '整数百分比，默认 80；一般不填' },
    { label: '部分达成档下限（%）', field: 'scheme.options.bandPartialFloorPercent', type: integer, hint: '整数百分比，默认 60；一般不填' },
    { label: '超额完成提示线（%）', field: 'scheme.options.overAchievementPercent', type: integer, hint: '整数百分比，默认 120；一般不填' },
    {
      label: '执行率须说明原因线（%）',
      field: 'scheme.options.executionReasonBelowPercent',
      type: integer,
      hint: '整数百分比，默认 90；一般不填',
    },
    {
      label: '无指标的一级指标',
      field: 'scheme.options.emptyLevel',
      type: choice(EMPTY_LEVEL_CHOICES),
      hint: `${oneOf(EMPTY_LEVEL_CHOICES)}；一般不填`,
    },
    {
      label: '结转结余率分母',
      field: 'scheme.options.carryOverBase',
      type: choice(CARRY_OVER_BASE_CHOICES),
      hint: `${oneOf(CARRY_OVER_BASE_CHOICES)}；一般不填`,
    },
    {
      label: '定性档次序列',
      field: 'scheme.options.qualitativeScales',
      type: { kind: 'scales' },
      hint: '定性分级目标的档次，由高到低用“>”连接，序列之间用“；”分隔，如“高>较高>一般>低；是>否”；不填用默认序列',
    },
    {
      label: '任务完成表述',
      field: 'scheme.options.completionWords',
      type: choice(COMPLETION_WORDS_CHOICES),
      hint: `定量指标完成值填“完成”等文字时：${oneOf(COMPLETION_WORDS_CHOICES)}；一般不填（默认不予计分并提示）`,
    },
    { label: '优等级下限', field: 'scheme.options.gradeFloors.excellent', type: integer, hint: '分，默认 90；一般不填' },
    { label: '良等级下限', field: 'scheme.options.gradeFloors.good', type: integer, hint: '分，默认 80；一般不填' },
    { label: '中等级下限', field: 'scheme.options.gradeFloors.fair', type: integer, hint: '分，默认 60；一般不填' },
    {
      label: '各级指标分值',
      field: 'scheme.options.levelWeightMode',
      type: choice(LEVEL_WEIGHT_MODE_CHOICES),
      hint: `${oneOf(LEVEL_WEIGHT_MODE_CHOICES)}；“不固定”：各指标按所填分值分享指标总分（项目支出 90 分），可不填一级、二级指标`,
    },
    {
      label: '预算数为0时的预算执行率',
      field: 'scheme.options.zeroBudget',
      type: choice(ZERO_BUDGET_CHOICES),
      hint: `${oneOf(ZERO_BUDGET_CHOICES)}；默认按不适用折算`,
    },
    {
      label: '管理效率计分范围',
      field: 'scheme.options.managementCatalogue',
      type: choice(MANAGEMENT_CATALOGUE_CHOICES),
      hint: `${oneOf(MANAGEMENT_CATALOGUE_CHOICES)}；部门自设管理效率项目时可选“仅所列项目”`,
    },
  ],
};

export const GOALS_SHEET: TableSheetDef = {
  layout: 'table',
  name: SHEET.goals,
  arrayPath: 'goals',
  idField: 'id',
  columns: [
    { label: '目标编号', field: 'id', type: text, required: true, hint: '如 G1，在本表内唯一', width: 10 },
    { label: '绩效目标', field: 'text', type: longText, required: true, hint: '年初设定的绩效目标全文', width: 70 },
    { label: '目标简述', field: 'summary', type: longText, hint: '履职效能分析中使用的简短标题；不填则取全文第一句', width: 40 },
  ],
};

export const INDICATORS_SHEET: TableSheetDef = {
  layout: 'table',
  name: SHEET.indicators,
  arrayPath: 'indicators',
  idField: 'id',
  columns: [
    { label: '指标编号', field: 'id', type: text, required: true, hint: '如 G1-1，在本表内唯一', width: 10 },
    { label: '所属目标', field: 'goalId', type: text, hint: '绩效目标表中的目标编号', width: 9 },
    {
      label: '一级指标',
      field: 'level1',
      type: choice(LEVEL1_CHOICES),
      hint: `${oneOf(LEVEL1_CHOICES)}；无层级的表格（各级指标分值不固定）可不填或删去此列`,
      width: 9,
      optional: true,
    },
    {
      label: '二级指标',
      field: 'level2',
      type: choice(LEVEL2_CHOICES),
      hint: `${oneOf(LEVEL2_CHOICES)}；须属于所填一级指标`,
      width: 14,
      optional: true,
    },
    { label: '三级指标', field: 'name', type: longText, required: true, hint: '三级指标名称', width: 30 },
    {
      label: '方向',
      field: 'direction',
      type: choice(DIRECTION_CHOICES),
      required: true,
      hint: `${oneOf(DIRECTION_CHOICES)}（也可填 >=、<=）`,
      width: 7,
    },
    { label: '目标值', field: 'target', type: decimal, hint: '数字，如 20、95.5、-4.53；定量指标必填', width: 10 },
    { label: '计量单位', field: 'unit', type: text, hint: '如 亿元、个、%', width: 9 },
    { label: '实际完成值', field: 'actual', type: decimal, hint: '数字；百分比填 95.47 或 95.47%', width: 11 },
    { label: '目标值表述', field: 'targetText', type: longText, hint: '报告中使用的原文表述，如“控制在3个工作日内”', width: 20 },
    { label: '完成值表述', field: 'actualText', type: longText, hint: '报告中使用的原文表述，如“实际超1319亿元”', width: 30 },
    { label: '上年实际值', field: 'lastYearActual', type: decimal, hint: '数字，用于检查目标值是否低于上年', width: 11 },
    { label: '分值', field: 'weight', type: pointsType, hint: '不填则平分所在一级指标的剩余分值', width: 7 },
    { label: '不适用', field: 'notApplicable', type: yesNo, hint: '填“是”则不计分，总分按比例折算', width: 7 },
    { label: '偏差原因', field: 'deviationReason', type: longText, hint: '得分低于分值时必填', width: 24 },
    { label: '数据来源', field: 'dataSource', type: longText, hint: '数据来源或佐证材料；满意度指标写明调查方式和样本', width: 20 },
    { label: '定性档次', field: 'band', type: choice(BAND_CHOICES), hint: `定性指标填写，${oneOf(BAND_CHOICES)}`, width: 10 },
    { label: '定性得分', field: 'qualitativeScore', type: pointsType, hint: '定性指标在所选档次区间内的得分；不填按档次上限计', width: 9 },
    { label: '调整后得分', field: 'adjustment.score', type: pointsType, hint: '评价人调整后的最终得分，须同时填写调整理由', width: 10 },
    { label: '调整理由', field: 'adjustment.reason', type: longText, hint: '填写调整后得分时必填', width: 20 },
    { label: '填报得分', field: 'declaredScore', type: pointsType, hint: '原表填报的得分，用于核对', width: 9 },
    { label: '示例数据', field: 'illustrative', type: yesNo, hint: '填“是”表示并非来自原始资料', width: 9 },
    // Columns of filed provincial forms, optional so that a form without them still reads.
    {
      label: '调整指标值',
      field: 'adjustedTarget',
      type: decimal,
      hint: '经批准调整后的目标值（数字）；填写即表示调整已批准，按调整后指标值计分',
      width: 11,
      optional: true,
    },
    {
      label: '调整指标值表述',
      field: 'adjustedTargetText',
      type: longText,
      hint: '调整后目标的原文表述；定性指标的调整后目标（如“较高”）填在此列',
      width: 16,
      optional: true,
    },
    {
      label: '得分系数',
      field: 'scoreCoefficient',
      type: decimal,
      hint: '原表的得分系数（0–1，如 0.8），按 系数 × 分值 核对得分',
      width: 9,
      optional: true,
    },
    { label: '是否核心指标', field: 'isCore', type: yesNo, hint: '填“是”表示核心指标', width: 9, optional: true },
  ],
};

export const BUDGET_SHEET: KeyValueSheetDef = {
  layout: 'key-value',
  name: SHEET.budget,
  rows: [
    { label: '年初预算数', field: 'budget.initial', type: money, required: true, hint: '元，最多两位小数，如 288000000.00' },
    { label: '上年结转', field: 'budget.carryOver', type: money, hint: '元；没有可不填（按 0 计）' },
    { label: '全年预算数（调整后）', field: 'budget.adjusted', type: money, required: true, hint: '元，调整后预算数，含上年结转' },
    { label: '全年执行数', field: 'budget.executed', type: money, required: true, hint: '元' },
    { label: '执行率偏低原因', field: 'budget.executionReason', type: longText, hint: '预算执行率低于 90% 时必填' },
    { label: '调整后得分', field: 'budget.executionAdjustment.score', type: pointsType, hint: '评价人对预算执行率得分的调整' },
    { label: '调整理由', field: 'budget.executionAdjustment.reason', type: longText, hint: '填写调整后得分时必填' },
    { label: '示例数据', field: 'budget.illustrative', type: yesNo, hint: '填“是”表示并非来自原始资料' },
    { label: '预算执行率填报得分', field: 'budget.declaredScore', type: pointsType, hint: '原表填报的预算执行率得分，用于核对' },
    // 资金来源: one row per source and column, as the forms print them; the reader gathers them into budget.sources.
    ...FUNDING_SOURCES.flatMap((source) =>
      FUNDING_COLUMNS.map(({ key, label }) => ({
        label: fundingRowLabel(source, label),
        field: fundingField(source, key),
        type: money,
        hint: '元；按资金来源分列时填写，上方合计可不填（取各来源之和）',
      })),
    ),
  ],
};

export function fundingRowLabel(source: (typeof FUNDING_SOURCES)[number], column: string): string {
  return `${FUNDING_SOURCE_LABEL[source]}·${column}`;
}

/** The key/value path of a 资金来源 cell; `budget.sources.<source>.<column>` becomes `budget.sources[i].<column>`. */
export function fundingField(source: (typeof FUNDING_SOURCES)[number], column: string): string {
  return `budget.sources.${source}.${column}`;
}

/** Every amount the catalogue's formulas read, once, in catalogue order; the column header is the catalogue's own label. */
export const MANAGEMENT_AMOUNTS: readonly { readonly key: string; readonly label: string }[] = [
  ...new Map(DEFAULT_MANAGEMENT_CATALOGUE.flatMap((item) => Object.entries(item.inputs))).entries(),
].map(([key, label]) => ({ key, label }));

/**
 * Columns added for forms of other provinces: a rate instead of the amounts, the published score, and a
 * department's own item (open catalogue). An own item's formula is 分子金额 ÷ 分母金额, under the keys
 * `numerator` and `denominator`.
 */
const MANAGEMENT_OWN_COLUMNS: readonly ColumnDef[] = [
  { label: '比率', field: 'rate', type: decimal, hint: '百分数，如 95.47；不填金额时按此计分，同时填写金额时须一致', width: 9 },
  { label: '填报得分', field: 'declaredScore', type: pointsType, hint: '原表填报的得分，用于核对', width: 9 },
  {
    label: '自设项目名称',
    field: 'own.name',
    type: text,
    hint: '部门自设的管理效率项目填写（编码自取，须同时填写分值与目标值）',
    width: 20,
  },
  { label: '自设项目方向', field: 'own.direction', type: choice(DIRECTION_CHOICES), hint: oneOf(DIRECTION_CHOICES), width: 9 },
  { label: '自设项目单位', field: 'own.unit', type: text, hint: '不填为 %', width: 9 },
  { label: '自设项目领域', field: 'own.area', type: text, hint: '如 资金管理；不填取项目名称', width: 12 },
  { label: '自设项目评分标准', field: 'own.standard', type: longText, hint: '定性项目的评分标准', width: 24 },
  { label: '分子名称', field: 'own.inputs.numerator', type: text, hint: '自设比率项目：分子金额的名称', width: 14 },
  { label: '分子金额', field: 'amounts.numerator', type: money, hint: '元；自设比率项目的分子', width: 14 },
  { label: '分母名称', field: 'own.inputs.denominator', type: text, hint: '自设比率项目：分母金额的名称', width: 14 },
  { label: '分母金额', field: 'amounts.denominator', type: money, hint: '元；自设比率项目的分母', width: 14 },
].map((def) => ({ ...def, optional: true }));

/** 名称 is shown for the preparer and checked against 编码, but it is not part of the JSON. */
export const MANAGEMENT_NAME_HEADER = '名称';

export const MANAGEMENT_SHEET: TableSheetDef = {
  layout: 'table',
  name: SHEET.management,
  arrayPath: 'management',
  idField: 'code',
  columns: [
    {
      label: '编码',
      field: 'code',
      type: text,
      required: true,
      hint: '管理效率目录中的编码，如 carry-over-rate；模板已预填，请勿修改',
      width: 26,
    },
    { label: MANAGEMENT_NAME_HEADER, field: null, type: text, hint: '目录中的项目名称，仅供对照', width: 16 },
    ...MANAGEMENT_AMOUNTS.map(({ key, label }) => ({
      label,
      field: `amounts.${key}`,
      type: money,
      hint: '元，最多两位小数；只填该项目公式用到的金额',
      width: 16,
    })),
    { label: '目标值', field: 'target', type: decimal, hint: '百分数，如 10 表示 10%；不填按目录默认值', width: 8 },
    { label: '分值', field: 'weight', type: pointsType, hint: '不填按目录默认分值', width: 7 },
    { label: '不适用', field: 'notApplicable', type: yesNo, hint: '填“是”则不计分', width: 7 },
    { label: '定性档次', field: 'band', type: choice(BAND_CHOICES), hint: `定性项目填写，${oneOf(BAND_CHOICES)}`, width: 10 },
    { label: '得分', field: 'score', type: pointsType, hint: '定性项目在所选档次区间内的得分', width: 7 },
    { label: '调整后得分', field: 'adjustment.score', type: pointsType, hint: '评价人调整后的最终得分，须同时填写调整理由', width: 10 },
    { label: '调整理由', field: 'adjustment.reason', type: longText, hint: '填写调整后得分时必填', width: 20 },
    { label: '偏差原因', field: 'deviationReason', type: longText, hint: '得分低于分值时必填', width: 24 },
    { label: '情况说明', field: 'note', type: longText, hint: '管理情况说明，用于报告的管理效率分析', width: 30 },
    { label: '示例数据', field: 'illustrative', type: yesNo, hint: '填“是”表示并非来自原始资料', width: 9 },
    ...MANAGEMENT_OWN_COLUMNS,
  ],
};

/** The sheets in their order: 填表说明 and 报告文字 may be absent, the five between them are required. */
export const SHEET_ORDER: readonly string[] = [
  SHEET.instructions,
  SHEET.basic,
  SHEET.goals,
  SHEET.indicators,
  SHEET.budget,
  SHEET.management,
  SHEET.narrative,
];

/** Which sheet a top-level JSON field lives on, for messages whose path has no cell of its own. */
export const SHEET_OF_ROOT: Readonly<Record<string, string>> = {
  kind: SHEET.basic,
  fiscalYear: SHEET.basic,
  scheme: SHEET.basic,
  organisation: SHEET.basic,
  project: SHEET.basic,
  declaredTotal: SHEET.basic,
  notes: SHEET.basic,
  goals: SHEET.goals,
  indicators: SHEET.indicators,
  budget: SHEET.budget,
  management: SHEET.management,
  narrative: SHEET.narrative,
};

/** Rows carrying a dropdown in the written workbook, beyond the filled ones. */
export const BLANK_ROWS_WITH_DROPDOWNS = 300;
