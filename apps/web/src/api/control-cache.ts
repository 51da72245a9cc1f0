import type { QueryClient, QueryKey } from '@tanstack/react-query';
import { ApiError, classifyError } from './api-error.ts';
import {
  assetKeys,
  auditKeys,
  budgetLineKeys,
  contractKeys,
  evaluationKeys,
  grantKeys,
  ledgerKeys,
  paymentKeys,
  procurementKeys,
  recipientKeys,
  selfAssessmentKeys,
  stocktakeKeys,
} from './query-keys.ts';

/** What one internal-control write changes in the cache: the keys to read again. */
export type Changes = readonly QueryKey[];

// Every write is audited, and the self-assessment's pre-fill counts the records of every module.
const RECORDED: Changes = [auditKeys.all, selfAssessmentKeys.all];
// Money that moves on a budget line changes its balances, the ledger's indicators and the evaluations
// bound to them (the server re-scores those in the same transaction).
const MONEY: Changes = [budgetLineKeys.all, ledgerKeys.all, evaluationKeys.all, ...RECORDED];

/**
 * The changes of each kind of write. Invalidating refetches only what is on screen; the rest is read
 * when it is next shown. A write on one record names that record, its lists, and what its figures feed.
 */
export const changesOf = {
  budgetLine: (): Changes => MONEY,
  payment: (payment?: { readonly id: string; readonly contractId: string | null; readonly grantId: string | null }): Changes => [
    ...(payment ? [paymentKeys.one(payment.id), paymentKeys.lists()] : [paymentKeys.all]),
    // A payment's contract and grant show what is paid and committed against them.
    ...(!payment || payment.contractId ? [contractKeys.all] : []),
    ...(!payment || payment.grantId ? [grantKeys.all] : []),
    ...MONEY,
  ],
  /** A finished ledger import created lines or paid payments. */
  ledgerImport: (): Changes => [paymentKeys.all, ...MONEY],
  procurement: (): Changes => [procurementKeys.all, ...MONEY],
  /** A contract commits money on its line; accepting a delivery may create asset cards. */
  contract: (): Changes => [contractKeys.all, procurementKeys.all, assetKeys.all, ...MONEY],
  asset: (id: string): Changes => [assetKeys.one(id), assetKeys.lists(), ...RECORDED],
  /** A stocktake's results show on each asset it covered. */
  stocktake: (): Changes => [stocktakeKeys.all, assetKeys.all, ...RECORDED],
  recipient: (): Changes => [recipientKeys.all, ...RECORDED],
  /** A grant commits money on its line and counts on its recipient. */
  grant: (): Changes => [grantKeys.all, recipientKeys.all, ...MONEY],
  followUp: (): Changes => [grantKeys.all, ...RECORDED],
};

export function invalidate(client: QueryClient, changes: Changes): void {
  for (const queryKey of changes) void client.invalidateQueries({ queryKey });
}

/** Someone else changed the record meanwhile: the user is told, and what the write would have changed is read again. */
export function invalidateOnConflict(client: QueryClient, changes: Changes, error: unknown): void {
  if (error instanceof ApiError && classifyError(error) === 'conflict') invalidate(client, changes);
}
