import type {
  Created,
  IssueMonitoringTask,
  MonitoringDecision,
  MonitoringFormDetail,
  MonitoringLights,
  MonitoringRectification,
  MonitoringTaskDetail,
  MonitoringTaskList,
  SaveMonitoringForm,
} from '@jixiao/contract';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { http } from './client.ts';
import { invalidate, invalidateOnConflict } from './control-cache.ts';
import { auditKeys, taskKeys } from './query-keys.ts';
import { rectificationKeys } from './rectification-queries.ts';

const enc = encodeURIComponent;

interface MonitoringStepResult {
  readonly status: MonitoringFormDetail['status'];
  readonly statusLabel: string;
  readonly version: number;
}

export const monitoringApi = {
  tasks: (fiscalYear?: number) => http.get<MonitoringTaskList>('/api/monitoring/tasks', fiscalYear ? { fiscalYear } : {}),
  task: (id: string) => http.get<MonitoringTaskDetail>(`/api/monitoring/tasks/${enc(id)}`),
  issue: (body: IssueMonitoringTask) => http.post<Created>('/api/monitoring/tasks', body),
  lights: (taskId: string) => http.get<MonitoringLights>('/api/monitoring/lights', { taskId }),
  form: (id: string) => http.get<MonitoringFormDetail>(`/api/monitoring/forms/${enc(id)}`),
  save: (id: string, body: SaveMonitoringForm) => http.put<MonitoringFormDetail>(`/api/monitoring/forms/${enc(id)}`, body),
  submit: (id: string, version: number) => http.post<MonitoringStepResult>(`/api/monitoring/forms/${enc(id)}/submit`, { version }),
  decide: (id: string, body: MonitoringDecision) => http.post<MonitoringStepResult>(`/api/monitoring/forms/${enc(id)}/decision`, body),
  rectify: (id: string, body: MonitoringRectification) => http.post<Created>(`/api/monitoring/forms/${enc(id)}/rectification`, body),
  download: (taskId: string) => http.download(`/api/monitoring/tasks/${enc(taskId)}/export.xlsx`, 'monitoring.xlsx'),
  /** The 绩效运行监控报告 of one department (the server refuses without one when the task spans several). */
  report: (taskId: string, organisationId?: string) =>
    http.download(
      `/api/monitoring/tasks/${enc(taskId)}/report.docx${organisationId ? `?organisationId=${enc(organisationId)}` : ''}`,
      'monitoring-report.docx',
    ),
};

export const monitoringKeys = {
  all: ['monitoring'] as const,
  tasks: ['monitoring', 'tasks'] as const,
  task: (id: string) => ['monitoring', 'task', id] as const,
  lights: (taskId: string) => ['monitoring', 'lights', taskId] as const,
  form: (id: string) => ['monitoring', 'form', id] as const,
};

export function useMonitoringTasks() {
  return useQuery({ queryKey: monitoringKeys.tasks, queryFn: () => monitoringApi.tasks() });
}
export function useMonitoringTask(id: string | null) {
  return useQuery({ queryKey: monitoringKeys.task(id ?? ''), queryFn: () => monitoringApi.task(id ?? ''), enabled: id !== null });
}
export function useMonitoringLights(taskId: string | null) {
  return useQuery({
    queryKey: monitoringKeys.lights(taskId ?? ''),
    queryFn: () => monitoringApi.lights(taskId ?? ''),
    enabled: taskId !== null,
  });
}
export function useMonitoringForm(id: string | null) {
  return useQuery({ queryKey: monitoringKeys.form(id ?? ''), queryFn: () => monitoringApi.form(id ?? ''), enabled: id !== null });
}

/** Every write changes the tasks' counts, the lights, the to-dos (a red light is one) and the audit log; 整改 the notices too. */
export function useMonitoringWrites() {
  const client = useQueryClient();
  const after = () => invalidate(client, [monitoringKeys.all, taskKeys.all, auditKeys.all]);
  const onError = (error: unknown, { id }: { id: string }) => invalidateOnConflict(client, [monitoringKeys.form(id)], error);
  return {
    issue: useMutation({ mutationFn: monitoringApi.issue, onSuccess: after }),
    save: useMutation({
      mutationFn: ({ id, body }: { id: string; body: SaveMonitoringForm }) => monitoringApi.save(id, body),
      onSuccess: (detail) => {
        client.setQueryData(monitoringKeys.form(detail.id), detail);
        return after();
      },
      onError,
    }),
    submit: useMutation({
      mutationFn: ({ id, version }: { id: string; version: number }) => monitoringApi.submit(id, version),
      onSuccess: after,
      onError,
    }),
    decide: useMutation({
      mutationFn: ({ id, body }: { id: string; body: MonitoringDecision }) => monitoringApi.decide(id, body),
      onSuccess: after,
      onError,
    }),
    rectify: useMutation({
      mutationFn: ({ id, body }: { id: string; body: MonitoringRectification }) => monitoringApi.rectify(id, body),
      onSuccess: () => invalidate(client, [monitoringKeys.all, taskKeys.all, auditKeys.all, rectificationKeys.all]),
      onError,
    }),
  };
}
