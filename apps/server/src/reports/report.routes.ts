import { Uuid } from '@jixiao/contract';
import { REPORT_CSS, renderHtml } from '@jixiao/documents';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../context.ts';
import { contentDisposition } from '../http/content-disposition.ts';
import { contextOf } from '../http/session-plugin.ts';
import type { PdfRenderer } from './pdf.ts';
import { buildReport, reportDocx, reportPdf } from './report.service.ts';

const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const IdParams = z.object({ id: Uuid });

export const reportRoutes =
  (pdf: PdfRenderer) =>
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['reports'];
    app.get('/api/report.css', { config: { public: true }, schema: { tags, summary: '报告样式（GB/T 9704）' } }, async (_request, reply) =>
      reply.type('text/css; charset=utf-8').header('cache-control', 'public, max-age=3600').send(REPORT_CSS),
    );
    app.get(
      '/api/evaluations/:id/report.html',
      { schema: { tags, summary: '自评报告预览（HTML 片段）', params: IdParams } },
      async (request, reply) => {
        const { model } = await buildReport(deps, contextOf(request), request.params.id);
        return reply.type('text/html; charset=utf-8').send(renderHtml(model, { standalone: false }));
      },
    );
    app.get(
      '/api/evaluations/:id/report.docx',
      { schema: { tags, summary: '下载自评报告（Word）', params: IdParams } },
      async (request, reply) => {
        const { bytes, filename } = await reportDocx(deps, contextOf(request), request.params.id);
        return reply.type(DOCX_TYPE).header('content-disposition', contentDisposition(filename)).send(Buffer.from(bytes));
      },
    );
    app.get(
      '/api/evaluations/:id/report.pdf',
      { schema: { tags, summary: '下载自评报告（PDF；需服务器安装 Chromium）', params: IdParams } },
      async (request, reply) => {
        const { bytes, filename } = await reportPdf(deps, contextOf(request), request.params.id, pdf);
        return reply.type('application/pdf').header('content-disposition', contentDisposition(filename)).send(Buffer.from(bytes));
      },
    );
  };
