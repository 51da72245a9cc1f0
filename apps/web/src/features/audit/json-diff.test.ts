import { describe, expect, it } from 'vitest';
import { diffJson } from './json-diff.ts';

describe('diffJson', () => {
  it('lists changed, added and removed leaves in reading order', () => {
    expect(
      diffJson(
        { status: 'draft', narrative: { problems: ['a', 'b'] }, version: 1, items: Array.from({ length: 11 }, () => 0) },
        {
          status: 'submitted',
          narrative: { problems: ['a'] },
          version: 1,
          comment: '请补充',
          items: [...Array.from({ length: 10 }, () => 0), 1],
        },
      ),
    ).toEqual([
      { path: 'comment', kind: 'added', after: '"请补充"' },
      { path: 'items[10]', kind: 'changed', before: '0', after: '1' },
      { path: 'narrative.problems[1]', kind: 'removed', before: '"b"' },
      { path: 'status', kind: 'changed', before: '"draft"', after: '"submitted"' },
    ]);
  });

  it('shows a created record as all added and a value replaced by null as changed', () => {
    expect(diffJson(null, { a: 1 })).toEqual([{ path: 'a', kind: 'added', after: '1' }]);
    expect(diffJson({ a: 1 }, undefined)).toEqual([{ path: 'a', kind: 'removed', before: '1' }]);
    expect(diffJson('draft', 'submitted')).toEqual([{ path: '(值)', kind: 'changed', before: '"draft"', after: '"submitted"' }]);
    expect(diffJson({ reason: 'x' }, { reason: null })).toEqual([{ path: 'reason', kind: 'changed', before: '"x"', after: 'null' }]);
  });

  it('finds no difference between equal records', () => {
    expect(diffJson({ a: [1, { b: 2 }] }, { a: [1, { b: 2 }] })).toEqual([]);
  });
});
