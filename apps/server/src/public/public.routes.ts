import { PublishedReportList } from '@jixiao/contract';
import { REPORT_CSS } from '@jixiao/documents';
import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../context.ts';
import { notFound } from '../errors.ts';
import { contentDisposition } from '../http/content-disposition.ts';
import type { PdfRenderer } from '../reports/pdf.ts';
import { publicUrl } from '../reports/publish.ts';
import { escapeHtml, standalonePage } from '../reports/report.service.ts';
import { findPublished, getPublished, savePdf } from './public.repository.ts';

const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const ReportParams = z.object({ organisation: z.string().min(1).max(60), year: z.coerce.number().int().min(2000).max(2100) });
const ProjectParams = ReportParams.extend({ project: z.string().min(1).max(60) });

const PAGE_CSS = `
body{margin:0;background:#f0f2f5;font-family:"Noto Sans CJK SC","PingFang SC","Microsoft YaHei",sans-serif;color:#1f1f1f}
.site{background:#003a8c;color:#fff;padding:12px 24px;font-size:18px}
.site a{color:#fff;text-decoration:none}
.meta{max-width:960px;margin:16px auto;padding:16px 24px;background:#fff;border-radius:8px}
.meta h1{font-size:20px;margin:0 0 8px}
.meta .score{font-size:16px}
.meta .downloads a{margin-right:16px}
table.list{border-collapse:collapse;width:100%}
table.list td,table.list th{border-bottom:1px solid #eee;padding:8px;text-align:left}
@media print{.site,.meta{display:none}body{background:#fff}}
@media (max-width:600px){.meta{margin:8px;padding:12px}}`;

function page(title: string, body: string, withReportCss = false): string {
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${escapeHtml(title)}</title><style>${PAGE_CSS}${withReportCss ? REPORT_CSS : ''}</style></head><body><div class="site"><a href="/public">预算绩效信息公开</a></div>${body}</body></html>`;
}

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
      async () => ({
        items: (await findPublished(deps.db)).map((row) => ({
          ...row,
          url: publicUrl(row.organisationCode, row.fiscalYear, row.projectCode),
          publishedAt: row.publishedAt.toISOString(),
        })),
      }),
    );

    app.get('/public', { config, schema: hide }, async (_request, reply) => {
      const rows = await findPublished(deps.db);
      const list = rows.length
        ? `<table class="list"><thead><tr><th>年度</th><th>单位</th><th>报告</th><th>自评分</th><th>等级</th><th>公开日期</th></tr></thead><tbody>${rows
            .map(
              (row) =>
                `<tr><td>${row.fiscalYear}</td><td>${escapeHtml(row.organisationName)}</td><td><a href="${escapeHtml(publicUrl(row.organisationCode, row.fiscalYear, row.projectCode))}">${escapeHtml(row.title)}</a></td><td>${escapeHtml(row.total)}</td><td>${escapeHtml(row.grade)}</td><td>${row.publishedAt.toISOString().slice(0, 10)}</td></tr>`,
            )
            .join('')}</tbody></table>`
        : '<p>暂无已公开的绩效自评报告。</p>';
      return reply
        .type('text/html; charset=utf-8')
        .send(page('预算绩效信息公开', `<div class="meta"><h1>已公开的绩效自评报告</h1>${list}</div>`));
    });

    const serve = async (params: { organisation: string; year: number }, projectCode: string) => {
      const row = await getPublished(deps.db, params.organisation, params.year, projectCode);
      if (!row) throw notFound('公开报告');
      return row;
    };

    const showReport = async (params: { organisation: string; year: number }, projectCode: string) => {
      const row = await serve(params, projectCode);
      const base = publicUrl(row.organisationCode, row.fiscalYear, row.projectCode);
      const header = `<div class="meta"><h1>${escapeHtml(row.organisationName)} ${row.fiscalYear}年度 ${escapeHtml(row.title)}</h1>
<p class="score">自评分 <strong data-testid="public-total">${escapeHtml(row.total)}</strong> 分，评价等级 <strong>${escapeHtml(row.grade)}</strong>；公开于 ${row.publishedAt.toISOString().slice(0, 10)}</p>
<p class="downloads"><a href="${escapeHtml(base)}/report.docx" data-testid="public-download-docx">下载 Word 版</a><a href="${escapeHtml(base)}/report.pdf">下载 PDF 版</a></p></div>`;
      return page(`${row.organisationName} ${row.fiscalYear}年度 ${row.title}`, header + row.html, true);
    };

    app.get('/public/:organisation/:year', { config, schema: { ...hide, params: ReportParams } }, async (request, reply) =>
      reply.type('text/html; charset=utf-8').send(await showReport(request.params, '')),
    );
    app.get(
      '/public/:organisation/:year/projects/:project',
      { config, schema: { ...hide, params: ProjectParams } },
      async (request, reply) => reply.type('text/html; charset=utf-8').send(await showReport(request.params, request.params.project)),
    );

    const docx = async (params: { organisation: string; year: number }, projectCode: string) => {
      const row = await serve(params, projectCode);
      return { bytes: row.docx, filename: `${row.organisationName}${row.fiscalYear}年度${row.title}.docx` };
    };
    const pdfOf = async (params: { organisation: string; year: number }, projectCode: string) => {
      const row = await serve(params, projectCode);
      const bytes = row.pdf ?? (await pdf.render(standalonePage(row.title, row.html)));
      if (!row.pdf) await savePdf(deps.db, row.id, bytes);
      return { bytes, filename: `${row.organisationName}${row.fiscalYear}年度${row.title}.pdf` };
    };
    const send = (reply: FastifyReply, type: string, file: { bytes: Uint8Array; filename: string }) =>
      reply.type(type).header('content-disposition', contentDisposition(file.filename)).send(Buffer.from(file.bytes));

    app.get('/public/:organisation/:year/report.docx', { config, schema: { ...hide, params: ReportParams } }, async (request, reply) =>
      send(reply, DOCX_TYPE, await docx(request.params, '')),
    );
    app.get('/public/:organisation/:year/report.pdf', { config, schema: { ...hide, params: ReportParams } }, async (request, reply) =>
      send(reply, 'application/pdf', await pdfOf(request.params, '')),
    );
    app.get(
      '/public/:organisation/:year/projects/:project/report.docx',
      { config, schema: { ...hide, params: ProjectParams } },
      async (request, reply) => send(reply, DOCX_TYPE, await docx(request.params, request.params.project)),
    );
    app.get(
      '/public/:organisation/:year/projects/:project/report.pdf',
      { config, schema: { ...hide, params: ProjectParams } },
      async (request, reply) => send(reply, 'application/pdf', await pdfOf(request.params, request.params.project)),
    );
  };
