import type { Deps, RequestContext } from '../../context.ts';
import type { Queryable } from '../../db/connect.ts';
import * as repo from '../evaluation.repository.ts';
import { authorise } from '../evaluation-access.ts';
import { refreshScore } from '../evaluation-aggregate.ts';

/** The common frame of a content write: one transaction, authorised, touched, re-scored. */
export async function contentWrite<T>(
  deps: Deps,
  ctx: RequestContext,
  evaluationId: string,
  need: 'edit' | 'adjust',
  write: (tx: Queryable, evaluation: repo.EvaluationRow) => Promise<T>,
): Promise<T> {
  return deps.db.transaction(async (tx) => {
    const { evaluation } = await authorise(tx, ctx, evaluationId, need, true);
    const result = await write(tx, evaluation);
    if (need === 'edit') await repo.touchEvaluation(tx, evaluationId, ctx.principal.userId);
    else await repo.touchEvaluationRevisionOnly(tx, evaluationId);
    await refreshScore(tx, evaluationId);
    return result;
  });
}
