import type { SpendingType } from '@jixiao/contract';
import { Tag } from 'antd';
import { useI18n } from '../i18n/I18nProvider.tsx';

/** 基本支出 / 项目支出: they must not be used for each other (docs/rules.md §5.5), so the tag is always shown. */
export function SpendingTypeTag({ type }: { type: SpendingType }) {
  const { t } = useI18n();
  return (
    <Tag color={type === 'basic' ? 'blue' : 'purple'} data-spending-type={type}>
      {t(`spendingType.${type}`)}
    </Tag>
  );
}
