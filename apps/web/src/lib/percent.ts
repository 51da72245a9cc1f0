import { compareDecimal, formatScaled, parseDecimal, subtract } from '@jixiao/core';

/**
 * Percentages from the API are decimal strings ("94.00", "-4.53"). They are compared and
 * subtracted with the core's exact decimals, never as floats, so a difference shown is exactly the
 * difference of the figures shown.
 */

/**
 * a − b in percentage points, with as many decimals as the more precise of the two:
 * "94.00" − "65.07" = "28.93". Null when either is not a decimal.
 */
export function percentPointsDiff(a: string, b: string): string | null {
  const left = parseDecimal(a);
  const right = parseDecimal(b);
  if (!left || !right) return null;
  const difference = subtract(left, right);
  return formatScaled(difference.units, difference.scale);
}

/** Whether a percentage string is below another ("65.07" < "91.67"); false when either is not a decimal. */
export function percentBelow(a: string, b: string): boolean {
  const left = parseDecimal(a);
  const right = parseDecimal(b);
  return left !== undefined && right !== undefined && compareDecimal(left, right) < 0;
}
