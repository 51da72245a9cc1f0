import type { UseQueryResult } from '@tanstack/react-query';
import type { EvaluationDetail, ScoreResponse } from '../../api/types.ts';

/**
 * What every tab of the evaluation page gets: the evaluation and its score, both from the query cache.
 * Writes go through useEvaluationWrites, which keeps the cache current; no tab reloads anything itself.
 */
export interface TabProps {
  readonly evaluation: EvaluationDetail;
  readonly score: UseQueryResult<ScoreResponse>;
}
