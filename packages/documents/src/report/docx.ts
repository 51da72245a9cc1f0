import type { Block, ChartBar, ReportModel, TableColumn } from '@jixiao/core';
import {
  AlignmentType,
  BorderStyle,
  Document,
  type FileChild,
  Footer,
  type IParagraphStyleOptions,
  type ISectionOptions,
  type ISpacingProperties,
  LineRuleType,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  VerticalMergeType,
  WidthType,
} from 'docx';
import {
  barFigures,
  columnShares,
  FACE_NAME,
  FIRST_LINE_INDENT_PT,
  HEADING_TEXT,
  LANDSCAPE_MARGIN_MM,
  LATIN_FACE,
  LINE_PITCH_PT,
  type Margins,
  MM_PER_PT,
  PAGE_MM,
  PAGE_NUMBER_GAP_MM,
  PORTRAIT_MARGIN_MM,
  rowSpans,
  type Sheet,
  sheets,
  type TableBlock,
  TEXT,
  type TextStyle,
} from './typography.ts';

type Alignment = (typeof AlignmentType)[keyof typeof AlignmentType];

const ALIGNMENT: Readonly<Record<NonNullable<TableColumn['align']>, Alignment>> = {
  left: AlignmentType.LEFT,
  center: AlignmentType.CENTER,
  right: AlignmentType.RIGHT,
};

/** Word measures in twentieths of a point (twips). */
const twips = (points: number) => Math.round(points * 20);
const mmTwips = (mm: number) => twips(mm / MM_PER_PT);

const BODY_LINES: ISpacingProperties = { line: twips(LINE_PITCH_PT), lineRule: LineRuleType.EXACT, before: 0, after: 0 };
const SINGLE_LINES: ISpacingProperties = { line: 240, lineRule: LineRuleType.AUTO, before: 0, after: 0 };
const INDENT = { firstLine: twips(FIRST_LINE_INDENT_PT) };
const BORDER = { style: BorderStyle.SINGLE, size: 4, color: '000000' } as const;
const CHART_WIDTH_SHARE = 0.5;

/**
 * The report's paragraph styles, named in Chinese for whoever edits the .docx in Word or WPS. The
 * paragraphs carry only their style; the layout lives here once, which also keeps a 1,000-row
 * score table quick to write.
 */
type StyleId =
  | 'JxTitle'
  | 'JxField'
  | 'JxHeading1'
  | 'JxHeading2'
  | 'JxHeading3'
  | 'JxBody'
  | 'JxCaption'
  | 'JxNote'
  | 'JxTable'
  | 'JxPageNumber';

type JxStyle = IParagraphStyleOptions & { readonly id: StyleId };

const heading = (level: 1 | 2 | 3, name: string): JxStyle => ({
  id: `JxHeading${level}`,
  name,
  basedOn: 'JxBody',
  next: 'JxBody',
  quickFormat: true,
  run: runStyle(HEADING_TEXT[level]),
  paragraph: { keepNext: true, keepLines: true, outlineLevel: level - 1 },
});

const PARAGRAPH_STYLES: readonly JxStyle[] = [
  {
    id: 'JxBody',
    name: '报告正文',
    quickFormat: true,
    run: runStyle(TEXT.body),
    paragraph: { alignment: AlignmentType.BOTH, spacing: BODY_LINES, indent: INDENT },
  },
  {
    id: 'JxTitle',
    name: '报告标题',
    basedOn: 'JxBody',
    next: 'JxField',
    quickFormat: true,
    run: runStyle(TEXT.title),
    // §7.3.3: one empty line between the title and what follows.
    paragraph: { alignment: AlignmentType.CENTER, indent: { firstLine: 0 }, spacing: { after: BODY_LINES.line }, keepNext: true },
  },
  {
    id: 'JxField',
    name: '报告文头项',
    basedOn: 'JxBody',
    quickFormat: true,
    paragraph: { alignment: AlignmentType.LEFT, indent: { firstLine: 0 } },
  },
  heading(1, '一级标题（一、）'),
  heading(2, '二级标题（（一））'),
  heading(3, '三级标题（1.）'),
  {
    id: 'JxCaption',
    name: '附表标题',
    basedOn: 'JxBody',
    quickFormat: true,
    run: runStyle(TEXT.caption),
    paragraph: {
      alignment: AlignmentType.CENTER,
      indent: { firstLine: 0 },
      spacing: { ...SINGLE_LINES, before: 360, after: 120 },
      keepNext: true,
    },
  },
  {
    id: 'JxNote',
    name: '附注',
    basedOn: 'JxBody',
    quickFormat: true,
    run: runStyle(TEXT.note),
    paragraph: { alignment: AlignmentType.LEFT, indent: { firstLine: 0 }, spacing: { ...SINGLE_LINES, before: 120 } },
  },
  {
    id: 'JxTable',
    name: '表格文字',
    basedOn: 'JxBody',
    quickFormat: true,
    run: runStyle(TEXT.table),
    paragraph: { alignment: AlignmentType.CENTER, indent: { firstLine: 0 }, spacing: SINGLE_LINES },
  },
  {
    id: 'JxPageNumber',
    name: '页码',
    basedOn: 'JxBody',
    run: runStyle(TEXT.pageNumber),
    paragraph: {
      alignment: AlignmentType.CENTER,
      indent: { firstLine: 0 },
      spacing: { line: twips(TEXT.pageNumber.sizePt), lineRule: LineRuleType.EXACT },
    },
  },
];

/**
 * Renders a report as a .docx laid out after GB/T 9704-2012 (see typography.ts): the text on
 * portrait A4, the appendix tables after the page break on landscape A4, "— N —" in the footer.
 */
export async function renderDocx(model: ReportModel): Promise<Uint8Array> {
  const document = new Document({
    title: model.title,
    subject: `${model.meta.organisation} ${model.meta.fiscalYear}年度`,
    creator: 'Jixiao 绩效',
    styles: {
      default: { document: { run: { ...runStyle(TEXT.body), language: { value: 'zh-CN', eastAsia: 'zh-CN' } } } },
      paragraphStyles: PARAGRAPH_STYLES,
    },
    sections: sheets(model.blocks).map(section),
  });
  return Packer.pack(document, 'uint8array');
}

function section(sheet: Sheet): ISectionOptions {
  const isLandscape = sheet.orientation === 'landscape';
  const margin = isLandscape ? LANDSCAPE_MARGIN_MM : PORTRAIT_MARGIN_MM;
  const textWidth = mmTwips((isLandscape ? PAGE_MM.height : PAGE_MM.width) - margin.left - margin.right);
  return {
    properties: {
      page: {
        // docx swaps width and height itself for a landscape page.
        size: {
          width: mmTwips(PAGE_MM.width),
          height: mmTwips(PAGE_MM.height),
          orientation: isLandscape ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT,
        },
        margin: {
          top: mmTwips(margin.top),
          right: mmTwips(margin.right),
          bottom: mmTwips(margin.bottom),
          left: mmTwips(margin.left),
          footer: mmTwips(footerDistanceMm(margin)),
        },
      },
    },
    // Every section gets its own footer: Word would inherit the previous one, but not every reader does.
    footers: { default: pageNumberFooter() },
    children: sheet.blocks.flatMap((block) => blockContent(block, textWidth)),
  };
}

/** The footer's distance from the paper's edge that puts the top of the page number 7 mm below the 版心. */
function footerDistanceMm(margin: Margins): number {
  return margin.bottom - PAGE_NUMBER_GAP_MM - TEXT.pageNumber.sizePt * MM_PER_PT;
}

function pageNumberFooter(): Footer {
  return new Footer({
    children: [
      new Paragraph({
        style: 'JxPageNumber',
        children: [new TextRun({ ...runStyle(TEXT.pageNumber), children: ['— ', PageNumber.CURRENT, ' —'] })],
      }),
    ],
  });
}

function blockContent(block: Block, textWidth: number): FileChild[] {
  switch (block.type) {
    case 'title':
      return [paragraph('JxTitle', block.text, TEXT.title)];
    case 'fields':
      return block.rows.map(([label, value], index) =>
        // The last field keeps an empty line's distance from the text, as the title does.
        paragraph(
          'JxField',
          `${label}：${value}`,
          TEXT.body,
          index === block.rows.length - 1 ? { spacing: { after: BODY_LINES.line } } : {},
        ),
      );
    case 'heading':
      return [paragraph(`JxHeading${block.level}`, block.text, HEADING_TEXT[block.level])];
    case 'paragraph':
      return [paragraph('JxBody', block.text, TEXT.body)];
    case 'note':
      return [paragraph('JxNote', block.text, TEXT.note)];
    case 'table':
      return [paragraph('JxCaption', block.caption, TEXT.caption), table(block, textWidth)];
    case 'chart':
      return [paragraph('JxCaption', block.title, TEXT.caption), chartTable(block.bars, textWidth)];
    case 'page-break':
      return [];
  }
}

function paragraph(
  style: StyleId,
  text: string,
  textStyle: TextStyle,
  overrides: { alignment?: Alignment; spacing?: ISpacingProperties } = {},
): Paragraph {
  return new Paragraph({ style, ...overrides, children: [new TextRun({ ...runStyle(textStyle), text })] });
}

/**
 * A run's font for every script, written on each run as well as in its style, so that Chinese text
 * keeps its face wherever it is pasted. Word takes the Chinese face only from `eastAsia`; the
 * eastAsia hint makes it use that face for the characters Chinese shares with Latin text
 * (“” — ……), which it would otherwise set, narrow, in Times New Roman.
 */
function runStyle(style: TextStyle) {
  return {
    font: { ascii: LATIN_FACE, hAnsi: LATIN_FACE, eastAsia: FACE_NAME[style.face], hint: 'eastAsia' },
    size: style.sizePt * 2,
    ...(style.bold ? { bold: true } : {}),
  };
}

interface CellContent {
  readonly text: string;
  readonly width: number;
  readonly style: TextStyle;
  readonly alignment: Alignment;
  readonly verticalMerge?: (typeof VerticalMergeType)[keyof typeof VerticalMergeType];
}

function cell(content: CellContent): TableCell {
  return new TableCell({
    width: { size: content.width, type: WidthType.DXA },
    verticalAlign: VerticalAlignTable.CENTER,
    ...(content.verticalMerge ? { verticalMerge: content.verticalMerge } : {}),
    children: [
      paragraph('JxTable', content.text, content.style, content.alignment === AlignmentType.CENTER ? {} : { alignment: content.alignment }),
    ],
  });
}

function gridTable(widths: readonly number[], rows: TableRow[]): Table {
  return new Table({
    width: { size: widths.reduce((sum, width) => sum + width, 0), type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    alignment: AlignmentType.CENTER,
    margins: { top: 40, bottom: 40, left: 80, right: 80 },
    borders: { top: BORDER, bottom: BORDER, left: BORDER, right: BORDER, insideHorizontal: BORDER, insideVertical: BORDER },
    rows,
  });
}

/** Whole-twip column widths that add up to `total` exactly; the last column takes the rounding. */
function twipWidths(shares: readonly number[], total: number): number[] {
  const widths = shares.map((share) => Math.floor(share * total));
  const rest = total - widths.reduce((sum, width) => sum + width, 0);
  return widths.map((width, index) => (index === widths.length - 1 ? width + rest : width));
}

function table(block: TableBlock, textWidth: number): Table {
  const widths = twipWidths(columnShares(block.columns), textWidth);
  const spans = rowSpans(block);
  const lastRow = block.rows.length - 1;
  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: block.columns.map((column, index) =>
      cell({ text: column.title, width: widths[index] ?? 0, style: TEXT.tableHead, alignment: AlignmentType.CENTER }),
    ),
  });
  const body = block.rows.map(
    (row, rowIndex) =>
      new TableRow({
        cantSplit: true,
        children: block.columns.map((column, index) => {
          const span = spans[rowIndex]?.[index] ?? 1;
          const verticalMerge = span === 0 ? VerticalMergeType.CONTINUE : span > 1 ? VerticalMergeType.RESTART : undefined;
          return cell({
            text: span === 0 ? '' : (row[index] ?? ''),
            width: widths[index] ?? 0,
            style: block.totalRow && rowIndex === lastRow ? TEXT.tableHead : TEXT.table,
            alignment: ALIGNMENT[column.align ?? 'center'],
            ...(verticalMerge ? { verticalMerge } : {}),
          });
        }),
      }),
  );
  return gridTable(widths, [header, ...body]);
}

/** The score chart as a small table: a .docx cannot show the HTML's SVG everywhere. */
function chartTable(bars: readonly ChartBar[], textWidth: number): Table {
  const widths = twipWidths([0.6, 0.4], Math.round(textWidth * CHART_WIDTH_SHARE));
  const row = (cells: readonly string[], style: TextStyle, isHeader: boolean) =>
    new TableRow({
      tableHeader: isHeader,
      cantSplit: true,
      children: cells.map((text, index) => cell({ text, width: widths[index] ?? 0, style, alignment: AlignmentType.CENTER })),
    });
  return gridTable(widths, [
    row(['部分', '得分/分值'], TEXT.tableHead, true),
    ...bars.map((bar) => row([bar.label, barFigures(bar)], TEXT.table, false)),
  ]);
}
