import type { Block } from '@jixiao/core';
import { describe, expect, it } from 'vitest';
import { barFigures, columnShares, rowSpans, sheets, type TableBlock } from './typography.ts';

function table(rows: string[][], overrides: Partial<TableBlock> = {}): TableBlock {
  const columns = (rows[0] ?? []).map((_, index) => ({ title: `列${index + 1}`, width: 1 }));
  return { type: 'table', caption: '表', columns, rows, ...overrides };
}

describe('rowSpans', () => {
  const cases = [
    {
      case: 'merges equal consecutive cells of a merge column',
      table: table([['A'], ['A'], ['A'], ['B']], { mergeColumns: [0] }),
      spans: [[3], [0], [0], [1]],
    },
    {
      case: 'leaves columns that are not merge columns alone',
      table: table(
        [
          ['A', 'x'],
          ['A', 'x'],
        ],
        { mergeColumns: [0] },
      ),
      spans: [
        [2, 1],
        [0, 1],
      ],
    },
    {
      case: 'merges a column only within the merged run of the column to its left',
      table: table(
        [
          ['产出', '数量'],
          ['产出', '数量'],
          ['效益', '数量'],
          ['效益', '质量'],
        ],
        { mergeColumns: [1, 0] },
      ),
      spans: [
        [2, 2],
        [0, 0],
        [2, 1],
        [0, 1],
      ],
    },
    {
      case: 'never merges empty cells',
      table: table([[''], [''], ['A']], { mergeColumns: [0] }),
      spans: [[1], [1], [1]],
    },
    {
      case: 'never merges the total row into the rows above',
      table: table([['合计'], ['合计'], ['合计']], { mergeColumns: [0], totalRow: true }),
      spans: [[2], [0], [1]],
    },
    {
      case: 'ignores a merge column the table does not have',
      table: table([['A'], ['A']], { mergeColumns: [3] }),
      spans: [[1], [1]],
    },
  ];
  for (const { case: name, table, spans } of cases) {
    it(name, () => {
      expect(rowSpans(table)).toEqual(spans);
    });
  }
});

describe('sheets', () => {
  const paragraph = (text: string): Block => ({ type: 'paragraph', text });
  const pageBreak: Block = { type: 'page-break' };

  const cases = [
    { case: 'keeps a report without page breaks on one portrait sheet', blocks: [paragraph('甲')], orientations: ['portrait'] },
    {
      case: 'puts what follows each page break on a landscape sheet',
      blocks: [paragraph('甲'), pageBreak, paragraph('乙'), pageBreak, paragraph('丙')],
      orientations: ['portrait', 'landscape', 'landscape'],
    },
    { case: 'drops sheets that would be empty', blocks: [pageBreak, paragraph('乙'), pageBreak], orientations: ['landscape'] },
  ];
  for (const { case: name, blocks, orientations } of cases) {
    it(name, () => {
      expect(sheets(blocks).map((sheet) => sheet.orientation)).toEqual(orientations);
    });
  }
});

describe('columnShares', () => {
  it('shares the width in proportion to the relative widths', () => {
    expect(
      columnShares([
        { title: 'a', width: 1 },
        { title: 'b', width: 3 },
      ]),
    ).toEqual([0.25, 0.75]);
  });

  it('shares the width equally when no column has a width', () => {
    expect(
      columnShares([
        { title: 'a', width: 0 },
        { title: 'b', width: 0 },
      ]),
    ).toEqual([0.5, 0.5]);
  });
});

describe('barFigures', () => {
  it.each([
    ['39.52/40.00', { label: '管理效率', value: 39.52, max: 40 }],
    ['0.00/10.00', { label: '满意度指标', value: 0, max: 10 }],
    // A float that drifted on its way through the model still shows two decimals.
    ['0.30/30.00', { label: '效益指标', value: 0.1 + 0.2, max: 30 }],
  ])('shows %s', (text, bar) => {
    expect(barFigures(bar)).toBe(text);
  });
});
