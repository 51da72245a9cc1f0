import type { Queryable } from '../db/connect.ts';
import type { DeclarationRow, DeclaredIndicatorRow } from '../targets/declaration.repository.ts';
import { getOrganisationName } from '../targets/declaration.repository.ts';
import * as repo from './library.repository.ts';
import { usageCodeOf } from './library-suggestions.ts';

/**
 * 批复 (and every later approved version): the approved lines bound to the library become its history,
 * in the approving transaction. Lines unbound or removed since an earlier version drop out.
 */
export async function recordApprovedUsage(
  tx: Queryable,
  declaration: DeclarationRow,
  indicators: readonly DeclaredIndicatorRow[],
  at: Date,
): Promise<void> {
  const bound = indicators.filter((line) => line.libraryEntryId);
  const before = await repo.usagePairs(tx, { declarationId: declaration.id });
  await repo.deleteUsageExcept(
    tx,
    declaration.id,
    bound.map((line) => line.id),
  );
  if (bound.length === 0) {
    await repo.refreshUsageValues(tx, before);
    return;
  }
  const [projectCode, organisationName] = await Promise.all([
    usageCodeOf(tx, declaration),
    getOrganisationName(tx, declaration.organisationId),
  ]);
  await repo.upsertUsage(
    tx,
    bound.map((line) => ({
      libraryEntryId: line.libraryEntryId as string,
      fiscalYear: declaration.fiscalYear,
      projectCode,
      projectName: declaration.projectName ?? `${organisationName}部门整体支出`,
      organisationId: declaration.organisationId,
      organisationName,
      declarationId: declaration.id,
      declaredIndicatorId: line.id,
      direction: line.direction,
      unit: line.unit,
      target: line.target,
      targetText: line.targetText,
      source: 'approved' as const,
      recordedAt: at,
    })),
  );
  await repo.refreshUsageValues(tx, [
    ...before,
    ...bound.map((line) => ({ entry: line.libraryEntryId as string, year: declaration.fiscalYear })),
  ]);
}

/** 公开 of the year-end evaluation: its actuals, now frozen, complete the history of the lines it was opened from. */
export async function recordEvaluationActuals(tx: Queryable, evaluationId: string): Promise<void> {
  await repo.recordActuals(tx, evaluationId);
  await repo.refreshUsageValues(tx, await repo.usagePairs(tx, { evaluationId }));
}
