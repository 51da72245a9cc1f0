import type { AdjustmentSummary } from '@jixiao/contract';
import { Tag } from 'antd';
import { useI18n } from '../../i18n/I18nProvider.tsx';

const COLOR: Readonly<Record<AdjustmentSummary['status'], string>> = {
  draft: 'default',
  submitted: 'processing',
  department_approved: 'blue',
  returned: 'orange',
  approved: 'green',
  rejected: 'red',
};

export function AdjustmentStatusTag({ status }: { status: AdjustmentSummary['status'] }) {
  const { t } = useI18n();
  return <Tag color={COLOR[status]}>{t(`targetAdjustment.statusOf.${status}`)}</Tag>;
}
