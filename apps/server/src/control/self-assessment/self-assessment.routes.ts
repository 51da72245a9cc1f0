import { SaveSelfAssessment, SelfAssessment, SelfAssessmentQuery } from '@jixiao/contract';
import { writeSelfAssessmentXlsx } from '@jixiao/documents';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Deps } from '../../context.ts';
import { contentDisposition } from '../../http/content-disposition.ts';
import { contextOf } from '../../http/session-plugin.ts';
import { getAssessment, saveAssessment } from './self-assessment.service.ts';

export const selfAssessmentRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['self-assessment'];
    app.get(
      '/api/self-assessment',
      {
        schema: {
          tags,
          summary: '内部控制基础性评价：系统预填、单位评分与总分',
          querystring: SelfAssessmentQuery,
          response: { 200: SelfAssessment },
        },
      },
      async (request) => getAssessment(deps, contextOf(request), request.query.organisationId, request.query.fiscalYear),
    );
    app.put(
      '/api/self-assessment',
      {
        schema: {
          tags,
          summary: '保存单位评分（覆盖系统预填）',
          body: SaveSelfAssessment,
          response: { 200: SelfAssessment },
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
      { schema: { tags, summary: '导出内部控制基础性评价表（.xlsx）', querystring: SelfAssessmentQuery } },
      async (request, reply) => {
        const assessment = await getAssessment(deps, contextOf(request), request.query.organisationId, request.query.fiscalYear);
        return reply
          .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
          .header('content-disposition', contentDisposition(`${request.query.fiscalYear}年度内部控制基础性评价表.xlsx`))
          .send(Buffer.from(await writeSelfAssessmentXlsx(assessment)));
      },
    );
  };
