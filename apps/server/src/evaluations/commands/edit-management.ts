import type { ManagementFields } from '@jixiao/contract';
import type { z } from 'zod';
import { recordAudit } from '../../audit/audit.repository.ts';
import type { Deps, RequestContext } from '../../context.ts';
import type { OwnManagementColumn } from '../../db/schema.ts';
import { notFound, validationFailed, versionConflict } from '../../errors.ts';
import { emptyToNull, money, toPoints } from '../../shared/fields.ts';
import * as repo from '../evaluation.repository.ts';
import { ledgerFilledInputs, managementBindingProblem, managementDefinition } from '../management-ledger.ts';
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
  const catalogued = managementDefinition(code);
  return contentWrite(deps, ctx, evaluationId, 'edit', async (tx, evaluation) => {
    if (evaluation.kind !== 'department') throw validationFailed([{ path: 'code', message: '只有部门整体自评有管理效率指标' }]);
    const existing = (await repo.findManagement(tx, evaluationId)).find((row) => row.code === code);
    // A department's own item (imported with its workbook) is edited like a catalogue item, by its own inputs.
    const definition = catalogued ?? (existing?.own ? { name: existing.own.name, inputs: ownInputs(existing.own) } : undefined);
    if (!definition) throw notFound('管理效率项目');
    if (body.binding) {
      // Own items have no formula the ledger metrics were written for; they are typed as amounts or a rate.
      const problem = catalogued
        ? managementBindingProblem(catalogued, body.binding.metric)
        : `自设的管理效率项目“${definition.name}”不能从台账取数，请填写金额或比率`;
      if (problem) throw validationFailed([{ path: 'body.binding.metric', message: problem }]);
    }
    if (existing && body.version !== undefined && existing.version !== body.version) throw versionConflict('管理效率指标');
    const amounts: Record<string, number> = { ...(existing?.amounts ?? {}) };
    const binding = bindingValues(body.binding, existing);
    // What the ledger fills cannot also be typed: the typed figure would be silently ignored.
    const filled = binding.bindingMetric && catalogued ? ledgerFilledInputs(catalogued) : [];
    for (const [key, text] of Object.entries(body.amounts ?? {})) {
      if (!(key in definition.inputs))
        throw validationFailed([{ path: `body.amounts.${key}`, message: `“${definition.name}”没有这项金额` }]);
      if (filled.includes(key))
        throw validationFailed([
          {
            path: `body.amounts.${key}`,
            message: `“${definition.name}”的“${definition.inputs[key]}”由台账计算，不能手工填写；如需手工填写，请先取消台账取数`,
          },
        ]);
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
      ...binding,
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

/** The binding as sent (null unbinds), or the one the item had when the body leaves it out. */
function bindingValues(binding: z.infer<typeof ManagementFields>['binding'], existing: repo.ManagementRow | undefined) {
  if (binding === undefined) return { bindingMetric: existing?.bindingMetric ?? null, bindingScope: existing?.bindingScope ?? null };
  return {
    bindingMetric: binding?.metric ?? null,
    bindingScope: binding?.budgetLineIds ? { budgetLineIds: [...binding.budgetLineIds] } : null,
  };
}
