/**
 * Every score names the rule that produced it. This table is the single list of rules; each entry
 * says where the rule comes from (rules.md section and its tag). docs/scoring.md states every rule
 * with the same ids, and a test keeps the two in step.
 */
export const RULES = {
  'quantitative.at-least': {
    title: '正向指标：完成值达到目标值得满分，否则得分 = 分值 × 完成值 ÷ 目标值',
    source: 'rules.md §1.3a [S 地方表样], §7.1–7.2；财预〔2020〕10号 [U]',
  },
  'quantitative.at-least.negative-target': {
    title: '目标值为负的正向指标：得分 = 分值 × max(0, 1 − (目标值 − 完成值) ÷ |目标值|)',
    source: 'rules.md §7.1 [I]：负目标值不作隐式符号翻转',
  },
  'quantitative.at-most.ratio': {
    title: '反向指标（比值法）：完成值不超过目标值得满分，否则得分 = 分值 × 目标值 ÷ 完成值',
    source: 'rules.md §1.3a [S 地方表样], §7.1(a)',
  },
  'quantitative.at-most.deviation': {
    title: '反向指标（偏差法）：完成值不超过目标值得满分，否则得分 = 分值 × max(0, 1 − (完成值 − 目标值) ÷ |目标值|)',
    source: 'rules.md §1.3b [S-code], §7.1(b)',
  },
  'quantitative.zero-target': {
    title: '目标值为 0 的指标按是否达标二值计分：达标得满分，否则 0 分',
    source: 'rules.md §1.3b [S-code], §7.1（如“三公经费变动率 ≤ 0”）',
  },
  'quantitative.equals.exact': {
    title: '等于型指标（精确匹配）：完成值等于目标值得满分，否则得分 = 分值 × max(0, 1 − |完成值 − 目标值| ÷ |目标值|)',
    source: 'rules.md §7.1 [I]（可选模式）',
  },
  'qualitative.band': {
    title: '定性指标按档次评分：达成 [80%, 100%]、部分达成 [60%, 80%)、未达成 [0, 60%)（分值百分比，可配置）',
    source: 'rules.md §1.4/1.4a [U/S-code], §7.3',
  },
  'execution-rate': {
    title: '预算执行率 = 全年执行数 ÷ 全年预算数（调整后，含上年结转）；得分 = 分值 × min(1, 执行率)',
    source: 'rules.md §1.5/1.5a [S], §7.4',
  },
  'management.ratio': {
    title: '管理效率比率指标：比率 = 分子 ÷ 分母，按方向与目标值计分',
    source: 'rules.md §2.3/2.6 [S], §7.7',
  },
  'management.change-rate': {
    title: '变动率 = (本年 − 上年) ÷ 上年，按方向与目标值计分',
    source: 'rules.md §2.5/2.6 [S], §7.7',
  },
  'missing-actual': {
    title: '未填写完成值的指标暂计 0 分',
    source: 'rules.md §7.2 [I]：得分须有依据',
  },
  'not-applicable': {
    title: '不适用的指标不计分，其分值从满分中剔除',
    source: 'rules.md §1.7 [S], §7.8',
  },
  adjustment: {
    title: '评价人可调整得分，必须说明理由；计算得分与最终得分同时保留',
    source: 'rules.md §1.9/1.9a [S/I]',
  },
  rescale: {
    title: '存在不适用指标时，总分 = 实得分 × 100 ÷ (100 − 不适用指标分值之和)',
    source: 'rules.md §1.7 [S], §7.8',
  },
  grade: {
    title: '评价等级：90(含)–100 优，80(含)–90 良，60(含)–80 中，60 以下 差',
    source: 'rules.md §1.6 [S], §7.9',
  },
  'weights.even-split': {
    title: '未指定分值的指标平分其一级指标的剩余分值，精确到 0.01 分（最大余数法，合计不变）',
    source: 'rules.md §4.7 [I]',
  },
  rounding: {
    title: '分数四舍五入到 0.01 分，全程精确小数运算，合计为所示分项之和',
    source: 'rules.md §7 [S-code]',
  },
} as const satisfies Record<string, { title: string; source: string }>;

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
