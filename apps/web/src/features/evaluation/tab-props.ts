import type { EvaluationDetail, ScoreResponse } from '../../api/types.ts';
import type { ApiState } from '../../api/use-api.ts';

/** What every tab of the evaluation page gets: the evaluation, its score, and a way to reload both. */
export interface TabProps {
  readonly evaluation: EvaluationDetail;
  readonly score: ApiState<ScoreResponse>;
  readonly refresh: () => void;
}
