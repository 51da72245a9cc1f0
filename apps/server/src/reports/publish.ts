import { buildReportModel, buildSelfEvaluationTable } from '@jixiao/core';
import { renderDocx, renderHtml } from '@jixiao/documents';
import { recordAudit } from '../audit/audit.repository.ts';
import type { RequestContext } from '../context.ts';
import type { Queryable } from '../db/connect.ts';
import { scoreAggregate } from '../evaluations/evaluation-aggregate.ts';
import type { Aggregate } from '../evaluations/evaluation-mapping.ts';
import { toEvaluationInput } from '../evaluations/evaluation-mapping.ts';
import { savePublishedFigures, withoutPreparerPhone } from '../public/public-figures.ts';
import { savePublishedReport } from './report.repository.ts';

/**
 * Freezes the report at publication: the public reads exactly what the finance bureau approved,
 * even if the scoring rules or the template change later. HTML and .docx are stored now; the PDF
 * is rendered on first download (it needs Chromium) and kept.
 */
export async function publishReport(tx: Queryable, ctx: RequestContext, aggregate: Aggregate): Promise<void> {
  const evaluation = scoreAggregate(aggregate);
  const input = toEvaluationInput(aggregate);
  // The public documents never carry the preparer's phone; the public page shows it beside them only where the department opted in.
  const model = withoutPreparerPhone(buildReportModel(input, evaluation));
  const docx = await renderDocx(model);
  const row = {
    evaluationId: aggregate.evaluation.id,
    organisationCode: aggregate.organisation.code,
    organisationName: aggregate.organisation.name,
    fiscalYear: aggregate.evaluation.fiscalYear,
    kind: aggregate.evaluation.kind,
    projectCode: aggregate.project?.code ?? '',
    title: aggregate.project ? `${aggregate.project.name} ${model.title}` : model.title,
    total: model.meta.total,
    grade: model.meta.grade,
    html: renderHtml(model, { standalone: false }),
    docx,
    pdf: null,
    publishedBy: ctx.principal.userId,
    publishedAt: new Date(),
  };
  await savePublishedReport(tx, row);
  await savePublishedFigures(tx, {
    evaluationId: row.evaluationId,
    selfEvaluation: buildSelfEvaluationTable(input, evaluation),
    preparerPhone: input.organisation.phone.trim(),
  });
  await recordAudit(tx, ctx, {
    entityType: 'published-report',
    entityId: aggregate.evaluation.id,
    action: 'publish',
    organisationId: aggregate.organisation.id,
    after: { title: row.title, total: row.total, grade: row.grade, url: publicUrl(row.organisationCode, row.fiscalYear, row.projectCode) },
  });
}

/** The stable public address of a report: /public/<部门编码>/<年度>[/projects/<项目编码>]. */
export function publicUrl(organisationCode: string, fiscalYear: number, projectCode: string): string {
  const base = `/public/${encodeURIComponent(organisationCode)}/${fiscalYear}`;
  return projectCode ? `${base}/projects/${encodeURIComponent(projectCode)}` : base;
}
