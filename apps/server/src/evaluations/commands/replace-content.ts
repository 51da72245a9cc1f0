import type { Workbook } from '@jixiao/core';
import type { Queryable } from '../../db/connect.ts';
import * as repo from '../evaluation.repository.ts';
import { fromWorkbook } from '../evaluation-mapping.ts';

/**
 * Replaces an evaluation's content (header figures, goals, indicators, 管理效率) with a parsed
 * workbook. Runs inside the caller's transaction: an import either replaces everything or nothing.
 */
export async function replaceContent(tx: Queryable, evaluationId: string, workbook: Workbook): Promise<void> {
  const content = fromWorkbook(workbook);
  // Ledger bindings are not part of the workbook format: keep them for indicators and items that keep their code.
  const bindings = new Map(
    (await repo.findIndicators(tx, evaluationId))
      .filter((row) => row.bindingMetric)
      .map((row) => [row.code, { bindingMetric: row.bindingMetric, bindingScope: row.bindingScope }]),
  );
  const managementBindings = new Map(
    (await repo.findManagement(tx, evaluationId))
      .filter((row) => row.bindingMetric)
      .map((row) => [row.code, { bindingMetric: row.bindingMetric, bindingScope: row.bindingScope }]),
  );
  await repo.deleteContent(tx, evaluationId);
  const evaluation = await repo.getEvaluation(tx, evaluationId);
  if (!evaluation) throw new Error(`evaluation ${evaluationId} vanished inside its transaction`);
  const updated = await repo.updateEvaluationHeader(tx, evaluationId, evaluation.version, content.header);
  if (!updated) throw new Error('evaluation header changed inside its transaction');
  const goalIds = new Map<string, string>();
  for (const goal of content.goals) {
    const inserted = await repo.insertGoal(tx, { ...goal, evaluationId });
    goalIds.set(goal.code, inserted.id);
  }
  await repo.insertIndicators(
    tx,
    content.indicators.map(({ goalCode, row }) => ({
      ...row,
      ...bindings.get(row.code),
      evaluationId,
      goalId: goalCode ? (goalIds.get(goalCode) ?? null) : null,
    })),
  );
  for (const entry of content.management)
    await repo.upsertManagement(tx, { ...entry, ...managementBindings.get(entry.code), evaluationId });
}
