import type { EvaluationRollup, Overview } from '@jixiao/contract';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { http } from './client.ts';

export interface OverviewFilter {
  readonly fiscalYear?: number | undefined;
  readonly departmentId?: string | undefined;
  readonly q?: string | undefined;
  /** The anomaly list's page, from 1. */
  readonly anomalyPage?: number | undefined;
}

export const overviewApi = {
  get: (filter: OverviewFilter) =>
    http.get<Overview>('/api/overview', {
      fiscalYear: filter.fiscalYear === undefined ? undefined : String(filter.fiscalYear),
      departmentId: filter.departmentId,
      q: filter.q?.trim() || undefined,
      anomalyPage: filter.anomalyPage === undefined || filter.anomalyPage === 1 ? undefined : String(filter.anomalyPage),
    }),
  rollup: (evaluationId: string) => http.get<EvaluationRollup>(`/api/evaluations/${evaluationId}/rollup`),
};

const keys = {
  overview: (filter: OverviewFilter) => ['overview', filter] as const,
  rollup: (evaluationId: string) => ['overview', 'rollup', evaluationId] as const,
};

/** 总览 of a year; the previous figures stay on screen while a filter change loads. */
export function useOverview(filter: OverviewFilter) {
  return useQuery({ queryKey: keys.overview(filter), queryFn: () => overviewApi.get(filter), placeholderData: keepPreviousData });
}

/** 汇总 of a department's evaluation: read when its tab opens; the units' scores change as they hand in. */
export function useEvaluationRollup(evaluationId: string) {
  return useQuery({ queryKey: keys.rollup(evaluationId), queryFn: () => overviewApi.rollup(evaluationId) });
}
