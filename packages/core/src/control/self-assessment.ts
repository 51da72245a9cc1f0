import { fraction } from '../numbers/decimal.ts';
import { formatPoints, type Points, points, scorePoints } from '../numbers/points.ts';

/**
 * 内部控制基础性评价 (docs/rules.md §5.7): 单位层面 60 (建设启动 14, 主要负责人责任 6, 权力运行制约 8,
 * 制度完备 16, 不相容岗位分离 6, 信息系统功能覆盖 10) + 业务层面 40 (预算 7, 收支 6, 政府采购 7,
 * 资产 6, 建设项目 8, 合同 6). The category points are from the source; the items inside 建设启动 and
 * the pre-fill rules are ours (a design choice). Items the system cannot know are left for the unit to score.
 */
export interface ControlFacts {
  /** Which control modules hold records this year. */
  readonly modules: {
    readonly budget: boolean;
    readonly payments: boolean;
    readonly procurement: boolean;
    readonly assets: boolean;
    readonly contracts: boolean;
    readonly construction: boolean;
  };
  /** Segregation of duties and thresholds are enforced by the system (true in Jixiao). */
  readonly segregationEnforced: boolean;
  /** Steps the system refused for breaking a rule this year (evidence that the controls act). */
  readonly refusals: number;
  readonly collectiveDecisions: number;
  readonly adjustmentsApproved: number;
  readonly stocktakesThisYear: number;
  readonly procurements: { readonly total: number; readonly compliant: number };
  readonly contracts: { readonly total: number; readonly withAcceptance: number };
}

export type AssessmentLevel = 'unit' | 'business';

export interface AssessmentItemDefinition {
  readonly code: string;
  readonly level: AssessmentLevel;
  readonly category: string;
  readonly name: string;
  readonly points: Points;
  /** How the system pre-fills it; `manual` items start empty for the unit to score. */
  readonly prefill: (facts: ControlFacts) => Prefill;
}

export type Prefill =
  | { readonly kind: 'score'; readonly score: Points; readonly basis: string }
  | { readonly kind: 'manual' }
  | { readonly kind: 'not-applicable'; readonly basis: string };

const manual = () => ({ kind: 'manual' }) as const;
const full = (value: number, basis: string) => ({ kind: 'score', score: points(value), basis }) as const;
const share = (weight: number, part: number, whole: number, basis: string): Prefill =>
  whole === 0 ? { kind: 'manual' } : { kind: 'score', score: scorePoints(points(weight), fraction(BigInt(part), BigInt(whole))), basis };

const SYSTEM_MODULES = ['budget', 'payments', 'procurement', 'assets', 'construction', 'contracts'] as const;
const MODULE_LABEL = {
  budget: '预算',
  payments: '收支',
  procurement: '政府采购',
  assets: '资产',
  construction: '建设项目',
  contracts: '合同',
} as const;

const institution = (code: string, area: string, module: keyof ControlFacts['modules'] | undefined): AssessmentItemDefinition => ({
  code,
  level: 'unit',
  category: '制度完备',
  name: `${area}管理制度`,
  points: points(2),
  prefill: (facts) => (module && facts.modules[module] ? full(2, `${area}业务在系统中按内控流程办理并留痕`) : { kind: 'manual' }),
});

export const ASSESSMENT_ITEMS: readonly AssessmentItemDefinition[] = [
  { code: 'U1', level: 'unit', category: '建设启动', name: '内部控制建设启动与组织领导', points: points(4), prefill: manual },
  { code: 'U2', level: 'unit', category: '建设启动', name: '内部控制牵头部门与归口管理', points: points(4), prefill: manual },
  { code: 'U3', level: 'unit', category: '建设启动', name: '经济活动风险评估', points: points(6), prefill: manual },
  {
    code: 'U4',
    level: 'unit',
    category: '主要负责人责任',
    name: '单位主要负责人承担内部控制建立与实施责任',
    points: points(6),
    prefill: manual,
  },
  {
    code: 'U5',
    level: 'unit',
    category: '权力运行制约',
    name: '分事行权、分岗设权、分级授权',
    points: points(8),
    prefill: (facts) => (facts.segregationEnforced ? full(8, '系统按金额分级授权审批，大额须集体决策或会签') : { kind: 'manual' }),
  },
  institution('U6', '预算', 'budget'),
  institution('U7', '收入', undefined),
  institution('U8', '支出', 'payments'),
  institution('U9', '政府采购', 'procurement'),
  institution('U10', '资产', 'assets'),
  institution('U11', '建设项目', 'construction'),
  institution('U12', '合同', 'contracts'),
  {
    code: 'U13',
    level: 'unit',
    category: '制度完备',
    name: '决策机制（“三重一大”集体决策）',
    points: points(2),
    prefill: (facts) =>
      facts.collectiveDecisions > 0 ? full(2, `本年度系统记录集体决策或会签 ${facts.collectiveDecisions} 次`) : { kind: 'manual' },
  },
  {
    code: 'U14',
    level: 'unit',
    category: '不相容岗位分离',
    name: '不相容岗位相互分离',
    points: points(6),
    prefill: (facts) =>
      facts.segregationEnforced
        ? full(6, `系统强制申请与审批、审批与付款、验收与保管等岗位分离，本年度拦截违规操作 ${facts.refusals} 次`)
        : { kind: 'manual' },
  },
  {
    code: 'U15',
    level: 'unit',
    category: '内部控制管理信息系统功能覆盖',
    name: '内部控制信息系统覆盖预算、收支、政府采购、资产、建设项目、合同六类业务',
    points: points(10),
    prefill: (facts) => {
      const covered = SYSTEM_MODULES.filter((module) => facts.modules[module]);
      return share(
        10,
        covered.length,
        SYSTEM_MODULES.length,
        `系统已覆盖：${covered.map((module) => MODULE_LABEL[module]).join('、') || '无'}（${covered.length}/6）`,
      );
    },
  },
  {
    code: 'B1',
    level: 'business',
    category: '预算业务管理',
    name: '预算编制、批复、执行与调整',
    points: points(7),
    prefill: (facts) =>
      facts.modules.budget
        ? full(7, `预算指标在系统中管理，调整须经审批（本年度批准调整 ${facts.adjustmentsApproved} 笔）`)
        : { kind: 'manual' },
  },
  {
    code: 'B2',
    level: 'business',
    category: '收支业务管理',
    name: '支出申请、审核、审批、支付与归档',
    points: points(6),
    prefill: (facts) =>
      facts.modules.payments ? full(6, '支付经申请、审核、审批、支付、归档，余额不足与超合同支付被系统拦截') : { kind: 'manual' },
  },
  {
    code: 'B3',
    level: 'business',
    category: '政府采购业务管理',
    name: '采购需求、方式、验收',
    points: points(7),
    prefill: (facts) =>
      facts.procurements.total === 0
        ? { kind: 'manual' }
        : share(
            7,
            facts.procurements.compliant,
            facts.procurements.total,
            `采购方式合规 ${facts.procurements.compliant}/${facts.procurements.total} 项`,
          ),
  },
  {
    code: 'B4',
    level: 'business',
    category: '资产管理',
    name: '资产登记、保管、盘点与处置',
    points: points(6),
    prefill: (facts) =>
      !facts.modules.assets
        ? { kind: 'manual' }
        : facts.stocktakesThisYear > 0
          ? full(6, `本年度盘点 ${facts.stocktakesThisYear} 次`)
          : full(3, '资产已登记，但本年度未盘点'),
  },
  {
    code: 'B5',
    level: 'business',
    category: '建设项目管理',
    name: '建设项目立项、实施、验收与决算',
    points: points(8),
    prefill: (facts) => (facts.modules.construction ? { kind: 'manual' } : { kind: 'not-applicable', basis: '本年度无建设项目' }),
  },
  {
    code: 'B6',
    level: 'business',
    category: '合同管理',
    name: '合同订立、履行、验收与付款',
    points: points(6),
    prefill: (facts) =>
      facts.contracts.total === 0
        ? { kind: 'manual' }
        : share(
            6,
            facts.contracts.withAcceptance,
            facts.contracts.total,
            `有验收记录的合同 ${facts.contracts.withAcceptance}/${facts.contracts.total} 份`,
          ),
  },
];

export interface AssessmentEntry {
  readonly code: string;
  /** The unit's score; undefined while not scored. */
  readonly score?: Points | undefined;
  readonly notApplicable?: boolean | undefined;
  readonly note?: string | undefined;
}

export interface AssessmentLine {
  readonly definition: AssessmentItemDefinition;
  readonly prefill: Prefill;
  readonly score: Points | undefined;
  readonly notApplicable: boolean;
  readonly note: string | undefined;
}

export interface AssessmentResult {
  readonly lines: readonly AssessmentLine[];
  readonly unit: { readonly score: Points; readonly points: Points };
  readonly business: { readonly score: Points; readonly points: Points };
  readonly notApplicablePoints: Points;
  /** Σ scores × 100 ÷ (100 − not-applicable points) (docs/rules.md §5.7, §7.10). */
  readonly total: Points;
  readonly unscored: readonly string[];
  readonly explanation: string;
}

/** Merges the unit's entries over the system's pre-fill and totals the assessment. */
export function assess(facts: ControlFacts, entries: readonly AssessmentEntry[]): AssessmentResult {
  const byCode = new Map(entries.map((entry) => [entry.code, entry]));
  const lines = ASSESSMENT_ITEMS.map((definition): AssessmentLine => {
    const prefill = definition.prefill(facts);
    const entry = byCode.get(definition.code);
    const notApplicable = entry?.notApplicable ?? prefill.kind === 'not-applicable';
    const score = notApplicable ? undefined : (entry?.score ?? (prefill.kind === 'score' ? prefill.score : undefined));
    return {
      definition,
      prefill,
      score: score === undefined ? undefined : Math.min(score, definition.points),
      notApplicable,
      note: entry?.note,
    };
  });
  const total = (level: AssessmentLevel) => {
    const ofLevel = lines.filter((line) => line.definition.level === level && !line.notApplicable);
    return {
      score: ofLevel.reduce((sum, line) => sum + (line.score ?? 0), 0),
      points: ofLevel.reduce((sum, line) => sum + line.definition.points, 0),
    };
  };
  const unit = total('unit');
  const business = total('business');
  const notApplicablePoints = lines.filter((line) => line.notApplicable).reduce((sum, line) => sum + line.definition.points, 0);
  const raw = unit.score + business.score;
  const applicable = 10_000 - notApplicablePoints;
  const rescaled = applicable <= 0 ? 0 : notApplicablePoints === 0 ? raw : scorePoints(raw, fraction(10_000n, BigInt(applicable)));
  return {
    lines,
    unit,
    business,
    notApplicablePoints,
    total: rescaled,
    unscored: lines.filter((line) => !line.notApplicable && line.score === undefined).map((line) => line.definition.code),
    explanation:
      notApplicablePoints === 0
        ? `单位层面 ${formatPoints(unit.score)} + 业务层面 ${formatPoints(business.score)} = ${formatPoints(raw)}`
        : `(${formatPoints(unit.score)} + ${formatPoints(business.score)}) × 100 ÷ (100 − 不适用 ${formatPoints(notApplicablePoints)}) = ${formatPoints(rescaled)}`,
  };
}
