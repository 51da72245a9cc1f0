import { hashKey, QueryClient, QueryObserver } from '@tanstack/react-query';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiError } from './api-error.ts';
import { invalidateEvaluation, refetchOnConflict, takeAnsweredDetail } from './evaluation-cache.ts';
import { createQueryClient, shouldRetry } from './query-client.ts';
import { evaluationKeys, taskKeys } from './query-keys.ts';
import type { EvaluationDetail } from './types.ts';

// A real QueryClient with observers standing in for mounted components: an observed query is on
// screen (invalidation refetches it), an unobserved one is not (invalidation only marks it stale).
const clients: QueryClient[] = [];
const unsubscribes: (() => void)[] = [];
afterEach(() => {
  for (const unsubscribe of unsubscribes.splice(0)) unsubscribe();
  for (const client of clients.splice(0)) client.clear();
});

function setUp() {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: Number.POSITIVE_INFINITY } } });
  clients.push(client);
  const calls: string[] = [];
  const watch = async (queryKey: readonly unknown[], value: unknown, observed = true) => {
    const queryFn = async () => {
      calls.push(hashKey(queryKey));
      return value;
    };
    await client.fetchQuery({ queryKey, queryFn });
    calls.length = 0;
    if (observed) unsubscribes.push(new QueryObserver(client, { queryKey, queryFn }).subscribe(() => undefined));
  };
  const settle = async (): Promise<void> => {
    do await new Promise((resolve) => setTimeout(resolve, 0));
    while (client.isFetching() > 0);
  };
  return { client, calls, watch, settle };
}

const detail = (id: string, revision: number) => ({ id, revision }) as unknown as EvaluationDetail;

describe('a write answered with the evaluation', () => {
  it('takes the answer into the cache and reads only the score again', async () => {
    const { client, calls, watch, settle } = setUp();
    await watch(evaluationKeys.detail('e1'), detail('e1', 1));
    await watch(evaluationKeys.score('e1'), { total: 'old' });
    await watch(evaluationKeys.list({}), { items: [] }, false);

    takeAnsweredDetail(client, detail('e1', 2));
    await settle();

    expect(client.getQueryData(evaluationKeys.detail('e1'))).toEqual(detail('e1', 2));
    expect(calls).toEqual([hashKey(evaluationKeys.score('e1'))]);
    // The list is not on screen: it is not fetched now, but it is stale for when it is shown.
    expect(client.getQueryState(evaluationKeys.list({}))?.isInvalidated).toBe(true);
  });
});

describe('a write answered with less', () => {
  it('reads the evaluation and its score again, and no other evaluation', async () => {
    const { client, calls, watch, settle } = setUp();
    await watch(evaluationKeys.detail('e1'), detail('e1', 1));
    await watch(evaluationKeys.score('e1'), {});
    await watch(evaluationKeys.detail('e2'), detail('e2', 1));
    await watch(taskKeys.all, { items: [] });

    invalidateEvaluation(client, 'e1');
    await settle();

    expect(calls.sort()).toEqual([hashKey(evaluationKeys.detail('e1')), hashKey(evaluationKeys.score('e1')), hashKey(taskKeys.all)].sort());
  });

  it('on a version conflict only', async () => {
    const { client, calls, watch, settle } = setUp();
    await watch(evaluationKeys.detail('e1'), detail('e1', 1));
    refetchOnConflict(client, 'e1', new ApiError(400, 'VALIDATION_FAILED', '', null, null));
    await settle();
    expect(calls).toEqual([]);
    refetchOnConflict(client, 'e1', new ApiError(409, 'VERSION_CONFLICT', '绩效指标已被他人修改', null, null));
    await settle();
    expect(calls).toEqual([hashKey(evaluationKeys.detail('e1'))]);
  });
});

describe('query keys', () => {
  it('keep everything about one evaluation under it, and lists apart', () => {
    const client = createQueryClient();
    clients.push(client);
    client.setQueryData(evaluationKeys.detail('e1'), 1);
    client.setQueryData(evaluationKeys.report('e1', 3), 'html');
    client.setQueryData(evaluationKeys.list({}), 2);
    const under = (queryKey: readonly unknown[]) =>
      client
        .getQueryCache()
        .findAll({ queryKey })
        .map((query) => query.queryHash);
    expect(under(evaluationKeys.one('e1'))).toHaveLength(2);
    expect(under(evaluationKeys.lists())).toEqual([hashKey(evaluationKeys.list({}))]);
  });

  it('name a list by its filter, whatever fields are left unset (the review queue shares the list page’s entries)', () => {
    expect(hashKey(evaluationKeys.list({ status: 'submitted', fiscalYear: undefined, kind: undefined }))).toBe(
      hashKey(evaluationKeys.list({ status: 'submitted' })),
    );
  });
});

describe('shouldRetry', () => {
  it.each([
    [0, 'NETWORK', true],
    [503, 'UNAVAILABLE', true],
    [404, 'NOT_FOUND', false],
    [409, 'VERSION_CONFLICT', false],
    [401, 'UNAUTHENTICATED', false],
  ])('status %i (%s): %s', (status, code, expected) => {
    expect(shouldRetry(0, new ApiError(status, code, '', null, null))).toBe(expected);
  });

  it('gives up after two tries and never retries what the client did not make', () => {
    expect(shouldRetry(2, new ApiError(503, 'UNAVAILABLE', '', null, null))).toBe(false);
    expect(shouldRetry(0, new TypeError('bad JSON'))).toBe(false);
  });
});
