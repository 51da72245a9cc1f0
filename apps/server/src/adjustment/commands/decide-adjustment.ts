import type { AdjustmentDecisionRequest } from '@jixiao/contract';
import type { Deps, RequestContext } from '../../context.ts';
import { stepAdjustment } from './step-adjustment.ts';
import { writeAdjustedVersion } from './write-adjusted-version.ts';

/**
 * 审核 (the department: approve or return) and 审批 (the finance bureau: approve, return or reject), each
 * with the reviewer's opinion (required to return or reject). The finance bureau's approval writes the
 * declaration's next approved version in the same transaction.
 */
export function decideAdjustment(deps: Deps, ctx: RequestContext, id: string, input: AdjustmentDecisionRequest) {
  return stepAdjustment(deps, ctx, id, input, async (tx, row, transition) =>
    transition.to === 'approved' ? { resultVersion: await writeAdjustedVersion(deps, tx, ctx, row) } : undefined,
  );
}
