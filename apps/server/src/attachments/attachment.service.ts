import { createHash } from 'node:crypto';
import { recordAudit } from '../audit/audit.repository.ts';
import type { Deps, RequestContext } from '../context.ts';
import { AppError, notFound, validationFailed } from '../errors.ts';
import { touchEvaluation } from '../evaluations/evaluation.repository.ts';
import { authorise } from '../evaluations/evaluation-access.ts';
import * as repo from './attachment.repository.ts';
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
    if (indicatorId && !(await repo.isIndicatorOf(tx, indicatorId, evaluationId)))
      throw validationFailed([{ path: 'query.indicatorId', message: '指标不属于本自评' }]);
    const row = await repo.insertAttachment(tx, {
      evaluationId,
      indicatorId: indicatorId ?? null,
      filename: file.filename,
      contentType: checked.contentType,
      sizeBytes: file.bytes.byteLength,
      sha256: createHash('sha256').update(file.bytes).digest('hex'),
      data: file.bytes,
      uploadedBy: ctx.principal.userId,
    });
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
  const row = await repo.findAttachment(deps.db, id);
  if (!row) throw notFound('附件');
  await authorise(deps.db, ctx, row.evaluationId, 'read');
  return row;
}

export async function removeAttachment(deps: Deps, ctx: RequestContext, id: string) {
  const meta = await repo.findAttachmentMeta(deps.db, id);
  if (!meta) throw notFound('附件');
  await deps.db.transaction(async (tx) => {
    const { evaluation } = await authorise(tx, ctx, meta.evaluationId, 'edit', true);
    await repo.deleteAttachment(tx, id);
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
