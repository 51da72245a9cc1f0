import type { ControlAccess } from '@jixiao/contract';
import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import { http } from './client.ts';
import { controlAccessKeys } from './query-keys.ts';

export type UnitPermissions = z.infer<typeof ControlAccess>['permissions'];

const NOTHING: UnitPermissions = {
  createBudgetLine: false,
  requestPayment: false,
  createProcurement: false,
  signContract: false,
  createAssetCards: false,
  stocktake: false,
  createRecipient: false,
  createGrant: false,
  followUp: false,
  importLedger: false,
  editSelfAssessment: false,
};

// Roles change only through the administration screens and a new sign-in clears the cache.
const ACCESS_STALE_MS = 5 * 60_000;

/** What the signed-in user may create or run in the unit, as the server's policies say; nothing until known. */
export function useUnitPermissions(organisationId: string | undefined): UnitPermissions {
  const query = useQuery({
    queryKey: controlAccessKeys.unit(organisationId),
    queryFn: () => http.get<z.infer<typeof ControlAccess>>('/api/control/access', { organisationId }),
    enabled: organisationId !== undefined,
    staleTime: ACCESS_STALE_MS,
  });
  return query.data?.permissions ?? NOTHING;
}
