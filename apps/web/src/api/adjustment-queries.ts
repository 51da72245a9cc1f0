import type {
  AdjustmentDecisionRequest,
  AdjustmentDetail,
  AdjustmentList,
  AdjustmentSummary,
  Created,
  DeclarationVersionList,
  SaveAdjustment,
  SubmitAdjustmentRequest,
} from '@jixiao/contract';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { http } from './client.ts';
import { invalidate, invalidateOnConflict } from './control-cache.ts';
import { auditKeys, evaluationKeys, taskKeys } from './query-keys.ts';

const enc = encodeURIComponent;

interface AdjustmentStepResult {
  readonly status: AdjustmentSummary['status'];
  readonly version: number;
  readonly resultVersion: number | null;
}

export interface AdjustmentFilter {
  readonly fiscalYear?: number | undefined;
  readonly status?: AdjustmentSummary['status'] | undefined;
  readonly organisationId?: string | undefined;
}

export const adjustmentApi = {
  list: (filter: AdjustmentFilter) => http.get<AdjustmentList>('/api/adjustments', { ...filter }),
  get: (id: string) => http.get<AdjustmentDetail>(`/api/adjustments/${enc(id)}`),
  create: (declarationId: string) => http.post<Created>('/api/adjustments', { declarationId }),
  save: (id: string, body: SaveAdjustment) => http.put<AdjustmentDetail>(`/api/adjustments/${enc(id)}`, body),
  submit: (id: string, body: SubmitAdjustmentRequest) => http.post<AdjustmentStepResult>(`/api/adjustments/${enc(id)}/submit`, body),
  decide: (id: string, body: AdjustmentDecisionRequest) => http.post<AdjustmentStepResult>(`/api/adjustments/${enc(id)}/decision`, body),
  versions: (declarationId: string) => http.get<DeclarationVersionList>(`/api/declarations/${enc(declarationId)}/versions`),
};

export const adjustmentKeys = {
  all: ['adjustments'] as const,
  list: (filter: AdjustmentFilter) => ['adjustments', 'list', filter] as const,
  one: (id: string) => ['adjustments', 'one', id] as const,
  versions: (declarationId: string) => ['adjustments', 'versions', declarationId] as const,
};

export function useAdjustments(filter: AdjustmentFilter) {
  return useQuery({ queryKey: adjustmentKeys.list(filter), queryFn: () => adjustmentApi.list(filter) });
}
export function useAdjustment(id: string | null) {
  return useQuery({ queryKey: adjustmentKeys.one(id ?? ''), queryFn: () => adjustmentApi.get(id ?? ''), enabled: id !== null });
}
export function useDeclarationVersions(declarationId: string) {
  return useQuery({ queryKey: adjustmentKeys.versions(declarationId), queryFn: () => adjustmentApi.versions(declarationId) });
}

/** Every write changes the requests, the versions, the to-dos and the audit log; an approval the evaluations that open from it. */
export function useAdjustmentWrites() {
  const client = useQueryClient();
  const after = () => invalidate(client, [adjustmentKeys.all, taskKeys.all, auditKeys.all, evaluationKeys.all]);
  const onError = (error: unknown, { id }: { id: string }) => invalidateOnConflict(client, [adjustmentKeys.one(id)], error);
  return {
    create: useMutation({ mutationFn: adjustmentApi.create, onSuccess: after }),
    save: useMutation({
      mutationFn: ({ id, body }: { id: string; body: SaveAdjustment }) => adjustmentApi.save(id, body),
      onSuccess: (detail) => {
        client.setQueryData(adjustmentKeys.one(detail.id), detail);
        return after();
      },
      onError,
    }),
    submit: useMutation({
      mutationFn: ({ id, body }: { id: string; body: SubmitAdjustmentRequest }) => adjustmentApi.submit(id, body),
      onSuccess: after,
      onError,
    }),
    decide: useMutation({
      mutationFn: ({ id, body }: { id: string; body: AdjustmentDecisionRequest }) => adjustmentApi.decide(id, body),
      onSuccess: after,
      onError,
    }),
  };
}
