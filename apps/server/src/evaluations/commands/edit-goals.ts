import { recordAudit } from '../../audit/audit.repository.ts';
import type { Deps, RequestContext } from '../../context.ts';
import { goals as goalsTable } from '../../db/schema.ts';
import { alreadyExists, notFound, rethrowUnique, versionConflict } from '../../errors.ts';
import * as repo from '../evaluation.repository.ts';
import { contentWrite } from './content-write.ts';

export async function addGoal(
  deps: Deps,
  ctx: RequestContext,
  evaluationId: string,
  body: { code?: string | undefined; text: string; summary?: string | null | undefined },
) {
  return contentWrite(deps, ctx, evaluationId, 'edit', async (tx, evaluation) => {
    const position = await repo.nextPosition(tx, goalsTable, evaluationId);
    const code = body.code ?? `G${position}`;
    const existing = await repo.findGoals(tx, evaluationId);
    if (existing.some((goal) => goal.code === code)) throw alreadyExists('body.code', `目标编号“${code}”已存在`);
    const goal = await repo.insertGoal(tx, { evaluationId, position, code, text: body.text, summary: body.summary ?? null });
    await recordAudit(tx, ctx, {
      entityType: 'goal',
      entityId: goal.id,
      action: 'create',
      organisationId: evaluation.organisationId,
      after: goal,
    });
    return goal;
  });
}

async function goalOf(deps: Deps, goalId: string) {
  const goal = await repo.getGoal(deps.db, goalId);
  if (!goal) throw notFound('绩效目标');
  return goal;
}

export async function updateGoal(
  deps: Deps,
  ctx: RequestContext,
  goalId: string,
  body: { version: number; code?: string | undefined; text?: string | undefined; summary?: string | null | undefined },
) {
  const goal = await goalOf(deps, goalId);
  return contentWrite(deps, ctx, goal.evaluationId, 'edit', async (tx, evaluation) => {
    const { version, ...values } = body;
    if (values.code !== undefined && values.code !== goal.code) {
      const existing = await repo.findGoals(tx, goal.evaluationId);
      if (existing.some((other) => other.code === values.code)) throw alreadyExists('body.code', `目标编号“${values.code}”已存在`);
    }
    const updated = await repo
      .updateGoal(tx, goalId, version, values)
      .catch((error: unknown) => rethrowUnique(error, 'body.code', `目标编号“${values.code}”已存在`));
    if (!updated) throw versionConflict('绩效目标');
    await recordAudit(tx, ctx, {
      entityType: 'goal',
      entityId: goalId,
      action: 'update',
      organisationId: evaluation.organisationId,
      before: goal,
      after: updated,
    });
    return updated;
  });
}

export async function removeGoal(deps: Deps, ctx: RequestContext, goalId: string, version: number) {
  const goal = await goalOf(deps, goalId);
  await contentWrite(deps, ctx, goal.evaluationId, 'edit', async (tx, evaluation) => {
    if (!(await repo.deleteGoal(tx, goalId, version))) throw versionConflict('绩效目标');
    await recordAudit(tx, ctx, {
      entityType: 'goal',
      entityId: goalId,
      action: 'delete',
      organisationId: evaluation.organisationId,
      before: goal,
    });
  });
}
