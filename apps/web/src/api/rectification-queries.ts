import type {
  Created,
  IssueRectification,
  RectificationDetail,
  RectificationFeedbackRequest,
  RectificationList,
  RectificationSummary,
  RectificationVerifyRequest,
} from '@jixiao/contract';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { http } from './client.ts';
import { invalidate, invalidateOnConflict } from './control-cache.ts';
import { auditKeys, declarationKeys, taskKeys } from './query-keys.ts';

const enc = encodeURIComponent;

export interface RectificationFilter {
  readonly fiscalYear?: number | undefined;
  readonly status?: RectificationSummary['status'] | undefined;
  readonly organisationId?: string | undefined;
  readonly overdue?: 'true' | 'false' | undefined;
  readonly q?: string | undefined;
}

export const rectificationApi = {
  list: (filter: RectificationFilter) => http.get<RectificationList>('/api/rectifications', { ...filter }),
  get: (id: string) => http.get<RectificationDetail>(`/api/rectifications/${enc(id)}`),
  issue: (body: IssueRectification) => http.post<Created>('/api/rectifications', body),
  feedback: (id: string, body: RectificationFeedbackRequest) =>
    http.post<{ version: number }>(`/api/rectifications/${enc(id)}/feedback`, body),
  verify: (id: string, body: RectificationVerifyRequest) =>
    http.post<{ version: number }>(`/api/rectifications/${enc(id)}/verification`, body),
};

export const rectificationKeys = {
  all: ['rectifications'] as const,
  list: (filter: RectificationFilter) => ['rectifications', 'list', filter] as const,
  one: (id: string) => ['rectifications', 'one', id] as const,
};

export function useRectifications(filter: RectificationFilter) {
  return useQuery({ queryKey: rectificationKeys.list(filter), queryFn: () => rectificationApi.list(filter) });
}
export function useRectification(id: string | null) {
  return useQuery({ queryKey: rectificationKeys.one(id ?? ''), queryFn: () => rectificationApi.get(id ?? ''), enabled: id !== null });
}

/** Every step changes the list, the to-dos (整改反馈 / 整改核验), the next year's declarations and the audit log. */
export function useRectificationWrites() {
  const client = useQueryClient();
  const after = () => invalidate(client, [rectificationKeys.all, taskKeys.all, auditKeys.all, declarationKeys.all]);
  return {
    issue: useMutation({ mutationFn: rectificationApi.issue, onSuccess: after }),
    feedback: useMutation({
      mutationFn: ({ id, body }: { id: string; body: RectificationFeedbackRequest }) => rectificationApi.feedback(id, body),
      onSuccess: after,
      onError: (error, { id }) => invalidateOnConflict(client, [rectificationKeys.one(id)], error),
    }),
    verify: useMutation({
      mutationFn: ({ id, body }: { id: string; body: RectificationVerifyRequest }) => rectificationApi.verify(id, body),
      onSuccess: after,
      onError: (error, { id }) => invalidateOnConflict(client, [rectificationKeys.one(id)], error),
    }),
  };
}
