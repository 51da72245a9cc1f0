import type { QueryClient } from '@tanstack/react-query';
import { ApiError, classifyError } from './api-error.ts';
import { evaluationKeys, publicKeys, taskKeys } from './query-keys.ts';
import type { EvaluationDetail } from './types.ts';

// What a write changes besides the evaluation itself: the lists, the task queue and the published
// reports show its total, grade and status. Invalidating them refetches only what is on screen; the
// rest waits until it is shown.
function invalidateSummaries(client: QueryClient): void {
  void client.invalidateQueries({ queryKey: evaluationKeys.lists() });
  void client.invalidateQueries({ queryKey: taskKeys.all });
  void client.invalidateQueries({ queryKey: publicKeys.reports });
}

/**
 * A write answered with the evaluation as it now stands (new versions, revision, cached total): the
 * cache takes the answer as it is, and only the score (explanations and findings) is read again.
 */
export function takeAnsweredDetail(client: QueryClient, detail: EvaluationDetail): void {
  client.setQueryData(evaluationKeys.detail(detail.id), detail);
  void client.invalidateQueries({ queryKey: evaluationKeys.score(detail.id) });
  invalidateSummaries(client);
}

/** A write answered with less (an id, "ok"): everything about the evaluation is read again. */
export function invalidateEvaluation(client: QueryClient, id: string): void {
  void client.invalidateQueries({ queryKey: evaluationKeys.one(id) });
  invalidateSummaries(client);
}

/** Someone else changed the evaluation meanwhile: the user is told (useWrite), and the cache reads it again. */
export function refetchOnConflict(client: QueryClient, id: string, error: unknown): void {
  if (error instanceof ApiError && classifyError(error) === 'conflict') invalidateEvaluation(client, id);
}
