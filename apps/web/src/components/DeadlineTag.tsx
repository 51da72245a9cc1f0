import { Tag } from 'antd';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { daysUntil, formatDate } from '../lib/dates.ts';

/** A deadline with how close it is: red when overdue (the server decides), orange within a week. */
export function DeadlineTag({ deadline, overdue }: { deadline: string | null; overdue: boolean }) {
  const { t } = useI18n();
  if (!deadline) return <span>—</span>;
  const days = daysUntil(deadline);
  if (overdue) {
    return (
      <Tag color="error" data-testid="deadline-overdue">
        {formatDate(deadline)} · {t('task.overdue', { days: Math.abs(days) })}
      </Tag>
    );
  }
  return <Tag color={days <= 7 ? 'warning' : 'default'}>{`${formatDate(deadline)} · ${t('task.daysLeft', { days })}`}</Tag>;
}
