import type { SearchResults } from '@jixiao/contract';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { http } from './client.ts';

export const searchApi = {
  find: (q: string) => http.get<SearchResults>('/api/search', { q }),
};

/** 全局搜索; nothing is asked for until something is typed, and the last hits stay while the next load. */
export function useSearch(q: string) {
  const text = q.trim();
  return useQuery({
    queryKey: ['search', text] as const,
    queryFn: () => searchApi.find(text),
    enabled: text.length > 0,
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });
}
