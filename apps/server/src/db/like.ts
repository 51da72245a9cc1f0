/**
 * The ILIKE pattern for "contains what was typed": % and _ are escaped, so a search for "100%" or
 * "a_b" finds those characters rather than matching anything.
 */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
}
