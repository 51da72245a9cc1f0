import {
  BudgetLineCreated,
  BudgetLineDetail,
  BudgetLineList,
  CreateBudgetLine,
  DecideAdjustment,
  Ok,
  RequestAdjustment,
  SetPlan,
  Uuid,
  YearText,
} from '@jixiao/contract';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../context.ts';
import { contextOf } from '../../http/session-plugin.ts';
import * as service from './budget.service.ts';

const IdParams = z.object({ id: Uuid });
const Created = z.object({ id: Uuid });

export const budgetRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['budget'];
    app.get(
      '/api/budget-lines',
      {
        schema: {
          tags,
          summary: '预算指标及其执行：预算、计划、占用、已付、可用余额',
          querystring: z.object({
            fiscalYear: YearText.optional(),
            organisationId: Uuid.optional(),
            projectId: Uuid.optional(),
          }),
          response: { 200: BudgetLineList },
        },
      },
      async (request) => ({ items: await service.listLines(deps, contextOf(request), request.query) }),
    );
    app.post(
      '/api/budget-lines',
      {
        schema: {
          tags,
          summary: '新建预算指标（财务审核或管理员）；项目上年度有结果应用决定的，一并返回供核对',
          body: CreateBudgetLine,
          response: { 201: BudgetLineCreated },
        },
      },
      async (request, reply) => {
        const created = await service.createLine(deps, contextOf(request), request.body);
        return reply.status(201).send({ id: created.id, appliedResult: await service.appliedResultOfProject(deps, created.projectId) });
      },
    );
    app.get(
      '/api/budget-lines/:id',
      { schema: { tags, summary: '预算指标详情：用款计划与调整历史', params: IdParams, response: { 200: BudgetLineDetail } } },
      async (request) => service.getLineDetail(deps, contextOf(request), request.params.id),
    );
    app.put(
      '/api/budget-lines/:id/plan',
      { schema: { tags, summary: '设置用款计划（12 个月，合计不超过预算）', params: IdParams, body: SetPlan, response: { 200: Ok } } },
      async (request) => {
        await service.setPlan(deps, contextOf(request), request.params.id, request.body);
        return { ok: true as const };
      },
    );
    app.post(
      '/api/budget-lines/:id/adjustments',
      {
        schema: {
          tags,
          summary: '申请预算调整（须说明理由，经他人审批后生效）',
          params: IdParams,
          body: RequestAdjustment,
          response: { 201: Created },
        },
      },
      async (request, reply) =>
        reply.status(201).send({ id: (await service.requestAdjustment(deps, contextOf(request), request.params.id, request.body)).id }),
    );
    app.post(
      '/api/budget-adjustments/:id/decision',
      {
        schema: {
          tags,
          summary: '审批预算调整（申请人不能审批自己的调整）',
          params: IdParams,
          body: DecideAdjustment,
          response: { 200: Ok },
        },
      },
      async (request) => {
        await service.decideAdjustment(deps, contextOf(request), request.params.id, request.body);
        return { ok: true as const };
      },
    );
  };
