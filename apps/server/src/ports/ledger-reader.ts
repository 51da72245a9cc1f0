import type { control } from '@jixiao/core';
import type { Queryable } from '../db/connect.ts';

/** What an evaluation reads: an organisation and everything below it, one year, perhaps one project. */
export interface LedgerReadScope {
  readonly organisationId: string;
  readonly fiscalYear: number;
  readonly projectId?: string | undefined;
}

/**
 * How the evaluations read the ledger without importing internal control: control implements it, the
 * composition root (`modules.ts`) hands it over.
 */
export interface LedgerReader {
  /** The ledger of a scope, for the pure computations in @jixiao/core (control/ledger.ts). */
  load(db: Queryable, scope: LedgerReadScope): Promise<control.Ledger>;
  /** The day a year's figures are read at: today during the year, 31 December after it. */
  asOf(fiscalYear: number, now: Date): string;
}

let provided: LedgerReader | undefined;

export function provideLedgerReader(reader: LedgerReader): void {
  provided = reader;
}

export function ledgerReader(): LedgerReader {
  if (!provided)
    throw new Error('no LedgerReader: wireModules() (apps/server/src/modules.ts) must run before the evaluations read the ledger');
  return provided;
}
