import { PublicSettingsView, UpdatePublicSettings, Uuid } from '@jixiao/contract';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../context.ts';
import { contextOf } from '../http/session-plugin.ts';
import { getPublicSettings, updatePublicSettings } from './public-settings.service.ts';

const Params = z.object({ organisationId: Uuid });

/** 公开设置 (docs/finance-bureau.md §公开): what a department's public pages show beyond the published reports. */
export const publicSettingsRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['public'];
    app.get(
      '/api/public-settings/:organisationId',
      {
        schema: {
          tags,
          summary: '部门的公开设置（是否在公开页显示填报人联系电话；默认不显示）',
          params: Params,
          response: { 200: PublicSettingsView },
        },
      },
      async (request) => getPublicSettings(deps, contextOf(request), request.params.organisationId),
    );
    app.put(
      '/api/public-settings/:organisationId',
      {
        schema: {
          tags,
          summary: '修改部门的公开设置（本部门的部门审核人、部门负责人或管理员；记入审计日志）',
          params: Params,
          body: UpdatePublicSettings,
          response: { 200: PublicSettingsView },
        },
      },
      async (request) => updatePublicSettings(deps, contextOf(request), request.params.organisationId, request.body),
    );
  };
