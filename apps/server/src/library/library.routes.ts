import { LibraryList } from '@jixiao/contract';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../context.ts';
import { listLibrary } from './library.service.ts';

export const libraryRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/indicator-library',
      {
        schema: {
          tags: ['library'],
          summary: '指标库：按项目类别的常用指标',
          querystring: z.object({ category: z.string().optional() }),
          response: { 200: LibraryList },
        },
      },
      async (request) => listLibrary(deps, request.query.category),
    );
  };
