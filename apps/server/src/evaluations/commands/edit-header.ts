import type { UpdateEvaluation } from '@jixiao/contract';
import type { z } from 'zod';
import { recordAudit } from '../../audit/audit.repository.ts';
import type { Deps, RequestContext } from '../../context.ts';
import type { evaluations } from '../../db/schema.ts';
import { versionConflict } from '../../errors.ts';
import { emptyToNull, money, pick } from '../../shared/fields.ts';
import * as repo from '../evaluation.repository.ts';
import { contentWrite } from './content-write.ts';

export async function updateEvaluationHeader(deps: Deps, ctx: RequestContext, id: string, body: z.infer<typeof UpdateEvaluation>) {
  return contentWrite(deps, ctx, id, 'edit', async (tx, before) => {
    const values: Partial<typeof evaluations.$inferInsert> = {};
    if (body.preparerName !== undefined) values.preparerName = body.preparerName;
    if (body.preparerPhone !== undefined) values.preparerPhone = body.preparerPhone;
    if (body.filledOn !== undefined) values.filledOn = body.filledOn;
    if (body.schemeId !== undefined) values.schemeId = body.schemeId;
    if (body.budgetSource !== undefined) values.budgetSource = body.budgetSource;
    if (body.budget) {
      const budget = body.budget;
      const set = (key: 'initialFen' | 'carryOverFen' | 'adjustedFen' | 'executedFen', path: string, text: string | undefined) => {
        const value = money(path, text);
        if (value !== undefined) values[key] = value;
      };
      set('initialFen', 'body.budget.initial', budget.initial);
      set('carryOverFen', 'body.budget.carryOver', budget.carryOver);
      set('adjustedFen', 'body.budget.adjusted', budget.adjusted);
      set('executedFen', 'body.budget.executed', budget.executed);
      if (budget.executionReason !== undefined) values.executionReason = emptyToNull(budget.executionReason);
    }
    if (body.narrative) values.narrative = { ...before.narrative, ...body.narrative };
    const updated = await repo.updateEvaluationHeader(tx, id, body.version, values);
    if (!updated) throw versionConflict('自评基本信息');
    await recordAudit(tx, ctx, {
      entityType: 'evaluation',
      entityId: id,
      action: 'update',
      organisationId: before.organisationId,
      before: pick(before, values),
      after: pick(updated, values),
    });
    return updated;
  });
}
