import { z } from 'zod';
import { DIRECTIONS, type Direction, type EvaluationInput, FUNDING_SOURCES, LEVEL2_OF, type Level1, type Level2 } from '../model.ts';
import { type Decimal, parseDecimal, toFraction } from '../numbers/decimal.ts';
import { parseYuan } from '../numbers/money.ts';
import { normaliseNumberText } from '../numbers/number-text.ts';
import { parsePoints } from '../numbers/points.ts';
import { isCompletionWord } from '../scoring/grades.ts';
import { SCHEME_IDS, type SchemeOverrides } from '../scoring/scheme.ts';
import { dateAdvice, decimalAdvice, directionAdvice, moneyAdvice, pointsAdvice, readAs } from '../validation/advice.ts';

/**
 * The evaluation workbook, version 1: the documented interchange format of one self-evaluation
 * (docs/workbook.md; JSON Schema in docs/evaluation-workbook.schema.json, generated from this).
 * Parsing converts it straight into the domain's exact types: money to fen, values to decimals,
 * weights and scores to hundredths of a point.
 */
export const WORKBOOK_FORMAT = 'jixiao-evaluation-workbook';
export const WORKBOOK_VERSION = 1;

const DECIMAL_PATTERN = /^[+-]?\d+(\.\d+)?$/;
const MONEY_PATTERN = /^-?\d+(\.\d{1,2})?$/;
const POINTS_PATTERN = /^\+?\d+(\.\d{1,2})?$/;

const text = (description: string) => z.string().trim().min(1).meta({ description });
const optionalText = (description: string) =>
  z
    .string()
    .trim()
    .meta({ description })
    .optional()
    .transform((value) => (value ? value : undefined));

/**
 * Decimal values: a string such as "23.39" (canonical) or a JSON number. Read as forgivingly as an
 * .xlsx cell (core/numbers/number-text.ts): full-width digits, grouping commas and a trailing
 * percent sign ("95.47％" is 95.47, values being plain percent numbers). Anything else is refused
 * with the value read and how to write it.
 */
const decimal = (description: string) =>
  z
    .union([z.string(), z.number()])
    .meta({ description, pattern: DECIMAL_PATTERN.source, examples: ['23.39'] })
    .transform((value, ctx) => readDecimal(value, ctx) ?? z.NEVER);

function readDecimal(value: string | number, ctx: z.RefinementCtx): Decimal | undefined {
  const text = normaliseNumberText(String(value)).replace(/%$/, '');
  const parsed = DECIMAL_PATTERN.test(text) ? parseDecimal(text) : undefined;
  if (parsed) return parsed;
  ctx.issues.push({ code: 'custom', message: decimalAdvice(value), input: value });
  return undefined;
}

/**
 * The actual of a quantitative indicator: a decimal, or a word of completion ("按期完成") that the
 * scheme's `completionWords` option decides on; it is carried as the actual's wording.
 */
const actualValue = (description: string) =>
  z
    .union([z.string(), z.number()])
    // No pattern: a word of completion is a valid value here, decided by the scheme.
    .meta({ description, examples: ['23.39', '按期完成'] })
    .transform((value, ctx) => {
      if (typeof value === 'string' && isCompletionWord(value)) return { completionWord: value.trim() } as const;
      return readDecimal(value, ctx) ?? z.NEVER;
    });

/** 得分系数: a decimal share of the weight between 0 and 1. */
const coefficient = (description: string) =>
  z
    .union([z.string(), z.number()])
    .meta({ description, pattern: DECIMAL_PATTERN.source, examples: ['0.8'] })
    .transform((value, ctx) => {
      const parsed = readDecimal(value, ctx);
      if (!parsed) return z.NEVER;
      const share = toFraction(parsed);
      if (share.num >= 0n && share.num <= share.den) return parsed;
      ctx.issues.push({ code: 'custom', message: `${readAs(value)}，得分系数应在 0 到 1 之间，如 0.8 表示得分为分值的 80%`, input: value });
      return z.NEVER;
    });

/**
 * Grade scales, best grade first: a list of scales, each a list of words or one text "高>较高>一般>低";
 * or one text with the scales separated by "；" (as one .xlsx cell holds them).
 */
const gradeScales = z
  .union([z.string(), z.array(z.union([z.string(), z.array(z.string())]))])
  .meta({ description: '定性分级目标的档次序列，由高到低，如 ["高>较高>一般>低", ["是", "否"]] 或 “高>较高>一般>低；是>否”' })
  .transform((value, ctx) => {
    const scales = (typeof value === 'string' ? value.split(/[；;\n]/) : value)
      .map((scale) => (typeof scale === 'string' ? scale.split(/[>＞]/) : scale).map((word) => word.trim()).filter(Boolean))
      .filter((scale) => scale.length > 0);
    const bad = scales.find((scale) => scale.length < 2 || new Set(scale).size !== scale.length);
    if (scales.length > 0 && !bad) return scales;
    ctx.issues.push({
      code: 'custom',
      message: `${readAs(typeof value === 'string' ? value : JSON.stringify(value))}，每个档次序列至少两个不重复的词，由高到低用“>”连接，序列之间用“；”分隔，如“高>较高>一般>低；是>否”`,
      input: value,
    });
    return z.NEVER;
  });

/** Money in yuan as a decimal string with at most two decimals; never a JSON number. */
const money = (description: string) =>
  z
    .string({ error: (issue) => (issue.input === undefined ? undefined : moneyAdvice(issue.input)) })
    .meta({ description: `${description}（元，文本，最多两位小数）`, pattern: MONEY_PATTERN.source, examples: ['1234567.89'] })
    .refine((value) => MONEY_PATTERN.test(value.trim()), { error: (issue) => moneyAdvice(issue.input) })
    .transform((value, ctx) => {
      const parsed = parseYuan(value);
      if (parsed.ok) return parsed.value;
      ctx.issues.push({ code: 'custom', message: `${readAs(value)}，金额超出可精确表示的范围`, input: value });
      return z.NEVER;
    });

/** Points (分值 / 得分) such as "5", "2.31", read as forgivingly as a cell ("５分"); stored as hundredths. */
const pointsValue = (description: string) =>
  z
    .union([z.string(), z.number()])
    .meta({ description, pattern: POINTS_PATTERN.source, minimum: 0 })
    .transform((value, ctx) => {
      const text = normaliseNumberText(String(value)).replace(/分$/, '');
      const parsed = POINTS_PATTERN.test(text) ? parsePoints(text) : undefined;
      if (parsed !== undefined) return parsed;
      ctx.issues.push({ code: 'custom', message: pointsAdvice(value), input: value });
      return z.NEVER;
    });

const adjustment = z
  .object({
    score: pointsValue('调整后得分'),
    reason: text('调整理由（必填）'),
  })
  .strict()
  .meta({ description: '评价人调整：最终得分及理由；计算得分同时保留' });

const level1 = z
  .enum(['output', 'effect', 'satisfaction'])
  .meta({ description: '一级指标：output 产出 / effect 效益 / satisfaction 满意度' });
const level2 = z
  .enum(['quantity', 'quality', 'timeliness', 'cost', 'economic', 'social', 'ecological', 'sustainability', 'beneficiary'])
  .meta({ description: '二级指标：数量/质量/时效/成本；经济/社会/生态/可持续影响；服务对象满意度' });
const band = z.enum(['achieved', 'partial', 'not-achieved']).meta({ description: '定性档次：达成 / 部分达成 / 未达成' });

const indicator = z
  .object({
    id: text('指标编号，在本工作簿内唯一'),
    goalId: optionalText('所属绩效目标编号'),
    level1: level1.optional(),
    level2: level2.optional(),
    name: text('三级指标名称'),
    direction: z
      .enum(DIRECTIONS as [string, ...string[]], {
        error: (issue) => (issue.input === undefined ? undefined : directionAdvice(issue.input)),
      })
      .meta({ description: '比较方向：>= > <= < = 或 qualitative（定性）' }),
    target: decimal('目标值（定量指标必填）').optional(),
    unit: optionalText('计量单位，如 亿元、个、%'),
    actual: actualValue('实际完成值；任务型指标填“完成”等文字时按评分方案的 completionWords 处理').optional(),
    targetText: optionalText('目标值原文表述（用于报告），如 “控制在3个工作日内”'),
    actualText: optionalText('完成值原文表述（用于报告），如 “超1319亿元”'),
    adjustedTarget: decimal('调整指标值：经批准调整后的目标值；填写即表示调整已批准，按其计分').optional(),
    adjustedTargetText: optionalText('调整指标值原文表述；定性指标的调整后目标填在此处'),
    lastYearActual: decimal('上年实际完成值').optional(),
    weight: pointsValue('分值；不填则平分所在一级指标的剩余分值').optional(),
    notApplicable: z.boolean().meta({ description: '不适用：不计分，总分按比例折算' }).optional(),
    deviationReason: optionalText('偏差原因（得分低于分值时必填）'),
    dataSource: optionalText('数据来源 / 佐证材料'),
    band: band.optional(),
    qualitativeScore: pointsValue('定性指标得分（须在所选档次区间内）').optional(),
    adjustment: adjustment.optional(),
    declaredScore: pointsValue('原表填报的得分（导入时用于核对）').optional(),
    scoreCoefficient: coefficient('得分系数：得分占分值的比例（0–1），原表填报，按 系数 × 分值 核对').optional(),
    isCore: z.boolean().meta({ description: '是否核心指标' }).optional(),
    illustrative: z.boolean().meta({ description: '示例数据：并非来自原始资料' }).optional(),
  })
  .strict();

const goal = z
  .object({
    id: text('目标编号'),
    text: text('绩效目标全文'),
    summary: optionalText('履职效能分析中使用的简述'),
  })
  .strict();

const organisation = z
  .object({
    name: text('部门（单位）名称'),
    subordinateUnitCount: z.number().int().min(0).meta({ description: '所属下级预算单位数量' }),
    subordinateUnits: z.array(z.string().trim().min(1)).optional(),
    preparer: text('填报人'),
    phone: text('联系电话'),
    filledOn: z.iso
      .date({ error: (issue) => (issue.input === undefined ? undefined : dateAdvice(issue.input)) })
      .meta({ description: '填报日期 YYYY-MM-DD' }),
  })
  .strict();

const project = z
  .object({
    name: text('项目名称'),
    code: optionalText('项目编码'),
    category: optionalText('项目类别'),
    unit: optionalText('实施单位'),
  })
  .strict();

const fundingSource = z
  .object({
    source: z.enum(FUNDING_SOURCES as [string, ...string[]]).meta({
      description: '资金来源：fiscal-appropriation 本年财政拨款 / special-account 财政专户管理资金 / unit-funds 单位资金 / other 其他资金',
    }),
    initial: money('年初预算数'),
    adjusted: money('全年预算数'),
    executed: money('全年执行数'),
  })
  .strict();

const BUDGET_TOTALS = [
  ['initial', '年初预算数'],
  ['adjusted', '全年预算数'],
  ['executed', '全年执行数'],
] as const;

const budget = z
  .object({
    initial: money('年初预算数（填写资金来源时可不填，取各来源之和）').optional(),
    carryOver: money('上年结转')
      .optional()
      .transform((value) => value ?? 0),
    adjusted: money('全年预算数（调整后，含上年结转；填写资金来源时可不填）').optional(),
    executed: money('全年执行数（填写资金来源时可不填）').optional(),
    sources: z.array(fundingSource).min(1).optional().meta({ description: '按资金来源分列的预算与执行数' }),
    executionReason: optionalText('执行率低于 90% 的原因'),
    executionAdjustment: adjustment.optional(),
    declaredScore: pointsValue('原表填报的预算执行率得分（导入时用于核对）').optional(),
    illustrative: z.boolean().optional(),
  })
  .strict()
  .superRefine((value, ctx) => {
    for (const [key, label] of BUDGET_TOTALS) {
      if (value[key] === undefined && !value.sources)
        ctx.addIssue({ code: 'custom', path: [key], message: `未填写${label}：请填写${label}，或按资金来源（sources）分列` });
    }
    reportDuplicates(
      (value.sources ?? []).map((row) => row.source),
      ['sources'],
      '资金来源',
      ctx,
    );
  })
  .transform(({ sources, declaredScore, ...figures }) => {
    // Totals left blank beside the sources are their sums; totals given are checked against them (FUNDING_SOURCE_SUM_MISMATCH).
    const total = (key: (typeof BUDGET_TOTALS)[number][0]): number =>
      figures[key] ?? (sources ?? []).reduce((sum, row) => sum + row[key], 0);
    return {
      ...figures,
      initial: total('initial'),
      adjusted: total('adjusted'),
      executed: total('executed'),
      sources: sources?.map((row) => ({ ...row, source: row.source as (typeof FUNDING_SOURCES)[number] })),
      declaredExecutionScore: declaredScore,
    };
  });

const ownManagementItem = z
  .object({
    name: text('项目名称'),
    area: optionalText('管理领域，如 资金管理'),
    direction: z
      .enum(DIRECTIONS as [string, ...string[]], {
        error: (issue) => (issue.input === undefined ? undefined : directionAdvice(issue.input)),
      })
      .meta({ description: '比较方向：>= > <= < = 或 qualitative（定性）' }),
    unit: optionalText('计量单位；不填为 %（目标值填在本项目的 target）'),
    formula: z
      .object({ numerator: text('分子的金额键'), denominator: text('分母的金额键，或 budget:adjusted 等预算数') })
      .strict()
      .optional()
      .meta({ description: '比率 = 分子 ÷ 分母（金额在 amounts 中按键填写）；不填则在 rate 中直接填报比率' }),
    inputs: z.record(z.string(), z.string().trim().min(1)).optional().meta({ description: '各金额键的名称' }),
    standard: optionalText('评分标准（定性项目）'),
  })
  .strict()
  .meta({ description: '部门自设的管理效率项目：名称、方向、目标值；分值填在 weight' });

const managementEntry = z
  .object({
    code: text('管理效率目录中的项目编码，如 carry-over-rate；自设项目为本部门自取的编码'),
    amounts: z.record(z.string(), money('计算所需金额')).optional(),
    target: decimal('目标值（百分数），覆盖目录默认值').optional(),
    weight: pointsValue('分值，覆盖目录默认值').optional(),
    notApplicable: z.boolean().optional(),
    band: band.optional(),
    score: pointsValue('定性项目得分').optional(),
    deviationReason: optionalText('偏差原因'),
    adjustment: adjustment.optional(),
    note: optionalText('管理情况说明（用于报告）'),
    illustrative: z.boolean().optional(),
    rate: decimal('填报的比率（百分数，如 95.47），代替或核对计算所需金额').optional(),
    declaredScore: pointsValue('原表填报的得分（导入时用于核对）').optional(),
    own: ownManagementItem.optional(),
  })
  .strict()
  .superRefine((entry, ctx) => {
    if (!entry.own) return;
    const name = `自设管理效率项目“${entry.own.name}”（${entry.code}）`;
    if (entry.weight === undefined) ctx.addIssue({ code: 'custom', path: ['weight'], message: `${name}须填写分值` });
    if (entry.own.direction !== 'qualitative' && entry.target === undefined)
      ctx.addIssue({ code: 'custom', path: ['target'], message: `${name}须填写目标值` });
  });

const percentInt = z.number().int().min(0).max(200);

const scheme = z
  .object({
    id: z
      .enum(SCHEME_IDS as [string, ...string[]])
      .meta({ description: '评分方案：mof-2020-project（项目）或 department-overall（部门整体）' }),
    levelWeights: z
      .object({
        output: pointsValue('产出分值').optional(),
        effect: pointsValue('效益分值').optional(),
        satisfaction: pointsValue('满意度分值').optional(),
      })
      .strict()
      .optional(),
    executionWeight: pointsValue('预算执行率分值').optional(),
    options: z
      .object({
        lessOrEqualVariant: z.enum(['ratio', 'deviation']).optional(),
        equalsMode: z.enum(['as-at-least', 'exact']).optional(),
        bandAchievedFloorPercent: percentInt.optional(),
        bandPartialFloorPercent: percentInt.optional(),
        overAchievementPercent: percentInt.optional(),
        executionReasonBelowPercent: percentInt.optional(),
        emptyLevel: z.enum(['rescale', 'zero']).optional(),
        carryOverBase: z.enum(['executed', 'budget']).optional(),
        qualitativeScales: gradeScales.optional(),
        completionWords: z.enum(['refuse', 'met-when-target-is-completion']).optional(),
        gradeFloors: z
          .object({
            excellent: percentInt.max(100).optional(),
            good: percentInt.max(100).optional(),
            fair: percentInt.max(100).optional(),
          })
          .strict()
          .optional()
          .meta({ description: '评价等级下限（分）：优、良、中，默认 90、80、60' }),
        levelWeightMode: z
          .enum(['fixed', 'free'])
          .optional()
          .meta({ description: 'fixed 各一级指标分值固定；free 各级分值不固定，由所列指标分值相加（可不填一级、二级指标）' }),
        zeroBudget: z
          .enum(['not-applicable', 'zero'])
          .optional()
          .meta({ description: '全年预算数为 0：not-applicable 按不适用折算（默认）；zero 预算执行率计 0 分' }),
        managementCatalogue: z
          .enum(['scheme', 'listed'])
          .optional()
          .meta({ description: '管理效率：scheme 按方案目录全部计分（默认）；listed 只计工作簿列出的项目' }),
      })
      .strict()
      .superRefine((options, ctx) => {
        const floors = { excellent: 90, good: 80, fair: 60, ...options.gradeFloors };
        if (!(floors.excellent > floors.good && floors.good > floors.fair)) {
          ctx.addIssue({
            code: 'custom',
            path: ['gradeFloors'],
            message: `评价等级下限须依次递减：优 ${floors.excellent}、良 ${floors.good}、中 ${floors.fair}`,
          });
        }
      })
      .optional(),
  })
  .strict();

const narrative = z
  .object({
    conclusion: optionalText('自评结论（报告 一(二)，系统自动补充得分与等级）'),
    dutyIntro: optionalText('履职效能分析开头段落'),
    management: optionalText('管理效率分析段落'),
    problems: z.array(z.string().trim().min(1)).default([]),
    measures: z.array(z.string().trim().min(1)).default([]),
  })
  .strict();

export const workbookSchema = z
  .object({
    $schema: z.string().optional(),
    format: z.literal(WORKBOOK_FORMAT),
    version: z.literal(WORKBOOK_VERSION),
    kind: z.enum(['department', 'project']).meta({ description: 'department 部门整体 / project 项目支出' }),
    fiscalYear: z.number().int().min(2000).max(2100).meta({ description: '预算年度' }),
    scheme: scheme.optional(),
    organisation,
    project: project.optional(),
    goals: z.array(goal).min(1),
    indicators: z.array(indicator).min(1),
    budget,
    management: z.array(managementEntry).default([]),
    declaredTotal: pointsValue('原表填报的总分（导入时用于核对）').optional(),
    narrative: narrative.prefault({}),
    notes: optionalText('资料来源与示例数据说明'),
  })
  .strict()
  .superRefine((workbook, ctx) => {
    if (workbook.kind === 'project' && !workbook.project) {
      ctx.addIssue({ code: 'custom', path: ['project'], message: '项目支出自评必须填写项目信息' });
    }
    reportDuplicates(
      workbook.goals.map((item) => item.id),
      ['goals'],
      '目标编号',
      ctx,
    );
    reportDuplicates(
      workbook.indicators.map((item) => item.id),
      ['indicators'],
      '指标编号',
      ctx,
    );
    reportDuplicates(
      workbook.management.map((item) => item.code),
      ['management'],
      '管理效率项目',
      ctx,
    );
    const free = workbook.scheme?.options?.levelWeightMode === 'free';
    workbook.indicators.forEach((item, index) => {
      const name = `指标 ${item.id}“${item.name}”`;
      if (item.level1 === undefined) {
        if (item.level2 !== undefined)
          ctx.addIssue({
            code: 'custom',
            path: ['indicators', index, 'level1'],
            message: `${name}填写了二级指标 ${item.level2}，须同时填写一级指标`,
          });
        else if (!free)
          ctx.addIssue({
            code: 'custom',
            path: ['indicators', index, 'level1'],
            message: `${name}未填写一级指标：本方案各一级指标分值固定；无一级、二级指标的表格请设 scheme.options.levelWeightMode 为 "free"`,
          });
        return;
      }
      if (item.level2 === undefined) {
        ctx.addIssue({
          code: 'custom',
          path: ['indicators', index, 'level2'],
          message: `${name}填写了一级指标 ${item.level1}，须同时填写二级指标`,
        });
      } else if (!LEVEL2_OF[item.level1 as Level1].includes(item.level2 as Level2)) {
        ctx.addIssue({
          code: 'custom',
          path: ['indicators', index, 'level2'],
          message: `二级指标 ${item.level2} 不属于一级指标 ${item.level1}`,
        });
      }
    });
  });

function reportDuplicates(ids: readonly string[], path: (string | number)[], label: string, ctx: z.RefinementCtx): void {
  const seen = new Map<string, number>();
  ids.forEach((id, index) => {
    const first = seen.get(id);
    if (first === undefined) seen.set(id, index);
    else ctx.addIssue({ code: 'custom', path: [...path, index], message: `${label}“${id}”与第 ${first + 1} 项重复` });
  });
}

export type WorkbookJson = z.input<typeof workbookSchema>;
export type ParsedWorkbook = z.output<typeof workbookSchema>;

/** The parsed workbook as the domain's evaluation input plus the scheme it asks for. */
export interface Workbook {
  readonly input: EvaluationInput;
  readonly schemeId?: (typeof SCHEME_IDS)[number] | undefined;
  readonly schemeOverrides: SchemeOverrides;
  readonly notes?: string | undefined;
}

export function toWorkbook(parsed: ParsedWorkbook): Workbook {
  const input: EvaluationInput = {
    kind: parsed.kind,
    fiscalYear: parsed.fiscalYear,
    organisation: parsed.organisation,
    project: parsed.project,
    goals: parsed.goals,
    indicators: parsed.indicators.map(({ actual, ...item }) => ({
      ...item,
      ...(actual && 'completionWord' in actual ? { actual: undefined, actualText: item.actualText ?? actual.completionWord } : { actual }),
      level1: item.level1 as Level1 | undefined,
      level2: item.level2 as Level2 | undefined,
      direction: item.direction as EvaluationInput['indicators'][number]['direction'],
    })),
    budget: parsed.budget,
    management: parsed.management.map(({ score, own, ...entry }) => ({
      ...entry,
      qualitativeScore: score,
      own: own && { ...own, direction: own.direction as Direction, target: entry.target },
    })),
    declaredTotal: parsed.declaredTotal,
    narrative: parsed.narrative,
  };
  return {
    input,
    schemeId: parsed.scheme?.id as Workbook['schemeId'],
    schemeOverrides: {
      levelWeights: parsed.scheme?.levelWeights,
      executionWeight: parsed.scheme?.executionWeight,
      options: parsed.scheme?.options,
    },
    notes: parsed.notes,
  };
}
