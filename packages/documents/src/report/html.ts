import type { Block, ChartBar, ReportModel } from '@jixiao/core';
import {
  barFigures,
  columnShares,
  FACE_CSS,
  FIRST_LINE_INDENT_PT,
  HEADING_TEXT,
  LANDSCAPE_MARGIN_MM,
  LINE_PITCH_PT,
  type Margins,
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

export interface HtmlOptions {
  /**
   * true (the default): a whole page, <!doctype html> to </html>, with REPORT_CSS inline. false: only
   * the <article class="jixiao-report"> element, for a page that loads REPORT_CSS itself.
   */
  standalone?: boolean;
}

const margin = (m: Margins) => `${m.top}mm ${m.right}mm ${m.bottom}mm ${m.left}mm`;
const font = (style: TextStyle) =>
  `font-family: ${FACE_CSS[style.face]}; font-size: ${style.sizePt}pt;${style.bold ? ' font-weight: bold;' : ''}`;

/**
 * The report's styles. Apart from the @page rules, which act only on printing, every rule is scoped
 * to .jixiao-report (or the standalone page's body) so that the web app can load them beside its own. On paper: GB/T 9704 pages, landscape appendix pages and
 * "— N —" page numbers. On a wide screen: sheets of paper on grey. On a phone: full-width text, with
 * the wide tables scrolling sideways.
 */
export const REPORT_CSS = `
@page { size: A4; margin: ${margin(PORTRAIT_MARGIN_MM)};
  @bottom-center { content: "— " counter(page) " —"; vertical-align: top; padding-top: ${PAGE_NUMBER_GAP_MM}mm; ${font(TEXT.pageNumber)} }
}
@page jr-landscape { size: A4 landscape; margin: ${margin(LANDSCAPE_MARGIN_MM)}; }
.jixiao-report { color: #000; ${font(TEXT.body)} line-height: ${LINE_PITCH_PT}pt; text-align: justify; }
.jixiao-report * { box-sizing: border-box; }
.jixiao-report h1, .jixiao-report h2, .jixiao-report h3, .jixiao-report h4, .jixiao-report p, .jixiao-report dl, .jixiao-report dd { margin: 0; }
.jixiao-report h1 { ${font(TEXT.title)} font-weight: normal; line-height: ${LINE_PITCH_PT}pt; text-align: center; margin-bottom: ${LINE_PITCH_PT}pt; }
.jixiao-report h2, .jixiao-report h3, .jixiao-report h4, .jixiao-report p { text-indent: ${FIRST_LINE_INDENT_PT}pt; }
.jixiao-report h2, .jixiao-report h3, .jixiao-report h4 { break-after: avoid-page; }
.jixiao-report h2 { ${font(HEADING_TEXT[1])} font-weight: normal; }
.jixiao-report h3 { ${font(HEADING_TEXT[2])} font-weight: normal; }
.jixiao-report h4 { ${font(HEADING_TEXT[3])} }
.jixiao-report .jr-fields { margin-bottom: ${LINE_PITCH_PT}pt; text-align: left; }
.jixiao-report .jr-fields dt, .jixiao-report .jr-fields dd { display: inline; }
.jixiao-report p.jr-note { ${font(TEXT.note)} line-height: 1.6; text-indent: 0; text-align: left; margin-top: 6pt; }
.jixiao-report figure { margin: 18pt 0 0; }
.jixiao-report figcaption { ${font(TEXT.caption)} line-height: 1.6; text-align: center; margin-bottom: 6pt; break-after: avoid-page; }
.jixiao-report .jr-scroll { overflow-x: auto; max-width: 100%; }
.jixiao-report table { width: 100%; min-width: calc(var(--jr-columns, 6) * 7em); border-collapse: collapse; table-layout: fixed; ${font(TEXT.table)} line-height: 1.5; text-align: center; break-inside: auto; }
.jixiao-report thead { display: table-header-group; }
.jixiao-report tr { break-inside: avoid; }
.jixiao-report th, .jixiao-report td { border: 0.5pt solid #000; padding: 2pt 4pt; vertical-align: middle; overflow-wrap: anywhere; }
.jixiao-report th { font-weight: bold; }
.jixiao-report .jr-left { text-align: left; }
.jixiao-report .jr-right { text-align: right; }
.jixiao-report tr.jr-total td { font-weight: bold; }
.jixiao-report .jr-chart svg { display: block; width: 100%; max-width: 150mm; height: auto; margin: 0 auto; ${font(TEXT.table)} }
.jixiao-report .jr-chart .jr-track { fill: #e4e4e4; }
.jixiao-report .jr-chart .jr-bar { fill: #3a6496; }
.jixiao-report .jr-chart text { fill: #000; font-size: 14px; }
@media print {
  .jixiao-report .jr-sheet + .jr-sheet { break-before: page; }
  .jixiao-report .jr-landscape { page: jr-landscape; }
  .jixiao-report .jr-scroll { overflow: visible; }
  .jixiao-report table { min-width: 0; }
}
@media screen {
  .jixiao-report-page { margin: 0; padding: 24px 0; background: #e6e6e6; }
  .jixiao-report .jr-sheet { width: ${PAGE_MM.width}mm; max-width: 100%; min-height: ${PAGE_MM.height}mm; margin: 0 auto 24px; padding: ${margin(PORTRAIT_MARGIN_MM)}; background: #fff; box-shadow: 0 1px 4px rgba(0, 0, 0, 0.3); }
  .jixiao-report .jr-landscape { width: ${PAGE_MM.height}mm; min-height: ${PAGE_MM.width}mm; padding: ${margin(LANDSCAPE_MARGIN_MM)}; }
}
@media screen and (max-width: 840px) {
  .jixiao-report-page { padding: 0; background: #fff; }
  .jixiao-report { font-size: 17px; line-height: 1.8; }
  .jixiao-report h1 { font-size: 22px; line-height: 1.5; margin-bottom: 1em; }
  .jixiao-report h2, .jixiao-report h3, .jixiao-report h4 { font-size: 17px; }
  .jixiao-report h2, .jixiao-report h3, .jixiao-report h4, .jixiao-report p { text-indent: 2em; }
  .jixiao-report .jr-fields { margin-bottom: 1em; }
  .jixiao-report .jr-sheet, .jixiao-report .jr-landscape { width: auto; min-height: 0; margin: 0; padding: 16px; box-shadow: none; }
}
`.trim();

/** Renders a report as HTML: pure string building, and every piece of report text escaped. */
export function renderHtml(model: ReportModel, options: HtmlOptions = {}): string {
  const article = renderArticle(model);
  if (options.standalone === false) return article;
  const title = `${model.meta.organisation} ${model.meta.fiscalYear}年度${model.title}`;
  return [
    '<!doctype html>',
    '<html lang="zh-CN">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(title)}</title>`,
    `<style>\n${REPORT_CSS}\n</style>`,
    '</head>',
    '<body class="jixiao-report-page">',
    article,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

function renderArticle(model: ReportModel): string {
  const parts = sheets(model.blocks).map(renderSheet);
  return `<article class="jixiao-report" lang="zh-CN">\n${parts.join('\n')}\n</article>`;
}

function renderSheet(sheet: Sheet): string {
  const blocks = sheet.blocks.map(renderBlock).join('\n');
  return `<section class="jr-sheet jr-${sheet.orientation}">\n${blocks}\n</section>`;
}

function renderBlock(block: Block): string {
  switch (block.type) {
    case 'title':
      return `<h1>${escapeHtml(block.text)}</h1>`;
    case 'fields': {
      const rows = block.rows.map(([label, value]) => `<div><dt>${escapeHtml(label)}：</dt><dd>${escapeHtml(value)}</dd></div>`);
      return `<dl class="jr-fields">${rows.join('')}</dl>`;
    }
    case 'heading':
      // The report's title is the h1, so its level-1 headings are h2.
      return `<h${block.level + 1}>${escapeHtml(block.text)}</h${block.level + 1}>`;
    case 'paragraph':
      return `<p>${escapeHtml(block.text)}</p>`;
    case 'note':
      return `<p class="jr-note">${escapeHtml(block.text)}</p>`;
    case 'table':
      return renderTable(block);
    case 'chart':
      return renderChart(block.title, block.bars);
    case 'page-break':
      return '';
  }
}

function renderTable(block: TableBlock): string {
  const spans = rowSpans(block);
  const alignClass = block.columns.map((column) =>
    column.align === 'left' || column.align === 'right' ? ` class="jr-${column.align}"` : '',
  );
  const colgroup = columnShares(block.columns)
    .map((share) => `<col style="width: ${(share * 100).toFixed(2)}%">`)
    .join('');
  const head = block.columns.map((column) => `<th scope="col">${escapeHtml(column.title)}</th>`).join('');
  const lastRow = block.rows.length - 1;
  const body = block.rows.map((row, rowIndex) => {
    const cells = block.columns.map((_, column) => {
      const span = spans[rowIndex]?.[column] ?? 1;
      if (span === 0) return '';
      return `<td${alignClass[column] ?? ''}${span > 1 ? ` rowspan="${span}"` : ''}>${escapeHtml(row[column] ?? '')}</td>`;
    });
    return `<tr${block.totalRow && rowIndex === lastRow ? ' class="jr-total"' : ''}>${cells.join('')}</tr>`;
  });
  return [
    '<figure class="jr-table">',
    `<figcaption>${escapeHtml(block.caption)}</figcaption>`,
    '<div class="jr-scroll">',
    // Below seven characters a column, a narrow screen scrolls the table rather than squeezing it.
    `<table style="--jr-columns: ${block.columns.length}"><colgroup>${colgroup}</colgroup>`,
    `<thead><tr>${head}</tr></thead>`,
    `<tbody>\n${body.join('\n')}\n</tbody>`,
    '</table>',
    '</div>',
    '</figure>',
  ].join('\n');
}

const CHART = { width: 600, labelWidth: 130, figureWidth: 110, rowHeight: 34, barHeight: 18, padding: 8 } as const;

/**
 * A horizontal bar per part: the grey track is the part's points (分值), the bar its score, both on
 * one scale so that the parts' weights compare as well as their scores.
 */
function renderChart(title: string, bars: readonly ChartBar[]): string {
  const scale = Math.max(0, ...bars.map((bar) => bar.max));
  const barArea = CHART.width - CHART.labelWidth - CHART.figureWidth;
  const length = (value: number) => (scale > 0 ? (Math.min(Math.max(value, 0), scale) / scale) * barArea : 0);
  const height = bars.length * CHART.rowHeight + CHART.padding * 2;
  const rows = bars.map((bar, index) => {
    const middle = CHART.padding + index * CHART.rowHeight + CHART.rowHeight / 2;
    const top = middle - CHART.barHeight / 2;
    return [
      `<text x="${CHART.labelWidth - 10}" y="${middle}" text-anchor="end" dominant-baseline="central">${escapeHtml(bar.label)}</text>`,
      `<rect class="jr-track" x="${CHART.labelWidth}" y="${top}" width="${length(bar.max).toFixed(1)}" height="${CHART.barHeight}"/>`,
      `<rect class="jr-bar" x="${CHART.labelWidth}" y="${top}" width="${length(bar.value).toFixed(1)}" height="${CHART.barHeight}"/>`,
      `<text x="${CHART.width - CHART.figureWidth + 10}" y="${middle}" dominant-baseline="central">${escapeHtml(barFigures(bar))}</text>`,
    ].join('');
  });
  const summary = bars.map((bar) => `${bar.label}得${bar.value.toFixed(2)}分（分值${bar.max.toFixed(2)}分）`).join('；');
  return [
    '<figure class="jr-chart">',
    `<figcaption>${escapeHtml(title)}</figcaption>`,
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${CHART.width} ${height}" role="img">`,
    `<title>${escapeHtml(summary)}</title>`,
    rows.join('\n'),
    '</svg>',
    '</figure>',
  ].join('\n');
}

const HTML_ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * Escapes text for an element or a quoted attribute. Control characters, which text pasted from
 * Word and Excel sometimes carries and HTML forbids, become nothing, as they do in the .docx.
 */
function escapeHtml(text: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: matching the control characters is the point
  return text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/gu, '').replace(/[&<>"']/gu, (char) => HTML_ESCAPES[char] ?? char);
}
