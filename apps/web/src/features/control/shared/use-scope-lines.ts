import { queryString } from '../../../api/client.ts';
import { budgetApi } from '../../../api/endpoints.ts';
import { useApi } from '../../../api/use-api.ts';
import type { ControlScope } from '../scope/use-control-scope.ts';

/** The budget lines of the page's organisation and year (with their available balance), for pickers and names. */
export function useScopeLines(scope: Pick<ControlScope, 'organisationId' | 'listOrganisationId' | 'fiscalYear'>) {
  const query =
    scope.organisationId && scope.fiscalYear ? { organisationId: scope.listOrganisationId, fiscalYear: scope.fiscalYear } : null;
  return useApi(query ? `budget-lines:${scope.organisationId}${queryString(query)}` : null, () => budgetApi.lines(query ?? {}));
}
