export type { DeclarationBody, DeclarationStepBody } from './endpoints.ts';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, classifyError } from './api-error.ts';
import { type DeclarationBody, type DeclarationFilter, type DeclarationStepBody, declarationApi } from './endpoints.ts';
import { declarationKeys, evaluationKeys, taskKeys } from './query-keys.ts';

// A declaration passes from the unit to the department to the finance bureau, each a different user:
// it is read afresh whenever its page opens, and lists refetch when they come back on screen.
export function useDeclarations(filter: DeclarationFilter) {
  return useQuery({ queryKey: declarationKeys.list(filter), queryFn: () => declarationApi.list(filter), staleTime: 0 });
}

export function useDeclaration(id: string) {
  return useQuery({ queryKey: declarationKeys.one(id), queryFn: () => declarationApi.get(id), staleTime: 0, refetchOnWindowFocus: false });
}

/**
 * The writes of a declaration. Saving answers the whole detail (with the live findings), which the cache
 * takes as it is; a step or a create invalidates the declaration, the lists and the to-dos (and, after
 * 批复, the evaluations that may open from it). A conflict reads the declaration again.
 */
export function useDeclarationWrites() {
  const client = useQueryClient();
  const stepped = (id: string) => {
    void client.invalidateQueries({ queryKey: declarationKeys.one(id) });
    void client.invalidateQueries({ queryKey: declarationKeys.lists() });
    void client.invalidateQueries({ queryKey: taskKeys.all });
    void client.invalidateQueries({ queryKey: evaluationKeys.lists() });
  };
  const onConflict = (id: string) => (error: unknown) => {
    if (error instanceof ApiError && classifyError(error) === 'conflict')
      void client.invalidateQueries({ queryKey: declarationKeys.one(id) });
  };
  return {
    create: useMutation({
      mutationFn: declarationApi.create,
      onSuccess: () => {
        void client.invalidateQueries({ queryKey: declarationKeys.lists() });
        void client.invalidateQueries({ queryKey: taskKeys.all });
      },
    }),
    save: useMutation({
      mutationFn: (input: { id: string; body: DeclarationBody }) => declarationApi.save(input.id, input.body),
      onSuccess: (detail) => {
        client.setQueryData(declarationKeys.one(detail.id), detail);
        void client.invalidateQueries({ queryKey: declarationKeys.lists() });
      },
      onError: (error, input) => onConflict(input.id)(error),
    }),
    step: useMutation({
      mutationFn: (input: { id: string; body: DeclarationStepBody }) => declarationApi.step(input.id, input.body),
      onSuccess: (_result, input) => stepped(input.id),
      onError: (error, input) => onConflict(input.id)(error),
    }),
  };
}
