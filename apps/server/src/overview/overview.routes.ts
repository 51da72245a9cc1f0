import { Overview, OverviewQuery } from '@jixiao/contract';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Deps } from '../context.ts';
import { contextOf } from '../http/session-plugin.ts';
import * as service from './overview.service.ts';

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
  };
