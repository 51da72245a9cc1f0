import type { searchZh } from './search.zh.ts';

export const searchEn: Readonly<Record<keyof typeof searchZh, string>> = {
  'search.placeholder': 'Search projects, payees, contracts…',
  'search.label': 'Search',
  'search.searching': 'Searching…',
  'search.none': 'Nothing found for “{q}”',
  'search.failed': 'Search failed: {message}',
  'search.kind.evaluation': 'Self-evaluations',
  'search.kind.declaration': 'Target declarations',
  'search.kind.payment': 'Payment requests',
  'search.kind.contract': 'Contracts',
  'search.declarationStatus.draft': 'Draft',
  'search.declarationStatus.returned': 'Returned',
  'search.declarationStatus.submitted': 'Awaiting department review',
  'search.declarationStatus.department_approved': 'Awaiting finance review',
  'search.declarationStatus.approved': 'Approved',
  'search.contractStatus.active': 'In force',
  'search.contractStatus.closed': 'Settled or terminated',
  'search.year': 'FY{year}',
};
