import { describe, expect, it } from 'vitest';
import { ancestry, holdsAny, postsOver, subtree } from './posts.ts';

const tree = [
  { id: 'bureau', parentId: null },
  { id: 'dept', parentId: 'bureau' },
  { id: 'unit', parentId: 'dept' },
  { id: 'other', parentId: 'bureau' },
];

describe('postsOver', () => {
  it('follows grants down the tree', () => {
    const grants = [
      { role: 'accountant' as const, organisationId: 'dept' },
      { role: 'finance-reviewer' as const, organisationId: 'bureau' },
      { role: 'cashier' as const, organisationId: 'other' },
    ];
    expect(postsOver(grants, tree, 'unit').sort()).toEqual(['accountant', 'finance-reviewer']);
    expect(postsOver(grants, tree, 'other').sort()).toEqual(['cashier', 'finance-reviewer']);
    expect(postsOver(grants, tree, 'bureau')).toEqual(['finance-reviewer']);
  });

  it('knows only the organisation itself when the tree is not loaded', () => {
    expect(postsOver([{ role: 'approver', organisationId: 'unit' }], [], 'unit')).toEqual(['approver']);
    expect(postsOver([{ role: 'approver', organisationId: 'dept' }], [], 'unit')).toEqual([]);
  });

  it('stops at a cycle', () => {
    expect(
      ancestry(
        [
          { id: 'a', parentId: 'b' },
          { id: 'b', parentId: 'a' },
        ],
        'a',
      ),
    ).toEqual(['a', 'b']);
  });

  it('holdsAny', () => {
    expect(holdsAny(['cashier'], ['approver', 'cashier'])).toBe(true);
    expect(holdsAny([], ['approver'])).toBe(false);
  });
});

describe('subtree', () => {
  it('collects an organisation and everything below it', () => {
    expect([...subtree(tree, 'dept')].sort()).toEqual(['dept', 'unit']);
    expect(subtree(tree, 'bureau').size).toBe(4);
    expect([...subtree(tree, 'unknown')]).toEqual(['unknown']);
  });
});
