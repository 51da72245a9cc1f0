import { TaskList } from '@jixiao/contract';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Deps } from '../context.ts';
import { contextOf } from '../http/session-plugin.ts';
import { findTasks } from './tasks.service.ts';

export const taskRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/tasks',
      { schema: { tags: ['tasks'], summary: '工作台：我的待办与截止日期', response: { 200: TaskList } } },
      async (request) => ({
        items: await findTasks(deps, contextOf(request)),
      }),
    );
  };
