import type { LedgerMetric } from '../control/ledger.ts';

/**
 * Which declared indicators the ledger answers during the year. A 绩效目标申报表 line carries no formula,
 * so a line in percent is read from the ledger when its 三级指标 names one of the ledger's rates that
 * already mean something mid-year: 预算（资金）执行率, 资金及时足额（拨付）率, 政府采购执行率 and 预算调整率
 * (财预〔2020〕10号 附件 指标体系的 名称). 成本控制率, 结转结余率 and the December share are year-end figures
 * (spending so far against the whole budget says nothing about cost), so those lines stay the unit's to fill.
 * A closed list of patterns, so a unit can see, and docs/monitoring.md states, exactly which names bind.
 */
export const LEDGER_BINDING_PATTERNS: readonly { readonly pattern: RegExp; readonly metric: LedgerMetric; readonly example: string }[] = [
  { pattern: /及时足额/, metric: 'paid-on-time-in-full-rate', example: '资金及时足额拨付率、补贴资金及时足额率' },
  { pattern: /政府采购.*执行率/, metric: 'procurement-execution-rate', example: '政府采购执行率' },
  { pattern: /^(预算|资金|预算资金|项目资金|项目预算)?执行率$/, metric: 'execution-rate', example: '预算执行率、资金执行率' },
  { pattern: /^预算调整率$/, metric: 'adjustment-rate', example: '预算调整率' },
];

/** The ledger metric a declared line is bound to, or undefined when the unit fills it. */
export function ledgerBindingOf(line: { readonly name: string; readonly unit?: string | null | undefined }): LedgerMetric | undefined {
  if (line.unit?.trim() !== '%') return undefined;
  const name = line.name.replace(/\s+/g, '');
  return LEDGER_BINDING_PATTERNS.find((entry) => entry.pattern.test(name))?.metric;
}
