import { and, count, desc, eq, isNull, type SQL } from 'drizzle-orm';
import type { Queryable } from '../db/connect.ts';
import { notifications } from '../db/schema.ts';

export type NotificationRow = typeof notifications.$inferSelect;

export async function insertNotifications(db: Queryable, rows: (typeof notifications.$inferInsert)[]): Promise<void> {
  if (rows.length > 0) await db.insert(notifications).values(rows);
}

export async function findNotifications(
  db: Queryable,
  recipientId: string,
  filter: { unread: boolean; limit: number },
): Promise<{ rows: NotificationRow[]; unread: number }> {
  const conditions: SQL[] = [eq(notifications.recipientId, recipientId)];
  if (filter.unread) conditions.push(isNull(notifications.readAt));
  const [rows, [unread]] = await Promise.all([
    db
      .select()
      .from(notifications)
      .where(and(...conditions))
      .orderBy(desc(notifications.createdAt), desc(notifications.id))
      .limit(filter.limit),
    db
      .select({ value: count() })
      .from(notifications)
      .where(and(eq(notifications.recipientId, recipientId), isNull(notifications.readAt))),
  ]);
  return { rows, unread: Number(unread?.value ?? 0) };
}

/** Marks the recipient's unread notifications read (one, or all when `id` is absent); answers how many changed. */
export async function markRead(db: Queryable, recipientId: string, at: Date, id?: string): Promise<number> {
  const conditions: SQL[] = [eq(notifications.recipientId, recipientId), isNull(notifications.readAt)];
  if (id) conditions.push(eq(notifications.id, id));
  const rows = await db
    .update(notifications)
    .set({ readAt: at })
    .where(and(...conditions))
    .returning({ id: notifications.id });
  return rows.length;
}

export async function getNotification(db: Queryable, id: string): Promise<NotificationRow | undefined> {
  const [row] = await db.select().from(notifications).where(eq(notifications.id, id));
  return row;
}
