import type { dailyUseZh } from './daily-use.zh.ts';

export const dailyUseEn: Readonly<Record<keyof typeof dailyUseZh, string>> = {
  'audit.actorEntries': '{name} ({count} entries)',
  'common.paren': ' ({text})',
  'common.comma': ', ',
  'score.unscored': 'Not scored yet',
  'money.unit': 'Amounts in',
  'money.wan': '10k yuan',
  'list.searchPayments': 'Payee, purpose, invoice or line',
  'list.searchProcurements': 'Code, title, supplier or line',
  'list.searchEvaluations': 'Project name, code or unit',
  'list.searchContracts': 'Contract number, title or counterparty',
  'list.searchAssets': 'Asset code, name, category, location or custodian',
  'list.searchGrants': 'Recipient, USCC, programme or line',
  'list.searchDeclarations': 'Project name, code or unit',
  'list.searchRectifications': 'Problem, source, owner or unit',
  'list.department': 'Unit',
};
