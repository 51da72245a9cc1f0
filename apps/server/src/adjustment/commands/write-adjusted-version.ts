import type { Deps, RequestContext } from '../../context.ts';
import type { Tx } from '../../db/connect.ts';
import { AppError, notFound } from '../../errors.ts';
import type { ApprovedIndicator, VersionSnapshot } from '../../targets/approved-targets.ts';
import { getDeclaration, insertVersion, latestVersion } from '../../targets/declaration.repository.ts';
import { chinaToday } from '../../time.ts';
import * as repo from '../adjustment.repository.ts';
import { baseLines, checkRequest } from '../adjustment-lines.ts';

/**
 * The approved adjustment as the declaration's next version (2, 3 …): the lines of the base version with
 * the changes applied — a changed line keeps its id and carries the 指标值 of version 1 (`original`, 调整前)
 * and this adjustment's reason and date (`adjusted`); dropped lines leave, added lines follow. Earlier
 * versions are never touched. The declaration row is locked, and a version approved since the request was
 * written is refused (the changes were read against the old one). Answers the number written.
 */
export async function writeAdjustedVersion(deps: Deps, tx: Tx, ctx: RequestContext, row: repo.AdjustmentRow): Promise<number> {
  const declaration = await getDeclaration(tx, row.declarationId, true);
  if (!declaration) throw notFound('申报表');
  const latest = await latestVersion(tx, row.declarationId);
  if (!latest || latest.version.number !== row.baseVersion) {
    throw new AppError(
      'VERSION_CONFLICT',
      `该申报表在调整申请之后已批准了第 ${latest?.version.number ?? '?'} 版绩效目标，本申请是按第 ${row.baseVersion} 版填写的，请退回单位重新填写`,
    );
  }
  const number = row.baseVersion + 1;
  const base = await baseLines(tx, row);
  const changes = await repo.findChanges(tx, row.id);
  const { lines } = await checkRequest(tx, declaration, base, changes);
  const adjusted = (reason: string) => ({ reason, approvedAt: chinaToday(deps.clock()), version: number });
  const byId = new Map(changes.map((change) => [change.indicatorId, change]));
  const baseById = new Map(base.map((line) => [line.id, line]));
  const indicators = lines.map((line, index): ApprovedIndicator => {
    const change = byId.get(line.id);
    const position = index + 1;
    if (!change) return { ...line, position };
    if (change.kind === 'add') return { ...line, declarationId: row.declarationId, position, adjusted: adjusted(change.reason) };
    const before = baseById.get(line.id) ?? line;
    return {
      ...line,
      position,
      original: before.original ?? { target: before.target, targetText: before.targetText },
      adjusted: adjusted(change.reason),
    };
  });
  const snapshot: VersionSnapshot = { declaration, indicators, adjustmentId: row.id };
  await insertVersion(tx, {
    declarationId: row.declarationId,
    number,
    snapshot,
    approvedBy: ctx.principal.userId,
    approvedAt: deps.clock(),
  });
  return number;
}
