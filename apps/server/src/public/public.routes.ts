import { PublishedReportList, PublishedReportsQuery } from '@jixiao/contract';
import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../context.ts';
import { contentDisposition } from '../http/content-disposition.ts';
import type { PdfRenderer } from '../reports/pdf.ts';
import {
  listPublishedReports,
  type PublicAddress,
  parseYear,
  publicDepartmentPage,
  publicDocx,
  publicIndexPage,
  publicPdf,
  publicReportPage,
  publicSelfEvaluationPdf,
  publicSelfEvaluationXlsx,
} from './public.service.ts';
import { notFoundPage } from './public-pages.ts';

const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const HTML_TYPE = 'text/html; charset=utf-8';
// The pages take any text in the address and answer a styled 404 for what names nothing: a reader who
// mistypes a year gets the public site's page, not a JSON validation error.
const text = z.string().max(200);
const DepartmentParams = z.object({ organisation: text });
const ReportParams = z.object({ organisation: text, year: text });
const ProjectParams = ReportParams.extend({ project: text });

type Params = { organisation: string; year: string; project?: string };

/** What a reader asked for, in plain words, for the not-found page. */
function described(params: Params): string {
  const year = parseYear(params.year);
  const when = year ? `${year}年度` : `“${params.year}”年度`;
  return `没有找到编码为“${params.organisation}”的部门或单位${when}${params.project ? `项目“${params.project}”` : ''}的公开绩效自评报告。`;
}

/** The address named by the path, or undefined when its year is no year. */
function addressOf(params: Params): PublicAddress | undefined {
  const year = parseYear(params.year);
  return year === undefined ? undefined : { organisation: params.organisation, year, projectCode: params.project ?? '' };
}

/**
 * The public face: published reports, readable without logging in, at a stable address per
 * department and year (/public/<部门编码>/<年度>, projects below it), with .docx, PDF and the 自评表 as
 * .xlsx; a page per department (/public/<部门编码>) and a search (/public?q=&year=). What is shown is
 * what was frozen at publication. Anything missing answers the site's own 404 page.
 */
export const publicRoutes =
  (pdf: PdfRenderer) =>
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    const config = { public: true };
    const hide = { hide: true };

    app.get(
      '/api/public/reports',
      {
        config,
        schema: {
          tags: ['public'],
          summary: '已公开的自评报告（可按部门或单位名称、编码、报告标题和年度查找，按字面匹配）',
          querystring: PublishedReportsQuery,
          response: { 200: PublishedReportList },
        },
      },
      async (request) => listPublishedReports(deps, request.query),
    );

    const notFound = (reply: FastifyReply, what: string) => reply.status(404).type(HTML_TYPE).send(notFoundPage(what));
    const html = async (reply: FastifyReply, params: Params) => {
      const address = addressOf(params);
      const body = address ? await publicReportPage(deps, address) : undefined;
      return body ? reply.type(HTML_TYPE).send(body) : notFound(reply, described(params));
    };
    const download = async (
      reply: FastifyReply,
      params: Params,
      type: string,
      make: (address: PublicAddress) => Promise<{ bytes: Uint8Array; filename: string } | undefined>,
      what: string,
    ) => {
      const address = addressOf(params);
      const file = address ? await make(address) : undefined;
      if (!file) return notFound(reply, `${described(params).replace(/。$/u, '')}，无法下载${what}。`);
      return reply.type(type).header('content-disposition', contentDisposition(file.filename)).send(Buffer.from(file.bytes));
    };

    app.get('/public', { config, schema: hide }, async (request, reply) =>
      reply.type(HTML_TYPE).send(await publicIndexPage(deps, request.query as { q?: unknown; year?: unknown })),
    );

    app.get('/public/:organisation', { config, schema: { ...hide, params: DepartmentParams } }, async (request, reply) => {
      const body = await publicDepartmentPage(deps, request.params.organisation);
      return body ? reply.type(HTML_TYPE).send(body) : notFound(reply, `没有找到编码为“${request.params.organisation}”的部门或单位。`);
    });

    app.get('/public/:organisation/:year', { config, schema: { ...hide, params: ReportParams } }, async (request, reply) =>
      html(reply, request.params),
    );
    app.get(
      '/public/:organisation/:year/projects/:project',
      { config, schema: { ...hide, params: ProjectParams } },
      async (request, reply) => html(reply, request.params),
    );

    for (const [prefix, schema] of [
      ['/public/:organisation/:year', ReportParams],
      ['/public/:organisation/:year/projects/:project', ProjectParams],
    ] as const) {
      app.get(`${prefix}/report.docx`, { config, schema: { ...hide, params: schema } }, async (request, reply) =>
        download(reply, request.params as Params, DOCX_TYPE, (address) => publicDocx(deps, address), ' Word 版'),
      );
      app.get(`${prefix}/report.pdf`, { config, schema: { ...hide, params: schema } }, async (request, reply) =>
        download(reply, request.params as Params, 'application/pdf', (address) => publicPdf(deps, pdf, address), ' PDF 版'),
      );
      app.get(`${prefix}/self-evaluation.xlsx`, { config, schema: { ...hide, params: schema } }, async (request, reply) =>
        download(reply, request.params as Params, XLSX_TYPE, (address) => publicSelfEvaluationXlsx(deps, address), '自评表'),
      );
      app.get(`${prefix}/self-evaluation.pdf`, { config, schema: { ...hide, params: schema } }, async (request, reply) =>
        download(
          reply,
          request.params as Params,
          'application/pdf',
          (address) => publicSelfEvaluationPdf(deps, pdf, address),
          '自评表 PDF 版',
        ),
      );
    }
  };
