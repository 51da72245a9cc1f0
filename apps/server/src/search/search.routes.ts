import { SearchQuery, SearchResults } from '@jixiao/contract';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Deps } from '../context.ts';
import { contextOf } from '../http/session-plugin.ts';
import * as service from './search.service.ts';

export const searchRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/search',
      {
        schema: {
          tags: ['search'],
          summary: '全局搜索：按项目名称或编码、单位、收款人、合同名称或供应商查找自评、申报表、支付申请和合同（仅限有权查看的记录）',
          querystring: SearchQuery,
          response: { 200: SearchResults },
        },
      },
      async (request) => service.search(deps, contextOf(request), request.query),
    );
  };
