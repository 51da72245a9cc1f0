import { useBudgetLines } from '../../../api/control-queries.ts';
import type { ControlScope } from '../scope/use-control-scope.ts';

/** The budget lines of the page's organisation and year (with their available balance), for pickers and names. */
export function useScopeLines(scope: Pick<ControlScope, 'organisationId' | 'listOrganisationId' | 'fiscalYear'>) {
  return useBudgetLines(
    scope.organisationId && scope.fiscalYear ? { organisationId: scope.listOrganisationId, fiscalYear: scope.fiscalYear } : null,
  );
}
