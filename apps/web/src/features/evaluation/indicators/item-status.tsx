import { Tag } from 'antd';
import type { ItemStatus } from '../../../api/types.ts';
import { useI18n } from '../../../i18n/I18nProvider.tsx';

const COLOR: Readonly<Record<ItemStatus, string>> = {
  met: 'success',
  partial: 'warning',
  'not-met': 'error',
  'not-applicable': 'default',
  missing: 'magenta',
};

/** 达成 / 部分达成 / 未达成 / 不适用 / 未填报 of one scored item. */
export function ItemStatusTag({ status }: { status: ItemStatus }) {
  const { t } = useI18n();
  return <Tag color={COLOR[status]}>{t(`itemStatus.${status}`)}</Tag>;
}
