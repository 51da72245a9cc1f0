import { describe, expect, it } from 'vitest';
import { subtree } from './posts.ts';

const tree = [
  { id: 'bureau', parentId: null },
  { id: 'dept', parentId: 'bureau' },
  { id: 'unit', parentId: 'dept' },
  { id: 'other', parentId: 'bureau' },
];

describe('subtree', () => {
  it('collects an organisation and everything below it', () => {
    expect([...subtree(tree, 'dept')].sort()).toEqual(['dept', 'unit']);
    expect(subtree(tree, 'bureau').size).toBe(4);
    expect([...subtree(tree, 'unknown')]).toEqual(['unknown']);
  });
});
