import { IsoDate, Uuid, YearText } from '@jixiao/contract';
import { control } from '@jixiao/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../context.ts';
import { contextOf } from '../../http/session-plugin.ts';
import { drillDown, ledgerOverview, ledgerRollup } from './ledger.service.ts';

const LedgerQuery = z.object({
  organisationId: Uuid,
  fiscalYear: YearText,
  projectId: Uuid.optional(),
  budgetLineId: Uuid.optional(),
  asOf: IsoDate.optional(),
  costControl: z.enum(['deviation', 'ratio']).optional(),
});

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
          querystring: LedgerQuery.extend({ metric: z.enum(control.LEDGER_METRICS), term: z.enum(['numerator', 'denominator']) }),
        },
      },
      async (request) => drillDown(deps, contextOf(request), request.query),
    );
    app.get(
      '/api/ledger/rollup',
      { schema: { tags, summary: '按单位、按月的支付汇总', querystring: z.object({ fiscalYear: YearText }) } },
      async (request) => ({
        rows: await ledgerRollup(deps, contextOf(request), request.query.fiscalYear),
      }),
    );
  };
