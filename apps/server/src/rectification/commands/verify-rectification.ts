import type { RectificationVerifyRequest } from '@jixiao/contract';
import type { Deps, RequestContext } from '../../context.ts';
import { stepRectification } from '../rectification-access.ts';

/** 整改核验: the bureau (or the department) closes the item (销号) or re-opens it, with its opinion; not the answerer. */
export function verifyRectification(deps: Deps, ctx: RequestContext, id: string, input: RectificationVerifyRequest) {
  return stepRectification(deps, ctx, id, { action: input.decision, version: input.version, text: input.opinion }, 'body.opinion');
}
