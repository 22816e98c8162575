import type { Database } from '@spotter/db';
import { AppError } from '../errors';
import type { NotificationView } from '../streams/events';
import { readHead } from '../streams/read';
import { streamIds } from '../streams/stream-ids';
import { notificationViewSelect, toNotificationView } from './view';

export type NotificationPage = {
  items: NotificationView[];
  /** The id to pass as `cursor` for the next older page; null once the oldest entry is in. */
  nextCursor: string | null;
};

/** A page of the user's notifications, newest first, ending just after `cursor` (an entry's id). */
export async function listNotifications(
  prisma: Database,
  userId: string,
  input: { cursor?: string | undefined; limit: number },
): Promise<NotificationPage> {
  let after = {};
  if (input.cursor) {
    const from = await prisma.notification.findFirst({
      where: { id: input.cursor, userId },
      select: { id: true, createdAt: true },
    });
    if (!from) throw new AppError('NOT_FOUND', 'No such notification: start again without a cursor.');
    after = {
      OR: [{ createdAt: { lt: from.createdAt } }, { createdAt: from.createdAt, id: { lt: from.id } }],
    };
  }
  const rows = await prisma.notification.findMany({
    where: { userId, ...after },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: input.limit + 1,
    select: notificationViewSelect,
  });
  const items = rows.slice(0, input.limit).map(toNotificationView);
  return { items, nextCursor: rows.length > input.limit ? (items.at(-1)?.id ?? null) : null };
}

export type UnreadCount = {
  count: number;
  /**
   * The personal stream's position when counted (read first): a `notification.created` or
   * `notifications.read` event after it carries a count at least as new as this one.
   */
  streamSeq: number;
};

export async function unreadCount(prisma: Database, userId: string): Promise<UnreadCount> {
  const { lastSeq: streamSeq } = await readHead(prisma, streamIds.user(userId));
  const count = await prisma.notification.count({ where: { userId, readAt: null } });
  return { count, streamSeq };
}
