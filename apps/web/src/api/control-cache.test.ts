import { hashKey, QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { ApiError } from './api-error.ts';
import { changesOf, invalidate, invalidateOnConflict } from './control-cache.ts';
import { importPollInterval } from './control-queries.ts';
import { assetKeys, budgetLineKeys, contractKeys, evaluationKeys, grantKeys, ledgerKeys, paymentKeys } from './query-keys.ts';

const PAYMENT = '11111111-1111-4111-8111-111111111111';
const OTHER = '22222222-2222-4222-8222-222222222222';

/** A client holding one fresh answer per key; returns the keys a set of changes leaves stale. */
function staleAfter(changes: Parameters<typeof invalidate>[1], error?: unknown) {
  const client = new QueryClient({ defaultOptions: { queries: { staleTime: Number.POSITIVE_INFINITY } } });
  const held = [
    paymentKeys.one(PAYMENT),
    paymentKeys.one(OTHER),
    paymentKeys.list({ organisationId: 'unit', fiscalYear: 2024 }),
    budgetLineKeys.list({ organisationId: 'unit', fiscalYear: 2024 }),
    ledgerKeys.overview({ organisationId: 'unit', fiscalYear: 2024 }),
    contractKeys.one(OTHER),
    grantKeys.list({ fiscalYear: 2024 }),
    assetKeys.one(OTHER),
    evaluationKeys.detail(OTHER),
  ];
  for (const queryKey of held) client.setQueryData(queryKey, {});
  if (error === undefined) invalidate(client, changes);
  else invalidateOnConflict(client, changes, error);
  const stale = client
    .getQueryCache()
    .getAll()
    .filter((query) => query.state.isInvalidated)
    .map((query) => hashKey(query.queryKey));
  client.clear();
  return stale;
}

describe('what an internal-control write invalidates', () => {
  it('a payment step: that payment, the payment lists, the lines, the ledger, its contract and the bound evaluations; not other payments, grants or assets', () => {
    const stale = staleAfter(changesOf.payment({ id: PAYMENT, contractId: OTHER, grantId: null }));
    expect(stale).toContain(hashKey(paymentKeys.one(PAYMENT)));
    expect(stale).toContain(hashKey(paymentKeys.list({ organisationId: 'unit', fiscalYear: 2024 })));
    expect(stale).toContain(hashKey(budgetLineKeys.list({ organisationId: 'unit', fiscalYear: 2024 })));
    expect(stale).toContain(hashKey(ledgerKeys.overview({ organisationId: 'unit', fiscalYear: 2024 })));
    expect(stale).toContain(hashKey(contractKeys.one(OTHER)));
    expect(stale).toContain(hashKey(evaluationKeys.detail(OTHER)));
    expect(stale).not.toContain(hashKey(paymentKeys.one(OTHER)));
    expect(stale).not.toContain(hashKey(grantKeys.list({ fiscalYear: 2024 })));
    expect(stale).not.toContain(hashKey(assetKeys.one(OTHER)));
  });

  it('an asset edit: that asset only, not the money', () => {
    const stale = staleAfter(changesOf.asset(OTHER));
    expect(stale).toEqual([hashKey(assetKeys.one(OTHER))]);
  });

  it('a refusal changes nothing; a version conflict reads again what the write would have changed', () => {
    const changes = changesOf.asset(OTHER);
    expect(staleAfter(changes, new ApiError(422, 'CONTROL_RULE_VIOLATED', '不符合内部控制规则', null, null))).toEqual([]);
    expect(staleAfter(changes, new ApiError(409, 'VERSION_CONFLICT', '已被他人修改', null, null))).toEqual([hashKey(assetKeys.one(OTHER))]);
  });
});

describe('the import poller', () => {
  it('reads the job again while it runs, and stops once it is done or failed or cannot be read', () => {
    expect(importPollInterval(undefined, false)).toBeGreaterThan(0);
    expect(importPollInterval({ status: 'validating' }, false)).toBeGreaterThan(0);
    expect(importPollInterval({ status: 'committing' }, false)).toBeGreaterThan(0);
    expect(importPollInterval({ status: 'done' }, false)).toBe(false);
    expect(importPollInterval({ status: 'failed' }, false)).toBe(false);
    expect(importPollInterval({ status: 'validating' }, true)).toBe(false);
  });
});
