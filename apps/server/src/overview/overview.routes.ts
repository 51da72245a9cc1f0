import { EvaluationRollup, Overview, OverviewQuery, Uuid } from '@jixiao/contract';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../context.ts';
import { contextOf } from '../http/session-plugin.ts';
import * as service from './overview.service.ts';
import { getRollup } from './rollup.service.ts';

/** 总览 (docs/finance-bureau.md "Overview"): a fiscal year over the departments in the reader's reach. */
export const overviewRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/overview',
      {
        schema: {
          tags: ['overview'],
          summary: '总览：按年度、部门和关键词查看提交进度、覆盖率、得分分布、排名、执行率与自评分散点和异常清单',
          querystring: OverviewQuery,
          response: { 200: Overview },
        },
      },
      async (request) => service.getOverview(deps, contextOf(request), request.query),
    );
    app.get(
      '/api/evaluations/:id/rollup',
      {
        schema: {
          tags: ['overview'],
          summary: '部门整体支出绩效自评的汇总：下属单位和项目的自评得分、预算及按预算加权的汇总分（仅供参考，不替代按规则计算的得分）',
          params: z.object({ id: Uuid }),
          response: { 200: EvaluationRollup },
        },
      },
      async (request) => getRollup(deps, contextOf(request), request.params.id),
    );
  };
