import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { FormInstance } from 'antd';
import { useCallback, useMemo } from 'react';
import { type Changes, invalidate, invalidateOnConflict } from '../api/control-cache.ts';
import { useWrite } from './use-write.ts';

interface SaveOptions {
  readonly form?: FormInstance | undefined;
  /** Toast on success; "已保存" when omitted. */
  readonly success?: string | undefined;
}

/**
 * Runs an internal-control write that no control rule can refuse (a plan, a stocktake, a form) as a
 * mutation that invalidates `changes` (api/control-cache.ts), on success and on VERSION_CONFLICT,
 * telling the user through useWrite.
 */
export function useSave(changes: Changes) {
  const client = useQueryClient();
  const { mutateAsync } = useMutation({
    mutationFn: (run: () => Promise<unknown>) => run(),
    onSuccess: () => invalidate(client, changes),
    onError: (error) => invalidateOnConflict(client, changes, error),
  });
  const { write, saving } = useWrite();
  const save = useCallback(
    (run: () => Promise<unknown>, options: SaveOptions = {}): Promise<boolean> => write(() => mutateAsync(run), options),
    [write, mutateAsync],
  );
  return useMemo(() => ({ save, saving }), [save, saving]);
}
