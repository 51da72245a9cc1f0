import { Uuid } from '@jixiao/contract';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../context.ts';
import { contentDisposition } from '../http/content-disposition.ts';
import { contextOf } from '../http/session-plugin.ts';
import { readUpload } from '../http/upload.ts';
import { exportWorkbook, exportWorkbookXlsx, importWorkbook } from './workbook.service.ts';

const IdParams = z.object({ id: Uuid });

export const workbookRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['workbook'];
    app.get(
      '/api/evaluations/:id/workbook.xlsx',
      { schema: { tags, summary: '导出自评工作簿（.xlsx）', params: IdParams } },
      async (request, reply) => {
        const { bytes, filename } = await exportWorkbookXlsx(deps, contextOf(request), request.params.id);
        return reply
          .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
          .header('content-disposition', contentDisposition(filename))
          .send(Buffer.from(bytes));
      },
    );
    app.get(
      '/api/evaluations/:id/workbook.json',
      { schema: { tags, summary: '导出自评工作簿（JSON，格式见 docs/workbook.md）', params: IdParams } },
      async (request, reply) => {
        const { json, name } = await exportWorkbook(deps, contextOf(request), request.params.id);
        return reply
          .type('application/json; charset=utf-8')
          .header('content-disposition', contentDisposition(`${name}.json`))
          .send(JSON.stringify(json, null, 2));
      },
    );
    app.post(
      '/api/evaluations/:id/workbook',
      {
        schema: {
          tags,
          summary: '导入自评工作簿（.xlsx 或 .json，替换全部内容；有误则不导入）',
          params: IdParams,
          response: { 200: z.object({ goals: z.number(), indicators: z.number() }) },
        },
      },
      async (request) => importWorkbook(deps, contextOf(request), request.params.id, await readUpload(request, 20)),
    );
  };
