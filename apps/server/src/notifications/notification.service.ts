import type { NotificationList, NotificationQuery } from '@jixiao/contract';
import type { z } from 'zod';
import type { Deps, RequestContext } from '../context.ts';
import { notFound } from '../errors.ts';
import * as repo from './notification.repository.ts';

/** The signed-in user's notifications, newest first, with the count still unread (the bell's badge). */
export async function listNotifications(
  deps: Deps,
  ctx: RequestContext,
  query: z.infer<typeof NotificationQuery>,
): Promise<NotificationList> {
  const { rows, unread } = await repo.findNotifications(deps.db, ctx.principal.userId, {
    unread: query.unread === 'true',
    limit: query.limit,
  });
  return {
    unread,
    items: rows.map((row) => ({
      id: row.id,
      kind: row.kind,
      title: row.title,
      body: row.body,
      link: row.link,
      createdAt: row.createdAt.toISOString(),
      readAt: row.readAt?.toISOString() ?? null,
    })),
  };
}

/**
 * Marks one notification read. Reading is the recipient's own business, not a change to any record, so it
 * is not audited; someone else's notification answers as a missing one.
 */
export async function readNotification(deps: Deps, ctx: RequestContext, id: string): Promise<{ updated: number }> {
  const row = await repo.getNotification(deps.db, id);
  if (!row || row.recipientId !== ctx.principal.userId) throw notFound('通知');
  return { updated: await repo.markRead(deps.db, ctx.principal.userId, deps.clock(), id) };
}

export async function readAllNotifications(deps: Deps, ctx: RequestContext): Promise<{ updated: number }> {
  return { updated: await repo.markRead(deps.db, ctx.principal.userId, deps.clock()) };
}
