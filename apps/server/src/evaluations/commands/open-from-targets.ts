import type { Queryable } from '../../db/connect.ts';
import type { ApprovedTargets } from '../../targets/approved-targets.ts';
import * as repo from '../evaluation.repository.ts';

/**
 * A new evaluation takes its goals, indicators, weights and targets from the approved declaration
 * (nothing retyped): each indicator records the declared line it came from, so the evaluation scores
 * what was approved. With no 年度目标 declared, the 总体目标 is the one goal.
 */
export async function openFromApprovedTargets(tx: Queryable, evaluationId: string, approved: ApprovedTargets): Promise<void> {
  const goals = approved.goals.length > 0 ? approved.goals : approved.overallGoal.trim() ? [{ id: '', text: approved.overallGoal }] : [];
  const goalIds = new Map<string, string>();
  for (const [index, goal] of goals.entries()) {
    const inserted = await repo.insertGoal(tx, {
      evaluationId,
      position: index + 1,
      code: `G${index + 1}`,
      text: goal.text,
      summary: goal.summary ?? null,
    });
    goalIds.set(goal.id, inserted.id);
  }
  if (approved.indicators.length === 0) return;
  await repo.insertIndicators(
    tx,
    approved.indicators.map((line, index) => ({
      evaluationId,
      position: index + 1,
      code: `I${index + 1}`,
      goalId: line.goalId ? (goalIds.get(line.goalId) ?? null) : null,
      level1: line.level1,
      level2: line.level2,
      name: line.name,
      direction: line.direction,
      // An adjusted line opens with its approved 指标值 as the target and the adjustment's as the adjusted
      // target, which the scorer scores against (调整后 X（原 Y）); the reason and date travel with it.
      target: line.original ? line.original.target : line.target,
      targetText: line.original ? line.original.targetText : line.targetText,
      adjustedTarget: line.original ? line.target : null,
      adjustedTargetText: line.original ? line.targetText : null,
      targetAdjustment: line.adjusted ?? null,
      unit: line.unit,
      lastYearActual: line.lastYearActual,
      weight: line.weight,
      dataSource: line.dataSource,
      declaredIndicatorId: line.id,
    })),
  );
}
