import type { AdjustmentChangeInput, DeclaredIndicatorFields } from '@jixiao/contract';
import { adjustment, type Finding, parsePoints } from '@jixiao/core';
import type { Queryable } from '../db/connect.ts';
import { emptyToNull } from '../shared/fields.ts';
import type { ApprovedIndicator, VersionSnapshot } from '../targets/approved-targets.ts';
import type { DeclarationRow } from '../targets/declaration.repository.ts';
import { declarationCheckContext } from '../targets/declaration-checks.ts';
import { checkFindings, findingKey } from '../targets/declaration-presenter.ts';
import * as repo from './adjustment.repository.ts';

/** The fields an added line is saved with (the contract's form, kept as given). */
export type AddedFields = Omit<DeclaredIndicatorFields, 'id'>;

/** The approved lines a request is written against: the snapshot of its base version. */
export async function baseLines(db: Queryable, row: repo.AdjustmentRow): Promise<ApprovedIndicator[]> {
  const version = await repo.getVersion(db, row.declarationId, row.baseVersion);
  return version ? (version.snapshot as VersionSnapshot).indicators : [];
}

/** An added line as a declared line of the next version (its id kept from the request). */
export function addedLine(id: string, declarationId: string, fields: AddedFields): ApprovedIndicator {
  return {
    id,
    declarationId,
    position: 0,
    goalId: fields.goalId ?? null,
    level1: fields.level1,
    level2: fields.level2,
    name: fields.name,
    nature: fields.nature,
    direction: fields.direction,
    target: fields.target ?? null,
    targetText: emptyToNull(fields.targetText) ?? null,
    unit: emptyToNull(fields.unit) ?? null,
    basis: fields.basis ?? null,
    basisText: emptyToNull(fields.basisText) ?? null,
    dataSource: emptyToNull(fields.dataSource) ?? null,
    method: emptyToNull(fields.method) ?? null,
    evidence: emptyToNull(fields.evidence) ?? null,
    lastYearActual: fields.lastYearActual ?? null,
    core: fields.core ?? false,
    scoringRule: emptyToNull(fields.scoringRule) ?? null,
    weight: fields.weight ? (parsePoints(fields.weight) ?? null) : null,
    libraryEntryId: fields.libraryEntryId ?? null,
  };
}

/** The stored changes as the core's. */
export function coreChanges(rows: readonly repo.AdjustmentChangeRow[]): adjustment.AdjustmentChange<ApprovedIndicator>[] {
  return rows.map((row) => {
    if (row.kind === 'add')
      return { kind: 'add', indicator: addedLine(row.indicatorId, '', row.indicator as AddedFields), reason: row.reason };
    if (row.kind === 'drop') return { kind: 'drop', indicatorId: row.indicatorId, reason: row.reason };
    return { kind: 'target', indicatorId: row.indicatorId, target: row.target, targetText: row.targetText, reason: row.reason };
  });
}

/** The request's input as rows; an added line gets the id it will keep. */
export function changeRows(input: readonly AdjustmentChangeInput[], newId: () => string): repo.AdjustmentChangeInsert[] {
  return input.map((change, index) => {
    const common = {
      adjustmentId: '',
      position: index + 1,
      reason: change.reason,
      evidence: (change.evidence ?? []).map((entry) => ({ description: entry.description, ...(entry.link ? { link: entry.link } : {}) })),
    };
    // The save has checked that each kind brings its fields (an added line its indicator, the others their indicatorId).
    if (change.kind === 'add') return { ...common, kind: 'add', indicatorId: newId(), indicator: change.indicator ?? null };
    if (change.kind === 'drop') return { ...common, kind: 'drop', indicatorId: change.indicatorId ?? '' };
    return {
      ...common,
      kind: 'target',
      indicatorId: change.indicatorId ?? '',
      target: change.target ?? null,
      targetText: emptyToNull(change.targetText) ?? null,
    };
  });
}

export interface RequestCheck {
  readonly problems: adjustment.ChangeProblem[];
  /** The declaration checks on the adjusted set, with the key each warning's reason is kept under. */
  readonly findings: (Finding & { key: string })[];
  readonly lines: ApprovedIndicator[];
}

/** The changes' own rules and the declaration's checks on the set they produce (as at declaration). */
export async function checkRequest(
  db: Queryable,
  declaration: DeclarationRow,
  base: readonly ApprovedIndicator[],
  rows: readonly repo.AdjustmentChangeRow[],
): Promise<RequestCheck> {
  const changes = coreChanges(rows);
  const lines = adjustment.applyChanges(base, changes);
  const context = await declarationCheckContext(db, declaration, lines);
  const findings = checkFindings(declaration, lines, context).map((finding) => ({ ...finding, key: findingKey(finding) }));
  return { problems: adjustment.checkChanges(base, changes), findings, lines };
}
