import {
  ApproveProcurement,
  AwardProcurement,
  CancelProcurement,
  CreateProcurement,
  Procurement,
  ProcurementList,
  ProcurementQuery,
  Uuid,
} from '@jixiao/contract';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../context.ts';
import { contextOf } from '../../http/session-plugin.ts';
import { approveProcurement, awardProcurement, cancelProcurement } from './procurement.commands.ts';
import { createProcurement, getProcurementDetail, listProcurements } from './procurement.service.ts';

const IdParams = z.object({ id: Uuid });
const Created = z.object({ id: Uuid });

export const procurementRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['procurement'];

    app.get(
      '/api/procurements',
      {
        schema: {
          tags,
          summary: '政府采购登记列表（按年度、单位、状态）',
          querystring: ProcurementQuery,
          response: { 200: ProcurementList },
        },
      },
      async (request) => ({ items: await listProcurements(deps, contextOf(request), request.query) }),
    );

    app.get(
      '/api/procurements/:id',
      { schema: { tags, summary: '政府采购登记详情', params: IdParams, response: { 200: Procurement } } },
      async (request) => getProcurementDetail(deps, contextOf(request), request.params.id),
    );

    app.post(
      '/api/procurements',
      { schema: { tags, summary: '登记采购需求（经办人）：采购方式须符合金额标准', body: CreateProcurement, response: { 201: Created } } },
      async (request, reply) => reply.status(201).send({ id: (await createProcurement(deps, contextOf(request), request.body)).id }),
    );

    app.post(
      '/api/procurements/:id/approve',
      {
        schema: {
          tags,
          summary: '审批采购需求（审批人或部门负责人，不得为需求制定人）',
          params: IdParams,
          body: ApproveProcurement,
          response: { 200: Procurement },
        },
      },
      async (request) => {
        const ctx = contextOf(request);
        await approveProcurement(deps, ctx, request.params.id, request.body);
        return getProcurementDetail(deps, ctx, request.params.id);
      },
    );

    app.post(
      '/api/procurements/:id/award',
      {
        schema: {
          tags,
          summary: '确定成交供应商（经办人）：统一社会信用代码校验，超预算 10% 以上须说明理由',
          params: IdParams,
          body: AwardProcurement,
          response: { 200: Procurement },
        },
      },
      async (request) => {
        const ctx = contextOf(request);
        await awardProcurement(deps, ctx, request.params.id, request.body);
        return getProcurementDetail(deps, ctx, request.params.id);
      },
    );

    app.post(
      '/api/procurements/:id/cancel',
      {
        schema: { tags, summary: '取消采购（确定供应商之前）', params: IdParams, body: CancelProcurement, response: { 200: Procurement } },
      },
      async (request) => {
        const ctx = contextOf(request);
        await cancelProcurement(deps, ctx, request.params.id, request.body);
        return getProcurementDetail(deps, ctx, request.params.id);
      },
    );
  };
