import type { ExAnteConclusion } from '../targets/ex-ante.ts';
import type { ControlViolation } from './config.ts';

/**
 * 预算控制 fed by 事前绩效评估: a project whose assessment concluded 不予支持 receives no budget line
 * (the assessment's result is used in budgeting, docs/targets.md "事前绩效评估"). 调整后支持 does not block:
 * the adjustment is agreed in the budget review itself.
 */
export function checkExAnteForBudgetLine(project: {
  readonly name: string;
  readonly conclusion?: ExAnteConclusion | undefined;
}): ControlViolation[] {
  if (project.conclusion !== 'reject') return [];
  return [
    {
      code: 'IC_EX_ANTE_NOT_SUPPORTED',
      field: 'projectId',
      message: `项目“${project.name}”事前绩效评估结论为“不予支持”，不能安排预算指标`,
    },
  ];
}
