import { z } from 'zod';
import { Uuid } from '../common.ts';

/**
 * What the signed-in user may do with a record, one boolean per action, as the server's policy
 * decides it (posts, status, segregation of duties). The web app shows an action from this alone.
 */
export function permissionsOf<const A extends string>(...actions: A[]): z.ZodObject<Record<A, z.ZodBoolean>> {
  return z.object(Object.fromEntries(actions.map((action) => [action, z.boolean()])) as Record<A, z.ZodBoolean>);
}

export const ControlAccessQuery = z.object({ organisationId: Uuid });

/** What the signed-in user may create or run in one unit (collection-level actions of the control pages). */
export const ControlAccess = z.object({
  organisationId: Uuid,
  permissions: permissionsOf(
    'createBudgetLine',
    'requestPayment',
    'createProcurement',
    'signContract',
    'createAssetCards',
    'stocktake',
    'createRecipient',
    'createGrant',
    'followUp',
    'importLedger',
    'editSelfAssessment',
  ),
});
