import type { Created, DecideResult, ListResultsQuery, ResultList } from '@jixiao/contract';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { http } from './client.ts';
import { invalidate } from './control-cache.ts';
import { auditKeys, declarationKeys, taskKeys } from './query-keys.ts';

const enc = encodeURIComponent;

export type ResultFilter = Partial<ListResultsQuery>;

export const resultsApi = {
  list: (filter: ResultFilter) => http.get<ResultList>('/api/results', { ...filter }),
  decide: (evaluationId: string, body: DecideResult) => http.post<Created>(`/api/results/${enc(evaluationId)}/decision`, body),
};

export const resultKeys = {
  all: ['results'] as const,
  list: (filter: ResultFilter) => ['results', 'list', filter] as const,
};

export function useResults(filter: ResultFilter) {
  return useQuery({ queryKey: resultKeys.list(filter), queryFn: () => resultsApi.list(filter) });
}

/** A decision changes the list, the bureau's to-dos, the next year's declarations and the audit log. */
export function useDecideResult() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ evaluationId, body }: { evaluationId: string; body: DecideResult }) => resultsApi.decide(evaluationId, body),
    onSuccess: () => invalidate(client, [resultKeys.all, taskKeys.all, auditKeys.all, declarationKeys.all]),
  });
}
