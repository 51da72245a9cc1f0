import { readFileSync } from 'node:fs';
import {
  type Block,
  buildReportModel,
  type EvaluationInput,
  evaluateWorkbook,
  parseWorkbookJson,
  type ReportModel,
  type Workbook,
} from '@jixiao/core';
import { describe, expect, it } from 'vitest';
import { REPORT_CSS, renderHtml } from './html.ts';
import { barFigures } from './typography.ts';

const PANYU = 'examples/panyu-2024/panyu-2024.json';
const PROJECT = 'examples/project-2024/digital-training-2024.json';

function exampleWorkbook(path: string): Workbook {
  const parsed = parseWorkbookJson(readFileSync(new URL(`../../../../${path}`, import.meta.url), 'utf8'));
  if (!parsed.ok) throw new Error(`${path} is not a valid workbook`);
  return parsed.value;
}

function reportOf(workbook: Workbook): ReportModel {
  return buildReportModel(workbook.input, evaluateWorkbook(workbook).evaluation);
}

const ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" };

/** The page's text nodes as a reader sees them: each run of text between two tags, unescaped. */
function textNodes(html: string): Set<string> {
  const nodes = [...html.matchAll(/>([^<]+)</gu)].map(([, text = '']) =>
    text.replace(/&(amp|lt|gt|quot|#39);/gu, (_, name: string) => ENTITIES[name] ?? ''),
  );
  return new Set(nodes);
}

/** Every text of the model that must be one text node of the page, in the model's words. */
function expectedTexts(model: ReportModel): string[] {
  return model.blocks.flatMap(blockTexts);
}

function blockTexts(block: Block): string[] {
  switch (block.type) {
    case 'title':
    case 'heading':
    case 'paragraph':
    case 'note':
      return [block.text];
    case 'fields':
      return block.rows.flatMap(([label, value]) => [`${label}：`, value]);
    case 'table':
      return [block.caption, ...block.columns.map((column) => column.title), ...block.rows.flat().filter((cell) => cell !== '')];
    case 'chart':
      return [block.title, ...block.bars.flatMap((bar) => [bar.label, barFigures(bar)])];
    case 'page-break':
      return [];
  }
}

describe.each([
  { name: 'Panyu department 2024', path: PANYU },
  { name: 'digital training project 2024', path: PROJECT },
])('renderHtml: $name', ({ path }) => {
  const model = reportOf(exampleWorkbook(path));
  const html = renderHtml(model);

  it('is a whole zh-CN page in UTF-8 with the report styles', () => {
    expect(html.startsWith('<!doctype html>\n<html lang="zh-CN">\n<head>\n<meta charset="utf-8">')).toBe(true);
    expect(html).toContain(`<style>\n${REPORT_CSS}\n</style>`);
    expect(html).toContain(`<title>${model.meta.organisation} ${model.meta.fiscalYear}年度${model.title}</title>`);
    expect(html.trimEnd().endsWith('</html>')).toBe(true);
  });

  it('shows every paragraph, field and table cell of the report model as a text node of its own', () => {
    const nodes = textNodes(html);
    expect(expectedTexts(model).filter((text) => !nodes.has(text))).toEqual([]);
  });

  it('shows the parts of the score as an SVG bar chart, one bar per part', () => {
    const chart = model.blocks.find((block) => block.type === 'chart');
    const svg = html.match(/<svg\b[\s\S]*?<\/svg>/u)?.[0] ?? '';
    expect(svg).toContain('role="img"');
    expect(svg.match(/<rect class="jr-bar"/gu)).toHaveLength(chart?.bars.length ?? -1);
    expect(html).not.toMatch(/<script|<img|<link|https?:\/\/(?!www\.w3\.org\/2000\/svg)/u);
  });

  it('merges equal 一级/二级指标 cells with rowspan', () => {
    const scoreTable = model.blocks.find((block) => block.type === 'table');
    const rows = scoreTable?.rows ?? [];
    const firstLevel1 = rows[0]?.[0] ?? '';
    const run = rows.findIndex((row) => row[0] !== firstLevel1);
    expect(run).toBeGreaterThan(1);
    expect(html).toContain(`<td rowspan="${run}">${firstLevel1}</td>`);
  });

  it('prints the total row in bold', () => {
    expect(html).toMatch(/<tr class="jr-total"><td>合计<\/td>/u);
  });
});

describe('renderHtml', () => {
  const panyu = exampleWorkbook(PANYU);

  it('pins the Panyu score table merges: 产出指标 over 9 rows (数量指标 5), 效益指标 over 12 (经济效益指标 9), 管理效率 over 10', () => {
    const html = renderHtml(reportOf(panyu));
    expect(html).toContain('<td rowspan="9">产出指标</td><td rowspan="5">数量指标</td>');
    expect(html).toContain('<td rowspan="12">效益指标</td><td rowspan="9">经济效益指标</td>');
    expect(html).toContain('<td rowspan="10">管理效率</td><td rowspan="10">管理效率指标</td>');
    expect(html).toContain('39.52/40.00');
  });

  it('escapes every piece of user text', () => {
    const attack = '<script>alert("x")</script> & \'q\'';
    const [first, ...rest] = panyu.input.indicators;
    if (!first) throw new Error('the example has no indicators');
    const input: EvaluationInput = {
      ...panyu.input,
      goals: [{ id: 'G-attack', text: attack }],
      indicators: [{ ...first, name: '<img src=x onerror=alert(1)>' }, ...rest],
      organisation: { ...panyu.input.organisation, name: '</title><script>alert(2)</script>' },
    };
    const html = renderHtml(reportOf({ ...panyu, input }));
    expect(html).not.toMatch(/<script|<img|<\/title><script/u);
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;q&#39;');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain('<title>&lt;/title&gt;&lt;script&gt;alert(2)&lt;/script&gt; 2024年度');
    expect(textNodes(html).has(`${attack}。`)).toBe(true);
  });

  it('escapes text in the chart and the table captions, and drops control characters', () => {
    const model: ReportModel = {
      title: '测试',
      blocks: [
        { type: 'table', caption: '附表<1>', columns: [{ title: '"列"', width: 1 }], rows: [['a\u000bb']] },
        { type: 'chart', title: '得分 & 构成', bars: [{ label: '<b>部分</b>', value: 1, max: 2 }] },
      ],
      meta: { organisation: '单位', fiscalYear: 2024, kind: 'project', total: '1.00', grade: '差' },
    };
    const html = renderHtml(model, { standalone: false });
    for (const escaped of ['附表&lt;1&gt;', '&quot;列&quot;', '<td>ab</td>', '得分 &amp; 构成', '&lt;b&gt;部分&lt;/b&gt;'])
      expect(html).toContain(escaped);
    expect(html).not.toContain('<b>');
  });

  it('returns only the <article> without styles when standalone is false', () => {
    const fragment = renderHtml(reportOf(panyu), { standalone: false });
    expect(fragment.startsWith('<article class="jixiao-report" lang="zh-CN">')).toBe(true);
    expect(fragment.endsWith('</article>')).toBe(true);
    expect(fragment).not.toMatch(/<style|<html|<head|<body|<!doctype/iu);
  });

  it('puts the text on portrait sheets and the appendix on a landscape sheet', () => {
    const html = renderHtml(reportOf(panyu), { standalone: false });
    expect([...html.matchAll(/<section class="jr-sheet jr-(\w+)">/gu)].map(([, orientation]) => orientation)).toEqual([
      'portrait',
      'landscape',
    ]);
    expect(html.indexOf('jr-landscape')).toBeLessThan(html.indexOf('附表1'));
  });
});

describe('REPORT_CSS', () => {
  it.each([
    ['A4 pages with the GB/T 9704 margins', '@page { size: A4; margin: 37mm 26mm 35mm 28mm;'],
    ['landscape appendix pages', '@page jr-landscape { size: A4 landscape;'],
    ['"— N —" page numbers', 'content: "— " counter(page) " —"'],
    ['3号仿宋 body text on 28.95 pt lines', 'font-size: 16pt; line-height: 28.95pt;'],
    [
      'a font stack that reaches the Noto CJK fonts of Debian',
      '"FangSong", "仿宋", "FangSong_GB2312", "仿宋_GB2312", "STFangsong", "Noto Serif CJK SC"',
    ],
    ['table headers repeated on each printed page', '.jixiao-report thead { display: table-header-group; }'],
    ['rows kept whole across pages', '.jixiao-report tr { break-inside: avoid; }'],
    ['tables that scroll sideways on a narrow screen', '.jixiao-report .jr-scroll { overflow-x: auto;'],
  ])('sets %s', (_, rule) => {
    expect(REPORT_CSS).toContain(rule);
  });

  it('scopes every rule to the report or its page', () => {
    const selectors = [...REPORT_CSS.matchAll(/^\s*([^@{}\n][^{}\n]*)\{/gmu)].map(([, selector = '']) => selector.trim());
    expect(selectors.length).toBeGreaterThan(20);
    const unscoped = selectors.filter((selector) =>
      selector.split(',').some((part) => !/^\.jixiao-report(-page)?\b/u.test(part.trim()) && !/^@/u.test(part.trim())),
    );
    expect(unscoped).toEqual([]);
  });
});
