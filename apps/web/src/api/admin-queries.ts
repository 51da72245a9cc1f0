import { type QueryKey, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, classifyError } from './api-error.ts';
import { adminApi } from './endpoints.ts';
import { adminKeys } from './query-keys.ts';

// Administration data changes rarely and only through these screens, whose writes invalidate it.
const ADMIN_STALE_MS = 60_000;

export function useOrganisations(enabled = true) {
  return useQuery({ queryKey: adminKeys.organisations, queryFn: adminApi.organisations, enabled, staleTime: ADMIN_STALE_MS });
}

export function useUsers(enabled = true) {
  return useQuery({ queryKey: adminKeys.users, queryFn: adminApi.users, enabled, staleTime: ADMIN_STALE_MS });
}

export function useFiscalYears() {
  return useQuery({ queryKey: adminKeys.fiscalYears, queryFn: adminApi.fiscalYears, staleTime: ADMIN_STALE_MS });
}

export function useProjects(fiscalYear: number | undefined, enabled = true) {
  return useQuery({
    queryKey: adminKeys.projects(fiscalYear),
    queryFn: () => adminApi.projects(fiscalYear),
    enabled,
    staleTime: ADMIN_STALE_MS,
  });
}

/**
 * An administration write: its answer is an id or an initial password, not the record, so the lists it
 * changes are read again; on VERSION_CONFLICT too (the user is told by useWrite).
 */
function useListWrite<V, R>(changes: readonly QueryKey[], write: (variables: V) => Promise<R>) {
  const client = useQueryClient();
  const invalidate = () => {
    for (const queryKey of changes) void client.invalidateQueries({ queryKey });
  };
  return useMutation({
    mutationFn: write,
    onSuccess: invalidate,
    onError: (error) => {
      if (error instanceof ApiError && classifyError(error) === 'conflict') invalidate();
    },
  });
}

export function useAdminWrites() {
  const { organisations, users, fiscalYears, allProjects } = adminKeys;
  return {
    createOrganisation: useListWrite([organisations], adminApi.createOrganisation),
    updateOrganisation: useListWrite([organisations], (input: { id: string; body: Parameters<typeof adminApi.updateOrganisation>[1] }) =>
      adminApi.updateOrganisation(input.id, input.body),
    ),
    createUser: useListWrite([users], adminApi.createUser),
    updateUser: useListWrite([users], (input: { id: string; body: Parameters<typeof adminApi.updateUser>[1] }) =>
      adminApi.updateUser(input.id, input.body),
    ),
    resetPassword: useListWrite([users], adminApi.resetPassword),
    createFiscalYear: useListWrite([fiscalYears], adminApi.createFiscalYear),
    updateFiscalYear: useListWrite([fiscalYears], (input: { year: number; body: Parameters<typeof adminApi.updateFiscalYear>[1] }) =>
      adminApi.updateFiscalYear(input.year, input.body),
    ),
    createProject: useListWrite([allProjects], adminApi.createProject),
    importUnitsAndUsers: useListWrite([organisations, users], adminApi.importUnitsAndUsers),
  };
}
