import { workflow } from '@jixiao/core';
import type { Queryable } from '../db/connect.ts';
import type { EvaluationStatus } from '../db/schema.ts';
import type { LedgerChange } from '../events/ledger-events.ts';
import { ancestorIds, descendantIds } from '../organisations/organisation.repository.ts';
import * as repo from './evaluation.repository.ts';
import { refreshScore } from './evaluation-aggregate.ts';

const EDITABLE = (Object.keys(workflow.STATUS_LABEL) as EvaluationStatus[]).filter(workflow.isEditable);

/**
 * A ledger write (a payment, a budget line, an adjustment, a procurement, an import) moves the live
 * figures of every editable evaluation that reads the ledger of that organisation: its own, or one
 * above it whose scope includes it (and, for a write spanning units, those below). Their cached totals, which lists show, are re-scored in the same
 * transaction so a list never disagrees with the evaluation page. Submitted evaluations keep their
 * snapshot and are left alone. Runs as the handler of `announceLedgerChanged` (events/ledger-events.ts).
 */
export async function rescoreLedgerLinked(db: Queryable, { organisationId, fiscalYear, subtree }: LedgerChange): Promise<void> {
  const chain = [...new Set([...(await ancestorIds(db, organisationId)), ...(subtree ? await descendantIds(db, [organisationId]) : [])])];
  if (chain.length === 0) return;
  const rows = await repo.findLedgerReading(db, chain, EDITABLE, fiscalYear);
  for (const row of rows) await refreshScore(db, row.id);
}
