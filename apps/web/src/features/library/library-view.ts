import type { Distribution, IndicatorSuggestion, LibraryHistory, SaveLibraryEntry } from '@jixiao/contract';
import { DIRECTION, LEVEL2, LEVEL2_OF } from '@jixiao/contract';
import type { LibraryRow } from '../../api/library-queries.ts';
import { isOneOf } from '../../lib/one-of.ts';
import type { IndicatorLine } from '../declarations/declaration-form.ts';

/** "50 / 100 / 150 / 200 / 250", or a dash for no values. */
export function distributionText(distribution: Distribution | null): string {
  if (!distribution) return '—';
  return [distribution.min, distribution.q1, distribution.median, distribution.q3, distribution.max].join(' / ');
}

export interface HistorySeries {
  readonly years: string[];
  readonly targetMedian: (string | null)[];
  readonly actualMedian: (string | null)[];
  /** The band as a base (Q1) and a height (Q3 − Q1) to stack: display only, never a figure shown. */
  readonly bandBase: (number | null)[];
  readonly bandHeight: (number | null)[];
}

/** The chart's series, year by year: the medians as the API gave them, the quartile band for stacking. */
export function historySeries(history: Pick<LibraryHistory, 'years'>): HistorySeries {
  const years = history.years;
  return {
    years: years.map((year) => String(year.year)),
    targetMedian: years.map((year) => year.targets?.median ?? null),
    actualMedian: years.map((year) => year.actuals?.median ?? null),
    bandBase: years.map((year) => (year.targets ? Number(year.targets.q1) : null)),
    bandHeight: years.map((year) => (year.targets ? Number(year.targets.q3) - Number(year.targets.q1) : null)),
  };
}

/**
 * A library entry as a declared line: name, levels, unit, direction, data source and evidence filled;
 * the target stays the preparer's, with the suggestion beside it.
 */
export function lineFromEntry(entry: LibraryRow): IndicatorLine {
  const level2 = isOneOf(LEVEL2_OF[entry.level1], entry.level2) ? entry.level2 : (LEVEL2_OF[entry.level1][0] ?? 'quantity');
  const direction = isOneOf(DIRECTION, entry.direction) ? entry.direction : 'qualitative';
  return {
    level1: entry.level1,
    level2,
    name: entry.name,
    nature: direction === 'qualitative' ? 'qualitative' : 'quantitative',
    direction,
    unit: entry.unit,
    dataSource: entry.dataSource,
    evidence: entry.evidence,
    method: entry.formula,
    core: false,
    libraryEntryId: entry.id,
  };
}

/** The suggestion for a line: by its saved id, else by its library entry (picked, not saved yet). */
export function suggestionFor(
  items: readonly IndicatorSuggestion[],
  line: Pick<IndicatorLine, 'id' | 'libraryEntryId'>,
): IndicatorSuggestion | undefined {
  if (!line.libraryEntryId) return undefined;
  return (
    items.find((item) => line.id && item.indicatorId === line.id && item.libraryEntryId === line.libraryEntryId) ??
    items.find((item) => item.libraryEntryId === line.libraryEntryId)
  );
}

/** The entry's writable fields, as a maintainer saves them. */
export function saveBodyOf(entry: LibraryRow): SaveLibraryEntry {
  return {
    code: entry.code,
    category: entry.category,
    industry: entry.industry,
    level1: entry.level1,
    level2: isOneOf(LEVEL2, entry.level2) ? entry.level2 : 'quantity',
    name: entry.name,
    direction: entry.direction,
    unit: entry.unit,
    targetHint: entry.targetHint,
    description: entry.description,
    formula: entry.formula,
    dataSource: entry.dataSource,
    evidence: entry.evidence,
    source: entry.source,
    status: entry.status,
  };
}
