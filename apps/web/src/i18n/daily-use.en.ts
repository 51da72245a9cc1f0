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
};
