import { PublishedReportList } from '@jixiao/contract';
import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../context.ts';
import { contentDisposition } from '../http/content-disposition.ts';
import type { PdfRenderer } from '../reports/pdf.ts';
import { listPublishedReports, publicDocx, publicIndexPage, publicPdf, publicReportPage } from './public.service.ts';

const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const ReportParams = z.object({ organisation: z.string().min(1).max(60), year: z.coerce.number().int().min(2000).max(2100) });
const ProjectParams = ReportParams.extend({ project: z.string().min(1).max(60) });

/**
 * The public face: published reports, readable without logging in, at a stable address per
 * department and year (/public/<部门编码>/<年度>, projects below it), with .docx and PDF downloads.
 * What is shown is the report frozen at publication.
 */
export const publicRoutes =
  (pdf: PdfRenderer) =>
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    const config = { public: true };
    const hide = { hide: true };

    app.get(
      '/api/public/reports',
      { config, schema: { tags: ['public'], summary: '已公开的自评报告', response: { 200: PublishedReportList } } },
      async () => listPublishedReports(deps),
    );

    app.get('/public', { config, schema: hide }, async (_request, reply) =>
      reply.type('text/html; charset=utf-8').send(await publicIndexPage(deps)),
    );

    app.get('/public/:organisation/:year', { config, schema: { ...hide, params: ReportParams } }, async (request, reply) =>
      reply.type('text/html; charset=utf-8').send(await publicReportPage(deps, { ...request.params, projectCode: '' })),
    );
    app.get(
      '/public/:organisation/:year/projects/:project',
      { config, schema: { ...hide, params: ProjectParams } },
      async (request, reply) =>
        reply
          .type('text/html; charset=utf-8')
          .send(await publicReportPage(deps, { ...request.params, projectCode: request.params.project })),
    );

    const send = (reply: FastifyReply, type: string, file: { bytes: Uint8Array; filename: string }) =>
      reply.type(type).header('content-disposition', contentDisposition(file.filename)).send(Buffer.from(file.bytes));

    app.get('/public/:organisation/:year/report.docx', { config, schema: { ...hide, params: ReportParams } }, async (request, reply) =>
      send(reply, DOCX_TYPE, await publicDocx(deps, { ...request.params, projectCode: '' })),
    );
    app.get('/public/:organisation/:year/report.pdf', { config, schema: { ...hide, params: ReportParams } }, async (request, reply) =>
      send(reply, 'application/pdf', await publicPdf(deps, pdf, { ...request.params, projectCode: '' })),
    );
    app.get(
      '/public/:organisation/:year/projects/:project/report.docx',
      { config, schema: { ...hide, params: ProjectParams } },
      async (request, reply) => send(reply, DOCX_TYPE, await publicDocx(deps, { ...request.params, projectCode: request.params.project })),
    );
    app.get(
      '/public/:organisation/:year/projects/:project/report.pdf',
      { config, schema: { ...hide, params: ProjectParams } },
      async (request, reply) =>
        send(reply, 'application/pdf', await publicPdf(deps, pdf, { ...request.params, projectCode: request.params.project })),
    );
  };
