import type { Readable } from 'node:stream';
import ExcelJS from 'exceljs';

type ReaderOptions = ConstructorParameters<typeof ExcelJS.stream.xlsx.WorkbookReader>[1];

/** The two methods of exceljs 4.4.0's WorkbookReader that hand raw zip chunks to its XML parser. */
interface ReaderInternals {
  _parseWorksheet(iterator: AsyncIterable<Buffer | string>, sheetNo: string): Generator<unknown>;
  _parseSharedStrings(entry: Readable): AsyncGenerator<unknown>;
}

/**
 * exceljs's streaming reader decodes every zip chunk to text on its own (lib/utils/parse-sax.js),
 * so a Chinese character whose three UTF-8 bytes straddle two chunks becomes “���” — a few cells in
 * every 100,000-row file (exceljs issues #2063, #2084, #2316; the fixes proposed upstream are not
 * merged). This reader gives the parser text instead of bytes: worksheet chunks go through one
 * streaming TextDecoder, which keeps a split character until its last byte arrives, and the shared
 * strings entry is set to decode itself the same way. Only this instance is changed; if exceljs's
 * internals move, it throws at once rather than read garbled text.
 */
export function utf8SafeWorkbookReader(input: Readable, options: ReaderOptions): ExcelJS.stream.xlsx.WorkbookReader {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, options);
  const internals = reader as unknown as ReaderInternals;
  if (typeof internals._parseWorksheet !== 'function' || typeof internals._parseSharedStrings !== 'function') {
    throw new Error('exceljs WorkbookReader internals changed: re-check the UTF-8 chunk fix in utf8-safe-reader.ts');
  }
  const parseWorksheet = internals._parseWorksheet.bind(reader);
  const parseSharedStrings = internals._parseSharedStrings.bind(reader);
  internals._parseWorksheet = (iterator, sheetNo) => parseWorksheet(decodeUtf8(iterator), sheetNo);
  internals._parseSharedStrings = (entry) => {
    entry.setEncoding('utf8');
    return parseSharedStrings(entry);
  };
  return reader;
}

async function* decodeUtf8(chunks: AsyncIterable<Buffer | string>): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8');
  for await (const chunk of chunks) yield typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
  const rest = decoder.decode();
  if (rest) yield rest;
}
