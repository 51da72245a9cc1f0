export type TextEncoding = 'utf-8' | 'gb18030' | 'utf-16le' | 'utf-16be';

/**
 * Decodes a text file whose encoding nobody states. A byte-order mark decides when there is one
 * (Excel's “CSV UTF-8” writes EF BB BF; its “Unicode text” writes FF FE). Otherwise the bytes are
 * UTF-8 if they are valid UTF-8, and GB18030 if not: Chinese finance software and Excel on a
 * Chinese Windows save CSV in GBK, which GB18030 contains. Text in GBK is almost never valid
 * UTF-8 by accident (its two-byte sequences break UTF-8's continuation-byte rules), so the test is
 * safe in that direction; plain ASCII is the same in both.
 */
export function decodeText(bytes: Uint8Array): { text: string; encoding: TextEncoding } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8' };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('gb18030').decode(bytes), encoding: 'gb18030' };
  }
}
