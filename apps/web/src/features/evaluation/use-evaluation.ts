import { useCallback } from 'react';
import { evaluationApi } from '../../api/endpoints.ts';
import type { EvaluationDetail, ScoreResponse } from '../../api/types.ts';
import { type ApiState, useApi } from '../../api/use-api.ts';

export interface EvaluationData {
  readonly detail: ApiState<EvaluationDetail>;
  readonly score: ApiState<ScoreResponse>;
  /** Loads the evaluation and its score again (after a save, or a conflict). */
  readonly refresh: () => void;
}

/** One evaluation and its score (GET /score: items, explanations and the 质量检查 findings). */
export function useEvaluation(id: string): EvaluationData {
  const detail = useApi(`evaluation:${id}`, () => evaluationApi.get(id));
  const score = useApi(`evaluation-score:${id}`, () => evaluationApi.score(id));
  const reloadDetail = detail.reload;
  const reloadScore = score.reload;
  const refresh = useCallback(() => {
    reloadDetail();
    reloadScore();
  }, [reloadDetail, reloadScore]);
  return { detail, score, refresh };
}
