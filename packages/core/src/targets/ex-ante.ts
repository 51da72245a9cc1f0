import { compareFraction, type Fraction, fraction, parseDecimal, toFraction } from '../numbers/decimal.ts';
import type { Fen } from '../numbers/money.ts';
import { allocateEvenly, formatPoints, type Points, points, scorePoints } from '../numbers/points.ts';

/**
 * 事前绩效评估 (docs/targets.md "事前绩效评估"): a new project above a configured amount is assessed
 * before it is budgeted, on five dimensions graded 优 / 良 / 中 / 差, and concluded 予以支持 / 调整后支持 /
 * 不予支持. Points are integer hundredths, like the scoring core; everything tunable is in ExAnteScheme.
 */
export type ExAnteDimension = 'necessity' | 'economy' | 'targets' | 'feasibility' | 'compliance';

export const EX_ANTE_DIMENSIONS: readonly ExAnteDimension[] = ['necessity', 'economy', 'targets', 'feasibility', 'compliance'];

export const EX_ANTE_DIMENSION_LABEL: Readonly<Record<ExAnteDimension, { zh: string; en: string }>> = {
  necessity: { zh: '立项必要性', en: 'Necessity' },
  economy: { zh: '投入经济性', en: 'Economy of inputs' },
  targets: { zh: '绩效目标合理性', en: 'Soundness of targets' },
  feasibility: { zh: '实施方案可行性', en: 'Feasibility of the plan' },
  compliance: { zh: '筹资合规性', en: 'Compliance of funding' },
};

export type ExAnteGrade = 'excellent' | 'good' | 'fair' | 'poor';

export const EX_ANTE_GRADES: readonly ExAnteGrade[] = ['excellent', 'good', 'fair', 'poor'];

export const EX_ANTE_GRADE_LABEL: Readonly<Record<ExAnteGrade, { zh: string; en: string }>> = {
  excellent: { zh: '优', en: 'Excellent' },
  good: { zh: '良', en: 'Good' },
  fair: { zh: '中', en: 'Fair' },
  poor: { zh: '差', en: 'Poor' },
};

export type ExAnteConclusion = 'support' | 'adjust' | 'reject';

export const EX_ANTE_CONCLUSION_LABEL: Readonly<Record<ExAnteConclusion, { zh: string; en: string }>> = {
  support: { zh: '予以支持', en: 'Supported' },
  adjust: { zh: '调整后支持', en: 'Supported after adjustment' },
  reject: { zh: '不予支持', en: 'Not supported' },
};

export interface ExAnteSubItemDefinition {
  readonly code: string;
  readonly name: string;
  readonly nameEn: string;
  /** What the assessor looks at. */
  readonly hint: string;
}

export interface ExAnteDimensionDefinition {
  readonly dimension: ExAnteDimension;
  /** The dimension's points, shared evenly among its sub-items (largest remainder). */
  readonly points: Points;
  readonly items: readonly ExAnteSubItemDefinition[];
}

export interface ExAnteScheme {
  readonly dimensions: readonly ExAnteDimensionDefinition[];
  /** Share of a sub-item's points for each grade, as decimal text ("0.8"). */
  readonly gradeShares: Readonly<Record<ExAnteGrade, string>>;
  /** At or above: 予以支持. */
  readonly supportFrom: Points;
  /** At or above (and below supportFrom): 调整后支持; below: 不予支持. */
  readonly adjustFrom: Points;
  /** A 新增 project whose funds reach this amount needs an assessment before it is budgeted. */
  readonly requiredFromFen: Fen;
}

const item = (code: string, name: string, nameEn: string, hint: string): ExAnteSubItemDefinition => ({ code, name, nameEn, hint });

/** Defaults: 20 points a dimension, 优 / 良 / 中 / 差 at 1 / 0.8 / 0.6 / 0.3, support from 80, adjust from 60, 5,000,000 yuan. */
export const DEFAULT_EX_ANTE_SCHEME: ExAnteScheme = {
  dimensions: [
    {
      dimension: 'necessity',
      points: points(20),
      items: [
        item('necessity.policy', '政策相符性', 'Fit with policy', '是否符合国家、省、市有关政策和发展规划'),
        item('necessity.duty', '职能相关性', 'Fit with duties', '是否属于本部门职能范围，与部门中长期规划相符'),
        item('necessity.need', '需求迫切性', 'Urgency of need', '现实需求是否明确、迫切，服务对象是否清晰'),
      ],
    },
    {
      dimension: 'economy',
      points: points(20),
      items: [
        item('economy.estimate', '投入测算合理性', 'Soundness of the estimate', '资金测算依据是否充分，标准是否合规'),
        item('economy.alternatives', '方案比选', 'Alternatives considered', '是否比较了不同实施方案的成本'),
        item('economy.scale', '投入产出匹配性', 'Inputs matching outputs', '投入规模与预期产出、效果是否匹配'),
      ],
    },
    {
      dimension: 'targets',
      points: points(20),
      items: [
        item('targets.clarity', '目标明确性', 'Clarity of targets', '总体目标和年度目标是否明确、具体'),
        item('targets.indicators', '指标完整性', 'Completeness of indicators', '是否设置产出、效益、满意度指标，并细化量化'),
        item('targets.values', '目标值合理性', 'Soundness of values', '目标值是否有计划、行业或历史标准依据'),
      ],
    },
    {
      dimension: 'feasibility',
      points: points(20),
      items: [
        item('feasibility.plan', '实施方案完整性', 'Completeness of the plan', '实施内容、进度安排、责任分工是否清晰'),
        item('feasibility.management', '管理制度保障', 'Management in place', '组织机构、管理制度和监督措施是否健全'),
        item('feasibility.risk', '风险应对', 'Risks addressed', '是否识别主要风险并有应对措施'),
      ],
    },
    {
      dimension: 'compliance',
      points: points(20),
      items: [
        item('compliance.source', '资金来源合规性', 'Lawful funding', '资金来源是否合法合规，是否符合财政支持范围'),
        item('compliance.method', '支持方式合理性', 'Appropriate support', '财政支持方式是否恰当，有无重复安排'),
        item('compliance.other', '其他资金落实', 'Other funds secured', '自筹或其他资金是否落实'),
      ],
    },
  ],
  gradeShares: { excellent: '1', good: '0.8', fair: '0.6', poor: '0.3' },
  supportFrom: points(80),
  adjustFrom: points(60),
  requiredFromFen: 5_000_000_00,
};

/** A deployment's overrides of the default scheme, as stored (whole points, decimal-text shares, fen). */
export interface ExAnteOverrides {
  readonly dimensionPoints?: Partial<Record<ExAnteDimension, number>> | undefined;
  readonly gradeShares?: Partial<Record<ExAnteGrade, string>> | undefined;
  readonly supportFrom?: number | undefined;
  readonly adjustFrom?: number | undefined;
  readonly requiredFromFen?: number | undefined;
}

/**
 * The default scheme with a deployment's overrides. Throws on an override that would make the
 * conclusion meaningless (a share outside 0–1, cut-offs out of order or above the total points).
 */
export function exAnteSchemeWith(overrides: ExAnteOverrides, base: ExAnteScheme = DEFAULT_EX_ANTE_SCHEME): ExAnteScheme {
  const dimensions = base.dimensions.map((definition) => {
    const whole = overrides.dimensionPoints?.[definition.dimension];
    return whole === undefined ? definition : { ...definition, points: points(whole) };
  });
  const gradeShares = { ...base.gradeShares, ...overrides.gradeShares };
  for (const [grade, text] of Object.entries(gradeShares)) {
    const value = parseDecimal(text);
    if (!value || value.units < 0n || compareFraction(toFraction(value), fraction(1n, 1n)) > 0)
      throw new RangeError(`事前绩效评估档次“${EX_ANTE_GRADE_LABEL[grade as ExAnteGrade].zh}”的系数“${text}”应在 0 至 1 之间`);
  }
  const supportFrom = overrides.supportFrom === undefined ? base.supportFrom : points(overrides.supportFrom);
  const adjustFrom = overrides.adjustFrom === undefined ? base.adjustFrom : points(overrides.adjustFrom);
  const total = dimensions.reduce((sum, definition) => sum + definition.points, 0);
  if (!(adjustFrom <= supportFrom && supportFrom <= total))
    throw new RangeError(`事前绩效评估分数线应满足 调整后支持 ≤ 予以支持 ≤ 总分 ${formatPoints(total)}`);
  return { dimensions, gradeShares, supportFrom, adjustFrom, requiredFromFen: overrides.requiredFromFen ?? base.requiredFromFen };
}

/** Whether a project needs an assessment: 新增 and its funds at or above the configured amount. */
export function exAnteRequired(
  project: { readonly attribute?: 'new' | 'continuing' | undefined; readonly fundsFen: Fen },
  scheme: Pick<ExAnteScheme, 'requiredFromFen'> = DEFAULT_EX_ANTE_SCHEME,
): boolean {
  return project.attribute === 'new' && project.fundsFen >= scheme.requiredFromFen;
}

export interface ExAnteEntry {
  readonly code: string;
  readonly grade?: ExAnteGrade | undefined;
  readonly opinion?: string | undefined;
}

export interface ScoredExAnteItem extends ExAnteSubItemDefinition {
  readonly dimension: ExAnteDimension;
  /** The sub-item's share of the dimension's points, rounded for display (the dimension is scored exactly). */
  readonly points: Points;
  readonly grade?: ExAnteGrade | undefined;
  /** Rounded for display; the dimension's score is not the sum of these. */
  readonly score?: Points | undefined;
  readonly opinion?: string | undefined;
}

export interface ScoredExAnteDimension {
  readonly dimension: ExAnteDimension;
  readonly points: Points;
  readonly score: Points;
  readonly items: readonly ScoredExAnteItem[];
}

export interface ExAnteResult {
  readonly dimensions: readonly ScoredExAnteDimension[];
  readonly total: Points;
  /** Sub-items without a grade: the assessment cannot be concluded while any remain. */
  readonly ungraded: readonly string[];
  /** Undefined until every sub-item is graded. */
  readonly conclusion?: ExAnteConclusion | undefined;
  readonly explanation: string;
  readonly explanationEn: string;
}

function shareOf(text: string): Fraction {
  const value = parseDecimal(text);
  if (!value || value.units < 0n) throw new RangeError(`grade share "${text}" is not a non-negative decimal`);
  const share = toFraction(value);
  return share.num > share.den ? fraction(1n, 1n) : share;
}

/** Scores the graded sub-items and concludes once every one is graded. Unknown codes are ignored. */
export function assessExAnte(entries: readonly ExAnteEntry[], scheme: ExAnteScheme = DEFAULT_EX_ANTE_SCHEME): ExAnteResult {
  const byCode = new Map(entries.map((entry) => [entry.code, entry]));
  const ungraded: string[] = [];
  const dimensions = scheme.dimensions.map((definition): ScoredExAnteDimension => {
    const shares = allocateEvenly(definition.points, definition.items.length);
    const items = definition.items.map((sub, index): ScoredExAnteItem => {
      const entry = byCode.get(sub.code);
      const itemPoints = shares[index] ?? 0;
      if (!entry?.grade) ungraded.push(sub.code);
      const score = entry?.grade ? scorePoints(itemPoints, shareOf(scheme.gradeShares[entry.grade])) : undefined;
      return { ...sub, dimension: definition.dimension, points: itemPoints, grade: entry?.grade, score, opinion: entry?.opinion };
    });
    // One rounding per dimension, on the mean share of its sub-items: rounding each sub-item (6.67 × 0.8 = 5.34)
    // would make a dimension graded 良 throughout score 16.01 instead of 16.
    let num = 0n;
    let den = 1n;
    for (const scored of items) {
      if (!scored.grade) continue;
      const share = shareOf(scheme.gradeShares[scored.grade]);
      num = num * share.den + share.num * den;
      den *= share.den;
    }
    const score = items.length ? scorePoints(definition.points, fraction(num, den * BigInt(items.length))) : 0;
    return { dimension: definition.dimension, points: definition.points, score, items };
  });
  const total = dimensions.reduce((sum, dimension) => sum + dimension.score, 0);
  if (ungraded.length > 0) {
    return {
      dimensions,
      total,
      ungraded,
      explanation: `尚有 ${ungraded.length} 个评估要点未评级，暂不能形成评估结论`,
      explanationEn: `${ungraded.length} sub-items are not graded yet: no conclusion`,
    };
  }
  const conclusion: ExAnteConclusion = total >= scheme.supportFrom ? 'support' : total >= scheme.adjustFrom ? 'adjust' : 'reject';
  const cutOffs = `予以支持不低于 ${formatPoints(scheme.supportFrom)} 分，调整后支持不低于 ${formatPoints(scheme.adjustFrom)} 分`;
  return {
    dimensions,
    total,
    ungraded,
    conclusion,
    explanation: `评估得分 ${formatPoints(total)} 分（${cutOffs}），结论：${EX_ANTE_CONCLUSION_LABEL[conclusion].zh}`,
    explanationEn: `Scored ${formatPoints(total)} (supported from ${formatPoints(scheme.supportFrom)}, after adjustment from ${formatPoints(scheme.adjustFrom)}): ${EX_ANTE_CONCLUSION_LABEL[conclusion].en}`,
  };
}

/** Every sub-item code of a scheme, for validating what a client sends. */
export function exAnteItemCodes(scheme: ExAnteScheme = DEFAULT_EX_ANTE_SCHEME): Set<string> {
  return new Set(scheme.dimensions.flatMap((dimension) => dimension.items.map((sub) => sub.code)));
}
