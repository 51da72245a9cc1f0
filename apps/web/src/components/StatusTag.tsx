import { Tag } from 'antd';
import type { EvaluationStatus } from '../api/types.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';

const COLOR: Readonly<Record<EvaluationStatus, string>> = {
  draft: 'default',
  returned: 'error',
  submitted: 'processing',
  department_approved: 'purple',
  finance_approved: 'cyan',
  published: 'success',
};

export function StatusTag({ status }: { status: EvaluationStatus }) {
  const { t } = useI18n();
  return (
    <Tag color={COLOR[status]} data-status={status}>
      {t(`status.${status}`)}
    </Tag>
  );
}
