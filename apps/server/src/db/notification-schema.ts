import { index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from './schema.ts';

/** What a notification tells its recipient about; the web app labels each kind. */
export type NotificationKindColumn =
  | 'evaluation.returned'
  | 'evaluation.approved'
  | 'evaluation.published'
  | 'evaluation.withdrawn'
  | 'declaration.returned'
  | 'declaration.approved'
  | 'payment.rejected'
  | 'payment.approved'
  | 'payment.paid';

/**
 * 消息通知: one row per recipient, written by `notify` in the transaction of the step it reports, so a
 * step that rolls back leaves no message behind. `readAt` is null until the recipient opens or dismisses it.
 */
export const notifications = pgTable(
  'notifications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    recipientId: uuid('recipient_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    kind: text('kind').$type<NotificationKindColumn>().notNull(),
    title: text('title').notNull(),
    /** The opinion or reason the step carried (退回意见, 驳回理由), when there is one. */
    body: text('body'),
    /** Where the record opens in the web app (a path inside the app). */
    link: text('link').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    readAt: timestamp('read_at', { withTimezone: true }),
  },
  (table) => [index('notifications_recipient_idx').on(table.recipientId, table.createdAt)],
);
