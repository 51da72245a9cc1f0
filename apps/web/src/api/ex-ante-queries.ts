import type { ConcludeExAnteBody, Created, CreateExAnteBody, ExAnteAssessment, ExAnteSummary, SaveExAnteBody } from '@jixiao/contract';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { http } from './client.ts';
import { invalidate, invalidateOnConflict } from './control-cache.ts';
import { auditKeys, budgetLineKeys } from './query-keys.ts';

const enc = encodeURIComponent;

export const exAnteApi = {
  list: (fiscalYear: number) => http.get<{ items: ExAnteSummary[] }>('/api/ex-ante-assessments', { fiscalYear }),
  get: (id: string) => http.get<ExAnteAssessment>(`/api/ex-ante-assessments/${enc(id)}`),
  create: (body: CreateExAnteBody) => http.post<Created>('/api/ex-ante-assessments', body),
  save: (id: string, body: SaveExAnteBody) => http.put<ExAnteAssessment>(`/api/ex-ante-assessments/${enc(id)}`, body),
  conclude: (id: string, body: ConcludeExAnteBody) => http.post<ExAnteAssessment>(`/api/ex-ante-assessments/${enc(id)}/conclude`, body),
  report: (id: string, projectName: string) =>
    http.download(`/api/ex-ante-assessments/${enc(id)}/report.docx`, `${projectName}事前绩效评估报告.docx`),
};

export const exAnteKeys = {
  all: ['ex-ante'] as const,
  list: (fiscalYear: number) => ['ex-ante', 'list', fiscalYear] as const,
  one: (id: string) => ['ex-ante', 'one', id] as const,
};

// Assessments pass between reviewers of the department and of the finance bureau: read afresh when shown.
const fresh = { staleTime: 0 } as const;

export function useExAnteList(fiscalYear: number | undefined) {
  return useQuery({
    queryKey: exAnteKeys.list(fiscalYear ?? 0),
    queryFn: () => exAnteApi.list(fiscalYear ?? 0),
    enabled: fiscalYear !== undefined,
    ...fresh,
  });
}

export function useExAnte(id: string | null) {
  return useQuery({ queryKey: exAnteKeys.one(id ?? ''), queryFn: () => exAnteApi.get(id ?? ''), enabled: id !== null, ...fresh });
}

export function useCreateExAnte() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: exAnteApi.create,
    onSuccess: () => invalidate(client, [exAnteKeys.all, auditKeys.all]),
  });
}

/** Saving and concluding answer the assessment as it now stands: the cache takes it, and the list (totals, conclusion) is read again. */
function useAssessmentWrite<B>(write: (id: string, body: B) => Promise<ExAnteAssessment>, changesLines: boolean) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: B }) => write(id, body),
    onSuccess: (answer) => {
      client.setQueryData(exAnteKeys.one(answer.id), answer);
      invalidate(client, [exAnteKeys.list(answer.fiscalYear), auditKeys.all, ...(changesLines ? [budgetLineKeys.all] : [])]);
    },
    onError: (error, { id }) => invalidateOnConflict(client, [exAnteKeys.one(id)], error),
  });
}

export const useSaveExAnte = () => useAssessmentWrite(exAnteApi.save, false);
/** A conclusion decides whether the project may be budgeted (IC_EX_ANTE_NOT_SUPPORTED). */
export const useConcludeExAnte = () => useAssessmentWrite(exAnteApi.conclude, true);
