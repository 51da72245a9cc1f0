import type { AssessmentItem } from '@jixiao/contract';
import { describe, expect, it } from 'vitest';
import { byCategory, initialEdits, isDirty, scoreProblem, toEntries } from './assessment.ts';

const item = (code: string, category: string, points: string, extra: Partial<AssessmentItem> = {}): AssessmentItem => ({
  code,
  level: code.startsWith('U') ? 'unit' : 'business',
  category,
  name: code,
  points,
  prefill: { kind: 'manual' },
  score: null,
  notApplicable: false,
  note: null,
  ...extra,
});

const items = [
  item('U1', '建设启动', '4.00'),
  item('U2', '建设启动', '4.00'),
  item('U5', '权力运行制约', '8.00', { prefill: { kind: 'score', score: '8.00', basis: '系统分级授权' }, score: '8.00' }),
  item('B5', '建设项目管理', '8.00', { prefill: { kind: 'not-applicable', basis: '本年度无建设项目' }, notApplicable: true }),
];

describe('toEntries', () => {
  it('sends nothing over the pre-fill when nothing is changed', () => {
    expect(toEntries(items, initialEdits(items))).toEqual([
      { code: 'U1', score: null },
      { code: 'U2', score: null },
      { code: 'U5', score: null },
      { code: 'B5', score: null },
    ]);
  });

  it('sends the unit’s own scores, notes and 不适用 where they differ', () => {
    const edits = {
      ...initialEdits(items),
      U1: { score: '3.5', notApplicable: false, note: ' 已成立领导小组 ' },
      U5: { score: '8', notApplicable: false, note: '' },
      B5: { score: '', notApplicable: false, note: '' },
      U2: { score: '4', notApplicable: true, note: '' },
    };
    expect(toEntries(items, edits)).toEqual([
      { code: 'U1', score: '3.5', note: '已成立领导小组' },
      { code: 'U2', score: null, notApplicable: true },
      { code: 'U5', score: null },
      { code: 'B5', score: null, notApplicable: false },
    ]);
  });

  it('sends a score below the pre-fill', () => {
    const edits = { ...initialEdits(items), U5: { score: '6.00', notApplicable: false, note: '' } };
    expect(toEntries(items, edits)[2]).toEqual({ code: 'U5', score: '6.00' });
  });
});

describe('scoreProblem', () => {
  it('accepts blank and in-range scores, refuses the rest', () => {
    const [u1] = items;
    if (!u1) throw new Error('fixture');
    expect(scoreProblem(u1, { score: '', notApplicable: false, note: '' })).toBeNull();
    expect(scoreProblem(u1, { score: '4', notApplicable: false, note: '' })).toBeNull();
    expect(scoreProblem(u1, { score: '4.01', notApplicable: false, note: '' })).toBe('too-high');
    expect(scoreProblem(u1, { score: '3.555', notApplicable: false, note: '' })).toBe('format');
    expect(scoreProblem(u1, { score: 'x', notApplicable: true, note: '' })).toBeNull();
  });
});

describe('byCategory', () => {
  it('groups in order and totals the applicable items exactly', () => {
    const edits = { ...initialEdits(items), U1: { score: '3.5', notApplicable: false, note: '' } };
    const groups = byCategory(items, edits);
    expect(groups.map((group) => [group.category, group.score, group.points])).toEqual([
      ['建设启动', '3.50', '8.00'],
      ['权力运行制约', '8.00', '8.00'],
      ['建设项目管理', '0.00', '0.00'],
    ]);
  });

  it('knows unsaved changes', () => {
    expect(isDirty(items, initialEdits(items))).toBe(false);
    expect(isDirty(items, { ...initialEdits(items), U1: { score: '1', notApplicable: false, note: '' } })).toBe(true);
  });
});
