import type { AdjustmentChange, AdjustmentDetail, AdjustmentSummary } from '@jixiao/contract';
import { adjustment, type Direction, type Level1, type Level2 } from '@jixiao/core';
import type { ApprovedIndicator } from '../targets/approved-targets.ts';
import type * as repo from './adjustment.repository.ts';
import type { AddedFields, RequestCheck } from './adjustment-lines.ts';

type ListRow = Awaited<ReturnType<typeof repo.findAdjustments>>[number];

/** How users name the declaration: the project, or the department's 部门整体支出. */
export const declarationTitle = (projectName: string | null, organisationName: string): string =>
  projectName ?? `${organisationName}部门整体支出`;

export function summaryOf(entry: Omit<ListRow, 'changeCount'> & { changeCount: number }): AdjustmentSummary {
  const row = entry.adjustment;
  return {
    id: row.id,
    declarationId: row.declarationId,
    declarationTitle: declarationTitle(entry.projectName, entry.organisationName),
    organisationId: row.organisationId,
    organisationName: entry.organisationName,
    fiscalYear: row.fiscalYear,
    status: row.status,
    statusLabel: adjustment.ADJUSTMENT_STATUS_LABEL[row.status],
    changeCount: entry.changeCount,
    baseVersion: row.baseVersion,
    resultVersion: row.resultVersion,
    createdByName: entry.createdByName,
    updatedAt: row.updatedAt.toISOString(),
  };
}

const targetValue = (line: { target: string | null; targetText: string | null }) => ({ target: line.target, targetText: line.targetText });

/** One change as shown: 调整前 and 调整后 side by side, read against the lines it was written on. */
export function presentChange(row: repo.AdjustmentChangeRow, base: readonly ApprovedIndicator[]): AdjustmentChange {
  const line = base.find((entry) => entry.id === row.indicatorId);
  const added = row.kind === 'add' ? (row.indicator as AddedFields) : null;
  return {
    id: row.id,
    kind: row.kind,
    kindLabel: adjustment.CHANGE_KIND_LABEL[row.kind],
    indicatorId: row.indicatorId,
    indicatorName: added?.name ?? line?.name ?? '',
    unit: added ? (added.unit ?? null) : (line?.unit ?? null),
    before: line && row.kind !== 'add' ? targetValue(line) : null,
    after:
      row.kind === 'drop'
        ? null
        : added
          ? { target: added.target ?? null, targetText: added.targetText ?? null }
          : { target: row.target, targetText: row.targetText },
    indicator: added,
    reason: row.reason,
    evidence: row.evidence,
  };
}

export interface DetailParts {
  readonly entry: Omit<ListRow, 'changeCount'>;
  readonly base: readonly ApprovedIndicator[];
  readonly changes: readonly repo.AdjustmentChangeRow[];
  readonly check: RequestCheck;
  /** The reasons already given for warnings: the declaration's at submission, then the request's. */
  readonly reasons: Readonly<Record<string, string>>;
  readonly steps: Awaited<ReturnType<typeof repo.findSteps>>;
  readonly permissions: AdjustmentDetail['permissions'];
}

export function presentAdjustment(parts: DetailParts): AdjustmentDetail {
  const { entry, base, check } = parts;
  return {
    ...summaryOf({ ...entry, changeCount: parts.changes.length }),
    version: entry.adjustment.version,
    indicators: base.map((line) => ({
      id: line.id,
      level1: line.level1 as Level1,
      level2: line.level2 as Level2,
      name: line.name,
      nature: line.nature,
      direction: line.direction as Direction,
      target: line.target,
      targetText: line.targetText,
      unit: line.unit,
      originalTarget: line.original ?? null,
    })),
    changes: parts.changes.map((row) => presentChange(row, base)),
    problems: check.problems.map((problem) => ({ index: problem.index ?? null, field: problem.field, message: problem.message })),
    findings: check.findings.map((finding) => ({
      ...finding,
      subject: { ...finding.subject },
      reason: parts.reasons[finding.key] ?? null,
    })),
    steps: parts.steps.map(({ step, actorName }) => ({
      action: step.action,
      actionLabel: adjustment.ADJUSTMENT_ACTION_LABEL[step.action as adjustment.AdjustmentAction | 'create'] ?? step.action,
      stage: step.stage,
      toStatus: step.toStatus as adjustment.AdjustmentStatus,
      actorName,
      opinion: step.opinion,
      at: step.at.toISOString(),
    })),
    permissions: parts.permissions,
  };
}
