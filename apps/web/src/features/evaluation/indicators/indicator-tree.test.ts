import { describe, expect, it } from 'vitest';
import type { Indicator } from '../../../api/types.ts';
import { buildIndicatorTree, groupKeys, treeOrder } from './indicator-tree.ts';

function indicator(overrides: Partial<Indicator> & Pick<Indicator, 'code' | 'level1' | 'level2' | 'position'>): Indicator {
  return {
    id: `id-${overrides.code}`,
    goalId: null,
    name: overrides.code,
    direction: '>=',
    target: null,
    unit: null,
    actual: null,
    targetText: null,
    actualText: null,
    lastYearActual: null,
    adjustedTarget: null,
    targetAdjustment: null,
    adjustedTargetText: null,
    scoreCoefficient: null,
    isCore: false,
    weight: null,
    notApplicable: false,
    deviationReason: null,
    dataSource: null,
    band: null,
    qualitativeScore: null,
    adjustment: null,
    illustrative: false,
    attachmentCount: 0,
    binding: null,
    computedActual: null,
    actualSource: null,
    declaredIndicatorId: null,
    version: 1,
    ...overrides,
  };
}

describe('buildIndicatorTree', () => {
  const indicators = [
    indicator({ code: 'I3', level1: 'satisfaction', level2: 'beneficiary', position: 3, weight: '10' }),
    indicator({ code: 'I2', level1: 'output', level2: 'quality', position: 2, weight: '2.5' }),
    indicator({ code: 'I1', level1: 'output', level2: 'quantity', position: 1, weight: '2.5' }),
    indicator({ code: 'I4', level1: 'output', level2: 'quantity', position: 4 }),
  ];

  it('groups 一级 → 二级 in the fixed order, indicators by position, with exact weight sums', () => {
    const tree = buildIndicatorTree(indicators, (entry) => entry.weight ?? '1.25');
    expect(tree.map((row) => (row.kind === 'level1' ? [row.level1, row.weight, row.count] : null))).toEqual([
      ['output', '6.25', 3],
      ['satisfaction', '10.00', 1],
    ]);
    const output = tree[0];
    if (output?.kind !== 'level1') throw new Error('expected a level-1 row');
    expect(
      output.children.map((row) => (row.kind === 'level2' ? [row.level2, row.weight, row.children.map((child) => child.key)] : null)),
    ).toEqual([
      ['quantity', '3.75', ['I1', 'I4']],
      ['quality', '2.50', ['I2']],
    ]);
  });

  it('keys groups apart from indicator codes', () => {
    expect(groupKeys(buildIndicatorTree(indicators))).toEqual([
      'group:output',
      'group:output:quantity',
      'group:output:quality',
      'group:satisfaction',
      'group:satisfaction:beneficiary',
    ]);
  });

  it('is empty without indicators', () => {
    expect(buildIndicatorTree([])).toEqual([]);
  });
});

describe('treeOrder', () => {
  it('lists indicators as the tree does: by level, then level 2, then position — not by position alone', () => {
    const indicators = [
      indicator({ code: 'E1', level1: 'effect', level2: 'social', position: 0 }),
      indicator({ code: 'O2', level1: 'output', level2: 'quality', position: 1 }),
      indicator({ code: 'O1', level1: 'output', level2: 'quantity', position: 2 }),
      indicator({ code: 'F1', level1: null, level2: null, position: 3 }),
    ];
    expect(treeOrder(indicators)).toEqual(['O1', 'O2', 'E1', 'F1']);
  });
});
