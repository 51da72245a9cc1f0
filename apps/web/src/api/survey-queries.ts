import type {
  Created,
  PublicSurvey,
  SaveSurveyBody,
  SubmitAnswersBody,
  SurveyDetail,
  SurveyResponseRow,
  SurveyResults,
  SurveySummary,
  UpdateSurveyBody,
} from '@jixiao/contract';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { http } from './client.ts';
import { invalidate, invalidateOnConflict } from './control-cache.ts';
import { auditKeys, evaluationKeys } from './query-keys.ts';

const enc = encodeURIComponent;
export type SurveyResponseItem = SurveyResponseRow;

export const surveyApi = {
  list: (fiscalYear: number) => http.get<{ items: SurveySummary[] }>('/api/surveys', { fiscalYear }),
  get: (id: string) => http.get<SurveyDetail>(`/api/surveys/${enc(id)}`),
  create: (body: SaveSurveyBody) => http.post<Created>('/api/surveys', body),
  update: (id: string, body: UpdateSurveyBody) => http.put<SurveyDetail>(`/api/surveys/${enc(id)}`, body),
  results: (id: string) => http.get<SurveyResults>(`/api/surveys/${enc(id)}/results`),
  responses: (id: string) => http.get<{ items: SurveyResponseItem[] }>(`/api/surveys/${enc(id)}/responses`),
  codes: (id: string, count: number) => http.post<{ ok: true }>(`/api/surveys/${enc(id)}/codes`, { count }),
  exclude: (id: string, responseId: string, reason: string) =>
    http.post<{ ok: true }>(`/api/surveys/${enc(id)}/responses/${enc(responseId)}/exclude`, { reason }),
  keep: (id: string, responseId: string) => http.post<{ ok: true }>(`/api/surveys/${enc(id)}/responses/${enc(responseId)}/keep`, {}),
  exportResponses: (id: string, title: string) => http.download(`/api/surveys/${enc(id)}/responses.xlsx`, `${title}答卷.xlsx`),
  exportCodes: (id: string, title: string) => http.download(`/api/surveys/${enc(id)}/codes.xlsx`, `${title}邀请码.xlsx`),
  publicForm: (slug: string) => http.get<PublicSurvey>(`/api/public/surveys/${enc(slug)}`),
  submit: (slug: string, body: SubmitAnswersBody) =>
    http.post<{ ok: true; message: string }>(`/api/public/surveys/${enc(slug)}/responses`, body),
};

export const surveyKeys = {
  all: ['surveys'] as const,
  list: (fiscalYear: number) => ['surveys', 'list', fiscalYear] as const,
  one: (id: string) => ['surveys', 'one', id] as const,
  results: (id: string) => ['surveys', 'one', id, 'results'] as const,
  responses: (id: string) => ['surveys', 'one', id, 'responses'] as const,
};

// Responses arrive from the public all the time: read afresh whenever a page shows them.
const fresh = { staleTime: 0 } as const;

export function useSurveyList(fiscalYear: number | undefined) {
  return useQuery({
    queryKey: surveyKeys.list(fiscalYear ?? 0),
    queryFn: () => surveyApi.list(fiscalYear ?? 0),
    enabled: fiscalYear !== undefined,
    ...fresh,
  });
}
export function useSurvey(id: string | null) {
  return useQuery({ queryKey: surveyKeys.one(id ?? ''), queryFn: () => surveyApi.get(id ?? ''), enabled: id !== null, ...fresh });
}
export function useSurveyResults(id: string) {
  return useQuery({ queryKey: surveyKeys.results(id), queryFn: () => surveyApi.results(id), ...fresh });
}
export function useSurveyResponses(id: string) {
  return useQuery({ queryKey: surveyKeys.responses(id), queryFn: () => surveyApi.responses(id), ...fresh });
}

/** Every survey write may move a linked indicator's actual: the evaluations are read again too. */
export function useSurveyWrites() {
  const client = useQueryClient();
  const after = () => invalidate(client, [surveyKeys.all, auditKeys.all, evaluationKeys.all]);
  return {
    create: useMutation({ mutationFn: surveyApi.create, onSuccess: after }),
    update: useMutation({
      mutationFn: ({ id, body }: { id: string; body: UpdateSurveyBody }) => surveyApi.update(id, body),
      onSuccess: after,
      onError: (error, { id }) => invalidateOnConflict(client, [surveyKeys.one(id)], error),
    }),
    codes: useMutation({ mutationFn: ({ id, count }: { id: string; count: number }) => surveyApi.codes(id, count), onSuccess: after }),
    exclude: useMutation({
      mutationFn: ({ id, responseId, reason }: { id: string; responseId: string; reason: string }) =>
        surveyApi.exclude(id, responseId, reason),
      onSuccess: after,
    }),
    keep: useMutation({
      mutationFn: ({ id, responseId }: { id: string; responseId: string }) => surveyApi.keep(id, responseId),
      onSuccess: after,
    }),
  };
}
