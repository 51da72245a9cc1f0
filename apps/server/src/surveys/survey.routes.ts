import {
  CreateCodes,
  Created,
  ExcludeResponse,
  Ok,
  PaperResponse,
  SamplePlanAnswer,
  SamplePlanQuery,
  SaveSurvey,
  SurveyCodeList,
  SurveyDetail,
  SurveyListQuery,
  SurveyResponseList,
  SurveyResults,
  SurveySummary,
  UpdateSurvey,
  Uuid,
} from '@jixiao/contract';
import { surveys as core } from '@jixiao/core';
import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../context.ts';
import { contentDisposition } from '../http/content-disposition.ts';
import { contextOf } from '../http/session-plugin.ts';
import * as service from './survey.service.ts';
import { enterPaper } from './survey-answer.ts';
import { computePlan } from './survey-plan.ts';
import { exportCodes, exportResponses, getResults } from './survey-results.ts';

const IdParams = z.object({ id: Uuid });
const ResponseParams = IdParams.extend({ responseId: Uuid });
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const fractionText = (value: { num: bigint; den: bigint }) => {
  // Four decimals, for showing n₀ and n while planning (the plan itself rounds up exactly).
  const scaled = (value.num * 10_000n * 2n + value.den) / (2n * value.den);
  return `${scaled / 10_000n}.${(scaled % 10_000n).toString().padStart(4, '0')}`;
};

/** 满意度调查 for staff: design, plan, codes, responses, results and exports (docs/surveys.md). */
export const surveyRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['surveys'];
    const send = (reply: FastifyReply, file: { bytes: Uint8Array; filename: string }) =>
      reply.type(XLSX).header('content-disposition', contentDisposition(file.filename)).send(Buffer.from(file.bytes));

    app.get(
      '/api/surveys/sample-plan',
      {
        schema: {
          tags,
          summary: '按总体数、置信度、误差和预计回收率计算计划样本量',
          querystring: SamplePlanQuery,
          response: { 200: SamplePlanAnswer },
        },
      },
      async (request) => {
        const plan = computePlan({ ...request.query, population: request.query.population ?? null }, 'manual', 'query');
        const exact = core.planSample({
          population: plan.population ?? undefined,
          confidence: plan.confidence,
          margin: { num: BigInt(plan.marginBasisPoints), den: 10_000n },
          responseRate: { num: BigInt(plan.responseRateBasisPoints), den: 10_000n },
        });
        return {
          required: plan.required,
          invitations: plan.invitations,
          census: plan.census,
          n0: fractionText(exact.n0),
          n: fractionText(exact.n),
        };
      },
    );
    app.get(
      '/api/surveys',
      {
        schema: {
          tags,
          summary: '满意度调查列表',
          querystring: SurveyListQuery,
          response: { 200: z.object({ items: z.array(SurveySummary) }) },
        },
      },
      async (request) => ({ items: await service.listSurveys(deps, contextOf(request), request.query) }),
    );
    app.post(
      '/api/surveys',
      { schema: { tags, summary: '新建满意度调查（问卷、样本计划、调查时间、关联指标）', body: SaveSurvey, response: { 201: Created } } },
      async (request, reply) => reply.status(201).send(await service.createSurvey(deps, contextOf(request), request.body)),
    );
    app.get(
      '/api/surveys/:id',
      { schema: { tags, summary: '满意度调查详情', params: IdParams, response: { 200: SurveyDetail } } },
      async (request) => service.getSurvey(deps, contextOf(request), request.params.id),
    );
    app.put(
      '/api/surveys/:id',
      {
        schema: {
          tags,
          summary: '修改满意度调查（收到答卷后题目不能再改）',
          params: IdParams,
          body: UpdateSurvey,
          response: { 200: SurveyDetail },
        },
      },
      async (request) => {
        const ctx = contextOf(request);
        await service.updateSurvey(deps, ctx, request.params.id, request.body);
        return service.getSurvey(deps, ctx, request.params.id);
      },
    );
    app.post(
      '/api/surveys/:id/codes',
      { schema: { tags, summary: '生成一次性邀请码', params: IdParams, body: CreateCodes, response: { 200: Ok } } },
      async (request) => {
        await service.createCodes(deps, contextOf(request), request.params.id, request.body.count);
        return { ok: true as const };
      },
    );
    app.get(
      '/api/surveys/:id/codes',
      { schema: { tags, summary: '邀请码列表', params: IdParams, response: { 200: SurveyCodeList } } },
      async (request) => ({ items: await service.listCodes(deps, contextOf(request), request.params.id) }),
    );
    app.get(
      '/api/surveys/:id/codes.xlsx',
      { schema: { tags, summary: '下载邀请码清单（.xlsx，可打印）', params: IdParams } },
      async (request, reply) => {
        const survey = await service.getSurvey(deps, contextOf(request), request.params.id);
        const link = `${request.protocol}://${request.host}/s/${survey.slug}`;
        return send(reply, await exportCodes(deps, contextOf(request), request.params.id, link));
      },
    );
    app.get(
      '/api/surveys/:id/responses',
      { schema: { tags, summary: '答卷列表（含复核提示与排除记录）', params: IdParams, response: { 200: SurveyResponseList } } },
      async (request) => ({ items: await service.listResponses(deps, contextOf(request), request.params.id) }),
    );
    app.post(
      '/api/surveys/:id/responses',
      { schema: { tags, summary: '录入纸质问卷（标记为纸质）', params: IdParams, body: PaperResponse, response: { 201: Created } } },
      async (request, reply) => reply.status(201).send(await enterPaper(deps, contextOf(request), request.params.id, request.body)),
    );
    app.post(
      '/api/surveys/:id/responses/:responseId/exclude',
      {
        schema: {
          tags,
          summary: '排除一份答卷（须说明理由，记入审计日志；答卷内容不变）',
          params: ResponseParams,
          body: ExcludeResponse,
          response: { 200: Ok },
        },
      },
      async (request) => {
        await service.excludeResponse(deps, contextOf(request), request.params.id, request.params.responseId, request.body.reason);
        return { ok: true as const };
      },
    );
    app.post(
      '/api/surveys/:id/responses/:responseId/keep',
      {
        schema: {
          tags,
          summary: '复核后保留一份有提示的答卷（记入审计日志；答卷内容与提示不变）',
          params: ResponseParams,
          response: { 200: Ok },
        },
      },
      async (request) => {
        await service.keepResponse(deps, contextOf(request), request.params.id, request.params.responseId);
        return { ok: true as const };
      },
    );
    app.get(
      '/api/surveys/:id/results',
      {
        schema: {
          tags,
          summary: '调查结果：满意度、满意率、各题统计、有效样本与误差、回收进度',
          params: IdParams,
          response: { 200: SurveyResults },
        },
      },
      async (request) => getResults(deps, contextOf(request), request.params.id),
    );
    app.get(
      '/api/surveys/:id/responses.xlsx',
      { schema: { tags, summary: '导出全部答卷（.xlsx）', params: IdParams } },
      async (request, reply) => send(reply, await exportResponses(deps, contextOf(request), request.params.id)),
    );
  };
