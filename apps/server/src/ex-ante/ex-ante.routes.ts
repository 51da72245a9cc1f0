import {
  ConcludeExAnte,
  Created,
  CreateExAnte,
  ExAnteAssessment,
  ExAnteListQuery,
  ExAnteSummary,
  SaveExAnte,
  Uuid,
} from '@jixiao/contract';
import { writeExAnteDocx } from '@jixiao/documents';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../context.ts';
import { contentDisposition } from '../http/content-disposition.ts';
import { contextOf } from '../http/session-plugin.ts';
import * as service from './ex-ante.service.ts';

const IdParams = z.object({ id: Uuid });

export const exAnteRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['ex-ante'];
    app.get(
      '/api/ex-ante-assessments',
      {
        schema: {
          tags,
          summary: '事前绩效评估列表',
          querystring: ExAnteListQuery,
          response: { 200: z.object({ items: z.array(ExAnteSummary) }) },
        },
      },
      async (request) => ({ items: await service.listAssessments(deps, contextOf(request), request.query) }),
    );
    app.post(
      '/api/ex-ante-assessments',
      {
        schema: {
          tags,
          summary: '为项目新建某年度的事前绩效评估（财政评审或主管部门审核人员）',
          body: CreateExAnte,
          response: { 201: Created },
        },
      },
      async (request, reply) => reply.status(201).send(await service.createAssessment(deps, contextOf(request), request.body)),
    );
    app.get(
      '/api/ex-ante-assessments/:id',
      {
        schema: { tags, summary: '事前绩效评估详情：各维度、评估要点、得分与结论', params: IdParams, response: { 200: ExAnteAssessment } },
      },
      async (request) => service.getAssessment(deps, contextOf(request), request.params.id),
    );
    app.put(
      '/api/ex-ante-assessments/:id',
      { schema: { tags, summary: '保存各评估要点的评级与意见', params: IdParams, body: SaveExAnte, response: { 200: ExAnteAssessment } } },
      async (request) => {
        const ctx = contextOf(request);
        await service.saveGrades(deps, ctx, request.params.id, request.body);
        return service.getAssessment(deps, ctx, request.params.id);
      },
    );
    app.get(
      '/api/ex-ante-assessments/:id/report.docx',
      { schema: { tags, summary: '下载事前绩效评估报告（.docx）', params: IdParams } },
      async (request, reply) => {
        const assessment = await service.getAssessment(deps, contextOf(request), request.params.id);
        return reply
          .type('application/vnd.openxmlformats-officedocument.wordprocessingml.document')
          .header('content-disposition', contentDisposition(`${assessment.projectName}事前绩效评估报告.docx`))
          .send(Buffer.from(await writeExAnteDocx(assessment)));
      },
    );
    app.post(
      '/api/ex-ante-assessments/:id/conclude',
      {
        schema: {
          tags,
          summary: '确认评估结论（形成后不再修改）',
          params: IdParams,
          body: ConcludeExAnte,
          response: { 200: ExAnteAssessment },
        },
      },
      async (request) => {
        const ctx = contextOf(request);
        await service.conclude(deps, ctx, request.params.id, request.body);
        return service.getAssessment(deps, ctx, request.params.id);
      },
    );
  };
