import type { ManagementFields } from '@jixiao/contract';
import { DEFAULT_MANAGEMENT_CATALOGUE } from '@jixiao/core';
import type { z } from 'zod';
import { recordAudit } from '../../audit/audit.repository.ts';
import type { Deps, RequestContext } from '../../context.ts';
import type { OwnManagementColumn } from '../../db/schema.ts';
import { notFound, validationFailed, versionConflict } from '../../errors.ts';
import { emptyToNull, money, toPoints } from '../../shared/fields.ts';
import * as repo from '../evaluation.repository.ts';
import { contentWrite } from './content-write.ts';

/** The amounts an own item's formula reads, by key, with their labels. */
function ownInputs(own: OwnManagementColumn): Record<string, string> {
  const keys = own.formula ? [own.formula.numerator, own.formula.denominator].filter((key) => !key.startsWith('budget:')) : [];
  return Object.fromEntries(keys.map((key) => [key, own.inputs?.[key] ?? key]));
}

export async function saveManagementEntry(
  deps: Deps,
  ctx: RequestContext,
  evaluationId: string,
  code: string,
  body: z.infer<typeof ManagementFields>,
) {
  const catalogued = DEFAULT_MANAGEMENT_CATALOGUE.find((entry) => entry.code === code);
  return contentWrite(deps, ctx, evaluationId, 'edit', async (tx, evaluation) => {
    if (evaluation.kind !== 'department') throw validationFailed([{ path: 'code', message: '只有部门整体自评有管理效率指标' }]);
    const existing = (await repo.findManagement(tx, evaluationId)).find((row) => row.code === code);
    // A department's own item (imported with its workbook) is edited like a catalogue item, by its own inputs.
    const definition = catalogued ?? (existing?.own ? { name: existing.own.name, inputs: ownInputs(existing.own) } : undefined);
    if (!definition) throw notFound('管理效率项目');
    if (existing && body.version !== undefined && existing.version !== body.version) throw versionConflict('管理效率指标');
    const amounts: Record<string, number> = { ...(existing?.amounts ?? {}) };
    for (const [key, text] of Object.entries(body.amounts ?? {})) {
      if (!(key in definition.inputs))
        throw validationFailed([{ path: `body.amounts.${key}`, message: `“${definition.name}”没有这项金额` }]);
      amounts[key] = money(`body.amounts.${key}`, text) ?? 0;
    }
    const saved = await repo.upsertManagement(tx, {
      evaluationId,
      code,
      amounts,
      target: body.target === undefined ? (existing?.target ?? null) : body.target,
      weight: body.weight === undefined ? (existing?.weight ?? null) : toPoints(body.weight),
      notApplicable: body.notApplicable ?? existing?.notApplicable ?? false,
      band: body.band === undefined ? (existing?.band ?? null) : body.band,
      score: body.score === undefined ? (existing?.score ?? null) : toPoints(body.score),
      deviationReason: body.deviationReason === undefined ? (existing?.deviationReason ?? null) : emptyToNull(body.deviationReason),
      note: body.note === undefined ? (existing?.note ?? null) : emptyToNull(body.note),
      illustrative: existing?.illustrative ?? false,
      rate: body.rate === undefined ? (existing?.rate ?? null) : body.rate,
    });
    await recordAudit(tx, ctx, {
      entityType: 'management',
      entityId: `${evaluationId}:${code}`,
      action: existing ? 'update' : 'create',
      organisationId: evaluation.organisationId,
      before: existing,
      after: saved,
    });
    return saved;
  });
}
