import { Tag } from 'antd';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { type RectificationStatus, STATUS_COLOR } from './labels.ts';

export function RectificationStatusTag({ status }: { status: RectificationStatus }) {
  const { t } = useI18n();
  return <Tag color={STATUS_COLOR[status]}>{t(`rectification.statusOf.${status}`)}</Tag>;
}

/** The deadline, in red with a tag when overdue. */
export function RectificationDeadline({ deadline, overdue }: { deadline: string; overdue: boolean }) {
  const { t } = useI18n();
  return overdue ? (
    <span style={{ color: '#cf1322' }} data-testid="rectification-overdue">
      {deadline} <Tag color="red">{t('rectification.overdueYes')}</Tag>
    </span>
  ) : (
    <span>{deadline}</span>
  );
}
