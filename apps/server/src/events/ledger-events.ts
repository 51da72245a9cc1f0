import type { Queryable } from '../db/connect.ts';

/** What a ledger write touched: the organisation whose lines moved, the year if known, and whether units below it count too. */
export interface LedgerChange {
  readonly organisationId: string;
  readonly fiscalYear?: number | undefined;
  /** The write may concern units below the organisation too (an import for a department). */
  readonly subtree?: boolean | undefined;
}

export type LedgerChangeHandler = (tx: Queryable, change: LedgerChange) => Promise<void>;

const handlers = new Set<LedgerChangeHandler>();

/**
 * Subscribes to ledger writes; the returned function unsubscribes. Modules that read the ledger (the
 * evaluations re-score their cached totals) register here at start-up, so internal control never
 * imports them and they never import control.
 */
export function onLedgerChanged(handler: LedgerChangeHandler): () => void {
  handlers.add(handler);
  return () => handlers.delete(handler);
}

/**
 * Called by every ledger write inside its transaction, after the write: each handler runs in that same
 * transaction, in registration order, so what it derives commits or rolls back with the write (a
 * handler that throws undoes the payment that announced it).
 */
export async function announceLedgerChanged(tx: Queryable, change: LedgerChange): Promise<void> {
  for (const handler of handlers) await handler(tx, change);
}
