import type { ManagementFields } from '@jixiao/contract';
import type { z } from 'zod';
import { recordAudit } from '../../audit/audit.repository.ts';
import type { Deps, RequestContext } from '../../context.ts';
import { notFound, validationFailed, versionConflict } from '../../errors.ts';
import { emptyToNull, money, toPoints } from '../../shared/fields.ts';
import * as repo from '../evaluation.repository.ts';
import { ledgerFilledInputs, managementBindingProblem, managementDefinition } from '../management-ledger.ts';
import { contentWrite } from './content-write.ts';

export async function saveManagementEntry(
  deps: Deps,
  ctx: RequestContext,
  evaluationId: string,
  code: string,
  body: z.infer<typeof ManagementFields>,
) {
  const definition = managementDefinition(code);
  if (!definition) throw notFound('管理效率项目');
  const problem = body.binding ? managementBindingProblem(definition, body.binding.metric) : undefined;
  if (problem) throw validationFailed([{ path: 'body.binding.metric', message: problem }]);
  return contentWrite(deps, ctx, evaluationId, 'edit', async (tx, evaluation) => {
    if (evaluation.kind !== 'department') throw validationFailed([{ path: 'code', message: '只有部门整体自评有管理效率指标' }]);
    const existing = (await repo.findManagement(tx, evaluationId)).find((row) => row.code === code);
    if (existing && body.version !== undefined && existing.version !== body.version) throw versionConflict('管理效率指标');
    const amounts: Record<string, number> = { ...(existing?.amounts ?? {}) };
    const binding = bindingValues(body.binding, existing);
    // What the ledger fills cannot also be typed: the typed figure would be silently ignored.
    const filled = binding.bindingMetric ? ledgerFilledInputs(definition) : [];
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
