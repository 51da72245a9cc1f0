import { LEVEL1_LABEL, LEVEL2_LABEL, type Level1, type Level2, monitoring } from '@jixiao/core';
import { writeMonitoringXlsx } from '@jixiao/documents';
import type { Deps, RequestContext } from '../context.ts';
import { notFound } from '../errors.ts';
import { scopeOf } from '../policies/scope.ts';
import * as repo from './monitoring.repository.ts';
import { getFormDetail, mayIssue } from './monitoring.service.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * The 绩效运行监控表 of a task as .xlsx: every form the user can see (or those of one department or unit
 * and below it), each as its detail shows it — live figures while the unit fills it, frozen once submitted.
 */
export async function exportTask(deps: Deps, ctx: RequestContext, taskId: string, organisationId?: string) {
  const task = await repo.getTask(deps.db, taskId);
  if (!task) throw notFound('监控任务');
  const scope = organisationId ? [organisationId] : scopeOf(ctx.principal);
  const visible = new Set((await repo.findForms(deps.db, { scope: scopeOf(ctx.principal), taskId })).map((entry) => entry.form.id));
  const rows = (await repo.findForms(deps.db, { scope, taskId })).filter((entry) => visible.has(entry.form.id));
  if (visible.size === 0 && !(await mayIssue(deps.db, ctx))) throw notFound('监控任务');
  const forms = [];
  for (const entry of rows) {
    const detail = await getFormDetail(deps, ctx, entry.form.id);
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
        reasons: [
          ...row.reasons.map((reason) => monitoring.DEVIATION_REASON_LABEL[reason]),
          ...(row.reasonText ? [row.reasonText] : []),
        ].join('；'),
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
