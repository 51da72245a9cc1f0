import { Created, DecideResult, ListResultsQuery, ResultList, Uuid } from '@jixiao/contract';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../context.ts';
import { contextOf } from '../http/session-plugin.ts';
import { decideResult } from './commands/decide-result.ts';
import { listResults } from './results.service.ts';

const EvaluationParams = z.object({ evaluationId: Uuid });

/** 结果应用 (docs/finance-bureau.md "结果应用"): each result's suggestion for next year's budget, and the bureau's decision. */
export const resultsRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['results'];

    app.get(
      '/api/results',
      {
        schema: {
          tags,
          summary: '结果应用：年度经财政审核的项目自评结果、下一年度预算安排建议与财政决定（可按部门、等级筛选）',
          querystring: ListResultsQuery,
          response: { 200: ResultList },
        },
      },
      async (request) => listResults(deps, contextOf(request), request.query),
    );

    app.post(
      '/api/results/:evaluationId/decision',
      {
        schema: {
          tags,
          summary: '财政局作出结果应用决定（采纳建议或调整；与建议不同时须说明理由；每个项目每年一次）',
          params: EvaluationParams,
          body: DecideResult,
          response: { 201: Created },
        },
      },
      async (request, reply) => {
        const created = await decideResult(deps, contextOf(request), request.params.evaluationId, request.body);
        return reply.status(201).send({ id: created.id });
      },
    );
  };
