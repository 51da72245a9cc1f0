import { parseDecimal } from '../numbers/decimal.ts';
import { formatPoints, type Points } from '../numbers/points.ts';

/**
 * Re-scoring a sampled evaluation (复核评分): each scored item (indicator, 预算执行率, 管理效率 item)
 * gets a re-score between 0 and its weight, two decimals at most, with a reason wherever it differs
 * from the self-score. Points are integer hundredths (numbers/points.ts).
 */
export interface RescoreItem {
  readonly id: string;
  readonly name: string;
  readonly weight: Points;
  readonly selfScore: Points;
}

export interface RescoreEntry {
  readonly itemId: string;
  readonly score: string;
  readonly reason?: string | null | undefined;
}

export interface RescoreProblem {
  readonly index: number;
  readonly field: 'itemId' | 'score' | 'reason';
  readonly message: string;
}

/** Parses "4.5" / "4.50" into 450 hundredths; undefined for anything but a non-negative number of ≤ 2 decimals. */
export function parseScore(text: string): Points | undefined {
  const value = parseDecimal(text);
  if (!value || value.units < 0n || value.scale > 2) return undefined;
  return Number(value.units * 10n ** BigInt(2 - value.scale));
}

/** Checks re-scores against the items; every problem names the item. */
export function checkRescores(
  items: readonly RescoreItem[],
  entries: readonly RescoreEntry[],
): { problems: RescoreProblem[]; scores: Map<string, Points> } {
  const byId = new Map(items.map((item) => [item.id, item]));
  const problems: RescoreProblem[] = [];
  const scores = new Map<string, Points>();
  entries.forEach((entry, index) => {
    const item = byId.get(entry.itemId);
    if (!item) {
      problems.push({ index, field: 'itemId', message: `评分项“${entry.itemId}”不是该自评的评分项` });
      return;
    }
    if (scores.has(item.id)) {
      problems.push({ index, field: 'itemId', message: `评分项“${item.name}”重复复核` });
      return;
    }
    const score = parseScore(entry.score);
    if (score === undefined) {
      problems.push({ index, field: 'score', message: `“${item.name}”的复核分“${entry.score}”须为不小于 0 的数，最多两位小数` });
      return;
    }
    if (score > item.weight) {
      problems.push({
        index,
        field: 'score',
        message: `“${item.name}”的复核分 ${formatPoints(score)} 超过其分值 ${formatPoints(item.weight)}`,
      });
      return;
    }
    if (score !== item.selfScore && !entry.reason?.trim()) {
      problems.push({
        index,
        field: 'reason',
        message: `“${item.name}”的复核分 ${formatPoints(score)} 与自评分 ${formatPoints(item.selfScore)} 不同，须填写复核理由`,
      });
      return;
    }
    scores.set(item.id, score);
  });
  return { problems, scores };
}

/** 偏差 = 自评 − 复核, in hundredths. */
export const deviation = (selfTotal: Points, rereviewTotal: Points): Points => selfTotal - rereviewTotal;

/** The average of deviations, rounded half away from zero to 0.01 (hundredths); null for none. */
export function averageDeviation(deviations: readonly Points[]): Points | null {
  if (deviations.length === 0) return null;
  const total = deviations.reduce((sum, value) => sum + BigInt(value), 0n);
  const count = BigInt(deviations.length);
  const negative = total < 0n;
  const magnitude = negative ? -total : total;
  const rounded = (2n * magnitude + count) / (2n * count);
  return Number(negative ? -rounded : rounded);
}
