/** One record of a CSV file, numbered the way a spreadsheet shows it (a quoted line break stays inside its record). */
export interface CsvRecord {
  readonly row: number;
  readonly fields: string[];
  /** The record's last quoted field never closed: everything after its opening quote was swallowed. */
  readonly unterminated: boolean;
}

/**
 * Splits CSV text into records (RFC 4180 as Excel writes it): fields in double quotes may hold the
 * separator, line breaks and "" for a quote; CRLF, LF and a lone CR all end a record. The separator
 * is a comma, or a tab when the first line has tabs and no commas (Excel's “Unicode text”).
 * Excel's `="0012"` (a code kept as text so its zeros survive) is read as 0012.
 */
export function* csvRecords(text: string): Generator<CsvRecord> {
  const separator = detectSeparator(text);
  let row = 0;
  let index = 0;
  const length = text.length;
  while (index < length) {
    row += 1;
    const fields: string[] = [];
    let unterminated = false;
    for (;;) {
      let field: string;
      if (text.charCodeAt(index) === QUOTE) {
        const end = closingQuote(text, index + 1);
        if (end < 0) {
          field = text.slice(index + 1).replaceAll('""', '"');
          index = length;
          unterminated = true;
        } else {
          field = text.slice(index + 1, end).replaceAll('""', '"');
          index = end + 1;
          // Anything between the closing quote and the separator (`"a"b`) is kept, as Excel does.
          const next = nextBoundary(text, index, separator);
          field += text.slice(index, next);
          index = next;
        }
      } else {
        const next = nextBoundary(text, index, separator);
        field = unwrapFormulaText(text.slice(index, next));
        index = next;
      }
      fields.push(field);
      if (index < length && text[index] === separator) {
        index += 1;
        continue;
      }
      index = skipLineBreak(text, index);
      break;
    }
    yield { row, fields, unterminated };
  }
}

const QUOTE = 0x22;

function detectSeparator(text: string): ',' | '\t' {
  const firstLineEnd = text.search(/[\r\n]/);
  const firstLine = firstLineEnd < 0 ? text : text.slice(0, firstLineEnd);
  return firstLine.includes('\t') && !firstLine.includes(',') ? '\t' : ',';
}

/** The index of the quote that closes a quoted field starting at `from`, skipping "" pairs; -1 if none. */
function closingQuote(text: string, from: number): number {
  let index = from;
  for (;;) {
    const quote = text.indexOf('"', index);
    if (quote < 0) return -1;
    if (text.charCodeAt(quote + 1) !== QUOTE) return quote;
    index = quote + 2;
  }
}

/** The index of the next separator or line break at or after `from`. */
function nextBoundary(text: string, from: number, separator: string): number {
  for (let index = from; index < text.length; index += 1) {
    const char = text[index];
    if (char === separator || char === '\n' || char === '\r') return index;
  }
  return text.length;
}

function skipLineBreak(text: string, index: number): number {
  if (text[index] === '\r') return text[index + 1] === '\n' ? index + 2 : index + 1;
  if (text[index] === '\n') return index + 1;
  return index;
}

function unwrapFormulaText(field: string): string {
  const match = /^="(.*)"$/.exec(field);
  return match ? (match[1] ?? '').replaceAll('""', '"') : field;
}
