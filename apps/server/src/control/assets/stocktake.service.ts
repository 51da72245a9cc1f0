import type { CreateStocktake, Stocktake, StocktakeDetail, StocktakeLineInput, StocktakeQuery } from '@jixiao/contract';
import { policy } from '@jixiao/core';
import type { z } from 'zod';
import { recordAudit } from '../../audit/audit.repository.ts';
import type { Deps, RequestContext } from '../../context.ts';
import { type FieldDetail, notFound, validationFailed } from '../../errors.ts';
import { scopeOf } from '../../policies/scope.ts';
import { chinaToday } from '../../time.ts';
import { requirePost } from '../control-access.ts';
import { requireReader } from '../readable.ts';
import { type AssetRow, findAssets } from './asset.repository.ts';
import * as repo from './stocktake.repository.ts';

const STOCKTAKE = '资产盘点';

function presentStocktake(row: repo.StocktakeListRow): z.infer<typeof Stocktake> {
  const { stocktake } = row;
  return {
    id: stocktake.id,
    organisationId: stocktake.organisationId,
    organisationName: row.organisationName,
    takenOn: stocktake.takenOn,
    performedBy: stocktake.performedBy,
    performedByName: row.performedByName,
    note: stocktake.note,
    lineCount: Number(row.lineCount),
    differenceCount: Number(row.differenceCount),
    createdAt: stocktake.createdAt.toISOString(),
  };
}

export async function listStocktakes(deps: Deps, ctx: RequestContext, query: z.infer<typeof StocktakeQuery>) {
  if (query.organisationId) await requireReader(deps.db, ctx, query.organisationId, '单位');
  const rows = await repo.findStocktakes(deps.db, { ...query, scope: scopeOf(ctx.principal) });
  return rows.map(presentStocktake);
}

export async function getStocktakeDetail(deps: Deps, ctx: RequestContext, id: string): Promise<z.infer<typeof StocktakeDetail>> {
  const [row] = await repo.findStocktakes(deps.db, { scope: 'all', id });
  if (!row) throw notFound(STOCKTAKE);
  await requireReader(deps.db, ctx, row.stocktake.organisationId, STOCKTAKE);
  const lines = await repo.findStocktakeLines(deps.db, id);
  return {
    ...presentStocktake(row),
    lines: lines.map(({ line, assetCode, assetName, bookLocation }) => ({
      assetId: line.assetId,
      assetCode,
      assetName,
      bookLocation,
      found: line.found,
      locationFound: line.locationFound,
      difference: line.difference,
    })),
  };
}

/** The difference between the books and what was found: as stated, or else 未找到 / 存放地点不符. */
export function differenceOf(line: z.infer<typeof StocktakeLineInput>, asset: Pick<AssetRow, 'location'>): string | null {
  if (line.difference) return line.difference;
  if (!line.found) return '未找到';
  if (line.locationFound && line.locationFound !== asset.location) {
    return `存放地点不符：账面“${asset.location}”，实际“${line.locationFound}”`;
  }
  return null;
}

/**
 * 资产盘点 (财产保护控制: periodic counts and book-to-physical reconciliation, docs/rules.md §5.2,
 * §5.9(f)) by the 资产管理员 over assets of the organisation or its units that are not disposed.
 * The count records differences; moving a card to where it was found is a separate, audited change.
 */
export async function createStocktake(deps: Deps, ctx: RequestContext, body: z.infer<typeof CreateStocktake>) {
  return deps.db.transaction(async (tx) => {
    await requirePost(tx, ctx, body.organisationId, policy.assetPolicy.posts.stocktake);
    const problems: FieldDetail[] = [];
    if (body.takenOn > chinaToday(deps.clock())) problems.push({ path: 'body.takenOn', message: '盘点日期不能晚于今天' });
    const ids = body.lines.map((line) => line.assetId);
    const found = new Map((await findAssets(tx, { scope: [body.organisationId], ids })).map((row) => [row.asset.id, row.asset] as const));
    const seen = new Set<string>();
    body.lines.forEach((line, index) => {
      const asset = found.get(line.assetId);
      const path = `body.lines[${index}].assetId`;
      if (seen.has(line.assetId)) problems.push({ path, message: '同一资产在一次盘点中只能出现一次' });
      else if (!asset) problems.push({ path, message: '资产不存在或不属于所选单位' });
      else if (asset.status === 'disposed') problems.push({ path, message: `资产“${asset.name}”已处置，不参加盘点` });
      seen.add(line.assetId);
    });
    if (problems.length) throw validationFailed(problems);
    const lines = body.lines.flatMap((line) => {
      const asset = found.get(line.assetId);
      return asset
        ? [{ assetId: line.assetId, found: line.found, locationFound: line.locationFound || null, difference: differenceOf(line, asset) }]
        : [];
    });
    const stocktake = await repo.insertStocktake(
      tx,
      { organisationId: body.organisationId, takenOn: body.takenOn, performedBy: ctx.principal.userId, note: body.note || null },
      lines,
    );
    const differences = lines.filter((line) => line.difference !== null);
    await recordAudit(tx, ctx, {
      entityType: 'stocktake',
      entityId: stocktake.id,
      action: 'create',
      organisationId: body.organisationId,
      after: { ...stocktake, lineCount: lines.length, differences },
    });
    return { stocktake, differenceCount: differences.length };
  });
}
