import type { TableColumnType } from 'antd';
import type { ReactNode } from 'react';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { formatMoney, formatMoneyIn } from '../lib/money.ts';
import { useMoneyUnit } from './MoneyUnit.tsx';

/**
 * A money string from the API with thousands separators, in tabular figures, in the page's unit (元 unless
 * the page offers 万元); in 万元 the figure is exact (up to six decimals) and its yuan are in the tooltip.
 */
export function Money({ value }: { value: string | null | undefined }) {
  const unit = useMoneyUnit();
  const { t } = useI18n();
  if (value === null || value === undefined || value === '') return <span>—</span>;
  return (
    <span
      style={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }}
      title={unit === 'yuan' ? undefined : `${formatMoney(value)} ${t('common.yuan')}`}
    >
      {formatMoneyIn(value, unit)}
    </span>
  );
}

/** A right-aligned table column of a record's money field, so every ledger table lines up its figures alike. */
export function moneyColumn<T>(title: ReactNode, dataIndex: NoInfer<keyof T & string>, width?: number): TableColumnType<T> {
  return { title, dataIndex, align: 'right', render: (value: string | null) => <Money value={value} />, ...(width ? { width } : {}) };
}
