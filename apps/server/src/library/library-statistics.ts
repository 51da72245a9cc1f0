import type { Distribution } from '@jixiao/contract';
import { formatDecimal, parseDecimal, targets } from '@jixiao/core';
import type { RankedValue } from './library.repository.ts';

export interface Distributions {
  statistics(entry: string, year: number, kind: 'target' | 'actual'): targets.PeerStatistics | undefined;
  get(entry: string, year: number, kind: 'target' | 'actual'): Distribution | undefined;
}

export function distributionOf(stats: targets.PeerStatistics | undefined): Distribution | undefined {
  if (!stats) return undefined;
  return {
    count: stats.count,
    min: formatDecimal(stats.min),
    q1: formatDecimal(stats.q1),
    median: formatDecimal(stats.median),
    q3: formatDecimal(stats.q3),
    max: formatDecimal(stats.max),
  };
}

/** The database's ranked rows as exact statistics per entry, year and kind (core's statisticsFromRanks). */
export function distributionsOf(rows: readonly RankedValue[]): Distributions {
  const groups = new Map<string, { count: number; values: Map<number, string> }>();
  for (const row of rows) {
    const key = `${row.entry}:${row.year}:${row.kind}`;
    const group = groups.get(key) ?? { count: row.count, values: new Map<number, string>() };
    group.values.set(row.rank, row.value);
    groups.set(key, group);
  }
  const statistics = (entry: string, year: number, kind: 'target' | 'actual') => {
    const group = groups.get(`${entry}:${year}:${kind}`);
    if (!group) return undefined;
    return targets.statisticsFromRanks(group.count, (rank) => {
      const text = group.values.get(rank);
      return text === undefined ? undefined : parseDecimal(text);
    });
  };
  return { statistics, get: (entry, year, kind) => distributionOf(statistics(entry, year, kind)) };
}
