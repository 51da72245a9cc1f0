import { describe, expect, it } from 'vitest';
import type { LibraryRow } from '../../api/library-queries.ts';
import { distributionText, historySeries, lineFromEntry, suggestionFor } from './library-view.ts';

const ENTRY: LibraryRow = {
  id: '6f1c2f7e-6d0a-4c55-9a55-1f6d2d8e0a01',
  code: 'PX-02',
  category: '培训',
  industry: '通用',
  level1: 'output',
  level2: 'quantity',
  name: '培训人次',
  direction: '>=',
  unit: '人次',
  targetHint: '按年度计划',
  description: '实际参训人次（以签到表为准）',
  formula: null,
  dataSource: '项目台账、验收资料',
  evidence: '验收单、台账、签到表等',
  source: null,
  status: 'active',
  updatedAt: '2026-12-02T00:00:00.000Z',
  updatedBy: null,
  version: 1,
  usedBy: null,
  permissions: { edit: false },
};

const suggestion = (indicatorId: string | null, libraryEntryId: string, target: string) => ({
  indicatorId,
  libraryEntryId,
  year: 2025,
  lastYearTarget: null,
  lastYearActual: null,
  peerTargets: null,
  peerActuals: null,
  target,
  bound: 'atLeast' as const,
  inputs: [],
  explanation: '',
  explanationEn: '',
});

describe('library view', () => {
  it('shows a distribution as its five figures, or a dash', () => {
    expect(distributionText({ count: 5, min: '50', q1: '100', median: '150', q3: '200', max: '250' })).toBe('50 / 100 / 150 / 200 / 250');
    expect(distributionText(null)).toBe('—');
  });

  it('stacks the quartile band under the medians, year by year', () => {
    const series = historySeries({
      years: [
        { year: 2024, projects: 2, targets: { count: 2, min: '1', q1: '2', median: '3', q3: '4.5', max: '5' }, actuals: null },
        { year: 2025, projects: 0, targets: null, actuals: null },
      ],
    });
    expect(series).toEqual({
      years: ['2024', '2025'],
      targetMedian: ['3', null],
      actualMedian: [null, null],
      bandBase: [2, null],
      bandHeight: [2.5, null],
    });
  });

  it('fills a line from the entry, the target left to the preparer', () => {
    expect(lineFromEntry(ENTRY)).toEqual({
      level1: 'output',
      level2: 'quantity',
      name: '培训人次',
      nature: 'quantitative',
      direction: '>=',
      unit: '人次',
      dataSource: '项目台账、验收资料',
      evidence: '验收单、台账、签到表等',
      method: null,
      core: false,
      libraryEntryId: ENTRY.id,
    });
  });

  it('finds the suggestion by the saved line, else by the entry picked', () => {
    const items = [suggestion('a', 'x', '1'), suggestion('b', 'x', '2'), suggestion(null, 'y', '3')];
    expect(suggestionFor(items, { id: 'b', libraryEntryId: 'x' })?.target).toBe('2');
    expect(suggestionFor(items, { libraryEntryId: 'y' })?.target).toBe('3');
    expect(suggestionFor(items, { id: 'c' })).toBeUndefined();
  });
});
