import type { Queryable } from '../db/connect.ts';
import type { DeclaredGoalColumn } from '../db/schema.ts';
import * as repo from './declaration.repository.ts';

/** The approved targets as frozen at 批复 (or by a later adjustment): what the year-end evaluation opens from. */
export interface ApprovedTargets {
  readonly declarationId: string;
  readonly version: number;
  readonly overallGoal: string;
  readonly goals: readonly DeclaredGoalColumn[];
  readonly indicators: readonly repo.DeclaredIndicatorRow[];
}

interface Snapshot {
  readonly declaration: repo.DeclarationRow;
  readonly indicators: repo.DeclaredIndicatorRow[];
}

/**
 * The latest approved version of a project's declaration, or of a department's 部门整体 declaration
 * for the year; undefined when none is approved. Read from the frozen snapshot, never the live rows.
 */
export async function approvedTargetsFor(
  db: Queryable,
  target: { projectId: string } | { organisationId: string; fiscalYear: number },
): Promise<ApprovedTargets | undefined> {
  const declaration = await repo.findApprovedFor(db, target);
  if (!declaration) return undefined;
  const latest = await repo.latestVersion(db, declaration.id);
  if (!latest) return undefined;
  const snapshot = latest.version.snapshot as Snapshot;
  return {
    declarationId: declaration.id,
    version: latest.version.number,
    overallGoal: snapshot.declaration.overallGoal,
    goals: snapshot.declaration.annualGoals,
    indicators: snapshot.indicators,
  };
}
