import { readFileSync } from 'node:fs';
import { parseWorkbook } from '@jixiao/core';
import { describe, expect, it } from 'vitest';
import { readWorkbookJson } from './read-json.ts';
import { EXAMPLES, repoUrl } from './testing.ts';

/** The JSON workbook as bytes, in the encodings a preparer's editor may choose. */
const utf8 = readFileSync(repoUrl(`${EXAMPLES.project}.json`));
// The example converted by `iconv -f utf-8 -t gb18030`, as a Chinese Windows editor saves it.
const gb18030 = readFileSync(new URL('../../test/fixtures/project-gb18030.json', import.meta.url));

function expected() {
  const parsed = parseWorkbook(JSON.parse(utf8.toString('utf8')));
  if (!parsed.ok) throw new Error('the project example is not valid');
  return parsed.value;
}

function read(bytes: Uint8Array) {
  const result = readWorkbookJson(new Uint8Array(bytes));
  if (!result.ok) throw new Error(result.issues.map((issue) => issue.message).join('\n'));
  return result.value;
}

describe('a JSON workbook is read in the encoding it was saved in', () => {
  it('the fixture really is GB18030, not UTF-8', () => {
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(gb18030)).toThrow();
  });

  it.each<[string, () => Uint8Array]>([
    ['UTF-8', () => utf8],
    ['UTF-8 with a byte-order mark (Windows Notepad)', () => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8])],
    ['GB18030 / GBK', () => gb18030],
    ['UTF-16 LE with a byte-order mark', () => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(utf8.toString('utf8'), 'utf16le')])],
  ])('%s: every Chinese string reads as written', (_, bytes) => {
    const workbook = read(bytes());
    expect(workbook).toEqual(expected());
    expect(workbook.input.organisation.name).toBe('示例区中小企业服务中心');
  });

  it('bytes that are neither UTF-8 nor GB18030 are refused, naming the encoding to save in', () => {
    // "café" in Latin-1: 0xE9 followed by a space is not a GB18030 sequence either.
    const latin1 = Buffer.from('{"notes": "caf\u00e9 au lait"}', 'latin1');
    const result = readWorkbookJson(new Uint8Array(latin1));
    expect(result).toEqual({
      ok: false,
      issues: [
        { path: '', message: '文件编码无法识别（按 GB18030 读取，第 1 行有无法解码的字节）：请用文本编辑器“另存为”UTF-8 编码后重新导入' },
      ],
    });
  });

  it('UTF-8 text that already holds replacement characters is refused, not imported as garbage', () => {
    const result = readWorkbookJson(new TextEncoder().encode('{\n"notes": "\uFFFD\uFFFD"}'));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues[0]?.message).toMatch(/^第 2 行含有替换字符“\uFFFD”/);
  });
});
