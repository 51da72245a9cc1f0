import { ImportJob, LedgerTemplateQuery, StartedImport, StartLedgerImportQuery, Uuid } from '@jixiao/contract';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../context.ts';
import { contentDisposition } from '../../http/content-disposition.ts';
import { contextOf } from '../../http/session-plugin.ts';
import { readUpload } from '../../http/upload.ts';
import { getLedgerImportJob, ledgerImportErrorsXlsx, ledgerImportTemplate, startLedgerImport } from './import.service.ts';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const IdParams = z.object({ id: Uuid });

export const ledgerImportRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['ledger-import'];

    app.post(
      '/api/ledger/import',
      {
        schema: {
          tags,
          summary: '导入预算指标或支付明细（.xlsx 或 .csv）；立即返回任务编号，后台校验并一次性写入，有任何问题则全部不导入',
          querystring: StartLedgerImportQuery,
          response: { 202: StartedImport },
        },
      },
      async (request, reply) => {
        const upload = await readUpload(request, deps.config.ATTACHMENT_MAX_MB);
        // The job goes on in this process after the answer; the app's queue keeps it (closing waits for it).
        const { jobId } = await startLedgerImport(deps, app.jobs, contextOf(request), request.query, upload, (error) =>
          request.log.error({ err: error }, 'ledger import job crashed'),
        );
        return reply.status(202).send({ jobId });
      },
    );

    app.get(
      '/api/ledger/import-jobs/:id',
      { schema: { tags, summary: '导入任务的进度和结果（最多列出前 200 处问题）', params: IdParams, response: { 200: ImportJob } } },
      async (request) => getLedgerImportJob(deps, contextOf(request), request.params.id),
    );

    app.get(
      '/api/ledger/import-jobs/:id/errors.xlsx',
      { schema: { tags, summary: '下载导入任务的全部问题（行号、列、说明）', params: IdParams } },
      async (request, reply) => {
        const { bytes, filename } = await ledgerImportErrorsXlsx(deps, contextOf(request), request.params.id);
        return reply.type(XLSX_TYPE).header('content-disposition', contentDisposition(filename)).send(Buffer.from(bytes));
      },
    );

    app.get(
      '/api/ledger/import/template.xlsx',
      { schema: { tags, summary: '下载空白导入模板', querystring: LedgerTemplateQuery } },
      async (request, reply) => {
        const { bytes, filename } = await ledgerImportTemplate(request.query.kind);
        return reply.type(XLSX_TYPE).header('content-disposition', contentDisposition(filename)).send(Buffer.from(bytes));
      },
    );
  };
