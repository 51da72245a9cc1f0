import { describe, expect, it } from 'vitest';
import type { Organisation } from '../../api/types.ts';
import { buildOrganisationTree, childKindOf, type OrganisationNode } from './organisation-tree.ts';

const org = (id: string, kind: Organisation['kind'], parentId: string | null, code = id): Organisation => ({
  id,
  kind,
  parentId,
  code,
  name: id,
  version: 1,
});
const shape = (nodes: OrganisationNode[]): unknown[] => nodes.map((node) => [node.organisation.id, shape(node.children)]);

describe('buildOrganisationTree', () => {
  it('nests bureau → departments → units, sorted by code', () => {
    const tree = buildOrganisationTree([
      org('u2', 'unit', 'd1', 'B'),
      org('d1', 'department', 'b'),
      org('u1', 'unit', 'd1', 'A'),
      org('b', 'finance-bureau', null),
    ]);
    expect(shape(tree)).toEqual([
      [
        'b',
        [
          [
            'd1',
            [
              ['u1', []],
              ['u2', []],
            ],
          ],
        ],
      ],
    ]);
  });

  it('makes an organisation whose parent is not visible a root, and survives a cycle', () => {
    expect(shape(buildOrganisationTree([org('d1', 'department', 'hidden'), org('u1', 'unit', 'd1')]))).toEqual([['d1', [['u1', []]]]]);
    expect(shape(buildOrganisationTree([org('a', 'department', 'b'), org('b', 'department', 'a')]))).toEqual([]);
  });
});

describe('childKindOf', () => {
  it('follows the hierarchy', () => {
    expect(childKindOf(null)).toBe('finance-bureau');
    expect(childKindOf('finance-bureau')).toBe('department');
    expect(childKindOf('department')).toBe('unit');
    expect(childKindOf('unit')).toBeNull();
  });
});
