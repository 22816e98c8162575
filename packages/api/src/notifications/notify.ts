import type { Transaction } from '@spotter/db';
import { appendEvents } from '../streams/append';
import type { NotificationView } from '../streams/events';
import type { Appended } from '../streams/publish';
import { streamIds } from '../streams/stream-ids';

export type NotificationDraft = {
  userId: string;
  kind: NotificationView['kind'];
  actorId: string;
  channelId?: string | null;
  messageId?: string | null;
};

/**
 * Adds an entry to a user's notification list and announces it on their personal stream, inside the
 * caller's transaction (so it exists exactly when the change that caused it does). The caller
 * publishes the returned events after the commit and must respect appendEvents' lock order: channel
 * streams first, then user streams in id order.
 */
export async function notify(tx: Transaction, draft: NotificationDraft): Promise<Appended> {
  const row = await tx.notification.create({
    data: {
      userId: draft.userId,
      kind: draft.kind,
      actorId: draft.actorId,
      channelId: draft.channelId ?? null,
      messageId: draft.messageId ?? null,
    },
    select: notificationViewSelect,
  });
  const streamId = streamIds.user(draft.userId);
  const events = await appendEvents(tx, streamId, [{ type: 'notification.created', notification: row }]);
  return { streamId, events };
}

/** The columns of a NotificationView, for every query that reads notifications. */
export const notificationViewSelect = {
  id: true,
  kind: true,
  actor: { select: { id: true, username: true, name: true } },
  channelId: true,
  messageId: true,
  createdAt: true,
  readAt: true,
} as const;
