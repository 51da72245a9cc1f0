/**
 * Findings: what the checks and the scorer find wrong with an evaluation. Each code is defined once
 * here with its severity, its message in Chinese (shown to users) and English, and, where it makes
 * sense, the problem and improvement sentence it contributes to the report's 二、三 sections.
 */
export type Severity = 'error' | 'warning' | 'info';

export interface FindingSubject {
  readonly kind: 'indicator' | 'management' | 'budget' | 'level' | 'goal' | 'evaluation';
  readonly id?: string | undefined;
  readonly name?: string | undefined;
  /** The form field the finding is about (declaration checks: target, unit, direction, dataSource, scoringRule, basisText). */
  readonly field?: string | undefined;
}

export interface Finding {
  readonly code: FindingCode;
  readonly severity: Severity;
  /** A blocking finding makes the total meaningless (a weight table that does not add up). */
  readonly blocking: boolean;
  readonly message: string;
  readonly messageEn: string;
  readonly subject: FindingSubject;
}

type Params = Record<string, string | number>;

interface FindingDefinition {
  readonly severity: Severity;
  readonly blocking?: boolean;
  readonly zh: (p: Params) => string;
  readonly en: (p: Params) => string;
  /** The report's 存在的主要问题 line for this kind of finding. */
  readonly problem?: string;
  /** The report's 下一步改进措施 line for this kind of finding. */
  readonly measure?: string;
}

const q = (p: Params, key: string): string => String(p[key] ?? '');

export const FINDINGS = {
  SCHEME_WEIGHT_MISMATCH: {
    severity: 'error',
    blocking: true,
    zh: (p) => `评分方案各部分分值合计 ${q(p, 'sum')} 分，应为 100 分`,
    en: (p) => `The scheme's parts add up to ${q(p, 'sum')} points instead of 100`,
  },
  WEIGHT_SUM_MISMATCH: {
    severity: 'error',
    blocking: true,
    zh: (p) => `${q(p, 'level')}各指标分值合计 ${q(p, 'sum')} 分，应为 ${q(p, 'expected')} 分`,
    en: (p) => `Weights in ${q(p, 'levelEn')} add up to ${q(p, 'sum')} instead of ${q(p, 'expected')}`,
  },
  WEIGHT_LEVEL_OVERFLOW: {
    severity: 'error',
    blocking: true,
    zh: (p) => `${q(p, 'level')}已指定的分值合计 ${q(p, 'sum')} 分，超过该级分值 ${q(p, 'expected')} 分`,
    en: (p) => `Explicit weights in ${q(p, 'levelEn')} (${q(p, 'sum')}) exceed the level's ${q(p, 'expected')}`,
  },
  EMPTY_LEVEL: {
    severity: 'warning',
    zh: (p) => `未设置${q(p, 'level')}，其分值 ${q(p, 'weight')} 分${q(p, 'treatment')}`,
    en: (p) => `No ${q(p, 'levelEn')} indicators; its ${q(p, 'weight')} points ${q(p, 'treatmentEn')}`,
  },
  MISSING_QUALITY_INDICATOR: {
    severity: 'warning',
    zh: () => '产出指标中未设置质量指标',
    en: () => 'No quality (质量) output indicator',
    problem: '绩效指标设定不够全面，缺少质量指标',
    measure: '设定绩效指标时补充质量指标，如验收合格率、达标率等，使指标体系全面反映产出质量',
  },
  MISSING_TIMELINESS_INDICATOR: {
    severity: 'warning',
    zh: () => '产出指标中未设置时效指标',
    en: () => 'No timeliness (时效) output indicator',
    problem: '绩效指标设定不够全面，缺少时效指标',
    measure: '补充时效指标，如完成时限、资金及时拨付率等，明确工作与支付时间节点',
  },
  MISSING_COST_INDICATOR: {
    severity: 'warning',
    zh: () => '产出指标中未设置成本指标',
    en: () => 'No cost (成本) output indicator',
    problem: '绩效指标设定不够全面，缺少成本指标',
    measure: '补充成本指标，如单位成本、成本控制率等，强化成本意识',
  },
  MISSING_SATISFACTION_INDICATOR: {
    severity: 'warning',
    zh: () => '未设置服务对象满意度指标',
    en: () => 'No beneficiary-satisfaction (满意度) indicator',
    problem: '缺少服务对象满意度指标，满意度调查工作有待完善',
    measure: '设置服务对象满意度指标并规范开展满意度调查，明确调查对象、样本量和统计口径',
  },
  SATISFACTION_SURVEY_MISSING: {
    severity: 'warning',
    zh: (p) => `满意度指标“${q(p, 'name')}”没有关联满意度调查，实际值未经问卷调查取得`,
    en: (p) => `Satisfaction indicator "${q(p, 'name')}" has no linked survey; its actual was not measured by a survey`,
  },
  SATISFACTION_SAMPLE_SHORT: {
    severity: 'warning',
    zh: (p) => `满意度指标“${q(p, 'name')}”的调查有效样本 ${q(p, 'valid')} 份，少于计划样本量 ${q(p, 'planned')} 份，误差大于计划`,
    en: (p) => `The survey behind "${q(p, 'name')}" has ${q(p, 'valid')} valid responses, fewer than the ${q(p, 'planned')} planned`,
  },
  SATISFACTION_SOURCE_MISSING: {
    severity: 'warning',
    zh: (p) => `满意度指标“${q(p, 'name')}”未注明调查来源（调查方式、样本量）`,
    en: (p) => `Satisfaction indicator "${q(p, 'name')}" does not name its survey (method, sample size)`,
    problem: '满意度调查工作有待完善，满意度数据来源不清晰',
    measure: '规范满意度调查，记录调查方式、有效样本量和满意人数，作为满意度指标的数据来源',
  },
  UNQUANTIFIED_TARGET: {
    severity: 'warning',
    zh: (p) => `产出指标“${q(p, 'name')}”为定性表述，未量化`,
    en: (p) => `Output indicator "${q(p, 'name')}" is qualitative, not quantified`,
    problem: '部分绩效指标未量化，难以客观衡量完成情况',
    measure: '将定性表述的产出指标细化为可衡量的定量指标，并明确计算口径',
  },
  MISSING_TARGET: {
    severity: 'error',
    zh: (p) => `定量指标“${q(p, 'name')}”未填写目标值`,
    en: (p) => `Quantitative indicator "${q(p, 'name')}" has no target value`,
  },
  MISSING_ACTUAL: {
    severity: 'error',
    zh: (p) => `指标“${q(p, 'name')}”未填写实际完成值`,
    en: (p) => `Indicator "${q(p, 'name')}" has no actual value`,
  },
  MISSING_BAND: {
    severity: 'error',
    zh: (p) => `定性指标“${q(p, 'name')}”未选择评价档次或未给出得分`,
    en: (p) => `Qualitative indicator "${q(p, 'name')}" has no band or no score`,
  },
  TARGET_TOO_LOW: {
    severity: 'warning',
    zh: (p) => `指标“${q(p, 'name')}”完成值为目标值的 ${q(p, 'percent')}，达到 ${q(p, 'threshold')}% 以上，目标值可能设置偏低`,
    en: (p) => `Indicator "${q(p, 'name')}" reached ${q(p, 'percent')} of target (≥ ${q(p, 'threshold')}%): target possibly too low`,
    problem: '部分指标目标值设置偏低，实际完成值大幅超过目标值',
    measure: '结合历史数据和行业标准科学设定目标值，避免目标值偏低',
  },
  TARGET_BELOW_LAST_YEAR: {
    severity: 'warning',
    zh: (p) => `指标“${q(p, 'name')}”目标值 ${q(p, 'target')} 低于上年实际 ${q(p, 'last')}，目标值偏低`,
    en: (p) => `Indicator "${q(p, 'name')}" target ${q(p, 'target')} is below last year's actual ${q(p, 'last')}`,
    problem: '部分指标目标值低于上年实际完成值，目标值偏低',
    measure: '以上年实际完成值为基础设定目标值，体现绩效提升要求',
  },
  INPUT_AS_OUTPUT: {
    severity: 'warning',
    zh: (p) => `产出指标“${q(p, 'name')}”以资金投入作为产出，投入不能作为绩效目标`,
    en: (p) => `Output indicator "${q(p, 'name')}" measures money put in, not output`,
    problem: '个别产出指标以资金投入代替产出，不能反映绩效',
    measure: '以项目实际产出（数量、质量、时效）替代资金投入类指标',
  },
  MISSING_DEVIATION_REASON: {
    severity: 'error',
    zh: (p) => `指标“${q(p, 'name')}”得分 ${q(p, 'score')} 低于分值 ${q(p, 'weight')}，未说明偏差原因`,
    en: (p) => `Indicator "${q(p, 'name')}" scored ${q(p, 'score')} of ${q(p, 'weight')} without a deviation reason`,
  },
  EXECUTION_REASON_MISSING: {
    severity: 'error',
    zh: (p) => `预算执行率 ${q(p, 'rate')} 低于 ${q(p, 'threshold')}%，未说明原因`,
    en: (p) => `Budget execution rate ${q(p, 'rate')} is below ${q(p, 'threshold')}% without a reason`,
    problem: '预算执行进度偏慢，执行率未达到要求',
    measure: '加强预算执行监控，按用款计划均衡支出，避免年末突击支付',
  },
  EXECUTION_NO_BUDGET: {
    severity: 'warning',
    zh: () => '全年预算数为 0，预算执行率按不适用处理',
    en: () => 'The adjusted budget is 0; the execution rate is not applicable',
  },
  TOTAL_MISMATCH: {
    severity: 'error',
    zh: (p) => `填报总分 ${q(p, 'declared')} 与各项得分计算的总分 ${q(p, 'sum')} 不符（容差 ${q(p, 'tolerance')} 分）`,
    en: (p) => `Declared total ${q(p, 'declared')} differs from the computed ${q(p, 'sum')} (tolerance ${q(p, 'tolerance')})`,
  },
  SCORE_MISMATCH: {
    severity: 'error',
    zh: (p) => `指标“${q(p, 'name')}”填报得分 ${q(p, 'declared')} 与按规则计算的 ${q(p, 'computed')} 不符`,
    en: (p) => `Indicator "${q(p, 'name')}" declared score ${q(p, 'declared')} differs from the computed ${q(p, 'computed')}`,
  },
  WRONG_LEVEL: {
    severity: 'error',
    zh: (p) => `指标“${q(p, 'name')}”的二级指标“${q(p, 'level2')}”不属于一级指标“${q(p, 'level1')}”`,
    en: (p) => `Indicator "${q(p, 'name')}": level 2 "${q(p, 'level2')}" does not belong to level 1 "${q(p, 'level1')}"`,
    problem: '个别指标层级归类不准确',
    measure: '按产出、效益、满意度三类指标规范归类二级、三级指标',
  },
  MISPLACED_SATISFACTION: {
    severity: 'warning',
    zh: (p) => `指标“${q(p, 'name')}”为满意度指标，应归入满意度指标`,
    en: (p) => `Indicator "${q(p, 'name')}" measures satisfaction and belongs under 满意度指标`,
    problem: '个别指标层级归类不准确',
    measure: '按产出、效益、满意度三类指标规范归类二级、三级指标',
  },
  BAND_SCORE_OUT_OF_RANGE: {
    severity: 'error',
    zh: (p) => `定性指标“${q(p, 'name')}”评为“${q(p, 'band')}”，得分应在 ${q(p, 'range')} 内，填报为 ${q(p, 'score')}`,
    en: (p) => `Qualitative indicator "${q(p, 'name')}" in band "${q(p, 'band')}" must score within ${q(p, 'range')}, got ${q(p, 'score')}`,
  },
  ADJUSTMENT_OUT_OF_RANGE: {
    severity: 'error',
    zh: (p) => `“${q(p, 'name')}”调整后得分 ${q(p, 'score')} 超出 [0, ${q(p, 'weight')}]，调整未采用`,
    en: (p) => `Adjusted score ${q(p, 'score')} of "${q(p, 'name')}" is outside [0, ${q(p, 'weight')}] and was not applied`,
  },
  ADJUSTMENT_WITHOUT_SCORE: {
    // Blocking: the evaluator's score cannot replace a computed score that does not exist, and a
    // total that silently drops it would contradict what the evaluator signed.
    severity: 'error',
    blocking: true,
    zh: (p) =>
      `${q(p, 'subject')}有评价人调整（调整后得分 ${q(p, 'score')}），但缺少${q(p, 'missing')}，无法计算得分，调整未采用；请先填写${q(p, 'missing')}，或删除该调整`,
    en: (p) =>
      `${q(p, 'subjectEn')} has an evaluator adjustment to ${q(p, 'score')} but no ${q(p, 'missingEn')}; fill it in or remove the adjustment`,
  },
  // ── indicator fields of filed forms: 调整指标值, 得分系数, graded targets, completion words (issue 9) ──
  ADJUSTED_TARGET_WITHOUT_VALUE: {
    severity: 'error',
    zh: (p) => `${q(p, 'indicator')}填写了调整指标值表述“${q(p, 'text')}”，但没有调整后的目标数值；定量指标请在“调整指标值”中填写数字`,
    en: (p) => `${q(p, 'indicatorEn')} has an adjusted target wording "${q(p, 'text')}" but no adjusted target value`,
  },
  SCORE_COEFFICIENT_OUT_OF_RANGE: {
    severity: 'error',
    zh: (p) => `${q(p, 'indicator')}的得分系数为 ${q(p, 'value')}，应在 0 到 1 之间（如 0.8 表示得分为分值的 80%）`,
    en: (p) => `${q(p, 'indicatorEn')}: score coefficient ${q(p, 'value')} must lie between 0 and 1`,
  },
  SCORE_COEFFICIENT_CONFLICT: {
    severity: 'error',
    zh: (p) =>
      `${q(p, 'indicator')}同时填写了得分 ${q(p, 'declared')} 和得分系数 ${q(p, 'coefficient')}（× 分值 ${q(p, 'weight')} = ${q(p, 'fromCoefficient')}），两者不一致；请只保留原表上的一项`,
    en: (p) =>
      `${q(p, 'indicatorEn')}: declared score ${q(p, 'declared')} and score coefficient ${q(p, 'coefficient')} (× ${q(p, 'weight')} = ${q(p, 'fromCoefficient')}) disagree`,
  },
  GRADE_UNKNOWN: {
    severity: 'error',
    zh: (p) =>
      `${q(p, 'indicator')}的目标“${q(p, 'target')}”与完成情况“${q(p, 'actual')}”不能按档次比较：其中一项不是档次序列（${q(p, 'scales')}）中的词；请改用序列中的词，或选择定性档次`,
    en: (p) =>
      `${q(p, 'indicatorEn')}: target "${q(p, 'target')}" and actual "${q(p, 'actual')}" cannot be compared; one is not a grade of ${q(p, 'scales')}`,
  },
  GRADE_SCALES_DIFFER: {
    severity: 'error',
    zh: (p) =>
      `${q(p, 'indicator')}的目标“${q(p, 'target')}”与完成情况“${q(p, 'actual')}”属于不同的档次序列（${q(p, 'scales')}），无法比较；请用同一序列的词，或选择定性档次`,
    en: (p) =>
      `${q(p, 'indicatorEn')}: target "${q(p, 'target')}" and actual "${q(p, 'actual')}" are grades of different scales (${q(p, 'scales')})`,
  },
  COMPLETION_WORD_ACTUAL: {
    // Blocking: scoring the task 0 would contradict a form that reports it done.
    severity: 'error',
    blocking: true,
    zh: (p) =>
      `${q(p, 'indicator')}是定量指标（目标 ${q(p, 'target')}），完成值读到“${q(p, 'value')}”而不是数字；请填写实际完成的数量（如目标 100% 时填 100），或将方向改为“定性”并评定档次${q(p, 'option') === 'refuse' ? '' : '（评分方案仅在目标本身为完成时按达标计分）'}`,
    en: (p) =>
      `${q(p, 'indicatorEn')} is quantitative (target ${q(p, 'target')}) but its actual reads "${q(p, 'value')}", not a number; enter the number achieved or make the indicator qualitative`,
  },
  NARRATIVE_MISMATCH: {
    severity: 'error',
    zh: (p) =>
      `${q(p, 'where')}写“${q(p, 'excerpt')}”，${q(p, 'what')}为 ${q(p, 'stated')}，与当前数据 ${q(p, 'current')} 不符；请修改文字或核对数据`,
    en: (p) =>
      `${q(p, 'whereEn')} says "${q(p, 'excerpt')}": ${q(p, 'whatEn')} is ${q(p, 'stated')} there but ${q(p, 'current')} in the data`,
  },
  MISSING_DATA_SOURCE: {
    severity: 'info',
    zh: (p) => `指标“${q(p, 'name')}”未注明数据来源`,
    en: (p) => `Indicator "${q(p, 'name')}" does not name its data source`,
  },
  MISSING_UNIT: {
    severity: 'warning',
    zh: (p) => `定量指标“${q(p, 'name')}”未注明计量单位`,
    en: (p) => `Quantitative indicator "${q(p, 'name')}" has no unit`,
  },
  UNKNOWN_GOAL: {
    severity: 'error',
    zh: (p) => `指标“${q(p, 'name')}”引用的绩效目标“${q(p, 'goalId')}”不存在`,
    en: (p) => `Indicator "${q(p, 'name')}" refers to unknown goal "${q(p, 'goalId')}"`,
  },
  GOAL_WITHOUT_INDICATORS: {
    severity: 'warning',
    zh: (p) => `绩效目标“${q(p, 'goal')}”未设置对应的绩效指标`,
    en: (p) => `Goal "${q(p, 'goal')}" has no indicators`,
    problem: '个别绩效目标未细化为可衡量的绩效指标',
    measure: '将每项绩效目标细化分解为具体的产出和效益指标',
  },
  UNKNOWN_MANAGEMENT_ITEM: {
    severity: 'error',
    zh: (p) => `管理效率项目“${q(p, 'code')}”不在评分方案的目录中${q(p, 'hint')}`,
    en: (p) => `Management item "${q(p, 'code')}" is not in the scheme's catalogue${q(p, 'hintEn')}`,
  },
  UNKNOWN_MANAGEMENT_AMOUNT: {
    severity: 'error',
    zh: (p) => `管理效率“${q(p, 'name')}”没有“${q(p, 'key')}”这项金额（可填：${q(p, 'known')}）`,
    en: (p) => `Management item "${q(p, 'name')}" has no amount "${q(p, 'key')}" (known: ${q(p, 'known')})`,
  },
  MISSING_MANAGEMENT_INPUT: {
    severity: 'error',
    zh: (p) => `管理效率“${q(p, 'name')}”缺少计算所需的“${q(p, 'input')}”`,
    en: (p) => `Management item "${q(p, 'name')}" lacks the input "${q(p, 'input')}"`,
  },
  // Declaration-time checks (packages/core/src/targets/checks.ts, docs/targets.md "申报时的质量校验").
  // Errors block submission; warnings need the preparer's reason.
  DECLARATION_VAGUE_TARGET: {
    severity: 'warning',
    zh: (p) =>
      `指标“${q(p, 'name')}”目标值“${q(p, 'text')}”含“${q(p, 'word')}”等模糊表述且无具体数值，无法衡量完成情况；请写明可衡量的数值或标准`,
    en: (p) => `Indicator "${q(p, 'name')}": target "${q(p, 'text')}" says "${q(p, 'word')}" without a number, so it cannot be measured`,
    problem: '部分绩效目标表述模糊，未量化，难以衡量完成情况',
    measure: '以具体数值或明确标准表述绩效目标，避免“进一步提高”“有所提升”等模糊表述',
  },
  DECLARATION_INPUT_AS_OUTPUT: {
    severity: 'error',
    zh: (p) =>
      `产出指标“${q(p, 'name')}”计量单位为“${q(p, 'unit')}”，以资金投入作为产出；投入不能作为绩效目标，请改为实际产出（数量、质量、时效）`,
    en: (p) => `Output indicator "${q(p, 'name')}" (unit "${q(p, 'unit')}") measures money put in, not output`,
  },
  DECLARATION_COST_AT_LEAST: {
    severity: 'error',
    zh: (p) =>
      `成本指标“${q(p, 'name')}”方向为“${q(p, 'direction')}”（目标值 ${q(p, 'target')}），成本指标应设为“≤”上限，否则花得越多越达标`,
    en: (p) => `Cost indicator "${q(p, 'name')}" is written "${q(p, 'direction')}" (target ${q(p, 'target')}); a cost is a ceiling (≤)`,
  },
  DECLARATION_HOLLOW_EFFECT: {
    severity: 'warning',
    zh: (p) =>
      `${q(p, 'level')}“${q(p, 'name')}”目标值 ${q(p, 'target')} 达到 ${q(p, 'threshold')}% 以上，但未填写完成值数据来源（填写为“${q(p, 'source')}”），无法衡量`,
    en: (p) =>
      `Indicator "${q(p, 'name')}" targets ${q(p, 'target')} (≥ ${q(p, 'threshold')}%) with no data source ("${q(p, 'source')}"): it cannot be measured`,
    problem: '部分效益指标目标值较高但缺少数据来源，难以衡量',
    measure: '为效益和满意度指标明确完成值数据来源和取值方式，确保可衡量、可核实',
  },
  DECLARATION_TARGET_WEAKER_THAN_LAST_YEAR: {
    severity: 'warning',
    zh: (p) =>
      `指标“${q(p, 'name')}”（${q(p, 'direction')}）目标值 ${q(p, 'target')} ${q(p, 'relation')}上年实际值 ${q(p, 'last')}，目标值偏松；请说明原因`,
    en: (p) =>
      `Indicator "${q(p, 'name')}" (${q(p, 'direction')}) target ${q(p, 'target')} is ${q(p, 'relationEn')} last year's actual ${q(p, 'last')}`,
    problem: '部分指标目标值低于上年实际完成值，目标值偏低',
    measure: '以上年实际完成值为基础设定目标值，体现绩效提升要求',
  },
  DECLARATION_TARGET_FAR_FROM_PEERS: {
    severity: 'warning',
    zh: (p) =>
      `指标“${q(p, 'name')}”目标值 ${q(p, 'target')} 超出同类 ${q(p, 'count')} 个项目的合理区间 [${q(p, 'low')}, ${q(p, 'high')}]（下四分位数 ${q(p, 'q1')}、中位数 ${q(p, 'median')}、上四分位数 ${q(p, 'q3')}）；请核实或说明原因`,
    en: (p) =>
      `Indicator "${q(p, 'name')}" target ${q(p, 'target')} is outside [${q(p, 'low')}, ${q(p, 'high')}] of ${q(p, 'count')} peer projects (Q1 ${q(p, 'q1')}, median ${q(p, 'median')}, Q3 ${q(p, 'q3')})`,
  },
  DECLARATION_NATURE_DIRECTION_MISMATCH: {
    severity: 'error',
    zh: (p) => `指标“${q(p, 'name')}”指标性质为“${q(p, 'nature')}”，方向却为“${q(p, 'direction')}”，两者应一致`,
    en: (p) => `Indicator "${q(p, 'name')}" is ${q(p, 'natureEn')} but its direction is "${q(p, 'direction')}"`,
  },
  DECLARATION_CORE_WITHOUT_SCORING_RULE: {
    severity: 'error',
    zh: (p) => `核心指标“${q(p, 'name')}”未填写评（扣）分标准`,
    en: (p) => `Core indicator "${q(p, 'name')}" has no scoring rule (评（扣）分标准)`,
  },
  DECLARATION_BASIS_OTHER_WITHOUT_TEXT: {
    severity: 'error',
    zh: (p) => `指标“${q(p, 'name')}”设定依据为“其他”，未说明具体依据`,
    en: (p) => `Indicator "${q(p, 'name')}" gives 其他 as its basis without saying what it is`,
  },
  DECLARATION_EX_ANTE_MISSING: {
    severity: 'error',
    zh: (p) =>
      `新增项目“${q(p, 'project')}”资金总额 ${q(p, 'amount')} 万元，达到事前绩效评估金额标准 ${q(p, 'threshold')} 万元，${q(p, 'state')}；须经事前绩效评估且结论为“予以支持”或“调整后支持”后才能提交（事前绩效评估结果作为申请预算的必备要件，中发〔2018〕34号）`,
    en: (p) =>
      `New project "${q(p, 'project')}" asks for ${q(p, 'amount')} (10k yuan), at or above the ex-ante assessment amount ${q(p, 'threshold')}: ${q(p, 'stateEn')}; it needs an assessment concluded 予以支持 or 调整后支持 before it is submitted`,
  },
  // ── scheme, budget and 管理效率 fields of real forms (issue 9) ──
  INDICATOR_LEVEL_MISSING: {
    severity: 'error',
    blocking: true,
    zh: (p) =>
      `指标 ${q(p, 'id')}“${q(p, 'name')}”未填写一级指标：本方案各一级指标分值固定，须填写一级、二级指标；无层级的表格请选用各级分值不固定的方案选项（levelWeightMode = free）`,
    en: (p) =>
      `Indicator ${q(p, 'id')} "${q(p, 'name')}" has no level 1: this scheme fixes each level's weight; use levelWeightMode = free for forms without levels`,
  },
  FREE_WEIGHT_SUM_MISMATCH: {
    severity: 'error',
    blocking: true,
    zh: (p) =>
      `各绩效指标已填分值合计 ${q(p, 'sum')} 分，${q(p, 'relation')} ${q(p, 'expected')} 分（本方案各级指标分值不固定，由所列指标的分值相加，合计须为 ${q(p, 'expected')} 分）`,
    en: (p) => `The indicators' weights add up to ${q(p, 'sum')}; they must ${q(p, 'relationEn')} ${q(p, 'expected')}`,
  },
  COVERAGE_NOT_CHECKED: {
    severity: 'info',
    zh: (p) => `${q(p, 'count')} 项指标未填写一级、二级指标，未检查是否设置了质量、时效、成本和满意度指标`,
    en: (p) => `${q(p, 'count')} indicators carry no level; quality, timeliness, cost and satisfaction coverage was not checked`,
  },
  EXECUTION_ZERO_BUDGET_SCORED: {
    severity: 'warning',
    zh: () => '全年预算数为 0，按方案约定预算执行率计 0 分（不按不适用折算）',
    en: () => 'The adjusted budget is 0; by the scheme the execution rate scores 0 (not rescaled as not applicable)',
  },
  FUNDING_SOURCE_SUM_MISMATCH: {
    severity: 'error',
    blocking: true,
    zh: (p) => `资金来源的${q(p, 'column')}合计 ${q(p, 'sum')} 元（${q(p, 'terms')}），与填报的${q(p, 'column')} ${q(p, 'total')} 元不符`,
    en: (p) => `The funding sources' ${q(p, 'column')} add up to ${q(p, 'sum')} (${q(p, 'termsEn')}), not the total ${q(p, 'total')}`,
  },
  ITEM_SCORE_MISMATCH: {
    severity: 'error',
    zh: (p) => `${q(p, 'subject')}填报得分 ${q(p, 'declared')} 与按规则计算的 ${q(p, 'computed')} 不符`,
    en: (p) => `${q(p, 'subjectEn')}: declared score ${q(p, 'declared')} differs from the computed ${q(p, 'computed')}`,
  },
  MANAGEMENT_RATE_MISMATCH: {
    severity: 'error',
    zh: (p) => `管理效率“${q(p, 'name')}”填报的比率 ${q(p, 'entered')} 与按所填金额计算的 ${q(p, 'computed')} 不符`,
    en: (p) =>
      `Management item "${q(p, 'name')}": the entered rate ${q(p, 'entered')} differs from ${q(p, 'computed')} computed from its amounts`,
  },
  MANAGEMENT_OWN_CODE_TAKEN: {
    severity: 'error',
    blocking: true,
    zh: (p) => `自设管理效率项目的编码“${q(p, 'code')}”与评分方案目录中的“${q(p, 'name')}”相同，请另取编码`,
    en: (p) => `Own management item code "${q(p, 'code')}" is already the catalogue's "${q(p, 'name')}"`,
  },
} as const satisfies Record<string, FindingDefinition>;

export type FindingCode = keyof typeof FINDINGS;

export function finding(code: FindingCode, subject: FindingSubject, params: Params = {}): Finding {
  const definition: FindingDefinition = FINDINGS[code];
  return {
    code,
    severity: definition.severity,
    blocking: definition.blocking ?? false,
    message: definition.zh(params),
    messageEn: definition.en(params),
    subject,
  };
}

export function findingDefinition(code: FindingCode): FindingDefinition {
  return FINDINGS[code];
}

const SEVERITY_ORDER: Readonly<Record<Severity, number>> = { error: 0, warning: 1, info: 2 };

export function sortFindings(findings: readonly Finding[]): Finding[] {
  return [...findings].sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
}

export function hasBlocking(findings: readonly Finding[]): boolean {
  return findings.some((item) => item.blocking);
}
