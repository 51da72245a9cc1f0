import type { FormInstance } from 'antd';
import { useCallback, useMemo } from 'react';
import { useWrite } from './use-write.ts';

interface SaveOptions {
  readonly form?: FormInstance | undefined;
  /** Toast on success; "已保存" when omitted. */
  readonly success?: string | undefined;
}

/**
 * Runs a write, then `reload` (so the next write carries the new version); on VERSION_CONFLICT the
 * user is told and the data reloaded. It remains (issue 8) only for the internal-control and audit
 * pages, which are being changed on other branches; everything else writes through a query-cache
 * mutation (api/*-queries.ts) and useWrite.
 */
export function useSave(reload: () => void) {
  const { write, saving } = useWrite();
  const save = useCallback(
    async (run: () => Promise<unknown>, options: SaveOptions = {}): Promise<boolean> => {
      const ok = await write(run, { ...options, onConflict: reload });
      if (ok) reload();
      return ok;
    },
    [write, reload],
  );
  return useMemo(() => ({ save, saving }), [save, saving]);
}
