import type { Block, ChartBar, TableColumn } from '@jixiao/core';

/**
 * The page and type rules that both renderers follow, so the .docx and the HTML page of a report
 * look alike. The source is GB/T 9704-2012《党政机关公文格式》; section numbers below are its own.
 */

/** §5.2.1: A4 paper. */
export const PAGE_MM = { width: 210, height: 297 } as const;

export interface Margins {
  readonly top: number;
  readonly right: number;
  readonly bottom: number;
  readonly left: number;
}

/** §5.2.1: 天头 37 mm and 订口 28 mm around a 156 × 225 mm 版心, which leaves 35 mm below and 26 mm on the right. */
export const PORTRAIT_MARGIN_MM: Margins = { top: 37, right: 26, bottom: 35, left: 28 };

/**
 * §10 puts a landscape table's head on the bound edge (订口) of the page, so the portrait margins
 * turn with the page: the 28 mm binding margin becomes the top.
 */
export const LANDSCAPE_MARGIN_MM: Margins = { top: 28, right: 37, bottom: 26, left: 35 };

/** §7.5.1: the page number's dashes sit 7 mm below the 版心. */
export const PAGE_NUMBER_GAP_MM = 7;

/**
 * §5.2.2 asks for 22 lines on the 225 mm 版心 (28.99 pt each); 28.95 pt is the fixed line spacing
 * 公文 templates for Word use, a hair less so that the 22nd line never spills onto the next page.
 */
export const LINE_PITCH_PT = 28.95;

/** Indent of a paragraph's first line: two characters of 3号 body text. */
export const FIRST_LINE_INDENT_PT = 32;

/** The Chinese typefaces of §5.2.3 and §7, by role. */
export type Face = 'fangsong' | 'heiti' | 'kaiti' | 'songti' | 'title';

/** Face names as Word knows them on a Chinese Windows system; LibreOffice substitutes what it lacks. */
export const FACE_NAME: Readonly<Record<Face, string>> = {
  fangsong: '仿宋',
  heiti: '黑体',
  kaiti: '楷体',
  songti: '宋体',
  title: '方正小标宋简体',
};

/** Latin letters and digits are set in Times New Roman, as Word does for a 公文 set in 仿宋. */
export const LATIN_FACE = 'Times New Roman';

/**
 * CSS font stacks: the Windows names first, then macOS (ST…), then Noto CJK, which is all a Debian
 * machine has. The Latin face leads so that digits match the .docx.
 */
export const FACE_CSS: Readonly<Record<Face, string>> = {
  fangsong: `"${LATIN_FACE}", "FangSong", "仿宋", "FangSong_GB2312", "仿宋_GB2312", "STFangsong", "Noto Serif CJK SC", "Source Han Serif SC", serif`,
  heiti: `"${LATIN_FACE}", "SimHei", "黑体", "STHeiti", "Noto Sans CJK SC", "Source Han Sans SC", sans-serif`,
  kaiti: `"${LATIN_FACE}", "KaiTi", "楷体", "KaiTi_GB2312", "楷体_GB2312", "STKaiti", "Noto Serif CJK SC", "Source Han Serif SC", serif`,
  songti: `"${LATIN_FACE}", "SimSun", "宋体", "STSong", "Noto Serif CJK SC", "Source Han Serif SC", serif`,
  title: `"${LATIN_FACE}", "方正小标宋简体", "FZXiaoBiaoSong-B05S", "SimSun", "宋体", "STSong", "Noto Serif CJK SC", "Source Han Serif SC", serif`,
};

export interface TextStyle {
  readonly face: Face;
  readonly sizePt: number;
  readonly bold?: boolean;
}

/** 字号 in points: 2号 22, 3号 16, 4号 14, 5号 10.5. */
export const TEXT = {
  /** §7.3.3 标题: 2号小标宋. */
  title: { face: 'title', sizePt: 22 },
  /** §5.2.3 正文: 3号仿宋. */
  body: { face: 'fangsong', sizePt: 16 },
  /** §7.3.3 结构层次序数: 一、黑体; （一）楷体; 1. 仿宋 (bold here, to set it apart from the text). */
  heading1: { face: 'heiti', sizePt: 16 },
  heading2: { face: 'kaiti', sizePt: 16 },
  heading3: { face: 'fangsong', sizePt: 16, bold: true },
  /** Captions of the appendix tables and the chart, between the body and the 5号 table text. */
  caption: { face: 'heiti', sizePt: 14 },
  table: { face: 'fangsong', sizePt: 10.5 },
  tableHead: { face: 'fangsong', sizePt: 10.5, bold: true },
  note: { face: 'fangsong', sizePt: 10.5 },
  /** §7.5.1 页码: 4号半角宋体. */
  pageNumber: { face: 'songti', sizePt: 14 },
} as const satisfies Record<string, TextStyle>;

export const HEADING_TEXT: Readonly<Record<1 | 2 | 3, TextStyle>> = { 1: TEXT.heading1, 2: TEXT.heading2, 3: TEXT.heading3 };

export const MM_PER_PT = 25.4 / 72;

/** A run of blocks printed on pages of one orientation. */
export interface Sheet {
  readonly orientation: 'portrait' | 'landscape';
  readonly blocks: readonly Block[];
}

/**
 * Splits a report at its page breaks: the text before the first is portrait; what follows each
 * break is an appendix (附表), printed landscape so that the wide score tables fit.
 */
export function sheets(blocks: readonly Block[]): Sheet[] {
  const result: { orientation: Sheet['orientation']; blocks: Block[] }[] = [{ orientation: 'portrait', blocks: [] }];
  for (const block of blocks) {
    if (block.type === 'page-break') result.push({ orientation: 'landscape', blocks: [] });
    else result[result.length - 1]?.blocks.push(block);
  }
  return result.filter((sheet) => sheet.blocks.length > 0);
}

export type TableBlock = Extract<Block, { type: 'table' }>;

/**
 * How many rows each cell spans once `mergeColumns` are merged: 1 for an ordinary cell, n > 1 for
 * the first of n equal cells, 0 for a cell that the one above covers. A column merges only within
 * the merged runs of the merge columns to its left, so a 二级指标 never spans two 一级指标; empty
 * cells and the total row never merge.
 */
export function rowSpans(table: TableBlock): number[][] {
  const merged = [...new Set(table.mergeColumns ?? [])].sort((a, b) => a - b);
  const spans = table.rows.map((row) => row.map(() => 1));
  const lastMergeable = table.totalRow ? table.rows.length - 2 : table.rows.length - 1;
  const runStart = merged.map(() => 0);
  for (let rowIndex = 1; rowIndex <= lastMergeable; rowIndex += 1) {
    let isParentContinued = true;
    merged.forEach((column, position) => {
      const text = table.rows[rowIndex]?.[column];
      const continues = isParentContinued && text !== undefined && text !== '' && text === table.rows[rowIndex - 1]?.[column];
      const start = runStart[position] ?? rowIndex;
      const startRow = spans[start];
      const row = spans[rowIndex];
      if (continues && startRow && row) {
        startRow[column] = (startRow[column] ?? 1) + 1;
        row[column] = 0;
      } else {
        runStart[position] = rowIndex;
      }
      isParentContinued = continues;
    });
  }
  return spans;
}

/** Each column's share of the table's width, from the model's relative widths. */
export function columnShares(columns: readonly TableColumn[]): number[] {
  const total = columns.reduce((sum, column) => sum + Math.max(column.width, 0), 0);
  return columns.map((column) => (total > 0 ? Math.max(column.width, 0) / total : 1 / columns.length));
}

/** A chart bar's figures as the reader sees them: "39.52/40.00". */
export function barFigures(bar: ChartBar): string {
  return `${bar.value.toFixed(2)}/${bar.max.toFixed(2)}`;
}
