import type { MonitoringDecision } from '@jixiao/contract';
import type { Deps, RequestContext } from '../../context.ts';
import { stepForm } from './step-form.ts';

/**
 * 审核 (the department: approve or return) and 财政审核 (the finance bureau: approve or return), each with
 * the reviewer's opinion (required to return, and for the finance bureau's approval).
 */
export function decideForm(deps: Deps, ctx: RequestContext, id: string, input: MonitoringDecision) {
  return stepForm(deps, ctx, id, input);
}
