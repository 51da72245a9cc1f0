import { NotificationList, NotificationQuery, NotificationsRead, Uuid } from '@jixiao/contract';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../context.ts';
import { contextOf } from '../http/session-plugin.ts';
import * as service from './notification.service.ts';

const IdParams = z.object({ id: Uuid });

/** 消息通知: the signed-in user's own notifications (the bell in the header). */
export const notificationRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['notifications'];
    app.get(
      '/api/notifications',
      {
        schema: {
          tags,
          summary: '我的消息通知（最新在前，附未读数）',
          querystring: NotificationQuery,
          response: { 200: NotificationList },
        },
      },
      async (request) => service.listNotifications(deps, contextOf(request), request.query),
    );
    app.post(
      '/api/notifications/:id/read',
      { schema: { tags, summary: '标记一条通知为已读', params: IdParams, response: { 200: NotificationsRead } } },
      async (request) => service.readNotification(deps, contextOf(request), request.params.id),
    );
    app.post(
      '/api/notifications/read-all',
      { schema: { tags, summary: '全部标记为已读', response: { 200: NotificationsRead } } },
      async (request) => service.readAllNotifications(deps, contextOf(request)),
    );
  };
