import {
  CreateFollowUp,
  CreateGrant,
  CreateRecipient,
  GrantDetail,
  GrantList,
  GrantQuery,
  GrantSummary,
  OverdueList,
  OverdueQuery,
  RecipientList,
  RecipientQuery,
  RecordFollowUp,
  SummaryQuery,
  Uuid,
} from '@jixiao/contract';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../context.ts';
import { contextOf } from '../../http/session-plugin.ts';
import { createFollowUp, listOverdueFollowUps, recordFollowUpResult } from './follow-up.service.ts';
import { createGrant, getGrantDetail, listGrants, summariseGrants } from './grant.service.ts';
import { createRecipient, listRecipients } from './recipient.service.ts';

const IdParams = z.object({ id: Uuid });
const Created = z.object({ id: Uuid });

export const subsidyRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['subsidies'];

    app.get(
      '/api/subsidies/recipients',
      {
        schema: {
          tags,
          summary: '补贴对象（按名称或统一社会信用代码查找）',
          querystring: RecipientQuery,
          response: { 200: RecipientList },
        },
      },
      async (request) => ({ items: await listRecipients(deps, contextOf(request), request.query.q) }),
    );

    app.post(
      '/api/subsidies/recipients',
      {
        schema: {
          tags,
          summary: '登记补贴对象（经办人）：统一社会信用代码校验，不得重复',
          body: CreateRecipient,
          response: { 201: Created },
        },
      },
      async (request, reply) => reply.status(201).send({ id: (await createRecipient(deps, contextOf(request), request.body)).id }),
    );

    app.get(
      '/api/subsidies/grants',
      { schema: { tags, summary: '补贴发放：金额、已付、跟踪检查情况', querystring: GrantQuery, response: { 200: GrantList } } },
      async (request) => ({ items: await listGrants(deps, contextOf(request), request.query) }),
    );

    app.get(
      '/api/subsidies/grants/:id',
      { schema: { tags, summary: '补贴详情与跟踪检查', params: IdParams, response: { 200: GrantDetail } } },
      async (request) => getGrantDetail(deps, contextOf(request), request.params.id),
    );

    app.post(
      '/api/subsidies/grants',
      { schema: { tags, summary: '登记补贴（经办人）：列支项目支出，不超过可用余额', body: CreateGrant, response: { 201: Created } } },
      async (request, reply) => reply.status(201).send({ id: (await createGrant(deps, contextOf(request), request.body)).id }),
    );

    app.get(
      '/api/subsidies/summary',
      {
        schema: {
          tags,
          summary: '补贴汇总：批准、已付、跟踪检查完成、逾期与异常',
          querystring: SummaryQuery,
          response: { 200: GrantSummary },
        },
      },
      async (request) => summariseGrants(deps, contextOf(request), request.query),
    );

    app.post(
      '/api/subsidies/grants/:id/follow-ups',
      { schema: { tags, summary: '安排事后跟踪检查', params: IdParams, body: CreateFollowUp, response: { 201: Created } } },
      async (request, reply) =>
        reply.status(201).send({ id: (await createFollowUp(deps, contextOf(request), request.params.id, request.body)).id }),
    );

    app.post(
      '/api/subsidies/follow-ups/:id/result',
      {
        schema: {
          tags,
          summary: '登记跟踪检查结果（检查人为当前用户）',
          params: IdParams,
          body: RecordFollowUp,
          response: { 200: GrantDetail },
        },
      },
      async (request) => {
        const ctx = contextOf(request);
        const recorded = await recordFollowUpResult(deps, ctx, request.params.id, request.body);
        return getGrantDetail(deps, ctx, recorded.grantId);
      },
    );

    app.get(
      '/api/subsidies/follow-ups/overdue',
      { schema: { tags, summary: '逾期未做的跟踪检查（供预警）', querystring: OverdueQuery, response: { 200: OverdueList } } },
      async (request) => listOverdueFollowUps(deps, contextOf(request), request.query),
    );
  };
