import {
  AcceptMilestone,
  ContractDetail,
  ContractList,
  ContractQuery,
  CreateContract,
  DecideClosure,
  RequestClosure,
  Uuid,
} from '@jixiao/contract';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../context.ts';
import { contextOf } from '../../http/session-plugin.ts';
import { acceptMilestone } from './accept-milestone.ts';
import { createContract, getContractDetail, listContracts } from './contract.service.ts';
import { decideContractClosure, requestContractClosure } from './contract-closure.commands.ts';

const IdParams = z.object({ id: Uuid });
const MilestoneParams = z.object({ id: Uuid, milestoneId: Uuid });
const Created = z.object({ id: Uuid });
const Accepted = z.object({ contract: ContractDetail, assetIds: z.array(Uuid) });
const ClosureParams = z.object({ id: Uuid, closureId: Uuid });

export const contractRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['contracts'];

    app.get(
      '/api/contracts',
      { schema: { tags, summary: '合同列表：验收、已付与占用金额', querystring: ContractQuery, response: { 200: ContractList } } },
      async (request) => ({ items: await listContracts(deps, contextOf(request), request.query) }),
    );

    app.get(
      '/api/contracts/:id',
      { schema: { tags, summary: '合同详情：里程碑、验收、按状态汇总的支付', params: IdParams, response: { 200: ContractDetail } } },
      async (request) => getContractDetail(deps, contextOf(request), request.params.id),
    );

    app.post(
      '/api/contracts',
      {
        schema: {
          tags,
          summary: '登记合同（经办人或审批人，即签订人）：里程碑合计须等于合同金额；依采购签订须与成交结果一致',
          body: CreateContract,
          response: { 201: Created },
        },
      },
      async (request, reply) => reply.status(201).send({ id: (await createContract(deps, contextOf(request), request.body)).id }),
    );

    app.post(
      '/api/contracts/:id/milestones/:milestoneId/accept',
      {
        schema: {
          tags,
          summary: '里程碑验收（本单位人员，不得为合同签订人）；货物可同时登记资产卡片（保管人不得为验收人）',
          params: MilestoneParams,
          body: AcceptMilestone,
          response: { 200: Accepted },
        },
      },
      async (request) => {
        const ctx = contextOf(request);
        const { assets } = await acceptMilestone(deps, ctx, request.params.id, request.params.milestoneId, request.body);
        return { contract: await getContractDetail(deps, ctx, request.params.id), assetIds: assets.map((asset) => asset.id) };
      },
    );

    app.post(
      '/api/contracts/:id/closures',
      {
        schema: {
          tags,
          summary: '申请合同结清或终止（经办人或审批人），须说明理由；在办支付须先办结，结清须全部验收',
          params: IdParams,
          body: RequestClosure,
          response: { 201: ContractDetail },
        },
      },
      async (request, reply) => {
        const ctx = contextOf(request);
        await requestContractClosure(deps, ctx, request.params.id, request.body);
        return reply.status(201).send(await getContractDetail(deps, ctx, request.params.id));
      },
    );

    app.post(
      '/api/contracts/:id/closures/:closureId/decision',
      {
        schema: {
          tags,
          summary: '审批合同结清或终止（审批人或部门负责人，不得为申请人）；批准后合同关闭，未支付的余额不再占用预算指标',
          params: ClosureParams,
          body: DecideClosure,
          response: { 200: ContractDetail },
        },
      },
      async (request) => {
        const ctx = contextOf(request);
        await decideContractClosure(deps, ctx, request.params.id, request.params.closureId, request.body);
        return getContractDetail(deps, ctx, request.params.id);
      },
    );
  };
