import type { LedgerMetric } from '@jixiao/contract';
import type { Band, ManagementBody, ManagementEntry } from '../../../api/types.ts';
import { parseMoneyInput } from '../../../lib/money.ts';

export interface ManagementValues {
  amounts: Record<string, string | undefined>;
  target: string | null;
  weight: string | null;
  notApplicable: boolean;
  band: Band | null;
  score: string | null;
  /** The item's value typed as a rate, instead of its amounts. */
  rate: string | null;
  deviationReason: string | null;
  note: string | null;
  /** A ledger metric whose numerator and denominator fill the amounts; null: typed by hand. */
  bindingMetric: LedgerMetric | null;
}

const blankToNull = (value: string | null | undefined) => (value?.trim() ? value.trim() : null);

export function managementValues(entry: ManagementEntry): ManagementValues {
  return {
    amounts: { ...entry.amounts },
    target: entry.target,
    weight: entry.weight,
    notApplicable: entry.notApplicable,
    band: entry.band,
    score: entry.score,
    rate: entry.rate ?? null,
    deviationReason: entry.deviationReason,
    note: entry.note,
    bindingMetric: entry.binding?.metric ?? null,
  };
}

/**
 * The request that saves the drawer. A bound item sends no amounts: the ledger fills them, and the
 * server refuses a typed figure it would ignore. The binding is always sent (null unbinds); its lines
 * are kept when the metric stays the same.
 */
export function managementBody(entry: ManagementEntry, values: ManagementValues): ManagementBody {
  const qualitative = entry.kind === 'qualitative';
  const amounts: Record<string, string> = {};
  for (const [key, value] of Object.entries(values.amounts ?? {})) {
    const parsed = value ? parseMoneyInput(value) : null;
    if (parsed !== null) amounts[key] = parsed;
  }
  const metric = qualitative ? null : values.bindingMetric;
  const lines = metric && metric === entry.binding?.metric ? entry.binding.budgetLineIds : undefined;
  return {
    amounts: qualitative || metric ? undefined : amounts,
    target: blankToNull(values.target),
    weight: blankToNull(values.weight),
    notApplicable: values.notApplicable,
    band: qualitative ? values.band : null,
    score: qualitative ? blankToNull(values.score) : null,
    // A bound item takes its rate from the ledger, so a typed one would only contradict it.
    rate: qualitative || metric ? null : blankToNull(values.rate),
    deviationReason: blankToNull(values.deviationReason),
    note: blankToNull(values.note),
    binding: metric ? { metric, ...(lines ? { budgetLineIds: lines } : {}) } : null,
    version: entry.version ?? undefined,
  };
}
