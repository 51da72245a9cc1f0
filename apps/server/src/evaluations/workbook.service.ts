import type { Workbook, WorkbookJson } from '@jixiao/core';
import { readWorkbookJson, readWorkbookXlsx, writeWorkbookXlsx } from '@jixiao/documents';
import { recordAudit } from '../audit/audit.repository.ts';
import type { Deps, RequestContext } from '../context.ts';
import { AppError, type FieldDetail } from '../errors.ts';
import { replaceContent } from './commands/replace-content.ts';
import * as repo from './evaluation.repository.ts';
import { authorise } from './evaluation-access.ts';
import { loadAggregate, refreshScore } from './evaluation-aggregate.ts';
import { toWorkbookJson } from './evaluation-mapping.ts';

export async function exportWorkbook(deps: Deps, ctx: RequestContext, evaluationId: string): Promise<{ json: WorkbookJson; name: string }> {
  const { evaluation } = await authorise(deps.db, ctx, evaluationId, 'read');
  const aggregate = await loadAggregate(deps.db, evaluation);
  const subject = aggregate.project?.name ?? aggregate.organisation.name;
  return { json: toWorkbookJson(aggregate), name: `${subject}${evaluation.fiscalYear}年度绩效自评工作簿` };
}

export async function exportWorkbookXlsx(deps: Deps, ctx: RequestContext, evaluationId: string) {
  const { json, name } = await exportWorkbook(deps, ctx, evaluationId);
  return { bytes: await writeWorkbookXlsx(json), filename: `${name}.xlsx` };
}

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

/** Parses an uploaded workbook (.xlsx or .json); every problem names its sheet, row and column or JSON path. */
export async function parseUpload(filename: string, bytes: Uint8Array): Promise<Workbook> {
  const isXlsx = ZIP_MAGIC.every((byte, index) => bytes[index] === byte);
  if (isXlsx) {
    const result = await readWorkbookXlsx(bytes);
    if (result.ok) return result.workbook;
    throw new AppError(
      'BAD_FILE',
      `工作簿“${filename}”有 ${result.issues.length} 处问题，未导入任何内容`,
      result.issues.map(
        (issue): FieldDetail => ({
          path: `${issue.sheet}${issue.row ? `!${issue.column ?? ''}${issue.row}` : ''}`,
          message: issue.header ? `${issue.header}：${issue.message}` : issue.message,
        }),
      ),
    );
  }
  const result = readWorkbookJson(bytes);
  if (result.ok) return result.value;
  throw new AppError(
    'BAD_FILE',
    `工作簿“${filename}”有 ${result.issues.length} 处问题，未导入任何内容`,
    result.issues.map((issue) => ({ path: issue.path, message: issue.message })),
  );
}

/**
 * Replaces the evaluation's content with an uploaded workbook: all of it in one transaction or
 * nothing. The workbook must be of the same kind (部门整体 / 项目) and year as the evaluation.
 */
export async function importWorkbook(
  deps: Deps,
  ctx: RequestContext,
  evaluationId: string,
  upload: { filename: string; bytes: Uint8Array },
) {
  const workbook = await parseUpload(upload.filename, upload.bytes);
  return deps.db.transaction(async (tx) => {
    const { evaluation } = await authorise(tx, ctx, evaluationId, 'edit', true);
    const mismatches: FieldDetail[] = [];
    if (workbook.input.kind !== evaluation.kind)
      mismatches.push({
        path: 'kind',
        message: `工作簿是${workbook.input.kind === 'department' ? '部门整体' : '项目支出'}自评，与本自评的类型不符`,
      });
    if (workbook.input.fiscalYear !== evaluation.fiscalYear)
      mismatches.push({
        path: 'fiscalYear',
        message: `工作簿年度 ${workbook.input.fiscalYear} 与本自评年度 ${evaluation.fiscalYear} 不符`,
      });
    if (mismatches.length) throw new AppError('BAD_FILE', '工作簿与本自评不匹配，未导入任何内容', mismatches);
    const before = await loadAggregate(tx, evaluation);
    await replaceContent(tx, evaluationId, workbook);
    await repo.touchEvaluation(tx, evaluationId, ctx.principal.userId);
    await refreshScore(tx, evaluationId);
    await recordAudit(tx, ctx, {
      entityType: 'evaluation',
      entityId: evaluationId,
      action: 'import-workbook',
      organisationId: evaluation.organisationId,
      before: { goals: before.goals.length, indicators: before.indicators.length, management: before.management.length },
      after: {
        filename: upload.filename,
        goals: workbook.input.goals.length,
        indicators: workbook.input.indicators.length,
        management: workbook.input.management.length,
      },
    });
    return { goals: workbook.input.goals.length, indicators: workbook.input.indicators.length };
  });
}
