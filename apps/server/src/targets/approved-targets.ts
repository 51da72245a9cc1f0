import type { Queryable } from '../db/connect.ts';
import type { DeclaredGoalColumn } from '../db/schema.ts';
import * as repo from './declaration.repository.ts';

/**
 * A line of an approved version. A line whose 指标值 a 绩效目标调整 changed carries the value of version 1
 * (`original`, 调整前) and the adjustment that changed it last (`adjusted`); lines of version 1 have neither.
 */
export type ApprovedIndicator = repo.DeclaredIndicatorRow & {
  readonly original?: { readonly target: string | null; readonly targetText: string | null } | undefined;
  readonly adjusted?: { readonly reason: string; readonly approvedAt: string; readonly version: number } | undefined;
};

/** The approved targets as frozen at 批复 (or by a later adjustment): what the year-end evaluation opens from. */
export interface ApprovedTargets {
  readonly declarationId: string;
  readonly version: number;
  readonly overallGoal: string;
  readonly goals: readonly DeclaredGoalColumn[];
  readonly indicators: readonly ApprovedIndicator[];
}

/** What `declaration_versions.snapshot` holds: the declaration and its lines as approved (version 1) or as adjusted. */
export interface VersionSnapshot {
  readonly declaration: repo.DeclarationRow;
  readonly indicators: ApprovedIndicator[];
  /** The 绩效目标调整 that wrote this version (versions 2, 3 …). */
  readonly adjustmentId?: string | undefined;
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
  const snapshot = latest.version.snapshot as VersionSnapshot;
  return {
    declarationId: declaration.id,
    version: latest.version.number,
    overallGoal: snapshot.declaration.overallGoal,
    goals: snapshot.declaration.annualGoals,
    indicators: snapshot.indicators,
  };
}
