import { STATUS } from '@jixiao/contract';
import type { EvaluationKind, ListEvaluationsFilter } from '../../api/types.ts';
import { isOneOf } from '../../lib/one-of.ts';

const KINDS: readonly EvaluationKind[] = ['department', 'project'];

/** The list's filters live in the URL (?fiscalYear=2024&status=submitted&kind=project&organisationId=…), so a filtered list can be bookmarked. */
export function filtersFromSearch(search: URLSearchParams): ListEvaluationsFilter {
  const year = Number(search.get('fiscalYear'));
  const status = search.get('status');
  const kind = search.get('kind');
  const q = search.get('q')?.trim();
  const organisationId = search.get('organisationId')?.trim();
  return {
    fiscalYear: Number.isInteger(year) && year > 0 ? year : undefined,
    status: isOneOf(STATUS, status) ? status : undefined,
    kind: isOneOf(KINDS, kind) ? kind : undefined,
    organisationId: organisationId || undefined,
    q: q || undefined,
  };
}

export function filtersToSearch(filter: ListEvaluationsFilter): Record<string, string> {
  const entries = Object.entries(filter).filter(([, value]) => value !== undefined && value !== null && value !== '');
  return Object.fromEntries(entries.map(([key, value]) => [key, String(value)]));
}
