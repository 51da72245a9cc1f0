import { type ParseResult, parseWorkbookJson, type Workbook } from '@jixiao/core';
import { decodeText } from '../ledger/decode-text.ts';

/**
 * Reads a JSON workbook from the bytes of a file, whatever encoding the preparer's editor saved it
 * in: UTF-8 with or without a byte-order mark (Windows Notepad writes one), UTF-16 with one, and
 * GB18030 / GBK, the default of editors on a Chinese Windows. Decoding GBK bytes as UTF-8 turned
 * every Chinese string into “���” while the numbers still scored, so the encoding is detected the
 * same way as for the ledger's CSV files. Bytes that are none of these are refused, naming the
 * encoding to save in, rather than read as replacement characters.
 */
export function readWorkbookJson(bytes: Uint8Array): ParseResult<Workbook> {
  const { text, encoding } = decodeText(bytes);
  const garbled = text.indexOf('\uFFFD');
  if (garbled >= 0) {
    const line = text.slice(0, garbled).split('\n').length;
    const message =
      encoding === 'utf-8'
        ? `第 ${line} 行含有替换字符“\uFFFD”：文字已在此前按错误的编码打开时损坏，请从原始资料重新填写后以 UTF-8 编码保存`
        : `文件编码无法识别（按 ${encoding.toUpperCase()} 读取，第 ${line} 行有无法解码的字节）：请用文本编辑器“另存为”UTF-8 编码后重新导入`;
    return { ok: false, issues: [{ path: '', message }] };
  }
  return parseWorkbookJson(text);
}
