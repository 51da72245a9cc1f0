import { DrillDown, DrillQuery, LedgerOverview, LedgerQuery, Rollup, RollupQuery } from '@jixiao/contract';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Deps } from '../../context.ts';
import { contextOf } from '../../http/session-plugin.ts';
import { drillDown, ledgerOverview, ledgerRollup } from './ledger.service.ts';

export const ledgerRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['ledger'];
    app.get(
      '/api/ledger',
      {
        schema: {
          tags,
          summary: '台账指标：执行率、支出进度、结转结余率、调整率、采购执行率、及时足额率、成本控制率、12月支付占比',
          querystring: LedgerQuery,
          response: { 200: LedgerOverview },
        },
      },
      async (request) => ledgerOverview(deps, contextOf(request), request.query),
    );
    app.get(
      '/api/ledger/drill',
      {
        schema: {
          tags,
          summary: '指标钻取：分子或分母由哪些记录构成',
          querystring: DrillQuery,
          response: { 200: DrillDown },
        },
      },
      async (request) => drillDown(deps, contextOf(request), request.query),
    );
    app.get(
      '/api/ledger/rollup',
      { schema: { tags, summary: '按单位、按月的支付汇总', querystring: RollupQuery, response: { 200: Rollup } } },
      async (request) => ({
        rows: await ledgerRollup(deps, contextOf(request), request.query.fiscalYear),
      }),
    );
  };
