import type { Deps, RequestContext } from '../../context.ts';
import { validationFailed } from '../../errors.ts';
import { liveFigures, problemsOf, storedAssessment } from '../monitoring.service.ts';
import { stepForm } from './step-form.ts';

/**
 * 提交监控表 (the unit's 填报人): the figures are read once more — the ledger up to the cut-off, the latest
 * approved targets — and frozen on the form with their lights, which the reviewers then see as submitted.
 * Refused, naming each indicator, while an actual or the 完成目标可能性 is missing, or a red or yellow light
 * lacks its 偏差原因 or 纠偏措施.
 */
export function submitForm(deps: Deps, ctx: RequestContext, id: string, version: number) {
  return stepForm(deps, ctx, id, { action: 'submit', version }, async (tx, row, task) => {
    const figures = await liveFigures(tx, row, task);
    const problems = problemsOf(figures);
    if (problems.length > 0) {
      throw validationFailed(
        problems.map((problem) => ({
          path: problem.index === undefined ? 'indicators' : `indicators[${problem.index}].${problem.field}`,
          message: problem.message,
        })),
        `监控表还有 ${problems.length} 处未填写完整，补充后才能提交：${problems[0]?.message ?? ''}`,
      );
    }
    return {
      money: figures.money,
      indicators: figures.indicators,
      assessment: storedAssessment(figures),
      light: figures.assessment.light,
      preparers: [...new Set([...row.preparers, ctx.principal.userId])],
      submittedAt: deps.clock(),
    };
  });
}
