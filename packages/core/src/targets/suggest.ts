import type { Direction } from '../model.ts';
import { alignScale, compareDecimal, type Decimal, formatDecimal, pow10 } from '../numbers/decimal.ts';

/**
 * Target suggestions from history (docs/targets.md "目标值建议"): last year's target and actual for this
 * unit and the peers' values for the same library entry. Pure and exact: every statistic is a decimal.
 */
export interface PeerStatistics {
  readonly count: number;
  readonly min: Decimal;
  readonly q1: Decimal;
  readonly median: Decimal;
  readonly q3: Decimal;
  readonly max: Decimal;
}

/** Drops trailing zeros of the fraction so that 150.00 and 150 are the same value with the same text. */
export function normaliseDecimal(value: Decimal): Decimal {
  let { units, scale } = value;
  while (scale > 0 && units % 10n === 0n) {
    units /= 10n;
    scale -= 1;
  }
  return { units, scale };
}

function sortDecimals(values: readonly Decimal[]): Decimal[] {
  return [...values].sort(compareDecimal);
}

/**
 * The quarter-point quantile of sorted values by linear interpolation between closest ranks, the
 * method of Excel's QUARTILE.INC (and R type 7): position h = (n − 1) × k / 4, value = x⌊h⌋ +
 * (h − ⌊h⌋)(x⌊h⌋+1 − x⌊h⌋). The fractional part is a multiple of ¼, so the result is an exact decimal
 * with at most two more places than the inputs. `at` answers the value at a 0-based rank.
 */
function quarterQuantile(count: number, at: (rank: number) => Decimal | undefined, quarters: 1 | 2 | 3): Decimal {
  const h4 = (count - 1) * quarters;
  const index = Math.floor(h4 / 4);
  const remainder = BigInt(h4 % 4);
  const low = at(index);
  if (low === undefined) throw new RangeError(`quantile: no value at rank ${index}`);
  const high = remainder === 0n ? low : (at(index + 1) ?? low);
  const [a, b] = alignScale(low, high);
  // (4a + r(b − a)) / 4 = 25 (4a + r(b − a)) / 100
  const units = 25n * (4n * a.units + remainder * (b.units - a.units));
  return normaliseDecimal({ units, scale: a.scale + 2 });
}

/**
 * The 0-based ranks of `count` sorted values that the count, quartiles and extremes read: at most
 * eight, so a database can send just those rows instead of every peer's value.
 */
export function statisticRanks(count: number): number[] {
  if (count <= 0) return [];
  const ranks = new Set([0, count - 1]);
  for (const quarters of [1, 2, 3]) {
    const h4 = (count - 1) * quarters;
    ranks.add(Math.floor(h4 / 4));
    if (h4 % 4 !== 0) ranks.add(Math.floor(h4 / 4) + 1);
  }
  return [...ranks].sort((a, b) => a - b);
}

/** The statistics of `count` sorted values from the values at `statisticRanks(count)` alone. */
export function statisticsFromRanks(count: number, at: (rank: number) => Decimal | undefined): PeerStatistics | undefined {
  if (count <= 0) return undefined;
  const value = (rank: number) => {
    const found = at(rank);
    if (found === undefined) throw new RangeError(`statistics: no value at rank ${rank}`);
    return normaliseDecimal(found);
  };
  return {
    count,
    min: value(0),
    q1: quarterQuantile(count, at, 1),
    median: quarterQuantile(count, at, 2),
    q3: quarterQuantile(count, at, 3),
    max: value(count - 1),
  };
}

/** Count, quartiles (QUARTILE.INC) and extremes of the values, or undefined when there are none. */
export function peerStatistics(values: readonly Decimal[]): PeerStatistics | undefined {
  const sorted = sortDecimals(values);
  return statisticsFromRanks(sorted.length, (rank) => sorted[rank]);
}

/** x × factor for a factor given as decimal text ("2", "1.5"), exact. */
export function scaleDecimal(value: Decimal, factor: Decimal): Decimal {
  return normaliseDecimal({ units: value.units * factor.units, scale: value.scale + factor.scale });
}

/** x ÷ factor rounded toward zero at `extraScale` more places than x: only used for a bound, never shown as a result. */
export function divideDecimal(value: Decimal, factor: Decimal, extraScale = 4): Decimal {
  const scale = value.scale + extraScale;
  const units = (value.units * pow10(extraScale + factor.scale)) / factor.units;
  return normaliseDecimal({ units, scale });
}

/** What a suggestion may be built from. */
export type SuggestionSource = 'lastYearActual' | 'lastYearTarget' | 'peerTargetMedian' | 'peerActualMedian';

export interface SuggestionRule {
  /** The inputs the suggestion must not fall short of (≥) or exceed (≤); those that are missing are skipped. */
  readonly sources: readonly SuggestionSource[];
  /** Peer medians are used only with at least this many peers: a median of two projects is an anecdote. */
  readonly minPeers: number;
}

/** Default: no lower than last year's actual and the peers' median target (for ≤: no higher than either). */
export const DEFAULT_SUGGESTION_RULE: SuggestionRule = {
  sources: ['lastYearActual', 'peerTargetMedian'],
  minPeers: 5,
};

const SOURCES: readonly SuggestionSource[] = ['lastYearActual', 'lastYearTarget', 'peerTargetMedian', 'peerActualMedian'];

/**
 * The rule in force: the default with a deployment's overrides (`targetSuggestion` in the control
 * settings). Throws a RangeError naming the field and the value when an override is not a rule.
 */
export function suggestionRuleWith(overrides: unknown): SuggestionRule {
  if (overrides === undefined || overrides === null) return DEFAULT_SUGGESTION_RULE;
  if (typeof overrides !== 'object' || Array.isArray(overrides)) throw new RangeError(`应为对象，读到 ${JSON.stringify(overrides)}`);
  const given = overrides as { sources?: unknown; minPeers?: unknown };
  let { sources, minPeers } = DEFAULT_SUGGESTION_RULE;
  if (given.sources !== undefined) {
    const list = given.sources;
    if (!Array.isArray(list) || list.length === 0) throw new RangeError(`sources 应为非空列表，读到 ${JSON.stringify(list)}`);
    for (const item of list) {
      if (!SOURCES.includes(item as SuggestionSource))
        throw new RangeError(`sources 中的“${String(item)}”不是可用的依据（可用：${SOURCES.join('、')}）`);
    }
    sources = [...new Set(list as SuggestionSource[])];
  }
  if (given.minPeers !== undefined) {
    const value = given.minPeers;
    if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > 1000)
      throw new RangeError(`minPeers 应为 1 至 1000 的整数，读到 ${JSON.stringify(value)}`);
    minPeers = value;
  }
  return { sources, minPeers };
}

export interface SuggestionInput {
  readonly direction: Direction;
  readonly unit?: string | undefined;
  readonly lastYearTarget?: Decimal | undefined;
  readonly lastYearActual?: Decimal | undefined;
  /** Peers' declared targets for the same library entry (this project excluded). */
  readonly peerTargets: readonly Decimal[];
  /** Peers' actuals for the same library entry (this project excluded). */
  readonly peerActuals?: readonly Decimal[] | undefined;
  /** The peers' statistics when computed elsewhere (in SQL, from the ranks alone): used instead of the lists. */
  readonly peerTargetStatistics?: PeerStatistics | undefined;
  readonly peerActualStatistics?: PeerStatistics | undefined;
}

export interface Suggestion {
  /** Undefined when the direction has no "better" side or no input is available. */
  readonly target?: Decimal | undefined;
  /** "≥" bounds from below, "≤" from above. */
  readonly bound?: 'atLeast' | 'atMost' | undefined;
  readonly peerTargets?: PeerStatistics | undefined;
  readonly peerActuals?: PeerStatistics | undefined;
  /** The inputs used, in the rule's order, with their values. */
  readonly inputs: readonly { readonly source: SuggestionSource; readonly value: Decimal }[];
  readonly explanation: string;
  readonly explanationEn: string;
}

const SOURCE_LABEL: Readonly<Record<SuggestionSource, { zh: string; en: string }>> = {
  lastYearActual: { zh: '上年实际值', en: "last year's actual" },
  lastYearTarget: { zh: '上年目标值', en: "last year's target" },
  peerTargetMedian: { zh: '目标值中位数', en: 'median target' },
  peerActualMedian: { zh: '实际值中位数', en: 'median actual' },
};

function boundOf(direction: Direction): 'atLeast' | 'atMost' | undefined {
  if (direction === '>=' || direction === '>') return 'atLeast';
  if (direction === '<=' || direction === '<') return 'atMost';
  return undefined;
}

function inputLabel(source: SuggestionSource, stats: Suggestion, lang: 'zh' | 'en'): string {
  const label = SOURCE_LABEL[source][lang];
  const peers = source === 'peerTargetMedian' ? stats.peerTargets : source === 'peerActualMedian' ? stats.peerActuals : undefined;
  if (!peers) return label;
  return lang === 'zh' ? `同类 ${peers.count} 个项目${label}` : `the ${label} of ${peers.count} peer projects`;
}

/** Suggests a target for one indicator by `rule`, with a sentence naming the inputs it used. */
export function suggestTarget(input: SuggestionInput, rule: SuggestionRule = DEFAULT_SUGGESTION_RULE): Suggestion {
  const peerTargets = input.peerTargetStatistics ?? peerStatistics(input.peerTargets);
  const peerActuals = input.peerActualStatistics ?? peerStatistics(input.peerActuals ?? []);
  const usable = (stats: PeerStatistics | undefined) => (stats && stats.count >= rule.minPeers ? stats.median : undefined);
  const values: Record<SuggestionSource, Decimal | undefined> = {
    lastYearActual: input.lastYearActual,
    lastYearTarget: input.lastYearTarget,
    peerTargetMedian: usable(peerTargets),
    peerActualMedian: usable(peerActuals),
  };
  const inputs = rule.sources.flatMap((source) => {
    const value = values[source];
    return value ? [{ source, value: normaliseDecimal(value) }] : [];
  });
  const base = { peerTargets, peerActuals, inputs };
  const unit = input.unit ?? '';
  const bound = boundOf(input.direction);
  if (!bound) {
    return {
      ...base,
      explanation: '该指标方向为等于或定性，不按历史数据建议目标值',
      explanationEn: 'The indicator is "=" or qualitative: no target is suggested from history',
    };
  }
  if (inputs.length === 0) {
    return {
      ...base,
      bound,
      explanation: `无上年实际值，且同类项目不足 ${rule.minPeers} 个，暂无建议`,
      explanationEn: `No last year's actual and fewer than ${rule.minPeers} peer projects: no suggestion`,
    };
  }
  const pick = bound === 'atLeast' ? 1 : -1;
  const target = inputs.reduce(
    (best, item) => (compareDecimal(item.value, best) === pick ? item.value : best),
    inputs[0]?.value as Decimal,
  );
  const suggestion: Suggestion = { ...base, bound, target, explanation: '', explanationEn: '' };
  const said = (lang: 'zh' | 'en') =>
    inputs.map((item) => `${inputLabel(item.source, suggestion, lang)} ${formatDecimal(item.value)}${unit ? ` ${unit}` : ''}`);
  const shown = `${formatDecimal(target)}${unit ? ` ${unit}` : ''}`;
  return {
    ...suggestion,
    explanation: `${said('zh').join('、')}，建议${bound === 'atLeast' ? '不低于' : '不高于'} ${shown}`,
    explanationEn: `${capitalise(said('en').join(', '))}: suggest ${bound === 'atLeast' ? 'no lower than' : 'no higher than'} ${shown}`,
  };
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
