import type { Prisma, Transaction } from '@spotter/db';
import { lockStreams, recordEvents, takeStreamSeqs } from '../streams/append';
import type { NotificationView, StreamEvent } from '../streams/events';
import type { Appended } from '../streams/publish';
import { streamIds } from '../streams/stream-ids';
import { notificationViewSelect, toNotificationView } from './view';

export type NotificationDraft = {
  userId: string;
  kind: NotificationView['kind'];
  actorId: string;
  channelId?: string | null;
  messageId?: string | null;
  workoutId?: string | null;
};

/**
 * Adds an entry to a user's notification list and announces it on their personal stream, inside the
 * caller's transaction (so it exists exactly when the change that caused it does). The caller
 * publishes the returned events after the commit and must respect appendEvents' lock order: channel
 * streams first, then user streams in id order. For a mention or direct message, the message (and
 * its Mention rows) must be written first: the entry shows an excerpt of it.
 */
export async function notify(tx: Transaction, draft: NotificationDraft): Promise<Appended> {
  const row = await tx.notification.create({
    data: {
      userId: draft.userId,
      kind: draft.kind,
      actorId: draft.actorId,
      channelId: draft.channelId ?? null,
      messageId: draft.messageId ?? null,
      workoutId: draft.workoutId ?? null,
    },
    select: notificationViewSelect,
  });
  const streamId = streamIds.user(draft.userId);
  const seq = await takeStreamSeqs(tx, streamId);
  const event: StreamEvent = {
    type: 'notification.created',
    seq,
    notification: toNotificationView(row),
    unreadCount: await countUnread(tx, draft.userId),
  };
  await recordEvents(tx, streamId, [event]);
  return { streamId, events: [event] };
}

/**
 * Removes the user's entries whose cause was undone (kudos taken back, the workout deleted) and tells
 * every device (`notifications.removed`), inside the caller's transaction and lock order as for
 * notify. The user's stream is locked before anything is read, so no entry comes or goes meanwhile,
 * and a seq is taken only when something is removed: the stream stays gapless.
 */
export async function withdraw(
  tx: Transaction,
  userId: string,
  where: Prisma.NotificationWhereInput,
): Promise<Appended[]> {
  await lockStreams(tx, [streamIds.user(userId)]);
  const entries = await tx.notification.findMany({ where: { ...where, userId }, select: { id: true } });
  if (entries.length === 0) return [];
  const ids = entries.map((entry) => entry.id);
  await tx.notification.deleteMany({ where: { id: { in: ids } } });
  const streamId = streamIds.user(userId);
  const seq = await takeStreamSeqs(tx, streamId);
  const event: StreamEvent = {
    type: 'notifications.removed',
    seq,
    ids,
    unreadCount: await countUnread(tx, userId),
  };
  await recordEvents(tx, streamId, [event]);
  return [{ streamId, events: [event] }];
}

/**
 * The user's unread notifications. Call it holding their stream's lock (after takeStreamSeqs): every
 * change of the unread set takes that lock, so the count is exact as of the event's seq.
 */
export async function countUnread(tx: Transaction, userId: string): Promise<number> {
  return tx.notification.count({ where: { userId, readAt: null } });
}
