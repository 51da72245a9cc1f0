import {
  CompleteRereview,
  Created,
  CreateRereview,
  Ok,
  RereviewDetail,
  RereviewListQuery,
  RereviewPreview,
  RereviewPreviewAnswer,
  RereviewSampleDetail,
  RereviewSummary,
  RereviewVersion,
  SaveRescores,
  UpdateRereviewSample,
  Uuid,
} from '@jixiao/contract';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../context.ts';
import { contextOf } from '../http/session-plugin.ts';
import * as service from './rereview.service.ts';

const IdParams = z.object({ id: Uuid });
const SampleParams = IdParams.extend({ sampleId: Uuid });

/** 抽查复核: the finance bureau's sampled re-review of self-evaluations (docs/finance-bureau.md). */
export const rereviewRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['rereviews'];
    app.post(
      '/api/rereviews/preview',
      {
        schema: { tags, summary: '按抽样规则预览样本（不保存）', body: RereviewPreview, response: { 200: RereviewPreviewAnswer } },
      },
      async (request) => service.previewRound(deps, contextOf(request), request.body),
    );
    app.get(
      '/api/rereviews',
      {
        schema: {
          tags,
          summary: '抽查复核批次列表',
          querystring: RereviewListQuery,
          response: { 200: z.object({ items: z.array(RereviewSummary) }) },
        },
      },
      async (request) => ({ items: await service.listRounds(deps, contextOf(request), request.query) }),
    );
    app.post(
      '/api/rereviews',
      { schema: { tags, summary: '新建抽查复核批次（按规则和种子抽取样本）', body: CreateRereview, response: { 201: Created } } },
      async (request, reply) => reply.code(201).send(await service.createRound(deps, contextOf(request), request.body)),
    );
    app.get(
      '/api/rereviews/:id',
      { schema: { tags, summary: '抽查复核批次：规则、样本、结果', params: IdParams, response: { 200: RereviewDetail } } },
      async (request) => service.getRound(deps, contextOf(request), request.params.id),
    );
    app.put(
      '/api/rereviews/:id/sample',
      {
        schema: { tags, summary: '手工增加或剔除样本（确认前）', params: IdParams, body: UpdateRereviewSample, response: { 200: Ok } },
      },
      async (request) => {
        await service.updateSample(deps, contextOf(request), request.params.id, request.body);
        return { ok: true as const };
      },
    );
    app.post(
      '/api/rereviews/:id/confirm',
      { schema: { tags, summary: '确认样本，开始复核', params: IdParams, body: RereviewVersion, response: { 200: Ok } } },
      async (request) => {
        await service.confirmRound(deps, contextOf(request), request.params.id, request.body.version);
        return { ok: true as const };
      },
    );
    app.post(
      '/api/rereviews/:id/publish',
      { schema: { tags, summary: '公开抽查复核结果', params: IdParams, body: RereviewVersion, response: { 200: Ok } } },
      async (request) => {
        await service.publishRound(deps, contextOf(request), request.params.id, request.body.version);
        return { ok: true as const };
      },
    );
    app.get(
      '/api/rereviews/:id/samples/:sampleId',
      { schema: { tags, summary: '抽查自评的复核评分表', params: SampleParams, response: { 200: RereviewSampleDetail } } },
      async (request) => service.getSample(deps, contextOf(request), request.params.id, request.params.sampleId),
    );
    app.put(
      '/api/rereviews/:id/samples/:sampleId/scores',
      {
        schema: {
          tags,
          summary: '保存复核评分（与自评分不同须填写理由）',
          params: SampleParams,
          body: SaveRescores,
          response: { 200: Ok },
        },
      },
      async (request) => {
        await service.saveScores(deps, contextOf(request), request.params.id, request.params.sampleId, request.body);
        return { ok: true as const };
      },
    );
    app.post(
      '/api/rereviews/:id/samples/:sampleId/complete',
      { schema: { tags, summary: '完成复核（须填写复核意见）', params: SampleParams, body: CompleteRereview, response: { 200: Ok } } },
      async (request) => {
        await service.completeSample(deps, contextOf(request), request.params.id, request.params.sampleId, request.body);
        return { ok: true as const };
      },
    );
  };
