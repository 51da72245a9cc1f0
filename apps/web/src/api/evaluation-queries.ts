import { useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { evaluationApi, libraryApi, publicApi, reportCss, taskApi } from './endpoints.ts';
import { invalidateEvaluation, refetchOnConflict, takeAnsweredDetail } from './evaluation-cache.ts';
import { evaluationKeys, libraryKeys, publicKeys, reportCssKey, taskKeys } from './query-keys.ts';
import type {
  AdjustmentBody,
  CreateEvaluationBody,
  EvaluationDetail,
  EvaluationStatus,
  EvaluationSummary,
  GoalBody,
  IndicatorFields,
  ListEvaluationsFilter,
  ManagementBody,
  TransitionBody,
  UpdateEvaluationBody,
  UpdateGoalBody,
  UpdateIndicatorBody,
} from './types.ts';

// The evaluation and its score are heavy reads (the server loads the aggregate and scores it): they never
// refetch on focus, and writes keep them current through the cache. They are read afresh each time the
// page is opened all the same: another user's payment or budget line changes the computed actuals of
// bound indicators (this app's own ledger writes invalidate evaluations, api/control-cache.ts).
const EVALUATION_STALE_MS = 0;

export function useEvaluationDetail(id: string) {
  return useQuery({ queryKey: evaluationKeys.detail(id), queryFn: () => evaluationApi.get(id), staleTime: EVALUATION_STALE_MS });
}

/** GET /score: items, explanations and the 质量检查 findings. */
export function useEvaluationScore(id: string) {
  return useQuery({ queryKey: evaluationKeys.score(id), queryFn: () => evaluationApi.score(id), staleTime: EVALUATION_STALE_MS });
}

/** The preview follows the revision: every change to the content is a new report, the old one is never shown as new. */
export function useReportHtml(id: string, revision: number) {
  return useQuery({ queryKey: evaluationKeys.report(id, revision), queryFn: ({ signal }) => evaluationApi.reportHtml(id, signal) });
}

export function useReportCss() {
  return useQuery({ queryKey: reportCssKey, queryFn: ({ signal }) => reportCss(signal), staleTime: Number.POSITIVE_INFINITY });
}

/** Lists are light and change under other users' hands: they refetch when the window regains focus. */
export function useEvaluationList(filter: ListEvaluationsFilter, enabled = true) {
  return useQuery({
    queryKey: evaluationKeys.list(filter),
    queryFn: () => evaluationApi.list(filter),
    enabled,
    refetchOnWindowFocus: true,
  });
}

/**
 * The review queue: one list per status the reviewer acts on (the same cache entries as the list page's
 * status filter), oldest change first.
 */
export function useReviewQueue(statuses: readonly EvaluationStatus[]) {
  return useQueries({
    queries: statuses.map((status) => ({
      queryKey: evaluationKeys.list({ status }),
      queryFn: () => evaluationApi.list({ status }),
      refetchOnWindowFocus: true,
    })),
    combine: (results) => {
      const items: EvaluationSummary[] = results.flatMap((result) => result.data?.items ?? []);
      return {
        items: items.sort((a, b) => a.updatedAt.localeCompare(b.updatedAt)),
        error: results.find((result) => result.error)?.error ?? null,
        isFetching: results.some((result) => result.isFetching),
        refetch: () => {
          for (const result of results) void result.refetch();
        },
      };
    },
  });
}

/** What has been published: it changes only when someone publishes (a transition invalidates it). */
export function usePublishedReports() {
  return useQuery({ queryKey: publicKeys.reports, queryFn: publicApi.reports, staleTime: 5 * 60_000 });
}

export function useTasks() {
  return useQuery({ queryKey: taskKeys.all, queryFn: taskApi.list, refetchOnWindowFocus: true });
}

/** The 指标库 changes only with a release. */
export function useLibrary(category: string | null, enabled: boolean) {
  return useQuery({
    queryKey: libraryKeys.list(category),
    queryFn: () => libraryApi.list(category ?? undefined),
    enabled,
    staleTime: Number.POSITIVE_INFINITY,
  });
}

/** A write answered with the evaluation as it now stands: one write, then one read (the score). */
function useAnsweredWrite<V>(id: string, write: (variables: V) => Promise<EvaluationDetail>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: write,
    onSuccess: (detail) => takeAnsweredDetail(client, detail),
    onError: (error) => refetchOnConflict(client, id, error),
  });
}

/** A write answered with less (an id, "ok"): the evaluation and its score are read again. */
function useChangingWrite<V, R>(id: string, write: (variables: V) => Promise<R>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: write,
    onSuccess: () => invalidateEvaluation(client, id),
    onError: (error) => refetchOnConflict(client, id, error),
  });
}

/** Every write on one evaluation, each updating or invalidating what it changes. */
export function useEvaluationWrites(id: string) {
  return {
    update: useAnsweredWrite(id, (body: UpdateEvaluationBody) => evaluationApi.update(id, body)),
    updateIndicator: useAnsweredWrite(id, (input: { indicatorId: string; body: UpdateIndicatorBody }) =>
      evaluationApi.updateIndicator(input.indicatorId, input.body),
    ),
    adjust: useAnsweredWrite(id, (input: { indicatorId: string; body: AdjustmentBody }) =>
      evaluationApi.adjust(input.indicatorId, input.body),
    ),
    saveManagement: useAnsweredWrite(id, (input: { code: string; body: ManagementBody }) =>
      evaluationApi.saveManagement(id, input.code, input.body),
    ),
    updateGoal: useAnsweredWrite(id, (input: { goalId: string; body: UpdateGoalBody }) =>
      evaluationApi.updateGoal(input.goalId, input.body),
    ),
    addGoal: useChangingWrite(id, (body: GoalBody) => evaluationApi.addGoal(id, body)),
    deleteGoal: useChangingWrite(id, (goal: { id: string; version: number }) => evaluationApi.deleteGoal(goal.id, goal.version)),
    addIndicator: useChangingWrite(id, (body: IndicatorFields) => evaluationApi.addIndicator(id, body)),
    deleteIndicator: useChangingWrite(id, (indicator: { id: string; version: number }) =>
      evaluationApi.deleteIndicator(indicator.id, indicator.version),
    ),
    uploadAttachment: useChangingWrite(id, (input: { file: File; indicatorId?: string }) =>
      evaluationApi.uploadAttachment(id, input.file, input.indicatorId),
    ),
    deleteAttachment: useChangingWrite(id, (attachmentId: string) => evaluationApi.deleteAttachment(attachmentId)),
    importWorkbook: useChangingWrite(id, (file: File) => evaluationApi.importWorkbook(id, file)),
    transition: useChangingWrite(id, (body: TransitionBody) => evaluationApi.transition(id, body)),
    withdrawPublication: useChangingWrite(id, (body: { reason: string; revision: number }) => evaluationApi.withdrawPublication(id, body)),
  };
}

export type EvaluationWrites = ReturnType<typeof useEvaluationWrites>;

export function useCreateEvaluation() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateEvaluationBody) => evaluationApi.create(body),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: evaluationKeys.lists() });
      void client.invalidateQueries({ queryKey: taskKeys.all });
    },
  });
}
