import { createHash } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { recordAudit } from '../audit/audit.repository.ts';
import type { Deps, RequestContext } from '../context.ts';
import { attachments, indicators } from '../db/schema.ts';
import { AppError, notFound, validationFailed } from '../errors.ts';
import { touchEvaluation } from '../evaluations/evaluation.repository.ts';
import { authorise } from '../evaluations/evaluation-access.ts';
import { checkFile } from './file-types.ts';

export async function addAttachment(
  deps: Deps,
  ctx: RequestContext,
  evaluationId: string,
  indicatorId: string | undefined,
  file: { filename: string; bytes: Uint8Array },
) {
  const checked = checkFile(file.filename, file.bytes);
  if (!checked.ok) throw new AppError('UNSUPPORTED_MEDIA_TYPE', checked.message, [{ path: 'file', message: checked.message }]);
  return deps.db.transaction(async (tx) => {
    const { evaluation } = await authorise(tx, ctx, evaluationId, 'edit', true);
    if (indicatorId) {
      const [indicator] = await tx
        .select({ id: indicators.id })
        .from(indicators)
        .where(and(eq(indicators.id, indicatorId), eq(indicators.evaluationId, evaluationId)));
      if (!indicator) throw validationFailed([{ path: 'query.indicatorId', message: '指标不属于本自评' }]);
    }
    const [row] = await tx
      .insert(attachments)
      .values({
        evaluationId,
        indicatorId: indicatorId ?? null,
        filename: file.filename,
        contentType: checked.contentType,
        sizeBytes: file.bytes.byteLength,
        sha256: createHash('sha256').update(file.bytes).digest('hex'),
        data: file.bytes,
        uploadedBy: ctx.principal.userId,
      })
      .returning({ id: attachments.id, sha256: attachments.sha256, sizeBytes: attachments.sizeBytes });
    if (!row) throw new Error('attachment insert returned nothing');
    await touchEvaluation(tx, evaluationId, ctx.principal.userId);
    await recordAudit(tx, ctx, {
      entityType: 'attachment',
      entityId: row.id,
      action: 'upload',
      organisationId: evaluation.organisationId,
      after: { filename: file.filename, indicatorId, ...row },
    });
    return row;
  });
}

export async function getAttachment(deps: Deps, ctx: RequestContext, id: string) {
  const [row] = await deps.db.select().from(attachments).where(eq(attachments.id, id));
  if (!row) throw notFound('附件');
  await authorise(deps.db, ctx, row.evaluationId, 'read');
  return row;
}

export async function removeAttachment(deps: Deps, ctx: RequestContext, id: string) {
  const [meta] = await deps.db
    .select({ evaluationId: attachments.evaluationId, filename: attachments.filename })
    .from(attachments)
    .where(eq(attachments.id, id));
  if (!meta) throw notFound('附件');
  await deps.db.transaction(async (tx) => {
    const { evaluation } = await authorise(tx, ctx, meta.evaluationId, 'edit', true);
    await tx.delete(attachments).where(eq(attachments.id, id));
    await touchEvaluation(tx, meta.evaluationId, ctx.principal.userId);
    await recordAudit(tx, ctx, {
      entityType: 'attachment',
      entityId: id,
      action: 'delete',
      organisationId: evaluation.organisationId,
      before: meta,
    });
  });
}
