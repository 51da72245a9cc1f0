/**
 * How numbers typed by people are read, in one place for the JSON schema and the .xlsx reader, so a
 * value accepted in one form is accepted in the other.
 */

/** Full-width ASCII (＞＝, １２, Ａ, ％) to half-width and the ideographic space to a space, so variants compare equal. */
export function toHalfWidth(text: string): string {
  return text.replaceAll(/[\uff01-\uff5e]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0)).replaceAll('\u3000', ' ');
}

/** Half-width digits and signs, no grouping commas or spaces: "１，２３４．５" → "1234.5", "−3" → "-3". */
export function normaliseNumberText(text: string): string {
  return toHalfWidth(text)
    .replaceAll(/[\u2212\u2012\u2013]/g, '-')
    .replaceAll(/[,\s]/g, '');
}
