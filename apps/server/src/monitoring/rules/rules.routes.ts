import { MonitoringRuleSet, MonitoringRuleSetQuery, MonitoringRuleSets, SaveMonitoringRuleSet } from '@jixiao/contract';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Deps } from '../../context.ts';
import { contextOf } from '../../http/session-plugin.ts';
import * as service from './rules.service.ts';

export const monitoringRuleRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['monitoring'];
    app.get(
      '/api/monitoring/rule-sets',
      {
        schema: {
          tags,
          summary: '监控预警规则表：某地区某年度生效的规则、已保存的各版本和两种预设的默认值',
          querystring: MonitoringRuleSetQuery,
          response: { 200: MonitoringRuleSets },
        },
      },
      async (request) => service.listRuleSets(deps, contextOf(request), request.query),
    );
    app.put(
      '/api/monitoring/rule-sets',
      {
        schema: {
          tags,
          summary: '保存监控预警规则表的新版本（财政局系统管理员）',
          body: SaveMonitoringRuleSet,
          response: { 200: MonitoringRuleSet },
        },
      },
      async (request) => service.saveRuleSet(deps, contextOf(request), request.body),
    );
  };
