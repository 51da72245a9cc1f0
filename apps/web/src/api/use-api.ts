import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError } from './api-error.ts';

export interface ApiState<T> {
  readonly data: T | undefined;
  readonly error: ApiError | undefined;
  readonly loading: boolean;
  /** Loads again (after a save, or from a "retry" button); the old data stays visible meanwhile. */
  readonly reload: () => void;
}

/**
 * Loads data for a page. It remains (issue 8) only for the internal-control and audit pages, which are
 * being changed on other branches; everything else reads through the query cache (api/*-queries.ts).
 * `key` names what is loaded (usually the URL with its query): a new key loads
 * again and an answer for an old key is dropped, so a slow response never overwrites a newer one.
 * A null key loads nothing (a dependency is not known yet).
 */
export function useApi<T>(key: string | null, load: () => Promise<T>): ApiState<T> {
  const loadRef = useRef(load);
  useEffect(() => {
    loadRef.current = load;
  });
  const [nonce, setNonce] = useState(0);
  // `for` remembers which key the data belongs to: after a key change the old data is not shown as the new.
  const [state, setState] = useState<{ for: string | null; data: T | undefined; error: ApiError | undefined; loading: boolean }>({
    for: key,
    data: undefined,
    error: undefined,
    loading: key !== null,
  });
  const requestKey = key === null ? null : `${key}#${nonce}`;

  useEffect(() => {
    if (requestKey === null) return;
    let current = true;
    setState((previous) => ({ ...previous, loading: true }));
    loadRef.current().then(
      (data) => {
        if (current) setState({ for: key, data, error: undefined, loading: false });
      },
      (error: unknown) => {
        if (!current) return;
        const apiError = error instanceof ApiError ? error : new ApiError(0, 'CLIENT_ERROR', String(error), null, null);
        setState((previous) => ({ for: key, data: previous.for === key ? previous.data : undefined, error: apiError, loading: false }));
      },
    );
    return () => {
      current = false;
    };
  }, [key, requestKey]);

  const reload = useCallback(() => setNonce((value) => value + 1), []);
  const isCurrent = state.for === key;
  return {
    data: isCurrent ? state.data : undefined,
    error: isCurrent ? state.error : undefined,
    loading: key !== null && (state.loading || !isCurrent),
    reload,
  };
}
