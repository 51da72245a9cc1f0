import type { Created, DeclarationSuggestions, LibraryHistory, LibraryList, SaveLibraryEntry, UpdateLibraryEntry } from '@jixiao/contract';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { http } from './client.ts';

export type LibraryListResponse = z.infer<typeof LibraryList>;
export type LibraryRow = LibraryListResponse['items'][number];
export interface LibraryFilter {
  readonly category?: string | undefined;
  readonly industry?: string | undefined;
  readonly q?: string | undefined;
  readonly includeRetired?: boolean | undefined;
}

const enc = encodeURIComponent;

export const indicatorLibraryApi = {
  list: (filter: LibraryFilter) =>
    http.get<LibraryListResponse>('/api/indicator-library', {
      category: filter.category,
      industry: filter.industry,
      q: filter.q?.trim() || undefined,
      includeRetired: filter.includeRetired ? 'true' : undefined,
    }),
  history: (id: string) => http.get<LibraryHistory>(`/api/indicator-library/${enc(id)}/history`),
  create: (body: SaveLibraryEntry) => http.post<Created>('/api/indicator-library', body),
  update: (id: string, body: UpdateLibraryEntry) => http.put<{ id: string; version: number }>(`/api/indicator-library/${enc(id)}`, body),
  suggestions: (declarationId: string, extra: readonly string[]) =>
    http.get<DeclarationSuggestions>(`/api/declarations/${enc(declarationId)}/suggestions`, {
      libraryEntryIds: extra.length > 0 ? extra.join(',') : undefined,
    }),
};

const keys = {
  all: ['indicator-library'] as const,
  list: (filter: LibraryFilter) => ['indicator-library', 'list', filter] as const,
  history: (id: string) => ['indicator-library', 'history', id] as const,
  suggestions: (declarationId: string, extra: readonly string[]) => ['declaration-suggestions', declarationId, ...extra] as const,
};

export function useLibraryEntries(filter: LibraryFilter, enabled = true) {
  return useQuery({
    queryKey: keys.list(filter),
    queryFn: () => indicatorLibraryApi.list(filter),
    enabled,
    placeholderData: keepPreviousData,
  });
}

export function useLibraryHistory(id: string | null) {
  return useQuery({ queryKey: keys.history(id ?? ''), queryFn: () => indicatorLibraryApi.history(id ?? ''), enabled: id !== null });
}

/** Suggestions beside the declaration's target fields; `extra`: entries picked but not saved yet. */
export function useDeclarationSuggestions(declarationId: string, extra: readonly string[], enabled: boolean) {
  const sorted = [...new Set(extra)].sort();
  return useQuery({
    queryKey: keys.suggestions(declarationId, sorted),
    queryFn: () => indicatorLibraryApi.suggestions(declarationId, sorted),
    enabled,
    placeholderData: keepPreviousData,
  });
}

/** A maintainer's writes: every list and history of the library is read again after one. */
export function useLibraryWrites() {
  const client = useQueryClient();
  const onSuccess = () => void client.invalidateQueries({ queryKey: keys.all });
  return {
    create: useMutation({ mutationFn: indicatorLibraryApi.create, onSuccess }),
    update: useMutation({
      mutationFn: (input: { id: string; body: UpdateLibraryEntry }) => indicatorLibraryApi.update(input.id, input.body),
      onSuccess,
    }),
  };
}
