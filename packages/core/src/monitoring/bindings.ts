import { LEDGER_METRIC_LABEL, type LedgerMetric } from '../control/ledger.ts';

/**
 * Which declared indicators the ledger answers. A 绩效目标申报表 line carries no formula, so a line is
 * read from the ledger when its 三级指标 is one of the ledger's own rates (预算执行率, 资金及时足额拨付率 …,
 * the names 财预〔2020〕10号 and the 一体化 systems use) or a usual shorter form of it, in percent. Any other
 * line is filled by the unit. Kept as a closed list so a unit can see, and the docs state, exactly which names bind.
 */
const ALIASES: Readonly<Record<string, LedgerMetric>> = {
  执行率: 'execution-rate',
  资金执行率: 'execution-rate',
  预算资金执行率: 'execution-rate',
  资金及时足额率: 'paid-on-time-in-full-rate',
  及时足额拨付率: 'paid-on-time-in-full-rate',
  资金拨付及时率: 'paid-on-time-in-full-rate',
  政府采购预算执行率: 'procurement-execution-rate',
};

const BY_NAME: ReadonlyMap<string, LedgerMetric> = new Map<string, LedgerMetric>([
  ...(Object.entries(LEDGER_METRIC_LABEL) as [LedgerMetric, string][]).map(([metric, label]): [string, LedgerMetric] => [label, metric]),
  ...Object.entries(ALIASES),
]);

/** The ledger metric a declared line is bound to, or undefined when the unit fills it. */
export function ledgerBindingOf(line: { readonly name: string; readonly unit?: string | null | undefined }): LedgerMetric | undefined {
  if (line.unit?.trim() !== '%') return undefined;
  return BY_NAME.get(line.name.replace(/\s+/g, ''));
}

/** The names that bind, for the docs and the form's hint. */
export const LEDGER_BOUND_NAMES: readonly string[] = [...BY_NAME.keys()];
