import type { UseQueryResult } from '@tanstack/react-query';
import { useEvaluationDetail, useEvaluationScore } from '../../api/evaluation-queries.ts';
import type { EvaluationDetail, ScoreResponse } from '../../api/types.ts';

export interface EvaluationData {
  readonly detail: UseQueryResult<EvaluationDetail>;
  readonly score: UseQueryResult<ScoreResponse>;
}

/** One evaluation and its score (GET /score: items, explanations and the 质量检查 findings). */
export function useEvaluation(id: string): EvaluationData {
  return { detail: useEvaluationDetail(id), score: useEvaluationScore(id) };
}
