import type { MonitoringFormDetail } from '@jixiao/contract';
import {
  formatPercent,
  formatYuanGrouped,
  LEVEL1_LABEL,
  LEVEL2_LABEL,
  type Level1,
  type Level2,
  monitoring,
  parseYuan,
} from '@jixiao/core';
import { writeMonitoringReportDocx, writeMonitoringXlsx } from '@jixiao/documents';
import type { Deps, RequestContext } from '../context.ts';
import { notFound, validationFailed } from '../errors.ts';
import { scopeOf } from '../policies/scope.ts';
import * as repo from './monitoring.repository.ts';
import { getFormDetail, mayIssue } from './monitoring.service.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

type Indicator = MonitoringFormDetail['indicators'][number];

const reasonsOf = (row: Indicator) =>
  [...row.reasons.map((reason) => monitoring.DEVIATION_REASON_LABEL[reason]), ...(row.reasonText ? [row.reasonText] : [])].join('；');

/** The task and the details of its forms the user can see, of one organisation and below it when named. */
async function visibleForms(deps: Deps, ctx: RequestContext, taskId: string, organisationId?: string) {
  const task = await repo.getTask(deps.db, taskId);
  if (!task) throw notFound('监控任务');
  const scope = organisationId ? [organisationId] : scopeOf(ctx.principal);
  const visible = new Set((await repo.findForms(deps.db, { scope: scopeOf(ctx.principal), taskId })).map((entry) => entry.form.id));
  const rows = (await repo.findForms(deps.db, { scope, taskId })).filter((entry) => visible.has(entry.form.id));
  if (visible.size === 0 && !(await mayIssue(deps.db, ctx))) throw notFound('监控任务');
  const details = [];
  for (const entry of rows) details.push(await getFormDetail(deps, ctx, entry.form.id));
  return { task, details };
}

/**
 * The 绩效运行监控表 of a task as .xlsx: every form the user can see (or those of one department or unit
 * and below it), each as its detail shows it — live figures while the unit fills it, frozen once submitted.
 */
export async function exportTask(deps: Deps, ctx: RequestContext, taskId: string, organisationId?: string) {
  const { task, details } = await visibleForms(deps, ctx, taskId, organisationId);
  const forms = [];
  for (const detail of details) {
    forms.push({
      title: detail.title,
      organisationName: detail.organisationName,
      statusLabel: detail.statusLabel,
      lightLabel: monitoring.LIGHT_LABEL[detail.light],
      money: detail.money.map((row) => ({
        source: row.source,
        initial: row.initial,
        adjusted: row.adjusted,
        spent: row.spent,
        executionRate: row.executionRate === null ? '-' : `${row.executionRate}%`,
        timeProgress: `${row.timeProgress}%`,
        forecast: row.forecast ?? '',
        lightLabel: monitoring.LIGHT_LABEL[row.light.light],
      })),
      indicators: detail.indicators.map((row) => ({
        level1: LEVEL1_LABEL[row.level1 as Level1] ?? row.level1,
        level2: LEVEL2_LABEL[row.level2 as Level2] ?? row.level2,
        name: row.name,
        target: row.targetText ?? row.target ?? '',
        actual: row.actualText ?? row.actualToDate ?? '',
        forecast: row.forecastYearEnd ?? '',
        lightLabel: monitoring.LIGHT_LABEL[row.light.light],
        reasons: reasonsOf(row),
        likelihood: row.likelihood ? monitoring.LIKELIHOOD_LABEL[row.likelihood] : '',
        measures: row.measures ?? '',
      })),
    });
  }
  const bytes = await writeMonitoringXlsx({
    title: task.title,
    cutoffMonth: Number(task.cutoffDate.slice(5, 7)),
    cutoffDate: task.cutoffDate,
    forms,
  });
  return { bytes, type: XLSX, filename: `${task.title}-绩效运行监控表.xlsx` };
}

/**
 * The department's 绩效运行监控报告 (.docx) for a task: its forms (or those of the named department or
 * unit and below it), in the official structure with the execution chart (documents/monitoring-report-docx.ts).
 * Without a named organisation the forms the user sees must belong to one department.
 */
export async function reportTask(deps: Deps, ctx: RequestContext, taskId: string, organisationId?: string) {
  const { task, details } = await visibleForms(deps, ctx, taskId, organisationId);
  const departments = new Set(details.map((detail) => detail.departmentName));
  if (!organisationId && departments.size > 1)
    throw validationFailed([
      { path: 'query.organisationId', message: `这项任务涉及 ${departments.size} 个部门，请选择一个部门生成监控报告` },
    ]);
  const named = organisationId ? details.find((detail) => detail.organisationId === organisationId) : undefined;
  const departmentName = named?.organisationName ?? details[0]?.departmentName;
  if (!departmentName) throw notFound('该部门在此监控任务中的监控表');
  const bytes = await writeMonitoringReportDocx({
    departmentName,
    taskTitle: task.title,
    fiscalYear: task.fiscalYear,
    cutoffDate: task.cutoffDate,
    cutoffMonth: Number(task.cutoffDate.slice(5, 7)),
    forms: details.map((detail) => {
      const fen = (text: string) => {
        const parsed = parseYuan(text);
        return parsed.ok ? parsed.value : 0;
      };
      const adjustedFen = fen(detail.budget.adjusted);
      const spentFen = detail.money.reduce((sum, row) => sum + fen(row.spent), 0);
      return {
        title: detail.title,
        organisationName: detail.organisationName,
        kind: detail.kind,
        lightLabel: monitoring.LIGHT_LABEL[detail.light],
        adjusted: formatYuanGrouped(adjustedFen),
        spent: formatYuanGrouped(spentFen),
        // All funding sources together, as the budget light reads them.
        executionRate: adjustedFen > 0 ? formatPercent({ num: BigInt(spentFen), den: BigInt(adjustedFen) }).replace('%', '') : null,
        timeProgress: detail.money[0]?.timeProgress ?? '0.00',
        budgetLightLabel: monitoring.LIGHT_LABEL[detail.budget.light.light],
        budgetExplanation: detail.budget.light.explanation,
        indicators: detail.indicators.map((row) => ({
          level1: LEVEL1_LABEL[row.level1 as Level1] ?? row.level1,
          name: row.name,
          target: [row.targetText ?? row.target ?? '', row.originalTarget ? `（原 ${row.originalTarget}）` : ''].join(''),
          actual: row.actualText ?? row.actualToDate ?? '',
          forecast: row.forecastYearEnd ?? '',
          lightLabel: monitoring.LIGHT_LABEL[row.light.light],
          light: row.light.light,
          explanation: row.light.explanation,
          reasons: reasonsOf(row),
          likelihood: row.likelihood ? monitoring.LIKELIHOOD_LABEL[row.likelihood] : '',
          measures: row.measures ?? '',
        })),
        warnings: detail.warnings.map((warning) => warning.message),
      };
    }),
  });
  return { bytes, type: DOCX, filename: `${departmentName}-${task.title}-绩效运行监控报告.docx` };
}
