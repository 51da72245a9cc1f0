import { describe, expect, it } from 'vitest';
import { csvRecords } from './csv.ts';
import { decodeText } from './decode-text.ts';
import { encodeGb18030 } from './testing.ts';

const records = (text: string) => [...csvRecords(text)].map(({ row, fields, unterminated }) => ({ row, fields, unterminated }));

describe('csvRecords', () => {
  it.each([
    [
      'CRLF',
      'a,b\r\nc,d\r\n',
      [
        ['a', 'b'],
        ['c', 'd'],
      ],
    ],
    [
      'LF without a final break',
      'a,b\nc,d',
      [
        ['a', 'b'],
        ['c', 'd'],
      ],
    ],
    [
      'lone CR (old Mac)',
      'a,b\rc,d\r',
      [
        ['a', 'b'],
        ['c', 'd'],
      ],
    ],
    ['quoted separator and quote', '"x, ""y""",z\r\n', [['x, "y"', 'z']]],
    ['empty fields', ',,\r\n', [['', '', '']]],
    ['Excel\'s ="0012" text', '="0012",="a""b"\r\n', [['0012', 'a"b']]],
    [
      'tab-separated (Excel Unicode text)',
      'a\tb\r\nc, d\te\r\n',
      [
        ['a', 'b'],
        ['c, d', 'e'],
      ],
    ],
  ])('%s', (_name, text, expected) => {
    expect(records(text).map((record) => record.fields)).toEqual(expected);
  });

  it('keeps a quoted line break inside its record and numbers records as a spreadsheet shows them', () => {
    expect(records('h1,h2\r\n"two\r\nlines",x\r\nlast,y\r\n')).toEqual([
      { row: 1, fields: ['h1', 'h2'], unterminated: false },
      { row: 2, fields: ['two\r\nlines', 'x'], unterminated: false },
      { row: 3, fields: ['last', 'y'], unterminated: false },
    ]);
  });

  it('flags an unclosed quote instead of guessing where the field ends', () => {
    expect(records('a,b\r\n"open,c\r\nd,e\r\n')).toEqual([
      { row: 1, fields: ['a', 'b'], unterminated: false },
      { row: 2, fields: ['open,c\r\nd,e\r\n'], unterminated: true },
    ]);
  });
});

describe('decodeText', () => {
  const chinese = '单位编码,收款人\r\n广州市番禺区,张三\r\n';

  it.each([
    ['UTF-8 with BOM', new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(chinese)]), 'utf-8'],
    ['UTF-8 without BOM', new TextEncoder().encode(chinese), 'utf-8'],
    ['GBK / GB18030 (no BOM, not valid UTF-8)', encodeGb18030(chinese), 'gb18030'],
    ['UTF-16LE with BOM', new Uint8Array([0xff, 0xfe, ...new Uint8Array(Buffer.from(chinese, 'utf16le'))]), 'utf-16le'],
  ])('%s', (_name, bytes, encoding) => {
    expect(decodeText(bytes)).toEqual({ text: chinese, encoding });
  });
});
