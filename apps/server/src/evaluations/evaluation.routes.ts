import {
  Adjustment,
  CreateEvaluation,
  CreateIndicator,
  EvaluationDetail,
  EvaluationList,
  EvaluationScore,
  GoalFields,
  ListEvaluationsQuery,
  ManagementFields,
  Ok,
  TransitionRequest,
  TransitionResult,
  UpdateEvaluation,
  UpdateGoal,
  UpdateIndicator,
  Uuid,
  Version,
  WithdrawPublicationRequest,
} from '@jixiao/contract';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../context.ts';
import { contextOf } from '../http/session-plugin.ts';
import { addGoal, removeGoal, updateGoal } from './commands/edit-goals.ts';
import { updateEvaluationHeader } from './commands/edit-header.ts';
import { addIndicator, adjustIndicator, removeIndicator, updateIndicator } from './commands/edit-indicators.ts';
import { saveManagementEntry } from './commands/edit-management.ts';
import { transitionEvaluation } from './commands/transition-evaluation.ts';
import { withdrawPublication } from './commands/withdraw-publication.ts';
import * as service from './evaluation.service.ts';

const IdParams = z.object({ id: Uuid });
const VersionQuery = z.object({ version: z.coerce.number().pipe(Version) });
const Created = z.object({ id: Uuid });

export const evaluationRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['evaluations'];

    app.get(
      '/api/evaluations',
      { schema: { tags, summary: '自评列表（按权限范围）', querystring: ListEvaluationsQuery, response: { 200: EvaluationList } } },
      async (request) => ({
        items: await service.listEvaluations(deps, contextOf(request), request.query),
      }),
    );

    app.post(
      '/api/evaluations',
      { schema: { tags, summary: '新建部门整体或项目自评', body: CreateEvaluation, response: { 201: Created } } },
      async (request, reply) => {
        const created = await service.createEvaluationFor(deps, contextOf(request), request.body);
        return reply.status(201).send({ id: created.id });
      },
    );

    app.get(
      '/api/evaluations/:id',
      {
        schema: {
          tags,
          summary: '自评详情（目标、指标、管理效率、流程、附件、当前用户可执行的操作）',
          params: IdParams,
          response: { 200: EvaluationDetail },
        },
      },
      async (request) => service.getEvaluationDetail(deps, contextOf(request), request.params.id),
    );

    app.patch(
      '/api/evaluations/:id',
      {
        schema: {
          tags,
          summary: '修改基本信息、预算执行与报告文字',
          params: IdParams,
          body: UpdateEvaluation,
          response: { 200: EvaluationDetail },
        },
      },
      async (request) => {
        const ctx = contextOf(request);
        await updateEvaluationHeader(deps, ctx, request.params.id, request.body);
        return service.getEvaluationDetail(deps, ctx, request.params.id);
      },
    );

    app.get(
      '/api/evaluations/:id/score',
      {
        schema: {
          tags,
          summary: '得分：每个指标的得分、规则、输入与计算过程，总分、等级与校验结果',
          params: IdParams,
          response: { 200: EvaluationScore },
        },
      },
      async (request) => service.scoreEvaluation(deps, contextOf(request), request.params.id),
    );

    app.post(
      '/api/evaluations/:id/transitions',
      {
        schema: {
          tags,
          summary: '流程操作：提交、审核通过、退回、公开',
          params: IdParams,
          body: TransitionRequest,
          response: { 200: TransitionResult },
        },
      },
      async (request) => transitionEvaluation(deps, contextOf(request), request.params.id, request.body),
    );

    app.post(
      '/api/evaluations/:id/withdraw-publication',
      {
        schema: {
          tags,
          summary: '撤回公开（须填写撤回理由；公开网站不再显示该报告，自评回到“财政复核通过”）',
          params: IdParams,
          body: WithdrawPublicationRequest,
          response: { 200: TransitionResult },
        },
      },
      async (request) => withdrawPublication(deps, contextOf(request), request.params.id, request.body),
    );

    app.post(
      '/api/evaluations/:id/goals',
      { schema: { tags, summary: '新增绩效目标', params: IdParams, body: GoalFields, response: { 201: Created } } },
      async (request, reply) => {
        const goal = await addGoal(deps, contextOf(request), request.params.id, request.body);
        return reply.status(201).send({ id: goal.id });
      },
    );

    app.patch(
      '/api/goals/:id',
      {
        schema: {
          tags,
          summary: '修改绩效目标（答复修改后的自评详情）',
          params: IdParams,
          body: UpdateGoal,
          response: { 200: EvaluationDetail },
        },
      },
      async (request) => {
        const ctx = contextOf(request);
        const goal = await updateGoal(deps, ctx, request.params.id, request.body);
        return service.getEvaluationDetail(deps, ctx, goal.evaluationId);
      },
    );

    app.delete(
      '/api/goals/:id',
      { schema: { tags, summary: '删除绩效目标', params: IdParams, querystring: VersionQuery, response: { 200: Ok } } },
      async (request) => {
        await removeGoal(deps, contextOf(request), request.params.id, request.query.version);
        return { ok: true as const };
      },
    );

    app.post(
      '/api/evaluations/:id/indicators',
      { schema: { tags, summary: '新增绩效指标', params: IdParams, body: CreateIndicator, response: { 201: Created } } },
      async (request, reply) => {
        const indicator = await addIndicator(deps, contextOf(request), request.params.id, request.body);
        return reply.status(201).send({ id: indicator.id });
      },
    );

    app.patch(
      '/api/indicators/:id',
      {
        schema: {
          tags,
          summary: '修改绩效指标（目标值、实际值、偏差原因……；答复修改后的自评详情）',
          params: IdParams,
          body: UpdateIndicator,
          response: { 200: EvaluationDetail },
        },
      },
      // The answer is the evaluation as it now stands (new versions, revision, computed actuals), so the
      // web app replaces its copy from it and only reads the score again: one write, one read.
      async (request) => {
        const ctx = contextOf(request);
        const indicator = await updateIndicator(deps, ctx, request.params.id, request.body);
        return service.getEvaluationDetail(deps, ctx, indicator.evaluationId);
      },
    );

    app.delete(
      '/api/indicators/:id',
      { schema: { tags, summary: '删除绩效指标', params: IdParams, querystring: VersionQuery, response: { 200: Ok } } },
      async (request) => {
        await removeIndicator(deps, contextOf(request), request.params.id, request.query.version);
        return { ok: true as const };
      },
    );

    app.put(
      '/api/indicators/:id/adjustment',
      {
        schema: {
          tags,
          summary: '评价人调整得分（须说明理由；null 取消调整；答复修改后的自评详情）',
          params: IdParams,
          body: Adjustment,
          response: { 200: EvaluationDetail },
        },
      },
      async (request) => {
        const ctx = contextOf(request);
        const indicator = await adjustIndicator(deps, ctx, request.params.id, request.body);
        return service.getEvaluationDetail(deps, ctx, indicator.evaluationId);
      },
    );

    app.put(
      '/api/evaluations/:id/management/:code',
      {
        schema: {
          tags,
          summary: '填写管理效率指标（答复修改后的自评详情）',
          params: z.object({ id: Uuid, code: z.string().min(1).max(60) }),
          body: ManagementFields,
          response: { 200: EvaluationDetail },
        },
      },
      async (request) => {
        const ctx = contextOf(request);
        await saveManagementEntry(deps, ctx, request.params.id, request.params.code, request.body);
        return service.getEvaluationDetail(deps, ctx, request.params.id);
      },
    );
  };
