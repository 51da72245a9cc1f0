import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Deps } from '../../context.ts';

export const ledgerImportRoutes =
  (_deps: Deps): FastifyPluginAsyncZod =>
  async (_app) => {};
