import { describe, expect, it } from 'vitest';
import {
  type CellContent,
  cellContent,
  excelNumberText,
  readDate,
  readDecimal,
  readInteger,
  readList,
  readMoney,
  readText,
} from './cells.ts';

const text = (value: string): CellContent => ({ kind: 'text', text: value });
const number = (value: number, isPercent = false): CellContent => ({ kind: 'number', value, isPercent });

describe('excelNumberText: a numeric cell becomes text only when Excel kept every digit', () => {
  it.each([
    [0.1, '0.1'],
    [23.39, '23.39'],
    [-4.53, '-4.53'],
    [300800000, '300800000'],
    [300800000.5, '300800000.5'],
    [123456789012345, '123456789012345'],
    [1234567890123.45, '1234567890123.45'],
    [1e-7, '0.0000001'],
    [-1.5e-7, '-0.00000015'],
    [0, '0'],
  ])('%s → %s', (value, expected) => {
    expect(excelNumberText(value)).toBe(expected);
  });

  it.each([
    ['0.1 + 0.2, a formula artefact', 0.1 + 0.2],
    ['16 significant digits', 1234567890123456],
    ['16 integer digits, as Excel stores a cut-short 16-digit number', 1234567890123450],
    ['exponent beyond 15 digits', 1.5e21],
    ['not finite', Number.POSITIVE_INFINITY],
  ])('refuses %s', (_, value) => {
    expect(excelNumberText(value)).toBeUndefined();
  });
});

describe('cell contents', () => {
  it.each<[string, Parameters<typeof cellContent>[0], string | undefined, CellContent]>([
    ['blank', null, undefined, { kind: 'blank' }],
    ['spaces only', '  ', undefined, { kind: 'blank' }],
    ['trimmed text', ' G1 ', undefined, text('G1')],
    ['rich text', { richText: [{ text: '产' }, { text: '出' }] }, undefined, text('产出')],
    ['hyperlink', { text: '数据来源', hyperlink: 'https://example.org' }, undefined, text('数据来源')],
    ['percent-formatted number', 0.9547, '0.00%', number(0.9547, true)],
    ['formula with a cached result', { formula: 'A1*2', result: 46 }, undefined, number(46)],
    ['formula without a result', { formula: 'A1*2' }, undefined, { kind: 'invalid', message: '公式没有计算结果，请改为直接填写数值' }],
    ['error value', { error: '#DIV/0!' }, undefined, { kind: 'invalid', message: '单元格为错误值 #DIV/0!' }],
  ])('%s', (_, value, numFmt, expected) => {
    expect(cellContent(value, numFmt)).toEqual(expected);
  });
});

describe('money: at most two decimals, never rounded', () => {
  it.each<[CellContent, string | undefined]>([
    [text('288000000.00'), '288000000.00'],
    [text('1,234.5'), '1234.5'],
    [text('１２３４．５６'), '1234.56'],
    [text('1.500'), '1.50'],
    [text('+3'), '3'],
    [text('−3.00'), '-3.00'],
    [text('12元'), '12'],
    [number(300800000.5), '300800000.5'],
    [{ kind: 'blank' }, undefined],
  ])('%j → %s', (cell, expected) => {
    expect(readMoney(cell)).toEqual({ ok: true, value: expected });
  });

  it.each<[CellContent, string]>([
    [text('一百万'), '应为金额（元），只填数字，如 1234.56；读到“一百万”'],
    [text('12万'), '应为金额（元），只填数字，如 1234.56；读到“12万”'],
    [text('1.005'), '金额最多两位小数（元，精确到分），读到“1.005”；系统不做四舍五入，请核对后重填'],
    [number(0.1 + 0.2), '数值超出 Excel 能精确保存的 15 位有效数字（读到 0.30000000000000004），请把单元格设为文本格式后重新填写'],
    [number(1.005), '金额最多两位小数（元，精确到分），读到“1.005”；系统不做四舍五入，请核对后重填'],
  ])('%j is refused', (cell, message) => {
    expect(readMoney(cell)).toEqual({ ok: false, message });
  });
});

describe('values, integers, dates and lists', () => {
  it.each<[CellContent, string]>([
    [text('95.47%'), '95.47'],
    [number(0.9547, true), '95.47'],
    [number(-0.0453, true), '-4.53'],
    [number(1, true), '100'],
    [text('2,684'), '2684'],
    [text('九十'), '九十'],
  ])('decimal %j → %s (core judges the form)', (cell, expected) => {
    expect(readDecimal(cell)).toEqual({ ok: true, value: expected });
  });

  it.each<[CellContent, number | string]>([
    [text('2024'), 2024],
    [text('2024年'), 2024],
    [number(6), 6],
    [text('六'), '应为整数，读到“六”'],
    [number(6.5), '应为整数，读到“6.5”'],
  ])('integer %j → %s', (cell, expected) => {
    expect(readInteger(cell)).toEqual(typeof expected === 'number' ? { ok: true, value: expected } : { ok: false, message: expected });
  });

  it.each<[CellContent, string]>([
    [{ kind: 'date', date: new Date(Date.UTC(2025, 5, 20)) }, '2025-06-20'],
    [text('2025-06-20'), '2025-06-20'],
    [text('2025/6/2'), '2025-06-02'],
    [text('2025年6月20日'), '2025-06-20'],
    [text('２０２５年６月２０日'), '2025-06-20'],
    [text('2024-02-29'), '2024-02-29'],
  ])('date %j → %s', (cell, expected) => {
    expect(readDate(cell)).toEqual({ ok: true, value: expected });
  });

  it.each<[CellContent, string]>([
    [text('2025-02-29'), '应为日期，如 2025-06-20 或 2025年6月20日；读到“2025-02-29”'],
    [text('20/06/2025'), '应为日期，如 2025-06-20 或 2025年6月20日；读到“20/06/2025”'],
    [text('六月二十日'), '应为日期，如 2025-06-20 或 2025年6月20日；读到“六月二十日”'],
    [number(45828), '应为日期，如 2025-06-20 或 2025年6月20日；读到“45828”'],
  ])('date %j is refused', (cell, message) => {
    expect(readDate(cell)).toEqual({ ok: false, message });
  });

  it('reads numbers and dates in text columns as the text they show', () => {
    expect(readText(number(2024017))).toEqual({ ok: true, value: '2024017' });
    expect(readText({ kind: 'date', date: new Date(Date.UTC(2025, 0, 5)) })).toEqual({ ok: true, value: '2025-01-05' });
  });

  it('splits unit names on 、 and the separators people use instead', () => {
    expect(readList(text('甲单位、乙单位，丙单位\n丁单位'))).toEqual({ ok: true, value: ['甲单位', '乙单位', '丙单位', '丁单位'] });
  });
});
