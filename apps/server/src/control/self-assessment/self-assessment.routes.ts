import { Int32, Uuid, YearText } from '@jixiao/contract';
import { writeSelfAssessmentXlsx } from '@jixiao/documents';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../context.ts';
import { contentDisposition } from '../../http/content-disposition.ts';
import { contextOf } from '../../http/session-plugin.ts';
import { getAssessment, saveAssessment } from './self-assessment.service.ts';

const Query = z.object({ organisationId: Uuid, fiscalYear: YearText });

export const selfAssessmentRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['self-assessment'];
    app.get(
      '/api/self-assessment',
      { schema: { tags, summary: '内部控制基础性评价：系统预填、单位评分与总分', querystring: Query } },
      async (request) => getAssessment(deps, contextOf(request), request.query.organisationId, request.query.fiscalYear),
    );
    app.put(
      '/api/self-assessment',
      {
        schema: {
          tags,
          summary: '保存单位评分（覆盖系统预填）',
          body: Query.extend({
            version: Int32.min(0),
            entries: z
              .array(
                z.object({
                  code: z.string().max(10),
                  score: z
                    .string()
                    .regex(/^\d{1,3}(\.\d{1,2})?$/, { error: '应为分数，最多两位小数' })
                    .nullable()
                    .optional(),
                  notApplicable: z.boolean().optional(),
                  note: z.string().trim().max(500).optional(),
                }),
              )
              .max(100),
          }),
        },
      },
      async (request) => {
        const ctx = contextOf(request);
        await saveAssessment(deps, ctx, request.body);
        return getAssessment(deps, ctx, request.body.organisationId, request.body.fiscalYear);
      },
    );
    app.get(
      '/api/self-assessment/export.xlsx',
      { schema: { tags, summary: '导出内部控制基础性评价表（.xlsx）', querystring: Query } },
      async (request, reply) => {
        const assessment = await getAssessment(deps, contextOf(request), request.query.organisationId, request.query.fiscalYear);
        return reply
          .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
          .header('content-disposition', contentDisposition(`${request.query.fiscalYear}年度内部控制基础性评价表.xlsx`))
          .send(Buffer.from(await writeSelfAssessmentXlsx(assessment)));
      },
    );
  };
