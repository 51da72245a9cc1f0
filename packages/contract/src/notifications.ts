import { z } from 'zod';
import { Int32, Uuid } from './common.ts';

/**
 * 消息通知: what happened to a record of mine (returned, approved, rejected, paid, published, withdrawn).
 * Each kind has a Chinese and an English label in the web app.
 */
export const NOTIFICATION_KINDS = [
  'evaluation.returned',
  'evaluation.approved',
  'evaluation.published',
  'evaluation.withdrawn',
  'declaration.returned',
  'declaration.approved',
  'payment.rejected',
  'payment.approved',
  'payment.paid',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export const Notification = z.object({
  id: Uuid,
  kind: z.enum(NOTIFICATION_KINDS),
  /** Names the record and what happened to it, in Chinese (支付申请 · 收款人 · 金额 已驳回). */
  title: z.string(),
  /** The opinion or reason the step carried, if any. */
  body: z.string().nullable(),
  /** The record's page in the web app. */
  link: z.string(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});
export type Notification = z.infer<typeof Notification>;

export const NotificationQuery = z.object({
  unread: z.enum(['true', 'false']).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(30),
});

export const NotificationList = z.object({ items: z.array(Notification), unread: Int32 });
export type NotificationList = z.infer<typeof NotificationList>;

export const NotificationsRead = z.object({ updated: Int32 });
