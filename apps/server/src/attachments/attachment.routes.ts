import { Ok, Uuid } from '@jixiao/contract';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../context.ts';
import { contentDisposition } from '../http/content-disposition.ts';
import { contextOf } from '../http/session-plugin.ts';
import { readUpload } from '../http/upload.ts';
import { addAttachment, getAttachment, removeAttachment } from './attachment.service.ts';

export const attachmentRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['attachments'];
    app.post(
      '/api/evaluations/:id/attachments',
      {
        schema: {
          tags,
          summary: '上传佐证材料（multipart，字段名 file；类型与大小受限）',
          params: z.object({ id: Uuid }),
          querystring: z.object({ indicatorId: Uuid.optional() }),
          response: { 201: z.object({ id: Uuid, sha256: z.string(), sizeBytes: z.number() }) },
        },
      },
      async (request, reply) => {
        const upload = await readUpload(request, deps.config.ATTACHMENT_MAX_MB);
        const saved = await addAttachment(deps, contextOf(request), request.params.id, request.query.indicatorId, upload);
        return reply.status(201).send(saved);
      },
    );
    app.get(
      '/api/attachments/:id',
      { schema: { tags, summary: '下载佐证材料', params: z.object({ id: Uuid }) } },
      async (request, reply) => {
        const row = await getAttachment(deps, contextOf(request), request.params.id);
        return reply
          .header('content-type', row.contentType)
          .header('content-disposition', contentDisposition(row.filename))
          .header('x-content-type-options', 'nosniff')
          .send(Buffer.from(row.data));
      },
    );
    app.delete(
      '/api/attachments/:id',
      { schema: { tags, summary: '删除佐证材料', params: z.object({ id: Uuid }), response: { 200: Ok } } },
      async (request) => {
        await removeAttachment(deps, contextOf(request), request.params.id);
        return { ok: true as const };
      },
    );
  };
