import {
  AdjustmentDecisionRequest,
  AdjustmentDetail,
  AdjustmentList,
  AdjustmentStepResult,
  CreateAdjustment,
  Created,
  DeclarationVersionList,
  ListAdjustmentsQuery,
  SaveAdjustment,
  SubmitAdjustmentRequest,
  Uuid,
} from '@jixiao/contract';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../context.ts';
import { contextOf } from '../http/session-plugin.ts';
import * as service from './adjustment.service.ts';
import { createAdjustment } from './commands/create-adjustment.ts';
import { decideAdjustment } from './commands/decide-adjustment.ts';
import { submitAdjustment } from './commands/submit-adjustment.ts';

const IdParams = z.object({ id: Uuid });

/** 绩效目标调整 (docs/targets.md "目标调整"): requests, their changes, the review and the versions written. */
export const adjustmentRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['adjustment'];

    app.get(
      '/api/adjustments',
      {
        schema: {
          tags,
          summary: '绩效目标调整申请列表（按权限范围；可按年度、状态、单位筛选）',
          querystring: ListAdjustmentsQuery,
          response: { 200: AdjustmentList },
        },
      },
      async (request) => ({ items: await service.listAdjustments(deps, contextOf(request), request.query) }),
    );

    app.post(
      '/api/adjustments',
      {
        schema: {
          tags,
          summary: '对已批复的本年度申报表新建调整申请（同一申报表同时只能有一份）',
          body: CreateAdjustment,
          response: { 201: Created },
        },
      },
      async (request, reply) => {
        const created = await createAdjustment(deps, contextOf(request), request.body.declarationId);
        return reply.status(201).send({ id: created.id });
      },
    );

    app.get(
      '/api/adjustments/:id',
      {
        schema: {
          tags,
          summary: '调整申请详情（调整前后、校验结果、经过、可执行的操作）',
          params: IdParams,
          response: { 200: AdjustmentDetail },
        },
      },
      async (request) => service.getAdjustmentDetail(deps, contextOf(request), request.params.id),
    );

    app.put(
      '/api/adjustments/:id',
      {
        schema: { tags, summary: '保存调整内容（整表保存）', params: IdParams, body: SaveAdjustment, response: { 200: AdjustmentDetail } },
      },
      async (request) => service.saveAdjustment(deps, contextOf(request), request.params.id, request.body),
    );

    app.post(
      '/api/adjustments/:id/submit',
      {
        schema: { tags, summary: '提交调整申请', params: IdParams, body: SubmitAdjustmentRequest, response: { 200: AdjustmentStepResult } },
      },
      async (request) => submitAdjustment(deps, contextOf(request), request.params.id, request.body),
    );

    app.post(
      '/api/adjustments/:id/decision',
      {
        schema: {
          tags,
          summary: '审核调整申请：部门审核通过或退回，财政审批通过、退回或不予批准（退回、不予批准须填写意见）',
          params: IdParams,
          body: AdjustmentDecisionRequest,
          response: { 200: AdjustmentStepResult },
        },
      },
      async (request) => decideAdjustment(deps, contextOf(request), request.params.id, request.body),
    );

    app.get(
      '/api/declarations/:id/versions',
      {
        schema: {
          tags,
          summary: '申报表的批复版本（第 1 版批复，之后各版为调整）及未办结的调整申请',
          params: IdParams,
          response: { 200: DeclarationVersionList },
        },
      },
      async (request) => service.declarationVersions(deps, contextOf(request), request.params.id),
    );
  };
