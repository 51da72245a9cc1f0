import { useQuery } from '@tanstack/react-query';
import { budgetApi } from './endpoints.ts';
import { budgetLineKeys } from './query-keys.ts';

/**
 * The budget lines an indicator can be bound to. The ledger pages still write without the cache
 * (issue 8), so nothing here would learn of a new line: it is read afresh each time it is shown.
 */
export function useBudgetLines(filter: { organisationId: string; fiscalYear: number; projectId?: string | undefined }, enabled: boolean) {
  return useQuery({ queryKey: budgetLineKeys.list(filter), queryFn: () => budgetApi.lines(filter), enabled, staleTime: 0 });
}
