import { LEVEL1, LEVEL2_OF } from '@jixiao/contract';
import type { Indicator, Level1, Level2 } from '../../../api/types.ts';
import { sumPoints } from '../../../lib/points.ts';

/** A row of the indicator tree table: 一级 → 二级 → 三级 (the indicators themselves). */
export type IndicatorTreeRow =
  | {
      readonly kind: 'level1';
      readonly key: string;
      readonly level1: Level1;
      readonly weight: string;
      readonly count: number;
      readonly children: IndicatorTreeRow[];
    }
  | {
      readonly kind: 'level2';
      readonly key: string;
      readonly level2: Level2;
      readonly weight: string;
      readonly count: number;
      readonly children: IndicatorTreeRow[];
    }
  | { readonly kind: 'indicator'; readonly key: string; readonly indicator: Indicator };

/**
 * Groups indicators as the report does: levels in their fixed order, indicators by position.
 * Group keys start with "group:" (no test id, never an indicator code); an indicator's key is its code.
 * Weights are summed exactly per group, so the table shows whether a level adds up; `weightOf` gives
 * an indicator's effective weight (the scorer shares a level's weight among indicators without one).
 */
export function buildIndicatorTree(
  indicators: readonly Indicator[],
  weightOf: (indicator: Indicator) => string | null = (indicator) => indicator.weight,
): IndicatorTreeRow[] {
  const sorted = [...indicators].sort((a, b) => a.position - b.position);
  const levelled = LEVEL1.flatMap((level1): IndicatorTreeRow[] => {
    const inLevel = sorted.filter((indicator) => indicator.level1 === level1);
    if (inLevel.length === 0) return [];
    // Level-2 values outside the level's usual list still get a group, after the usual ones.
    const level2s = [...new Set([...LEVEL2_OF[level1], ...inLevel.flatMap((indicator) => (indicator.level2 ? [indicator.level2] : []))])];
    const children = level2s.flatMap((level2): IndicatorTreeRow[] => {
      const rows = inLevel.filter((indicator) => indicator.level2 === level2);
      if (rows.length === 0) return [];
      return [
        {
          kind: 'level2',
          key: `group:${level1}:${level2}`,
          level2,
          weight: sumPoints(rows.map(weightOf)),
          count: rows.length,
          children: rows.map((indicator) => ({ kind: 'indicator', key: indicator.code, indicator })),
        },
      ];
    });
    return [{ kind: 'level1', key: `group:${level1}`, level1, weight: sumPoints(inLevel.map(weightOf)), count: inLevel.length, children }];
  });
  // A flat form's indicators carry no level: they follow the levels, one row each, as the form lists them.
  const flat = sorted
    .filter((indicator) => indicator.level1 === null)
    .map((indicator): IndicatorTreeRow => ({ kind: 'indicator', key: indicator.code, indicator }));
  return [...levelled, ...flat];
}

/** Keys of every group row, to keep the whole tree expanded by default. */
export function groupKeys(rows: readonly IndicatorTreeRow[]): string[] {
  return rows.flatMap((row) => (row.kind === 'indicator' ? [] : [row.key, ...groupKeys(row.children)]));
}

/** Indicator codes in the order the tree shows them, so other tables (the score table) list them alike. */
export function treeOrder(indicators: readonly Indicator[]): string[] {
  const codes: string[] = [];
  const walk = (rows: readonly IndicatorTreeRow[]) => {
    for (const row of rows) {
      if (row.kind === 'indicator') codes.push(row.indicator.code);
      else walk(row.children);
    }
  };
  walk(buildIndicatorTree(indicators));
  return codes;
}
