import type { NotificationView, RouterOutputs, StreamItem } from '@spotter/api';
import type { InfiniteData } from '@tanstack/react-query';

export type UnreadCount = RouterOutputs['notifications']['unreadCount'];
export type NotificationPage = RouterOutputs['notifications']['list'];

type NotificationEvent = Extract<
  StreamItem,
  { type: 'notification.created' | 'notifications.read' | 'notifications.removed' }
>;

export function isNotificationEvent(item: StreamItem): item is NotificationEvent {
  return (
    item.type === 'notification.created' ||
    item.type === 'notifications.read' ||
    item.type === 'notifications.removed'
  );
}

/**
 * The badge's count after `event`. Each event carries the count as of its seq, so the newest one
 * wins and a replayed or older one changes nothing; null when the count must be reread (an event
 * without a count, or nothing known yet).
 */
export function nextUnreadCount(
  current: UnreadCount | undefined,
  event: NotificationEvent,
): UnreadCount | null {
  if (event.unreadCount === undefined || current === undefined) return null;
  if (event.seq <= current.streamSeq) return current;
  return { count: event.unreadCount, streamSeq: event.seq };
}

/** The newest page after `event`: a new entry on top (once), read ones marked read, removed ones gone. */
export function nextNotificationPage(page: NotificationPage, event: NotificationEvent): NotificationPage {
  if (event.type === 'notification.created') {
    if (page.items.some((item) => item.id === event.notification.id)) return page;
    return { ...page, items: [event.notification, ...page.items] };
  }
  if (event.type === 'notifications.removed') {
    const removed = new Set(event.ids);
    if (!page.items.some((item) => removed.has(item.id))) return page;
    return { ...page, items: page.items.filter((item) => !removed.has(item.id)) };
  }
  const ids = event.ids ? new Set(event.ids) : null;
  const markRead = (item: NotificationView) =>
    item.readAt === null && (ids === null || ids.has(item.id)) ? { ...item, readAt: event.readAt } : item;
  return { ...page, items: page.items.map(markRead) };
}

/**
 * The loaded pages after `event`: a new entry on top of the newest page (once, wherever it already
 * shows), read ones marked read and removed ones dropped on every page, the older ones the reader
 * opened included.
 */
export function nextNotificationPages<Cursor>(
  data: InfiniteData<NotificationPage, Cursor>,
  event: NotificationEvent,
): InfiniteData<NotificationPage, Cursor> {
  const [newest, ...older] = data.pages;
  if (!newest) return data;
  if (event.type === 'notification.created') {
    const id = event.notification.id;
    if (data.pages.some((page) => page.items.some((item) => item.id === id))) return data;
    return { ...data, pages: [nextNotificationPage(newest, event), ...older] };
  }
  return { ...data, pages: data.pages.map((page) => nextNotificationPage(page, event)) };
}

/** Where an entry leads: its workout or conversation (named channels by slug), or the list itself. */
export function notificationHref(notification: NotificationView): string {
  if (notification.workout) return `/workouts/${notification.workout.id}`;
  const conversation = notification.conversation;
  if (!conversation) return '/notifications';
  if (conversation.kind === 'CHANNEL' && conversation.slug) return `/c/${conversation.slug}`;
  return `/dm/${conversation.id}`;
}
