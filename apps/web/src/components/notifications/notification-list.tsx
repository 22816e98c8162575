'use client';

import type { NotificationView } from '@spotter/api';
import { useMutation } from '@tanstack/react-query';
import Link from 'next/link';
import { notificationHref } from '@/chat/notification-cache';
import { useNotificationPages, useUnreadCount } from '@/chat/use-notifications';
import { describeError } from '@/trpc/error-message';
import { useTRPC } from '@/trpc/react';
import styles from './notifications.module.css';

const timeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

function describe(notification: NotificationView): string {
  const who = notification.actor.name;
  const where = notification.conversation;
  switch (notification.kind) {
    case 'MENTION':
      return where?.kind === 'CHANNEL' ? `${who} mentioned you in #${where.name}` : `${who} mentioned you`;
    case 'DIRECT_MESSAGE':
      return `${who} sent you a message`;
    case 'FRIEND_REQUEST':
      return `${who} sent you a friend request`;
    case 'FRIEND_ACCEPTED':
      return `${who} accepted your friend request`;
    case 'KUDOS':
      return `${who} gave you kudos on ${notification.workout?.title || 'your workout'}`;
  }
}

/**
 * The notification list: newest first, unread ones marked, older pages on request. Opening an entry
 * marks it read (on every tab, through the personal stream) and goes to its conversation.
 */
export function NotificationList() {
  const trpc = useTRPC();
  const pages = useNotificationPages();
  const { error, isPending } = pages;
  const notifications = pages.data?.pages.flatMap((page) => page.items);
  const unread = useUnreadCount();
  const markRead = useMutation(trpc.notifications.markRead.mutationOptions());
  const markAllRead = useMutation(trpc.notifications.markAllRead.mutationOptions());
  const failure = markRead.error ?? markAllRead.error ?? error;

  return (
    <section className={styles.page} aria-labelledby="notifications-heading">
      <header className={styles.header}>
        <h1 id="notifications-heading" className={styles.title}>
          Notifications
        </h1>
        <button
          type="button"
          className="button button-quiet"
          disabled={unread === 0 || markAllRead.isPending}
          onClick={() => markAllRead.mutate()}
        >
          Mark all read
        </button>
      </header>
      {failure && (
        <p role="alert" className={styles.error}>
          {describeError(failure)}
        </p>
      )}
      {isPending && <p className={styles.empty}>Loading notifications…</p>}
      {notifications?.length === 0 && (
        <p className={styles.empty}>
          Nothing yet. Friend requests, mentions, direct messages and kudos show up here.
        </p>
      )}
      <ul className={styles.list} data-testid="notification-list">
        {notifications?.map((notification) => {
          const isUnread = notification.readAt === null;
          return (
            <li
              key={notification.id}
              data-testid="notification"
              data-unread={isUnread ? 'true' : 'false'}
              className={`${styles.entry} ${isUnread ? styles.unread : ''}`}
            >
              <Link
                href={notificationHref(notification)}
                className={styles.entryLink}
                onClick={() => {
                  if (isUnread) markRead.mutate({ ids: [notification.id] });
                }}
              >
                <span className={styles.summary}>
                  {isUnread && <span className="visually-hidden">Unread: </span>}
                  {describe(notification)}
                </span>
                {notification.excerpt && <span className={styles.excerpt}>{notification.excerpt}</span>}
                <time className={styles.time} dateTime={notification.createdAt.toISOString()}>
                  {timeFormat.format(notification.createdAt)}
                </time>
              </Link>
            </li>
          );
        })}
      </ul>
      {pages.hasNextPage && (
        <button
          type="button"
          className="button button-quiet"
          onClick={() => void pages.fetchNextPage()}
          disabled={pages.isFetchingNextPage}
        >
          {pages.isFetchingNextPage ? 'Loading older notifications…' : 'Show older notifications'}
        </button>
      )}
    </section>
  );
}
