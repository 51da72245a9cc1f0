import {
  AssetDetail,
  AssetList,
  AssetQuery,
  CreateAssetCards,
  CreateStocktake,
  DecideDisposal,
  Int32,
  RequestDisposal,
  StocktakeDetail,
  StocktakeList,
  StocktakeQuery,
  UpdateAsset,
  Uuid,
} from '@jixiao/contract';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../context.ts';
import { contextOf } from '../../http/session-plugin.ts';
import { createAssetCards, getAssetDetail, listAssets, updateAsset } from './asset.service.ts';
import { decideDisposal, requestDisposal } from './disposal.commands.ts';
import { createStocktake, getStocktakeDetail, listStocktakes } from './stocktake.service.ts';

const IdParams = z.object({ id: Uuid });
const DisposalParams = z.object({ id: Uuid, disposalId: Uuid });
const Created = z.object({ id: Uuid });
const CreatedCards = z.object({ ids: z.array(Uuid) });
const CreatedStocktake = z.object({ id: Uuid, differenceCount: Int32 });

export const assetRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['assets'];

    app.get(
      '/api/assets',
      { schema: { tags, summary: '资产卡片列表', querystring: AssetQuery, response: { 200: AssetList } } },
      async (request) => ({ items: await listAssets(deps, contextOf(request), request.query) }),
    );

    app.get(
      '/api/assets/:id',
      { schema: { tags, summary: '资产卡片详情：盘点记录与处置', params: IdParams, response: { 200: AssetDetail } } },
      async (request) => getAssetDetail(deps, contextOf(request), request.params.id),
    );

    app.post(
      '/api/assets',
      {
        schema: {
          tags,
          summary: '由已验收的里程碑登记资产卡片（资产管理员；保管人不得为验收人）',
          body: CreateAssetCards,
          response: { 201: CreatedCards },
        },
      },
      async (request, reply) => {
        const rows = await createAssetCards(deps, contextOf(request), request.body);
        return reply.status(201).send({ ids: rows.map((row) => row.id) });
      },
    );

    app.patch(
      '/api/assets/:id',
      {
        schema: {
          tags,
          summary: '变更保管人或存放地点（资产管理员）',
          params: IdParams,
          body: UpdateAsset,
          response: { 200: AssetDetail },
        },
      },
      async (request) => {
        const ctx = contextOf(request);
        await updateAsset(deps, ctx, request.params.id, request.body);
        return getAssetDetail(deps, ctx, request.params.id);
      },
    );

    app.post(
      '/api/assets/:id/disposals',
      {
        schema: {
          tags,
          summary: '申请资产处置（资产管理员或保管人）',
          params: IdParams,
          body: RequestDisposal,
          response: { 201: Created },
        },
      },
      async (request, reply) =>
        reply.status(201).send({ id: (await requestDisposal(deps, contextOf(request), request.params.id, request.body)).id }),
    );

    app.post(
      '/api/assets/:id/disposals/:disposalId/decision',
      {
        schema: {
          tags,
          summary: '审批资产处置（审批人或部门负责人，不得为申请人）',
          params: DisposalParams,
          body: DecideDisposal,
          response: { 200: AssetDetail },
        },
      },
      async (request) => {
        const ctx = contextOf(request);
        await decideDisposal(deps, ctx, request.params.id, request.params.disposalId, request.body);
        return getAssetDetail(deps, ctx, request.params.id);
      },
    );

    app.get(
      '/api/stocktakes',
      { schema: { tags, summary: '资产盘点记录', querystring: StocktakeQuery, response: { 200: StocktakeList } } },
      async (request) => ({ items: await listStocktakes(deps, contextOf(request), request.query) }),
    );

    app.get(
      '/api/stocktakes/:id',
      { schema: { tags, summary: '资产盘点详情：逐项结果与差异', params: IdParams, response: { 200: StocktakeDetail } } },
      async (request) => getStocktakeDetail(deps, contextOf(request), request.params.id),
    );

    app.post(
      '/api/stocktakes',
      {
        schema: {
          tags,
          summary: '登记资产盘点（资产管理员）：记录未找到、存放地点不符等差异',
          body: CreateStocktake,
          response: { 201: CreatedStocktake },
        },
      },
      async (request, reply) => {
        const { stocktake, differenceCount } = await createStocktake(deps, contextOf(request), request.body);
        return reply.status(201).send({ id: stocktake.id, differenceCount });
      },
    );
  };
