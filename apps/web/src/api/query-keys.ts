import type { ListEvaluationsFilter } from './types.ts';

/**
 * Query keys, one factory per resource. Everything about one evaluation lives under
 * `evaluationKeys.one(id)`, so a single invalidation covers its detail, score and report; lists
 * live under `evaluationKeys.lists()` (ids are UUIDs, so "list" never collides with one).
 */
export const evaluationKeys = {
  all: ['evaluations'] as const,
  lists: () => [...evaluationKeys.all, 'list'] as const,
  list: (filter: ListEvaluationsFilter) => [...evaluationKeys.lists(), filter] as const,
  one: (id: string) => [...evaluationKeys.all, id] as const,
  detail: (id: string) => [...evaluationKeys.one(id), 'detail'] as const,
  score: (id: string) => [...evaluationKeys.one(id), 'score'] as const,
  report: (id: string, revision: number) => [...evaluationKeys.one(id), 'report', revision] as const,
};

export const taskKeys = { all: ['tasks'] as const };

/** What the user may create in a unit (the server's policies); it changes only with the user's roles. */
export const controlAccessKeys = { unit: (organisationId: string | undefined) => ['control-access', organisationId] as const };

export const libraryKeys = { list: (category: string | null) => ['indicator-library', category] as const };

export const reportCssKey = ['report.css'] as const;

export const adminKeys = {
  organisations: ['organisations'] as const,
  users: ['users'] as const,
  fiscalYears: ['fiscal-years'] as const,
  allProjects: ['projects'] as const,
  projects: (fiscalYear: number | undefined) => [...adminKeys.allProjects, fiscalYear ?? null] as const,
};

export const publicKeys = { reports: ['public-reports'] as const };

export const budgetLineKeys = {
  list: (filter: { organisationId: string; fiscalYear: number; projectId?: string | undefined }) =>
    ['budget-lines', { ...filter, projectId: filter.projectId ?? null }] as const,
};
