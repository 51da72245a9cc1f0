import type { SubmitAdjustmentRequest } from '@jixiao/contract';
import type { Deps, RequestContext } from '../../context.ts';
import { type FieldDetail, notFound, validationFailed } from '../../errors.ts';
import { getDeclaration } from '../../targets/declaration.repository.ts';
import * as repo from '../adjustment.repository.ts';
import { baseLines, checkRequest } from '../adjustment-lines.ts';
import { stepAdjustment } from './step-adjustment.ts';

/**
 * 提交调整申请 (the unit's 填报人): refused while a change lacks its reason or changes nothing, while the
 * declaration checks on the adjusted set report an error, or while a warning has no reason (the reasons
 * given at declaration count; new ones are kept with the request) — as at declaration.
 */
export function submitAdjustment(deps: Deps, ctx: RequestContext, id: string, input: SubmitAdjustmentRequest) {
  return stepAdjustment(deps, ctx, id, { action: 'submit', version: input.version }, async (tx, row) => {
    const declaration = await getDeclaration(tx, row.declarationId);
    if (!declaration) throw notFound('申报表');
    const changes = await repo.findChanges(tx, id);
    const check = await checkRequest(tx, declaration, await baseLines(tx, row), changes);
    const problems: FieldDetail[] = check.problems.map((problem) => ({
      path: problem.index === undefined ? `changes` : `changes[${problem.index}].${problem.field}`,
      message: problem.message,
    }));
    const given = { ...declaration.warningReasons, ...row.warningReasons, ...input.reasons };
    const kept: Record<string, string> = {};
    for (const finding of check.findings) {
      const where = finding.subject.id ? `${finding.subject.kind}:${finding.subject.id}` : finding.subject.kind;
      if (finding.severity === 'error') problems.push({ path: where, message: finding.message });
      else if (finding.severity === 'warning') {
        const reason = given[finding.key]?.trim();
        if (reason) kept[finding.key] = reason;
        else problems.push({ path: `reasons.${finding.key}`, message: `请说明保留该提示的理由：${finding.message}` });
      }
    }
    if (problems.length > 0) throw validationFailed(problems, `调整申请还有 ${problems.length} 处问题，处理后才能提交`);
    return { warningReasons: kept, preparers: [...new Set([...row.preparers, ctx.principal.userId])] };
  });
}
