import { LibraryList } from '@jixiao/contract';
import { asc, eq } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../context.ts';
import { indicatorLibrary } from '../db/schema.ts';

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
      async (request) => {
        const category = request.query.category;
        const rows = await deps.db
          .select()
          .from(indicatorLibrary)
          .where(category ? eq(indicatorLibrary.category, category) : undefined)
          .orderBy(asc(indicatorLibrary.category), asc(indicatorLibrary.level1), asc(indicatorLibrary.level2));
        return { items: rows.map((row) => ({ ...row, level1: row.level1 as 'output' | 'effect' | 'satisfaction' })) };
      },
    );
  };
