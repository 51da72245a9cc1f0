import { and, count, eq, gte, inArray, isNotNull, lt, or, sql } from 'drizzle-orm';
import { type Queryable, ref } from '../../db/connect.ts';
import {
  assets,
  budgetAdjustments,
  budgetLines,
  contracts,
  controlRefusals,
  paymentRequests,
  procurements,
  selfAssessments,
  stocktakes,
} from '../../db/schema.ts';

const countOf = async (query: Promise<{ value: number }[]>) => Number((await query)[0]?.value ?? 0);

/** What the ledger, the workflow and the refusals record of some units in a year: the self-assessment's evidence. */
export async function findControlEvidence(db: Queryable, units: readonly string[], fiscalYear: number) {
  const from = new Date(`${fiscalYear}-01-01T00:00:00+08:00`);
  const to = new Date(`${fiscalYear + 1}-01-01T00:00:00+08:00`);
  const lines = await db
    .select({ id: budgetLines.id })
    .from(budgetLines)
    .where(and(inArray(budgetLines.organisationId, [...units]), eq(budgetLines.fiscalYear, fiscalYear)));
  const lineIds = lines.map((line) => line.id);
  const onLines = lineIds.length ? lineIds : ['00000000-0000-0000-0000-000000000000'];
  const [payments, decisions, adjustments, refusals, purchases, contractRows, assetCount, stocktakeCount] = await Promise.all([
    countOf(db.select({ value: count() }).from(paymentRequests).where(inArray(paymentRequests.budgetLineId, onLines))),
    countOf(
      db
        .select({ value: count() })
        .from(paymentRequests)
        .where(
          and(
            inArray(paymentRequests.budgetLineId, onLines),
            or(isNotNull(paymentRequests.decisionReference), isNotNull(paymentRequests.countersignedBy)),
          ),
        ),
    ),
    countOf(
      db
        .select({ value: count() })
        .from(budgetAdjustments)
        .where(and(inArray(budgetAdjustments.budgetLineId, onLines), eq(budgetAdjustments.status, 'approved'))),
    ),
    countOf(
      db
        .select({ value: count() })
        .from(controlRefusals)
        .where(and(inArray(controlRefusals.organisationId, [...units]), gte(controlRefusals.at, from), lt(controlRefusals.at, to))),
    ),
    db
      .select({
        category: procurements.category,
        estimatedFen: procurements.estimatedFen,
        method: procurements.method,
        methodJustification: procurements.methodJustification,
      })
      .from(procurements)
      .where(and(inArray(procurements.budgetLineId, onLines), sql`${procurements.status} <> 'cancelled'`)),
    db
      .select({
        id: contracts.id,
        accepted: sql<number>`(select count(*)::int from contract_milestones m where m.contract_id = ${ref(contracts.id)} and m.accepted_at is not null)`,
      })
      .from(contracts)
      .where(inArray(contracts.budgetLineId, onLines)),
    countOf(
      db
        .select({ value: count() })
        .from(assets)
        .where(inArray(assets.organisationId, [...units])),
    ),
    countOf(
      db
        .select({ value: count() })
        .from(stocktakes)
        .where(
          and(
            inArray(stocktakes.organisationId, [...units]),
            gte(stocktakes.takenOn, `${fiscalYear}-01-01`),
            lt(stocktakes.takenOn, `${fiscalYear + 1}-01-01`),
          ),
        ),
    ),
  ]);
  return { lineIds, payments, decisions, adjustments, refusals, purchases, contractRows, assetCount, stocktakeCount };
}

export async function getSelfAssessment(db: Queryable, organisationId: string, fiscalYear: number) {
  const [row] = await db
    .select()
    .from(selfAssessments)
    .where(and(eq(selfAssessments.organisationId, organisationId), eq(selfAssessments.fiscalYear, fiscalYear)));
  return row;
}

type Entries = (typeof selfAssessments.$inferInsert)['entries'];

/** Replaces the entries if the version is still the one read; false when it moved. */
export async function updateSelfAssessment(db: Queryable, id: string, version: number, entries: Entries): Promise<boolean> {
  const rows = await db
    .update(selfAssessments)
    .set({ entries, updatedAt: new Date(), version: sql`${selfAssessments.version} + 1` })
    .where(and(eq(selfAssessments.id, id), eq(selfAssessments.version, version)))
    .returning({ id: selfAssessments.id });
  return rows.length > 0;
}

export async function insertSelfAssessment(db: Queryable, values: typeof selfAssessments.$inferInsert): Promise<void> {
  await db.insert(selfAssessments).values(values);
}
