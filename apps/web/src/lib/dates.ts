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
