import { QueryClient } from '@tanstack/react-query';
import { ApiError } from './api-error.ts';

/** A failed read is tried again only when trying again can help: the network or the server, never a refusal (4xx). */
export function shouldRetry(failureCount: number, error: unknown): boolean {
  if (failureCount >= 2) return false;
  if (error instanceof ApiError) return error.status === 0 || error.status >= 500;
  return false;
}

/**
 * The app's one cache of server state. Defaults suit the heavy evaluation reads (they re-score on the
 * server): nothing refetches on window focus unless its hook asks for it, and data stays fresh for
 * 30 s unless its hook says otherwise; writes are never retried (they are not all idempotent).
 */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { retry: shouldRetry, refetchOnWindowFocus: false, staleTime: 30_000 },
      mutations: { retry: false },
    },
  });
}
