import type { EvaluationInput } from '../model.ts';
import { formatWanYuan } from '../numbers/money.ts';
import { formatPoints } from '../numbers/points.ts';
import type { Evaluation } from '../scoring/evaluation.ts';
import { conclusion, type ScoreRow, scoreRows } from './build.ts';

/**
 * 部门整体支出绩效自评表 / 项目支出绩效自评表 as published: the header block (单位, 年度, 预算数, 执行数,
 * 执行率, 总体目标 and 完成情况) and the indicator rows (一级/二级/三级指标, 年度指标值, 实际完成值, 分值,
 * 得分, 偏差原因分析及改进措施), every cell already formatted. Frozen at publication with the report, so the
 * public tables are the ones the finance bureau approved, whatever changes later. Pure data: no IO.
 */
export interface SelfEvaluationTable {
  readonly kind: 'department' | 'project';
  readonly title: '部门整体支出绩效自评表' | '项目支出绩效自评表';
  readonly fiscalYear: number;
  /** 部门名称, or for a project the 实施单位 */
  readonly organisation: string;
  readonly projectName: string | null;
  /** 万元, as the forms print money */
  readonly budget: {
    readonly initial: string;
    readonly adjusted: string;
    readonly executed: string;
    /** 执行率; null when no budget was set. */
    readonly rate: string | null;
  };
  readonly goals: readonly string[];
  /** 总体完成情况: the 自评结论. */
  readonly completion: string;
  /** Each 一级指标's score against its weight, in hundredths of a point (integers, for the chart). */
  readonly parts: readonly { readonly label: string; readonly score: number; readonly weight: number }[];
  /** Whether any 指标值 was changed by an approved 绩效目标调整: the table then prints 调整后指标值 beside it. */
  readonly adjusted: boolean;
  readonly rows: readonly ScoreRow[];
  readonly total: string;
  readonly totalWeight: string;
  readonly grade: string;
}

export function buildSelfEvaluationTable(input: EvaluationInput, evaluation: Evaluation): SelfEvaluationTable {
  const isDepartment = input.kind === 'department';
  const execution = evaluation.items.find((item) => item.kind === 'execution' || item.id === 'budget-execution-rate');
  return {
    kind: input.kind,
    title: isDepartment ? '部门整体支出绩效自评表' : '项目支出绩效自评表',
    fiscalYear: input.fiscalYear,
    organisation: isDepartment ? input.organisation.name : (input.project?.unit ?? input.organisation.name),
    projectName: isDepartment ? null : (input.project?.name ?? null),
    budget: {
      initial: formatWanYuan(input.budget.initial),
      adjusted: formatWanYuan(input.budget.adjusted),
      executed: formatWanYuan(input.budget.executed),
      rate: execution?.actual ?? null,
    },
    goals: input.goals.map((goal) => goal.text),
    completion: conclusion(input, evaluation),
    parts: evaluation.parts
      .filter((part) => part.weight > 0)
      .map((part) => ({ label: part.label, score: part.final, weight: part.weight })),
    adjusted: evaluation.items.some((item) => item.adjustedTarget !== undefined),
    rows: scoreRows(input, evaluation),
    total: formatPoints(evaluation.total.final),
    totalWeight: formatPoints(evaluation.totalWeight),
    grade: evaluation.grade.final,
  };
}
