import { formatMoney } from '../lib/money.ts';

/** A money string from the API, shown as given with thousands separators, in tabular figures. */
export function Money({ value }: { value: string | null | undefined }) {
  if (value === null || value === undefined || value === '') return <span>—</span>;
  return <span style={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }}>{formatMoney(value)}</span>;
}
