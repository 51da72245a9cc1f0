import { buildReportModel, type ReportModel } from '@jixiao/core';
import { REPORT_CSS, renderDocx, renderHtml } from '@jixiao/documents';
import type { Deps, RequestContext } from '../context.ts';
import { authorise } from '../evaluations/evaluation-access.ts';
import { loadAggregate, scoreAggregate } from '../evaluations/evaluation-aggregate.ts';
import { toEvaluationInput } from '../evaluations/evaluation-mapping.ts';
import type { PdfRenderer } from './pdf.ts';

/** Report files are named by unit, year and kind: 广州市番禺区科技工业商务和信息化局2024年度部门整体支出绩效自评表说明.docx */
export function reportFilename(model: ReportModel, projectName: string | undefined, extension: string): string {
  const subject = projectName ?? model.meta.organisation;
  return `${subject}${model.meta.fiscalYear}年度${model.title}.${extension}`;
}

export async function buildReport(deps: Deps, ctx: RequestContext, evaluationId: string) {
  const { evaluation } = await authorise(deps.db, ctx, evaluationId, 'read');
  const aggregate = await loadAggregate(deps.db, evaluation);
  const model = buildReportModel(toEvaluationInput(aggregate), scoreAggregate(aggregate));
  return { model, projectName: aggregate.project?.name };
}

export async function reportDocx(deps: Deps, ctx: RequestContext, evaluationId: string) {
  const { model, projectName } = await buildReport(deps, ctx, evaluationId);
  return { bytes: await renderDocx(model), filename: reportFilename(model, projectName, 'docx') };
}

export async function reportPdf(deps: Deps, ctx: RequestContext, evaluationId: string, pdf: PdfRenderer) {
  const { model, projectName } = await buildReport(deps, ctx, evaluationId);
  return { bytes: await pdf.render(renderHtml(model)), filename: reportFilename(model, projectName, 'pdf') };
}

/** A stored report fragment as a whole printable page (the public PDF is rendered from the frozen HTML). */
export function standalonePage(title: string, fragment: string): string {
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title><style>${REPORT_CSS}</style></head><body>${fragment}</body></html>`;
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char] ?? char);
}
