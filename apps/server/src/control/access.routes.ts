import { ControlAccess, ControlAccessQuery } from '@jixiao/contract';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Deps } from '../context.ts';
import { contextOf } from '../http/session-plugin.ts';
import { controlAccess } from './control-access.ts';

export const controlAccessRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/control/access',
      {
        schema: {
          tags: ['control'],
          summary: '本单位可新建或办理的内部控制事项（按岗位）',
          querystring: ControlAccessQuery,
          response: { 200: ControlAccess },
        },
      },
      async (request) => controlAccess(deps.db, contextOf(request), request.query.organisationId),
    );
  };
