import type { IndicatorFields } from '@jixiao/contract';
import { LEVEL2_OF, type Level1, type Level2, parsePoints } from '@jixiao/core';
import { recordAudit } from '../../audit/audit.repository.ts';
import type { Deps, RequestContext } from '../../context.ts';
import { indicators as indicatorsTable } from '../../db/schema.ts';
import { alreadyExists, type FieldDetail, notFound, validationFailed, versionConflict } from '../../errors.ts';
import { emptyToNull, pick, toPoints } from '../../shared/fields.ts';
import * as repo from '../evaluation.repository.ts';
import { contentWrite } from './content-write.ts';

function indicatorValues(fields: Partial<IndicatorFields>): Partial<typeof indicatorsTable.$inferInsert> {
  const values: Partial<typeof indicatorsTable.$inferInsert> = {};
  const set = <K extends keyof typeof indicatorsTable.$inferInsert>(
    key: K,
    value: (typeof indicatorsTable.$inferInsert)[K] | undefined,
  ) => {
    if (value !== undefined) values[key] = value;
  };
  set('code', fields.code);
  set('goalId', fields.goalId);
  set('level1', fields.level1);
  set('level2', fields.level2);
  set('name', fields.name);
  set('direction', fields.direction);
  set('target', emptyToNull(fields.target));
  set('unit', emptyToNull(fields.unit));
  set('actual', emptyToNull(fields.actual));
  set('targetText', emptyToNull(fields.targetText));
  set('actualText', emptyToNull(fields.actualText));
  set('lastYearActual', emptyToNull(fields.lastYearActual));
  set('adjustedTarget', emptyToNull(fields.adjustedTarget));
  set('adjustedTargetText', emptyToNull(fields.adjustedTargetText));
  set('scoreCoefficient', emptyToNull(fields.scoreCoefficient));
  set('isCore', fields.isCore);
  set('weight', toPoints(fields.weight));
  set('notApplicable', fields.notApplicable);
  set('deviationReason', emptyToNull(fields.deviationReason));
  set('dataSource', emptyToNull(fields.dataSource));
  set('band', fields.band);
  set('qualitativeScore', toPoints(fields.qualitativeScore));
  if (fields.binding !== undefined) {
    values.bindingMetric = fields.binding?.metric ?? null;
    values.bindingScope = fields.binding?.budgetLineIds ? { budgetLineIds: [...fields.binding.budgetLineIds] } : null;
  }
  return values;
}

/** Rules across fields that a JSON schema cannot state; each problem names its field. */
function checkIndicatorConsistency(
  row: {
    level1: string | null;
    level2: string | null;
    direction: string;
    target: string | null;
    adjustedTarget?: string | null | undefined;
    band: string | null;
  },
  goalIds: ReadonlySet<string>,
  goalId: string | null,
): void {
  const problems: FieldDetail[] = [];
  // An indicator imported from a flat form keeps no levels until someone files it under both.
  const flat = row.level1 === null && row.level2 === null;
  if (!flat && !LEVEL2_OF[row.level1 as Level1]?.includes(row.level2 as Level2))
    problems.push({ path: 'body.level2', message: '二级指标不属于所选一级指标' });
  if (goalId && !goalIds.has(goalId)) problems.push({ path: 'body.goalId', message: '所属绩效目标不存在' });
  if (row.direction === 'qualitative' && row.target !== null)
    problems.push({ path: 'body.target', message: '定性指标不填写目标值，请用“目标值表述”' });
  if (row.direction === 'qualitative' && row.adjustedTarget)
    problems.push({ path: 'body.adjustedTarget', message: '定性指标不填写调整指标值，请用“调整指标值表述”' });
  if (row.direction !== 'qualitative' && row.band !== null) problems.push({ path: 'body.band', message: '定量指标不选择定性档次' });
  if (problems.length) throw validationFailed(problems);
}

export async function addIndicator(deps: Deps, ctx: RequestContext, evaluationId: string, body: IndicatorFields) {
  return contentWrite(deps, ctx, evaluationId, 'edit', async (tx, evaluation) => {
    const goals = await repo.findGoals(tx, evaluationId);
    const values = indicatorValues(body);
    const position = await repo.nextPosition(tx, indicatorsTable, evaluationId);
    const code = body.code ?? `I${position}`;
    const existing = await repo.findIndicators(tx, evaluationId);
    if (existing.some((row) => row.code === code)) throw alreadyExists('body.code', `指标编号“${code}”已存在`);
    const row = {
      level1: body.level1,
      level2: body.level2,
      direction: body.direction,
      target: values.target ?? null,
      band: values.band ?? null,
    };
    checkIndicatorConsistency(row, new Set(goals.map((goal) => goal.id)), body.goalId ?? null);
    const [created] = await repo.insertIndicators(tx, [
      {
        ...values,
        evaluationId,
        position,
        code,
        level1: body.level1,
        level2: body.level2,
        name: body.name,
        direction: body.direction,
        updatedBy: ctx.principal.userId,
      },
    ]);
    if (!created) throw new Error('indicator insert returned nothing');
    await recordAudit(tx, ctx, {
      entityType: 'indicator',
      entityId: created.id,
      action: 'create',
      organisationId: evaluation.organisationId,
      after: created,
    });
    return created;
  });
}

async function indicatorOf(deps: Deps, indicatorId: string) {
  const indicator = await repo.getIndicator(deps.db, indicatorId);
  if (!indicator) throw notFound('绩效指标');
  return indicator;
}

export async function updateIndicator(
  deps: Deps,
  ctx: RequestContext,
  indicatorId: string,
  body: Partial<IndicatorFields> & { version: number },
) {
  const current = await indicatorOf(deps, indicatorId);
  return contentWrite(deps, ctx, current.evaluationId, 'edit', async (tx, evaluation) => {
    const { version, ...fields } = body;
    const values = indicatorValues(fields);
    const goals = await repo.findGoals(tx, current.evaluationId);
    const merged = { ...current, ...values };
    checkIndicatorConsistency(merged, new Set(goals.map((goal) => goal.id)), merged.goalId);
    if (values.code && values.code !== current.code) {
      const existing = await repo.findIndicators(tx, current.evaluationId);
      if (existing.some((row) => row.code === values.code)) throw alreadyExists('body.code', `指标编号“${values.code}”已存在`);
    }
    const updated = await repo.updateIndicator(tx, indicatorId, version, { ...values, updatedBy: ctx.principal.userId });
    if (!updated) throw versionConflict('绩效指标');
    await recordAudit(tx, ctx, {
      entityType: 'indicator',
      entityId: indicatorId,
      action: 'update',
      organisationId: evaluation.organisationId,
      before: pick(current, values),
      after: pick(updated, values),
    });
    return updated;
  });
}

export async function removeIndicator(deps: Deps, ctx: RequestContext, indicatorId: string, version: number) {
  const current = await indicatorOf(deps, indicatorId);
  await contentWrite(deps, ctx, current.evaluationId, 'edit', async (tx, evaluation) => {
    if (!(await repo.deleteIndicator(tx, indicatorId, version))) throw versionConflict('绩效指标');
    await recordAudit(tx, ctx, {
      entityType: 'indicator',
      entityId: indicatorId,
      action: 'delete',
      organisationId: evaluation.organisationId,
      before: current,
    });
  });
}

/** 评价人调整: a reviewer sets a final score with a mandatory reason; the computed score stays. */
export async function adjustIndicator(
  deps: Deps,
  ctx: RequestContext,
  indicatorId: string,
  body: { version: number; score: string | null; reason?: string | null | undefined },
) {
  const current = await indicatorOf(deps, indicatorId);
  return contentWrite(deps, ctx, current.evaluationId, 'adjust', async (tx, evaluation) => {
    const score = body.score === null ? null : parsePoints(body.score);
    const reason = body.reason?.trim() || null;
    if (score !== null && !reason) throw validationFailed([{ path: 'body.reason', message: '调整得分必须说明理由' }]);
    const updated = await repo.updateIndicator(tx, indicatorId, body.version, {
      adjustmentScore: score ?? null,
      adjustmentReason: score === null ? null : reason,
      adjustedBy: score === null ? null : ctx.principal.userId,
    });
    if (!updated) throw versionConflict('绩效指标');
    await recordAudit(tx, ctx, {
      entityType: 'indicator',
      entityId: indicatorId,
      action: 'adjust',
      organisationId: evaluation.organisationId,
      before: { adjustmentScore: current.adjustmentScore, adjustmentReason: current.adjustmentReason },
      after: { adjustmentScore: updated.adjustmentScore, adjustmentReason: updated.adjustmentReason },
    });
    return updated;
  });
}
