import { compareFraction, type Fraction, ONE, ZERO } from '../numbers/decimal.ts';
import type { MonitoringPreset, MonitoringRuleSet, ParseRuleSetResult, RuleSetIssue } from './model.ts';
import { decimalShare } from './share.ts';

/**
 * The rule table's built-in defaults. Every threshold is practice, not law: 财预〔2019〕136号 asks
 * for monitoring of both goals and money but sets no traffic-light figures, so deployed systems keep
 * them per region and year (docs/monitoring.md 预警规则 lists where each figure comes from).
 */
const RATIO_DEFAULT: MonitoringRuleSet = {
  region: '',
  year: 0,
  version: 0,
  preset: 'ratio',
  budgetBands: { red: '0.6', green: '0.8' },
  indicatorBands: { red: '0.6', green: '0.8', blue: '1.2' },
  milestones: [
    { month: 4, share: '0.25' },
    { month: 6, share: '0.4' },
    { month: 8, share: '0.6' },
    { month: 10, share: '0.8' },
  ],
  milestoneMargin: '0.05',
  reverseProRata: false,
  gaps: { goalVsSpending: '0.1' },
  rush: { decemberShare: '0.3', fromMonth: 6 },
};

export const DEFAULT_RULE_SETS: Readonly<Record<MonitoringPreset, MonitoringRuleSet>> = {
  ratio: RATIO_DEFAULT,
  milestones: { ...RATIO_DEFAULT, preset: 'milestones' },
};

export const MONITORING_PRESETS: readonly MonitoringPreset[] = ['ratio', 'milestones'];

export const PRESET_LABEL: Readonly<Record<MonitoringPreset, string>> = {
  ratio: '执行率与序时进度之比',
  milestones: '固定进度节点',
};

/** The built-in rule set of a preset, stamped with a region and year (version 0: not saved). */
export function defaultRuleSet(preset: MonitoringPreset = 'ratio', region = '', year = 0): MonitoringRuleSet {
  return { ...DEFAULT_RULE_SETS[preset], region, year };
}

/** Chinese names of the fields, so an error says what the field means as well as where it is. */
const FIELD_LABEL: Readonly<Record<string, string>> = {
  region: '地区',
  year: '年度',
  version: '版本',
  preset: '预警方案',
  'budgetBands.red': '预算执行红灯线',
  'budgetBands.green': '预算执行绿灯线',
  'indicatorBands.red': '指标红灯线',
  'indicatorBands.green': '指标绿灯线',
  'indicatorBands.blue': '指标蓝灯线',
  milestones: '进度节点',
  milestoneMargin: '节点黄灯容差',
  reverseProRata: '反向指标按序时折算',
  'gaps.goalVsSpending': '目标与支出进度偏离阈值',
  'rush.decemberShare': '年末突击支付预警比例',
  'rush.fromMonth': '年末突击支付预警起始月份',
};

const TOP_KEYS = [
  'region',
  'year',
  'version',
  'preset',
  'budgetBands',
  'indicatorBands',
  'milestones',
  'milestoneMargin',
  'reverseProRata',
  'gaps',
  'rush',
] as const;

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function shown(value: unknown): string {
  return typeof value === 'string' ? `“${value}”` : JSON.stringify(value);
}

function refused(issues: readonly RuleSetIssue[]): ParseRuleSetResult {
  return { ok: false, errors: issues.map((issue) => issue.message), issues };
}

/**
 * Validates a stored or submitted rule set. Every error is one Chinese sentence naming the field (its
 * path and meaning), the value read and what it should be; all errors are reported at once.
 */
export function parseRuleSet(json: unknown): ParseRuleSetResult {
  const issues: RuleSetIssue[] = [];
  const failed: string[] = [];
  const fail = (path: string, value: unknown, why: string) => {
    // A missing or wrong group already says what it should hold; its fields would only repeat it.
    if (failed.some((parent) => path.startsWith(`${parent}.`))) return;
    failed.push(path);
    const label = FIELD_LABEL[path] ?? FIELD_LABEL[path.replace(/\[\d+\].*$/, '')];
    const field = `规则表字段 ${path}${label ? `（${label}）` : ' '}`;
    issues.push({ path, message: value === undefined ? `${field}缺失，${why}` : `${field}的值 ${shown(value)} ${why}` });
  };
  let input = json;
  if (typeof json === 'string') {
    try {
      input = JSON.parse(json);
    } catch {
      return refused([{ path: '', message: '规则表不是有效的 JSON' }]);
    }
  }
  if (!isObject(input)) return refused([{ path: '', message: `规则表应为对象，读到 ${shown(input)}` }]);
  for (const key of Object.keys(input))
    if (!(TOP_KEYS as readonly string[]).includes(key)) fail(key, input[key], '无法识别：规则表没有这个字段（请检查拼写）');

  const text = (path: string, value: unknown): string | undefined => {
    if (typeof value === 'string') return value;
    fail(path, value, '应为文本');
    return undefined;
  };
  const integer = (path: string, value: unknown, low: number, high: number): number | undefined => {
    if (typeof value === 'number' && Number.isInteger(value) && value >= low && value <= high) return value;
    fail(path, value, `应为 ${low} 到 ${high} 之间的整数`);
    return undefined;
  };
  /** A share in (0, high]: 0 would switch a band off silently, so it is refused. */
  const share = (path: string, value: unknown, high: Fraction = ONE): Fraction | undefined => {
    const parsed = typeof value === 'string' ? decimalShare(value) : undefined;
    if (parsed && compareFraction(parsed, ZERO) > 0 && compareFraction(parsed, high) <= 0) return parsed;
    fail(path, value, `应为大于 0、不超过 ${high.num / high.den} 的小数文本（如 "0.6" 表示 60%）`);
    return undefined;
  };
  const group = (name: string, keys: readonly string[]): Json => {
    const value = input[name];
    if (!isObject(value)) {
      fail(name, value, `应为对象，含 ${keys.join('、')}`);
      return {};
    }
    for (const key of Object.keys(value)) if (!keys.includes(key)) fail(`${name}.${key}`, value[key], '无法识别：没有这个字段');
    return value;
  };
  const ascending = (paths: readonly string[], values: readonly (Fraction | undefined)[], raw: readonly unknown[]) => {
    for (let index = 1; index < values.length; index += 1) {
      const [low, high] = [values[index - 1], values[index]];
      if (low && high && compareFraction(low, high) >= 0)
        fail(paths[index] ?? '', raw[index], `应大于 ${paths[index - 1]} 的值 ${shown(raw[index - 1])}`);
    }
  };

  const region = text('region', input.region);
  const year = input.year === 0 ? 0 : integer('year', input.year, 2000, 2100);
  const version = integer('version', input.version, 0, 1_000_000);
  const preset = input.preset;
  if (preset !== 'ratio' && preset !== 'milestones')
    fail('preset', preset, '应为 "ratio"（执行率与序时进度之比）或 "milestones"（固定进度节点）');

  const budget = group('budgetBands', ['red', 'green']);
  const budgetRaw = [budget.red, budget.green];
  ascending(
    ['budgetBands.red', 'budgetBands.green'],
    [share('budgetBands.red', budget.red), share('budgetBands.green', budget.green)],
    budgetRaw,
  );

  const bands = group('indicatorBands', ['red', 'green', 'blue']);
  const ten: Fraction = { num: 10n, den: 1n };
  ascending(
    ['indicatorBands.red', 'indicatorBands.green', 'indicatorBands.blue'],
    [
      share('indicatorBands.red', bands.red),
      share('indicatorBands.green', bands.green, ten),
      share('indicatorBands.blue', bands.blue, ten),
    ],
    [bands.red, bands.green, bands.blue],
  );

  const milestones = Array.isArray(input.milestones) ? input.milestones : undefined;
  if (!milestones) fail('milestones', input.milestones, '应为列表，每项含 month（1–12）和 share');
  let previous: { month: number; share: Fraction; raw: unknown } | undefined;
  for (const [index, entry] of (milestones ?? []).entries()) {
    const path = `milestones[${index}]`;
    if (!isObject(entry)) {
      fail(path, entry, '应为对象，含 month 和 share');
      continue;
    }
    for (const key of Object.keys(entry))
      if (key !== 'month' && key !== 'share') fail(`${path}.${key}`, entry[key], '无法识别：没有这个字段');
    const month = integer(`${path}.month`, entry.month, 1, 12);
    const value = share(`${path}.share`, entry.share);
    if (month !== undefined && previous && month <= previous.month)
      fail(`${path}.month`, entry.month, `应晚于上一节点的 ${previous.month} 月`);
    if (value && previous && compareFraction(value, previous.share) <= 0)
      fail(`${path}.share`, entry.share, `应大于上一节点的 ${shown(previous.raw)}`);
    if (month !== undefined && value) previous = { month, share: value, raw: entry.share };
  }
  if (preset === 'milestones' && milestones?.length === 0) fail('milestones', input.milestones, '在固定进度节点方案下至少需要一个节点');
  share('milestoneMargin', input.milestoneMargin);
  if (typeof input.reverseProRata !== 'boolean') fail('reverseProRata', input.reverseProRata, '应为 true 或 false');
  const gaps = group('gaps', ['goalVsSpending']);
  share('gaps.goalVsSpending', gaps.goalVsSpending);
  const rush = group('rush', ['decemberShare', 'fromMonth']);
  share('rush.decemberShare', rush.decemberShare);
  integer('rush.fromMonth', rush.fromMonth, 1, 12);

  if (issues.length > 0 || region === undefined || year === undefined || version === undefined) return refused(issues);
  const valid = input as unknown as MonitoringRuleSet;
  return {
    ok: true,
    value: {
      region,
      year,
      version,
      preset: valid.preset,
      budgetBands: { red: valid.budgetBands.red, green: valid.budgetBands.green },
      indicatorBands: { red: valid.indicatorBands.red, green: valid.indicatorBands.green, blue: valid.indicatorBands.blue },
      milestones: valid.milestones.map(({ month, share: value }) => ({ month, share: value })),
      milestoneMargin: valid.milestoneMargin,
      reverseProRata: valid.reverseProRata,
      gaps: { goalVsSpending: valid.gaps.goalVsSpending },
      rush: { decemberShare: valid.rush.decemberShare, fromMonth: valid.rush.fromMonth },
    },
  };
}
