/**
 * Every score names the rule that produced it. This table is the single list of rules. `source` is what
 * users read beside a score and in the report: the official document or the practice the rule follows,
 * in plain Chinese; `doc` is the section of docs/rules.md that states the rule, its certainty and its
 * options, for readers of the code. docs/scoring.md states every rule with the same ids, and a test keeps
 * the two in step.
 */
export const RULES = {
  'quantitative.at-least': {
    title: '正向指标：完成值达到目标值得满分，否则得分 = 分值 × 完成值 ÷ 目标值',
    source: '《项目支出绩效评价管理办法》（财预〔2020〕10号）；各地项目支出绩效自评表的正向指标算法',
    doc: '§1.3, §1.3a, §7.1–7.2',
  },
  'quantitative.at-least.negative-target': {
    title: '目标值为负的正向指标：得分 = 分值 × max(0, 1 − (目标值 − 完成值) ÷ |目标值|)',
    source: '系统计分约定：目标值为负时按偏离程度计分，不作符号翻转',
    doc: '§7.1',
  },
  'quantitative.at-most.ratio': {
    title: '反向指标（比值法）：完成值不超过目标值得满分，否则得分 = 分值 × 目标值 ÷ 完成值',
    source: '各地项目支出绩效自评表的反向指标算法（比值法）',
    doc: '§1.3a, §7.1(a)',
  },
  'quantitative.at-most.deviation': {
    title: '反向指标（偏差法）：完成值不超过目标值得满分，否则得分 = 分值 × max(0, 1 − (完成值 − 目标值) ÷ |目标值|)',
    source: '预算绩效管理系统通行的反向指标算法（偏差法）',
    doc: '§1.3b, §7.1(b)',
  },
  'quantitative.zero-target': {
    title: '目标值为 0 的指标按是否达标二值计分：达标得满分，否则 0 分',
    source: '预算绩效管理系统通行算法：目标值为 0 的指标按是否达标计分（如“三公”经费变动率 ≤ 0）',
    doc: '§1.3b, §7.1',
  },
  'quantitative.equals.exact': {
    title: '等于型指标（精确匹配）：完成值等于目标值得满分，否则得分 = 分值 × max(0, 1 − |完成值 − 目标值| ÷ |目标值|)',
    source: '系统计分约定（可选的精确匹配模式）',
    doc: '§7.1',
  },
  'qualitative.band': {
    title: '定性指标按档次评分：达成得分值的 80%–100%，部分达成得 60%–80%（不含 80%），未达成得 60% 以下',
    source: '《项目支出绩效评价管理办法》（财预〔2020〕10号）定性指标三档评分；档次界限可配置',
    doc: '§1.4, §1.4a, §7.3',
  },
  'qualitative.grade': {
    title:
      '定性分级目标：完成档次达到目标档次得满分；低一档（且非最低档）按部分达成档下限计分，再低按未达成计 0 分；评价人可在档次区间内另行评分',
    source: '各地绩效自评表的分级定性目标（如 高/较高/一般/低、是/否）；档次序列可配置',
    doc: '§1.4, §7.3',
  },
  'quantitative.completion-word': {
    title: '以“完成”等文字填报的定量任务：仅当目标本身为完成（目标表述为完成或 100%）时按达标计满分',
    source: '系统计分约定（可选）：目标为完成的任务，完成值填“完成”视为达标',
    doc: '§7.2',
  },
  'execution-rate': {
    title: '预算执行率 = 全年执行数 ÷ 全年预算数（调整后，含上年结转）；得分 = 分值 × min(1, 执行率)',
    source: '各地绩效自评表：预算执行率 = 预算执行数 ÷ 调整后预算数',
    doc: '§1.5, §1.5a, §7.4',
  },
  'management.ratio': {
    title: '管理效率比率指标：比率 = 分子 ÷ 分母，按方向与目标值计分',
    source: '各地部门整体支出绩效评价指标（管理效率比率指标）',
    doc: '§2.3, §2.6, §7.7',
  },
  'management.change-rate': {
    title: '变动率 = (本年 − 上年) ÷ 上年，按方向与目标值计分',
    source: '各地部门整体支出绩效评价指标：变动率 = (本年 − 上年) ÷ 上年',
    doc: '§2.5, §2.6, §7.7',
  },
  'missing-actual': {
    title: '未填写完成值的指标暂计 0 分',
    source: '系统计分约定：得分须以完成值为依据',
    doc: '§7.2',
  },
  'not-applicable': {
    title: '不适用的指标不计分，其分值从满分中剔除',
    source: '各地绩效评价办法：不适用的指标不计分，按比例折算',
    doc: '§1.7, §7.8',
  },
  adjustment: {
    title: '评价人可调整得分，必须说明理由；计算得分与最终得分同时保留',
    source: '系统计分约定：调整得分须说明理由，计算得分与最终得分同时保留',
    doc: '§1.9, §1.9a',
  },
  rescale: {
    title: '存在不适用指标时，总分 = 实得分 × 100 ÷ (100 − 不适用指标分值之和)',
    source: '各地绩效评价办法：不适用的指标不计分，按比例折算',
    doc: '§1.7, §7.8',
  },
  grade: {
    title: '评价等级：90(含)–100 优，80(含)–90 良，60(含)–80 中，60 以下 差',
    source: '财政部预算司统一的绩效评价等级划分（财预〔2020〕10号）',
    doc: '§1.6, §7.9',
  },
  'weights.even-split': {
    title: '未指定分值的指标平分其一级指标的剩余分值，精确到 0.01 分（最大余数法，合计不变）',
    source: '系统计分约定：未指定分值的指标平分剩余分值',
    doc: '§4.7',
  },
  rounding: {
    title: '各项得分四舍五入保留两位小数，总分为各分项得分之和',
    source: '系统计分约定：得分保留两位小数，合计为分项之和',
    doc: '§7',
  },
  'weights.free-pool': {
    title: '各级指标分值不固定：所列指标按各自分值分享指标总分值（如 90 分），各一级指标的分值为其所属指标分值之和',
    source: '各地项目支出绩效自评表：指标分值由填报单位按指标重要程度设定，合计为指标总分值',
    doc: '§4.7',
  },
  'execution-rate.zero-budget': {
    title: '全年预算数为 0 时预算执行率计 0 分（方案选项，默认按不适用处理）',
    source: '部分地区项目支出绩效自评表：未安排预算的，预算执行率得 0 分',
    doc: '§1.5, §7.4',
  },
  'management.entered-rate': {
    title: '管理效率指标按填报的比率计分：比率与目标值按方向比较',
    source: '各地部门整体支出绩效自评表：管理效率指标填报比率',
    doc: '§2.3, §2.6',
  },
} as const satisfies Record<string, { title: string; source: string; doc: string }>;

export type RuleId = keyof typeof RULES;

export interface Explanation {
  readonly rule: RuleId;
  readonly source: string;
  /** The inputs by name, as displayed (目标值, 完成值, 分值 …). */
  readonly inputs: Readonly<Record<string, string>>;
  /** The arithmetic, e.g. "23.39 ≥ 20 → 满分 5.00". */
  readonly text: string;
}

export function explain(rule: RuleId, inputs: Record<string, string>, text: string): Explanation {
  return { rule, source: RULES[rule].source, inputs, text };
}
