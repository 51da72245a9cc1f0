import type { Fen } from '../numbers/money.ts';

/**
 * 抽查复核 sampling (docs/finance-bureau.md §抽查复核): which submitted or approved self-evaluations
 * the finance bureau re-reviews. Rules combine: every evaluation at or above a budget threshold, those
 * picked by hand, then a share drawn at random among the rest — over the whole population or the same
 * share within each stratum (department or amount band), at least one per non-empty stratum.
 *
 * The draw is reproducible: each candidate is ranked by a keyed hash of (seed, id) — a seeded
 * pseudo-random order that does not depend on the order the population is listed in — and the
 * lowest-ranked are drawn. The same seed on the same population gives the same sample.
 */

/** 20 % of the rest, at least 1: practice of district finance bureaus, not national text (configurable). */
export const DEFAULT_SHARE_BASIS_POINTS = 2000;
/** Amount bands for stratifying: below ¥1,000,000, ¥1,000,000 to ¥5,000,000, ¥5,000,000 and more (practice). */
export const DEFAULT_AMOUNT_BANDS_FEN: readonly Fen[] = [100_000_000, 500_000_000];

export type Stratify = 'none' | 'department' | 'amount';
export type SampleReason = 'threshold' | 'random' | 'manual';

export interface SampleCandidate {
  readonly id: string;
  readonly departmentId: string;
  readonly departmentName: string;
  /** The evaluation's budget (调整后预算数), integer fen. */
  readonly budgetFen: Fen;
}

export interface SampleRule {
  /** Every candidate whose budget ≥ this amount (fen) is sampled; null: no threshold. */
  readonly thresholdFen: Fen | null;
  /** A share drawn at random among the rest; null: no random draw. */
  readonly random: {
    /** 1 … 10,000 (2000 = 20 %). */
    readonly shareBasisPoints: number;
    readonly stratify: Stratify;
    /** Ascending band limits in fen, for `stratify: 'amount'`. */
    readonly bandsFen: readonly Fen[];
  } | null;
  /** Picked by hand (added to the sample whatever the other rules say). */
  readonly include: readonly string[];
  /** Removed by hand (never drawn, even when a rule would take them). */
  readonly exclude: readonly string[];
}

export interface SamplePick {
  readonly id: string;
  readonly reason: SampleReason;
  /** The stratum a random pick was drawn in (department name or band label); null otherwise. */
  readonly stratum: string | null;
}

export interface StratumDraw {
  readonly key: string;
  readonly label: string;
  /** Candidates left for the random draw in this stratum. */
  readonly pool: number;
  readonly drawn: number;
}

export interface SampleResult {
  readonly picks: readonly SamplePick[];
  readonly strata: readonly StratumDraw[];
  readonly population: number;
}

export type RuleProblem = { readonly field: string; readonly message: string };

/** What is wrong with a rule, in Chinese, naming the field; empty when it can be drawn. */
export function checkRule(rule: SampleRule): RuleProblem[] {
  const problems: RuleProblem[] = [];
  if (rule.thresholdFen !== null && (!Number.isSafeInteger(rule.thresholdFen) || rule.thresholdFen <= 0))
    problems.push({ field: 'thresholdFen', message: `金额标准 ${rule.thresholdFen} 分须为正整数` });
  if (rule.random) {
    const { shareBasisPoints, bandsFen } = rule.random;
    if (!Number.isInteger(shareBasisPoints) || shareBasisPoints < 1 || shareBasisPoints > 10_000)
      problems.push({ field: 'random.shareBasisPoints', message: `抽取比例 ${shareBasisPoints} 须在 0.01% 至 100% 之间` });
    if (rule.random.stratify === 'amount') {
      if (bandsFen.length === 0) problems.push({ field: 'random.bandsFen', message: '按金额分层须至少给出一个分档金额' });
      bandsFen.forEach((limit, index) => {
        if (!Number.isSafeInteger(limit) || limit <= 0 || (index > 0 && limit <= (bandsFen[index - 1] ?? 0)))
          problems.push({ field: `random.bandsFen[${index}]`, message: `分档金额 ${limit} 分须为正整数且逐档递增` });
      });
    }
  }
  if (rule.thresholdFen === null && !rule.random && rule.include.length === 0)
    problems.push({ field: 'rule', message: '请至少选择一种抽取方式：金额标准、随机抽取或手工选取' });
  return problems;
}

/** How many of a stratum of `pool` to draw: ⌈pool × share⌉, at least 1 when the stratum is not empty. */
export function drawCount(pool: number, shareBasisPoints: number): number {
  if (pool <= 0) return 0;
  const count = Math.ceil((pool * shareBasisPoints) / 10_000);
  return Math.min(pool, Math.max(1, count));
}

const yuanWan = (fen: Fen): string => `${fen / 1_000_000}万元`;

/** The amount band of a budget: its index and label ("100万元以下", "100万元至500万元", "500万元及以上"). */
export function amountBand(budgetFen: Fen, bandsFen: readonly Fen[]): { key: string; label: string } {
  const index = bandsFen.findIndex((limit) => budgetFen < limit);
  const band = index === -1 ? bandsFen.length : index;
  const lower = bandsFen[band - 1];
  const upper = bandsFen[band];
  const label =
    lower === undefined && upper !== undefined
      ? `${yuanWan(upper)}以下`
      : upper === undefined && lower !== undefined
        ? `${yuanWan(lower)}及以上`
        : `${yuanWan(lower ?? 0)}至${yuanWan(upper ?? 0)}`;
  return { key: `band-${String(band).padStart(2, '0')}`, label };
}

/** FNV-1a over UTF-16 code units, then a 32-bit avalanche (murmur3 finaliser): the seeded rank. */
export function seededRank(seed: string, id: string): number {
  let hash = 0x811c9dc5;
  const text = `${seed}\u0000${id}`;
  for (let index = 0; index < text.length; index += 1) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b);
  hash ^= hash >>> 13;
  hash = Math.imul(hash, 0xc2b2ae35);
  hash ^= hash >>> 16;
  return hash >>> 0;
}

function stratumOf(candidate: SampleCandidate, rule: NonNullable<SampleRule['random']>): { key: string; label: string } {
  if (rule.stratify === 'department') return { key: `dept-${candidate.departmentId}`, label: candidate.departmentName };
  if (rule.stratify === 'amount') return amountBand(candidate.budgetFen, rule.bandsFen);
  return { key: 'all', label: '全部' };
}

/** Draws the sample. Pure: same rule, seed and population (in any order) → same picks. */
export function drawSample(population: readonly SampleCandidate[], rule: SampleRule, seed: string): SampleResult {
  const byId = new Map(population.map((candidate) => [candidate.id, candidate]));
  const ordered = [...byId.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const excluded = new Set(rule.exclude);
  const picks: SamplePick[] = [];
  const taken = new Set<string>();
  const take = (id: string, reason: SampleReason, stratum: string | null) => {
    if (taken.has(id) || excluded.has(id) || !byId.has(id)) return;
    taken.add(id);
    picks.push({ id, reason, stratum });
  };
  if (rule.thresholdFen !== null) {
    const threshold = rule.thresholdFen;
    for (const candidate of ordered) if (candidate.budgetFen >= threshold) take(candidate.id, 'threshold', null);
  }
  for (const id of rule.include) take(id, 'manual', null);
  const strata: StratumDraw[] = [];
  const random = rule.random;
  if (random) {
    const pools = new Map<string, { label: string; members: SampleCandidate[] }>();
    for (const candidate of ordered) {
      if (taken.has(candidate.id) || excluded.has(candidate.id)) continue;
      const { key, label } = stratumOf(candidate, random);
      const pool = pools.get(key) ?? { label, members: [] };
      pool.members.push(candidate);
      pools.set(key, pool);
    }
    for (const key of [...pools.keys()].sort()) {
      const pool = pools.get(key);
      if (!pool) continue;
      const count = drawCount(pool.members.length, random.shareBasisPoints);
      const ranked = pool.members
        .map((candidate) => ({ candidate, rank: seededRank(seed, candidate.id) }))
        .sort((a, b) => a.rank - b.rank || (a.candidate.id < b.candidate.id ? -1 : 1));
      for (const { candidate } of ranked.slice(0, count)) take(candidate.id, 'random', random.stratify === 'none' ? null : pool.label);
      strata.push({ key, label: pool.label, pool: pool.members.length, drawn: count });
    }
  }
  return { picks, strata, population: byId.size };
}

/** A fresh seed for a new round, from a source of randomness given by the caller (core has no IO). */
export function seedFrom(bytes: Uint8Array): string {
  return [...bytes].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}
