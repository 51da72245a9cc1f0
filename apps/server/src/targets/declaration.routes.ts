import {
  CreateDeclaration,
  Created,
  DeclarationDetail,
  DeclarationList,
  DeclarationStepRequest,
  DeclarationStepResult,
  ListDeclarationsQuery,
  SaveDeclaration,
  Uuid,
} from '@jixiao/contract';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../context.ts';
import { contentDisposition } from '../http/content-disposition.ts';
import { contextOf } from '../http/session-plugin.ts';
import { stepDeclaration } from './commands/step-declaration.ts';
import * as service from './declaration.service.ts';
import { type ExportFormat, exportDeclaration } from './declaration-export.ts';

const IdParams = z.object({ id: Uuid });
const ExportQuery = z.object({
  copy: z
    .enum(['formal', 'internal'])
    .default('formal')
    .meta({ description: 'formal：申报表（不含审核意见）；internal：内部审核稿（含各项审核意见）' }),
});

/** 绩效目标申报表 (docs/targets.md): list, create, the whole form, and the review steps. */
export const declarationRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['targets'];

    app.get(
      '/api/declarations',
      {
        schema: {
          tags,
          summary: '绩效目标申报表列表（按权限范围）',
          querystring: ListDeclarationsQuery,
          response: { 200: DeclarationList },
        },
      },
      async (request) => ({ items: await service.listDeclarations(deps, contextOf(request), request.query) }),
    );

    app.post(
      '/api/declarations',
      { schema: { tags, summary: '新建项目支出或部门整体支出绩效目标申报表', body: CreateDeclaration, response: { 201: Created } } },
      async (request, reply) => {
        const created = await service.createDeclaration(deps, contextOf(request), request.body);
        return reply.status(201).send({ id: created.id });
      },
    );

    app.get(
      '/api/declarations/:id',
      {
        schema: {
          tags,
          summary: '申报表详情（表头、资金、目标、指标、审核意见、检查结果、当前用户可执行的操作）',
          params: IdParams,
          response: { 200: DeclarationDetail },
        },
      },
      async (request) => service.getDeclarationDetail(deps, contextOf(request), request.params.id),
    );

    app.put(
      '/api/declarations/:id',
      {
        schema: {
          tags,
          summary: '保存整张申报表（批复后不能修改）',
          params: IdParams,
          body: SaveDeclaration,
          response: { 200: DeclarationDetail },
        },
      },
      async (request) => service.saveDeclaration(deps, contextOf(request), request.params.id, request.body),
    );

    app.post(
      '/api/declarations/:id/transitions',
      {
        schema: {
          tags,
          summary: '流程操作：提交、部门审核、财政审核（逐项意见）与批复、退回',
          params: IdParams,
          body: DeclarationStepRequest,
          response: { 200: DeclarationStepResult },
        },
      },
      async (request) => stepDeclaration(deps, contextOf(request), request.params.id, request.body),
    );

    for (const format of ['xlsx', 'docx'] as const satisfies readonly ExportFormat[]) {
      app.get(
        `/api/target-declarations/:id/export.${format}`,
        {
          schema: {
            tags,
            summary: `下载申报表（.${format}，正式格式；未批复的标注“草稿”；内部审核稿含审核意见）`,
            params: IdParams,
            querystring: ExportQuery,
          },
        },
        async (request, reply) => {
          const file = await exportDeclaration(deps, contextOf(request), request.params.id, format, request.query.copy);
          return reply.type(file.type).header('content-disposition', contentDisposition(file.filename)).send(Buffer.from(file.bytes));
        },
      );
    }
  };
