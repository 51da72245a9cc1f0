import type { NotificationKind } from '@jixiao/contract';
import type { Queryable } from '../db/connect.ts';
import { insertNotifications } from './notification.repository.ts';

export interface NotificationMessage {
  readonly kind: NotificationKind;
  /** Names the record and what happened (支付申请 · 收款人 · 金额 已驳回). */
  readonly title: string;
  readonly body?: string | null | undefined;
  /** The record's page in the web app. */
  readonly link: string;
}

/**
 * The one way a step tells people what happened to their record: it is called with the step's own
 * transaction, so the messages commit with the step or not at all (a refused or conflicting step
 * never leaves a message behind). The actor is never told of their own step; each recipient gets one row.
 */
export async function notify(
  tx: Queryable,
  recipients: readonly (string | null | undefined)[],
  message: NotificationMessage,
  actorId?: string,
): Promise<void> {
  const unique = [...new Set(recipients.filter((id): id is string => Boolean(id) && id !== actorId))];
  await insertNotifications(
    tx,
    unique.map((recipientId) => ({
      recipientId,
      kind: message.kind,
      title: message.title,
      body: message.body?.trim() || null,
      link: message.link,
    })),
  );
}
