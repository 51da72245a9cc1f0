import type { TableColumnType } from 'antd';
import type { ReactNode } from 'react';
import { formatMoney } from '../lib/money.ts';

/** A money string from the API, shown as given with thousands separators, in tabular figures. */
export function Money({ value }: { value: string | null | undefined }) {
  if (value === null || value === undefined || value === '') return <span>—</span>;
  return <span style={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }}>{formatMoney(value)}</span>;
}

/** A right-aligned table column of a record's money field, so every ledger table lines up its figures alike. */
export function moneyColumn<T>(title: ReactNode, dataIndex: NoInfer<keyof T & string>, width?: number): TableColumnType<T> {
  return { title, dataIndex, align: 'right', render: (value: string | null) => <Money value={value} />, ...(width ? { width } : {}) };
}
