import type { PaymentStatus } from '@jixiao/contract';
import { Tag } from 'antd';
import { useI18n } from '../../../i18n/I18nProvider.tsx';

const COLOR: Readonly<Record<PaymentStatus, string>> = {
  requested: 'processing',
  reviewed: 'cyan',
  approved: 'purple',
  paid: 'success',
  archived: 'default',
  rejected: 'error',
};

export function PaymentStatusTag({ status }: { status: PaymentStatus }) {
  const { t } = useI18n();
  return (
    <Tag color={COLOR[status]} data-status={status}>
      {t(`paymentStatus.${status}`)}
    </Tag>
  );
}
