/** Today's date in China (UTC+8, no daylight saving), ISO yyyy-mm-dd: the date users and the treasury see. */
export function chinaToday(now: Date): string {
  return new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}
