import type {
  CompleteRereview,
  Created,
  CreateRereview,
  RereviewDetail,
  RereviewPreview,
  RereviewPreviewAnswer,
  RereviewSampleDetail,
  RereviewSummary,
  SaveRescores,
  UpdateRereviewSample,
} from '@jixiao/contract';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { http } from './client.ts';
import { invalidate, invalidateOnConflict } from './control-cache.ts';
import { auditKeys } from './query-keys.ts';

const enc = encodeURIComponent;
export type RereviewPreviewBody = z.input<typeof RereviewPreview>;
export type RereviewPreviewResult = z.infer<typeof RereviewPreviewAnswer>;
export type RereviewRow = z.infer<typeof RereviewSummary>;

export const rereviewApi = {
  list: (fiscalYear: number) => http.get<{ items: RereviewRow[] }>('/api/rereviews', { fiscalYear }),
  get: (id: string) => http.get<RereviewDetail>(`/api/rereviews/${enc(id)}`),
  preview: (body: RereviewPreviewBody) => http.post<RereviewPreviewResult>('/api/rereviews/preview', body),
  create: (body: z.input<typeof CreateRereview>) => http.post<Created>('/api/rereviews', body),
  updateSample: (id: string, body: z.input<typeof UpdateRereviewSample>) =>
    http.put<{ ok: true }>(`/api/rereviews/${enc(id)}/sample`, body),
  confirm: (id: string, version: number) => http.post<{ ok: true }>(`/api/rereviews/${enc(id)}/confirm`, { version }),
  publish: (id: string, version: number) => http.post<{ ok: true }>(`/api/rereviews/${enc(id)}/publish`, { version }),
  sample: (id: string, sampleId: string) => http.get<RereviewSampleDetail>(`/api/rereviews/${enc(id)}/samples/${enc(sampleId)}`),
  saveScores: (id: string, sampleId: string, body: z.input<typeof SaveRescores>) =>
    http.put<{ ok: true }>(`/api/rereviews/${enc(id)}/samples/${enc(sampleId)}/scores`, body),
  complete: (id: string, sampleId: string, body: z.input<typeof CompleteRereview>) =>
    http.post<{ ok: true }>(`/api/rereviews/${enc(id)}/samples/${enc(sampleId)}/complete`, body),
};

export const rereviewKeys = {
  all: ['rereviews'] as const,
  list: (fiscalYear: number) => ['rereviews', 'list', fiscalYear] as const,
  one: (id: string) => ['rereviews', 'one', id] as const,
  sample: (id: string, sampleId: string) => ['rereviews', 'one', id, 'sample', sampleId] as const,
};

export function useRereviewList(fiscalYear: number | undefined) {
  return useQuery({
    queryKey: rereviewKeys.list(fiscalYear ?? 0),
    queryFn: () => rereviewApi.list(fiscalYear ?? 0),
    enabled: fiscalYear !== undefined,
  });
}
export function useRereview(id: string | null) {
  return useQuery({ queryKey: rereviewKeys.one(id ?? ''), queryFn: () => rereviewApi.get(id ?? ''), enabled: id !== null });
}
export function useRereviewSample(id: string, sampleId: string | null) {
  return useQuery({
    queryKey: rereviewKeys.sample(id, sampleId ?? ''),
    queryFn: () => rereviewApi.sample(id, sampleId ?? ''),
    enabled: sampleId !== null,
  });
}
/** The live preview of a rule: asked of the server whenever the rule changes. */
export function useRereviewPreview(body: RereviewPreviewBody | null) {
  return useQuery({
    queryKey: ['rereviews', 'preview', body] as const,
    queryFn: () => rereviewApi.preview(body as RereviewPreviewBody),
    enabled: body !== null,
    retry: false,
  });
}

export function useRereviewWrites() {
  const client = useQueryClient();
  const after = () => invalidate(client, [rereviewKeys.all, auditKeys.all]);
  const onError = (error: unknown) => invalidateOnConflict(client, [rereviewKeys.all], error);
  return {
    create: useMutation({ mutationFn: rereviewApi.create, onSuccess: after }),
    updateSample: useMutation({
      mutationFn: ({ id, body }: { id: string; body: z.input<typeof UpdateRereviewSample> }) => rereviewApi.updateSample(id, body),
      onSuccess: after,
      onError,
    }),
    confirm: useMutation({
      mutationFn: ({ id, version }: { id: string; version: number }) => rereviewApi.confirm(id, version),
      onSuccess: after,
      onError,
    }),
    publish: useMutation({
      mutationFn: ({ id, version }: { id: string; version: number }) => rereviewApi.publish(id, version),
      onSuccess: after,
      onError,
    }),
    saveScores: useMutation({
      mutationFn: ({ id, sampleId, body }: { id: string; sampleId: string; body: z.input<typeof SaveRescores> }) =>
        rereviewApi.saveScores(id, sampleId, body),
      onSuccess: after,
      onError,
    }),
    complete: useMutation({
      mutationFn: ({ id, sampleId, body }: { id: string; sampleId: string; body: z.input<typeof CompleteRereview> }) =>
        rereviewApi.complete(id, sampleId, body),
      onSuccess: after,
      onError,
    }),
  };
}
