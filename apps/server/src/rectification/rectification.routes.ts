import {
  Created,
  IssueRectification,
  ListRectificationsQuery,
  RectificationDetail,
  RectificationFeedbackRequest,
  RectificationList,
  RectificationStepResult,
  RectificationVerifyRequest,
  Uuid,
} from '@jixiao/contract';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../context.ts';
import { contextOf } from '../http/session-plugin.ts';
import { issueRectification } from './commands/issue-rectification.ts';
import { submitFeedback } from './commands/submit-feedback.ts';
import { verifyRectification } from './commands/verify-rectification.ts';
import * as service from './rectification.service.ts';

const IdParams = z.object({ id: Uuid });

/** 整改 (docs/finance-bureau.md "整改"): notices, the unit's feedback, the verification. */
export const rectificationRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['rectification'];

    app.get(
      '/api/rectifications',
      {
        schema: {
          tags,
          summary: '整改事项列表（按权限范围；可按年度、状态、单位、是否逾期筛选）',
          querystring: ListRectificationsQuery,
          response: { 200: RectificationList },
        },
      },
      async (request) => service.listRectifications(deps, contextOf(request), request.query),
    );

    app.post(
      '/api/rectifications',
      { schema: { tags, summary: '下发整改通知（同一事项未销号前不能重复通知）', body: IssueRectification, response: { 201: Created } } },
      async (request, reply) => {
        const created = await issueRectification(deps, contextOf(request), request.body);
        return reply.status(201).send({ id: created.id });
      },
    );

    app.get(
      '/api/rectifications/:id',
      {
        schema: {
          tags,
          summary: '整改事项详情（要求、经过、当前用户可执行的操作）',
          params: IdParams,
          response: { 200: RectificationDetail },
        },
      },
      async (request) => service.getRectificationDetail(deps, contextOf(request), request.params.id),
    );

    app.post(
      '/api/rectifications/:id/feedback',
      {
        schema: {
          tags,
          summary: '整改单位提交整改反馈（情况说明与佐证材料）',
          params: IdParams,
          body: RectificationFeedbackRequest,
          response: { 200: RectificationStepResult },
        },
      },
      async (request) => submitFeedback(deps, contextOf(request), request.params.id, request.body),
    );

    app.post(
      '/api/rectifications/:id/verification',
      {
        schema: {
          tags,
          summary: '核验整改反馈：销号或退回重新整改（须填写意见）',
          params: IdParams,
          body: RectificationVerifyRequest,
          response: { 200: RectificationStepResult },
        },
      },
      async (request) => verifyRectification(deps, contextOf(request), request.params.id, request.body),
    );
  };
