import type { RectificationFeedbackRequest } from '@jixiao/contract';
import type { Deps, RequestContext } from '../../context.ts';
import { stepRectification } from '../rectification-access.ts';

/** 整改反馈: the unit's 填报人 says what was done, with evidence (descriptions and links); not the issuer. */
export function submitFeedback(deps: Deps, ctx: RequestContext, id: string, input: RectificationFeedbackRequest) {
  return stepRectification(deps, ctx, id, { action: 'feedback', ...input }, 'body.text');
}
