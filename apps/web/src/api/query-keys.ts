import type { DeclarationFilter } from './endpoints.ts';
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

/** 绩效目标申报表: lists under `lists()`, one declaration's detail under `one(id)`. */
export const declarationKeys = {
  all: ['declarations'] as const,
  lists: () => [...declarationKeys.all, 'list'] as const,
  list: (filter: DeclarationFilter) => [...declarationKeys.lists(), filter] as const,
  one: (id: string) => [...declarationKeys.all, 'one', id] as const,
};

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

// ── 内部控制 and 审计 ── Each resource's keys sit under one root, so a write invalidates a whole
// resource with `all`, or one record with `one(id)`; lists sit under `lists()` beside the records.
// Filters are normalised (undefined → null) so the same filter is always the same key.

type Filter = Readonly<Record<string, string | number | boolean | null | undefined>>;
const normalised = (filter: Filter) => Object.fromEntries(Object.entries(filter).map(([key, value]) => [key, value ?? null]));

function resourceKeys<const Root extends string>(root: Root) {
  const all = [root] as const;
  return {
    all,
    lists: () => [...all, 'list'] as const,
    list: (filter: Filter) => [...all, 'list', normalised(filter)] as const,
    one: (id: string) => [...all, 'one', id] as const,
  };
}

export const budgetLineKeys = resourceKeys('budget-lines');
export const paymentKeys = resourceKeys('payments');
export const procurementKeys = resourceKeys('procurements');
export const contractKeys = resourceKeys('contracts');
export const assetKeys = resourceKeys('assets');
export const stocktakeKeys = resourceKeys('stocktakes');
export const recipientKeys = resourceKeys('recipients');
/** 补贴: grants, with their summary and the overdue follow-ups, which every grant write changes. */
export const grantKeys = {
  ...resourceKeys('grants'),
  summary: (filter: Filter) => ['grants', 'summary', normalised(filter)] as const,
  overdue: (organisationId: string | undefined) => ['grants', 'overdue', organisationId ?? null] as const,
};
/** 台账: computed from payments, lines, adjustments and procurements; every money write invalidates it. */
export const ledgerKeys = {
  all: ['ledger'] as const,
  overview: (query: Filter) => ['ledger', 'overview', normalised(query)] as const,
  drill: (query: Filter) => ['ledger', 'drill', normalised(query)] as const,
  rollup: (fiscalYear: number) => ['ledger', 'rollup', fiscalYear] as const,
  yearsWithData: (organisationId: string, years: readonly number[]) => ['ledger', 'years', organisationId, years] as const,
};
export const selfAssessmentKeys = {
  all: ['self-assessment'] as const,
  one: (organisationId: string, fiscalYear: number) => ['self-assessment', organisationId, fiscalYear] as const,
};
export const importJobKeys = { one: (id: string) => ['import-jobs', id] as const };
export const auditKeys = {
  all: ['audit'] as const,
  page: (filter: Filter) => ['audit', 'page', normalised(filter)] as const,
  actors: ['audit', 'actors'] as const,
};
