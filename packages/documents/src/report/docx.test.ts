import { readFileSync } from 'node:fs';
import { type Block, buildReportModel, type EvaluationInput, evaluateWorkbook, parseWorkbookJson, type ReportModel } from '@jixiao/core';
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderDocx } from './docx.ts';
import { barFigures, rowSpans } from './typography.ts';

const EXAMPLES = [
  { name: 'Panyu department 2024', path: 'examples/panyu-2024/panyu-2024.json' },
  { name: 'digital training project 2024', path: 'examples/project-2024/digital-training-2024.json' },
];

function exampleReport(path: string): { input: EvaluationInput; model: ReportModel } {
  const parsed = parseWorkbookJson(readFileSync(new URL(`../../../../${path}`, import.meta.url), 'utf8'));
  if (!parsed.ok) throw new Error(`${path} is not a valid workbook`);
  return { input: parsed.value.input, model: buildReportModel(parsed.value.input, evaluateWorkbook(parsed.value).evaluation) };
}

interface DocxParts {
  readonly document: string;
  readonly styles: string;
  readonly footers: readonly string[];
}

async function unzipDocx(bytes: Uint8Array): Promise<DocxParts> {
  const zip = await JSZip.loadAsync(bytes);
  const read = async (path: string) => {
    const file = zip.file(path);
    if (!file) throw new Error(`the .docx has no ${path}`);
    return file.async('string');
  };
  const footerPaths = Object.keys(zip.files).filter((path) => /^word\/footer\d+\.xml$/u.test(path));
  return {
    document: await read('word/document.xml'),
    styles: await read('word/styles.xml'),
    footers: await Promise.all(footerPaths.map(read)),
  };
}

const ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decodeXml(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|\w+);/giu, (entity, name: string) => {
    if (name.startsWith('#x')) return String.fromCodePoint(Number.parseInt(name.slice(2), 16));
    if (name.startsWith('#')) return String.fromCodePoint(Number(name.slice(1)));
    return ENTITIES[name] ?? entity;
  });
}

/**
 * What an XML parser would reject: tags that do not nest or close, unquoted attributes, stray `<`
 * or `&`, more than one root element. Enough to catch a renderer that writes broken markup.
 */
function wellFormednessErrors(xml: string): string[] {
  const errors: string[] = [];
  const stack: string[] = [];
  let roots = 0;
  const token =
    /<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>|<\/([\w:.-]+)\s*>|<([\w:.-]+)((?:\s+[\w:.-]+\s*=\s*(?:"[^"<]*"|'[^'<]*'))*)\s*(\/?)>|([^<]+)|(<)/gy;
  for (const match of xml.matchAll(token)) {
    const [whole, closing, opening, , selfClosing, text, stray] = match;
    if (stray) errors.push(`stray "<" at ${match.index}: ${xml.slice(match.index, match.index + 60)}`);
    else if (text !== undefined) {
      if (/&(?!(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-f]+);)/iu.test(text)) errors.push(`bare "&" in ${text.slice(0, 60)}`);
      if (stack.length === 0 && text.trim() !== '') errors.push(`text outside the root: ${text.slice(0, 60)}`);
    } else if (closing) {
      const open = stack.pop();
      if (open !== closing) errors.push(`</${closing}> closes <${open ?? 'nothing'}>`);
    } else if (opening) {
      if (stack.length === 0) roots += 1;
      if (!selfClosing) stack.push(opening);
    } else if (!whole.startsWith('<?') && !whole.startsWith('<!--') && stack.length === 0) {
      errors.push(`markup outside the root: ${whole.slice(0, 60)}`);
    }
  }
  if (stack.length > 0) errors.push(`unclosed: ${stack.join(' > ')}`);
  if (roots !== 1) errors.push(`${roots} root elements`);
  return errors;
}

/** Each paragraph's text: docx writes a paragraph as several runs, so join the w:t of each w:p. */
function paragraphTexts(documentXml: string): string[] {
  return [...documentXml.matchAll(/<w:p(?:\s[^>]*)?>([\s\S]*?)<\/w:p>/gu)].map(([, inner = '']) =>
    [...inner.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/gu)].map(([, text = '']) => decodeXml(text)).join(''),
  );
}

/** Every text of the model that must come out as a paragraph of its own, in the model's words. */
function expectedParagraphs(model: ReportModel): string[] {
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
      return block.rows.map(([label, value]) => `${label}：${value}`);
    case 'table':
      return [block.caption, ...block.columns.map((column) => column.title), ...block.rows.flat().filter((cell) => cell !== '')];
    case 'chart':
      return [block.title, ...block.bars.flatMap((bar) => [bar.label, barFigures(bar)])];
    case 'page-break':
      return [];
  }
}

describe.each(EXAMPLES)('renderDocx: $name', ({ path }) => {
  const { input, model } = exampleReport(path);
  let docx: DocxParts;

  beforeAll(async () => {
    docx = await unzipDocx(await renderDocx(model));
  });

  it('writes well-formed XML', () => {
    for (const xml of [docx.document, docx.styles, ...docx.footers]) expect(wellFormednessErrors(xml)).toEqual([]);
  });

  it('contains every paragraph, field and table cell of the report model, each in a paragraph of its own', () => {
    const paragraphs = new Set(paragraphTexts(docx.document));
    const missing = expectedParagraphs(model).filter((text) => !paragraphs.has(text));
    expect(missing).toEqual([]);
  });

  it('contains every goal and indicator name of the workbook, and every target and actual of the score table', () => {
    const text = paragraphTexts(docx.document).join('\n');
    // The report ends each goal with its own punctuation (；or 。).
    const goals = input.goals.map((goal) => goal.text.replace(/[；;。.，,]+$/u, ''));
    const names = input.indicators.map((indicator) => indicator.name);
    const scoreTable = model.blocks.find((block) => block.type === 'table');
    expect(scoreTable?.columns.slice(3, 5).map((column) => column.title)).toEqual(['目标值', '实际值']);
    const figures = (scoreTable?.rows ?? []).flatMap((row) => row.slice(3, 5));
    expect(names.length).toBeGreaterThanOrEqual(10);
    expect([...goals, ...names, ...figures].filter((expected) => !text.includes(expected))).toEqual([]);
  });

  it('sets the text on portrait A4 and the appendix on landscape A4 with GB/T 9704 margins', () => {
    const sections = [...docx.document.matchAll(/<w:sectPr\b[\s\S]*?<\/w:sectPr>/gu)].map(([section]) => section);
    expect(sections).toHaveLength(2);
    const [portrait = '', landscape = ''] = sections;
    expect(portrait).toContain('<w:pgSz w:w="11906" w:h="16838" w:orient="portrait"/>');
    expect(portrait).toMatch(/<w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1587"/u);
    expect(landscape).toContain('<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/>');
    for (const section of sections) expect(section).toMatch(/<w:footerReference w:type="default" r:id="\w+"\/>/u);
    const appendixStart = docx.document.indexOf(portrait) + portrait.length;
    expect(docx.document.indexOf('附表1：绩效指标评分表')).toBeGreaterThan(appendixStart);
  });

  it('numbers the pages "— N —" in the footer', () => {
    expect(docx.footers.length).toBeGreaterThan(0);
    for (const footer of docx.footers) {
      // The number itself is a PAGE field, which Word and LibreOffice fill in; only the dashes are text.
      expect(paragraphTexts(footer)).toEqual(['—  —']);
      expect(footer).toMatch(/<w:instrText[^>]*>PAGE<\/w:instrText>/u);
      expect(footer).toContain('w:eastAsia="宋体"');
      expect(footer).toContain('<w:sz w:val="28"/>');
    }
  });

  it('gives every run an East Asian font and the document the zh-CN language', () => {
    const runs = [...docx.document.matchAll(/<w:r>([\s\S]*?)<\/w:r>/gu)].map(([, run = '']) => run);
    expect(runs.length).toBeGreaterThan(100);
    const fonts = (run: string) =>
      Object.fromEntries(
        [...(run.match(/<w:rFonts\b[^>]*>/u)?.[0] ?? '').matchAll(/w:(\w+)="([^"]*)"/gu)].map(([, name, value]) => [name, value]),
      );
    const withoutFont = runs.filter((run) => {
      const font = fonts(run);
      return font.ascii !== 'Times New Roman' || font.hAnsi !== 'Times New Roman' || !font.eastAsia;
    });
    expect(withoutFont).toEqual([]);
    for (const face of ['方正小标宋简体', '黑体', '楷体', '仿宋']) expect(docx.document).toContain(`w:eastAsia="${face}"`);
    expect(docx.styles).toContain('<w:lang w:val="zh-CN" w:eastAsia="zh-CN"/>');
  });

  it('repeats the table header rows and merges 一级/二级指标 vertically', () => {
    const tables = model.blocks.filter((block) => block.type === 'table');
    const charts = model.blocks.filter((block) => block.type === 'chart');
    const spans = tables.flatMap((table) => rowSpans(table).flat());
    expect(docx.document.match(/<w:tblHeader\/>/gu)).toHaveLength(tables.length + charts.length);
    expect(docx.document.match(/<w:vMerge w:val="restart"\/>/gu)?.length).toBe(spans.filter((span) => span > 1).length);
    expect(docx.document.match(/<w:vMerge w:val="continue"\/>/gu)?.length).toBe(spans.filter((span) => span === 0).length);
  });

  it('prints the total row in bold', () => {
    const totalRow = [...docx.document.matchAll(/<w:tr\b[\s\S]*?<\/w:tr>/gu)].map(([row]) => row).find((row) => row.includes('>合计<'));
    const runs = totalRow?.match(/<w:r>[\s\S]*?<\/w:r>/gu) ?? [];
    expect(runs.length).toBe(8);
    expect(runs.filter((run) => !run.includes('<w:b/>'))).toEqual([]);
  });
});

describe('wellFormednessErrors', () => {
  it.each(['<a><b></a></b>', '<a>&</a>', '<a/><b/>', '<a x=1/>', '<a><b>', 'text<a/>', '<a>1 < 2</a>'])('rejects %s', (xml) => {
    expect(wellFormednessErrors(xml)).not.toEqual([]);
  });

  it('accepts a declaration, attributes, entities and empty elements', () => {
    expect(wellFormednessErrors('<?xml version="1.0"?><w:a x="1" y=\'2\'>&amp;&#20013;<w:b/></w:a>')).toEqual([]);
  });
});

describe('renderDocx', () => {
  it('keeps a report without a page break on one portrait section', async () => {
    const model: ReportModel = {
      title: '测试报告',
      blocks: [
        { type: 'title', text: '测试报告' },
        { type: 'paragraph', text: '正文 & <符号> "引号"' },
      ],
      meta: { organisation: '测试单位', fiscalYear: 2024, kind: 'project', total: '100.00', grade: '优' },
    };
    const { document } = await unzipDocx(await renderDocx(model));
    expect(document.match(/<w:sectPr\b/gu)).toHaveLength(1);
    expect(document).not.toContain('landscape');
    expect(paragraphTexts(document)).toEqual(['测试报告', '正文 & <符号> "引号"']);
  });
});
