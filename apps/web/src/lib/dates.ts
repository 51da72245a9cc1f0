import dayjs from 'dayjs';

/** "2025-06-20" or an ISO timestamp, shown as a local date ("2025-06-20"). */
export function formatDate(value: string | null | undefined): string {
  if (!value) return '—';
  const date = dayjs(value);
  return date.isValid() ? date.format('YYYY-MM-DD') : value;
}

/** An ISO timestamp shown to the minute in local time. */
export function formatDateTime(value: string | null | undefined): string {
  if (!value) return '—';
  const date = dayjs(value);
  return date.isValid() ? date.format('YYYY-MM-DD HH:mm') : value;
}

/** Days from today to a deadline (negative: overdue), by calendar date in local time. */
export function daysUntil(deadline: string, today: dayjs.Dayjs = dayjs()): number {
  return dayjs(deadline).startOf('day').diff(today.startOf('day'), 'day');
}

/**
 * Today in China (Asia/Shanghai), "2026-11-28": the server dates payments and checks "not after
 * today" in China time, whatever the browser's own time zone.
 */
export function chinaToday(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}
