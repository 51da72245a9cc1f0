/**
 * Target and actual values (目标值 / 完成值) are exact decimals typed as text. While typing, keep
 * only what can be part of a decimal: digits, one point, a leading sign. Full-width characters
 * (an IME left on) become their ASCII forms.
 */
export function sanitizeDecimal(input: string): string {
  const ascii = input
    .replace(/[０-９]/g, (digit) => String.fromCharCode(digit.charCodeAt(0) - 0xfee0))
    .replace(/[．。]/g, '.')
    .replace(/[－—]/g, '-')
    .replace(/＋/g, '+');
  const sign = /^[+-]/.exec(ascii.trimStart())?.[0] ?? '';
  const body = ascii.replace(/[^\d.]/g, '');
  const point = body.indexOf('.');
  const digits = point === -1 ? body : `${body.slice(0, point + 1)}${body.slice(point + 1).replace(/\./g, '')}`;
  return `${sign}${digits}`;
}
