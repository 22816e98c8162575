import type { NotificationView } from '@spotter/api';
import { describe, expect, it } from 'vitest';
import { titleWithCount } from '../components/notifications/title-count';
import {
  nextNotificationPage,
  nextNotificationPages,
  nextUnreadCount,
  notificationHref,
} from './notification-cache';

function entry(id: string, overrides: Partial<NotificationView> = {}): NotificationView {
  return {
    id,
    kind: 'MENTION',
    actor: { id: 'u1', username: 'alice', name: 'Alice' },
    channelId: 'c1',
    messageId: `m-${id}`,
    conversation: { id: 'c1', kind: 'CHANNEL', slug: 'leg-day', name: 'Leg day' },
    excerpt: '@bob squat?',
    workout: null,
    createdAt: new Date(1_700_000_000_000),
    readAt: null,
    ...overrides,
  };
}

const readAt = new Date(1_700_000_100_000);

/** The newest page (n4, n3) and the older one the reader opened (n2, n1). */
function twoLoadedPages() {
  return {
    pages: [
      { items: [entry('n4'), entry('n3')], nextCursor: 'n3' },
      { items: [entry('n2'), entry('n1')], nextCursor: null },
    ],
    pageParams: [null, 'n3'],
  };
}

describe('notification cache', () => {
  it('takes the unread count of the newest event only, and asks for a reread when it cannot tell', () => {
    const current = { count: 2, streamSeq: 10 };
    const created = {
      type: 'notification.created' as const,
      seq: 11,
      notification: entry('n3'),
      unreadCount: 3,
    };
    expect(nextUnreadCount(current, created)).toEqual({ count: 3, streamSeq: 11 });
    expect(nextUnreadCount(current, { ...created, seq: 9, unreadCount: 7 })).toBe(current);
    expect(nextUnreadCount(undefined, created)).toBeNull();
    expect(nextUnreadCount(current, { ...created, unreadCount: undefined })).toBeNull();
  });

  it('puts a new entry on top once, and marks read the named ones or all', () => {
    const page = { items: [entry('n2'), entry('n1')], nextCursor: null };
    const created = { type: 'notification.created' as const, seq: 5, notification: entry('n3') };
    const withNew = nextNotificationPage(page, created);
    expect(withNew.items.map((n) => n.id)).toEqual(['n3', 'n2', 'n1']);
    expect(nextNotificationPage(withNew, created)).toBe(withNew);
    const someRead = nextNotificationPage(withNew, {
      type: 'notifications.read',
      seq: 6,
      ids: ['n2'],
      readAt,
    });
    expect(someRead.items.map((n) => n.readAt)).toEqual([null, readAt, null]);
    const allRead = nextNotificationPage(withNew, { type: 'notifications.read', seq: 7, ids: null, readAt });
    expect(allRead.items.every((n) => n.readAt !== null)).toBe(true);
  });

  it('adds a new entry to the newest of the loaded pages, and marks read on every page', () => {
    const data = twoLoadedPages();
    const created = { type: 'notification.created' as const, seq: 8, notification: entry('n5') };
    const withNew = nextNotificationPages(data, created);
    expect(withNew.pages.map((page) => page.items.map((n) => n.id))).toEqual([
      ['n5', 'n4', 'n3'],
      ['n2', 'n1'],
    ]);
    expect(withNew.pageParams).toEqual([null, 'n3']);
    // Replayed, or already on an older page: nothing changes.
    expect(nextNotificationPages(withNew, created)).toBe(withNew);
    expect(nextNotificationPages(data, { ...created, notification: entry('n1') })).toBe(data);
    const someRead = nextNotificationPages(withNew, {
      type: 'notifications.read',
      seq: 9,
      ids: ['n1'],
      readAt,
    });
    expect(someRead.pages[1]?.items.map((n) => n.readAt)).toEqual([null, readAt]);
    const allRead = nextNotificationPages(withNew, {
      type: 'notifications.read',
      seq: 10,
      ids: null,
      readAt,
    });
    expect(allRead.pages.flatMap((page) => page.items).every((n) => n.readAt !== null)).toBe(true);
  });

  it('drops withdrawn entries from every loaded page, and leaves pages without them as they were', () => {
    const data = twoLoadedPages();
    const removed = { type: 'notifications.removed' as const, seq: 11, ids: ['n4', 'n1'], unreadCount: 2 };
    const after = nextNotificationPages(data, removed);
    expect(after.pages.map((page) => page.items.map((n) => n.id))).toEqual([['n3'], ['n2']]);
    expect(nextNotificationPages(after, removed)).toEqual(after);
    const [, older] = data.pages;
    if (!older) throw new Error('two pages expected');
    const untouched = nextNotificationPage(older, {
      ...removed,
      ids: ['n9'],
    });
    expect(untouched).toBe(older);
    expect(nextUnreadCount({ count: 3, streamSeq: 10 }, removed)).toEqual({ count: 2, streamSeq: 11 });
  });

  it('links an entry to its workout or conversation', () => {
    expect(notificationHref(entry('n1'))).toBe('/c/leg-day');
    expect(notificationHref(entry('n1', { conversation: null }))).toBe('/notifications');
    const kudos = entry('n2', {
      kind: 'KUDOS',
      channelId: null,
      messageId: null,
      conversation: null,
      excerpt: null,
      workout: { id: 'w1', title: 'Leg day' },
    });
    expect(notificationHref(kudos)).toBe('/workouts/w1');
  });

  it('puts the unread count in front of the tab title', () => {
    expect(titleWithCount('Leg day · Spotter', 3)).toBe('(3) Leg day · Spotter');
    expect(titleWithCount('(3) Leg day · Spotter', 4)).toBe('(4) Leg day · Spotter');
    expect(titleWithCount('(3) Leg day · Spotter', 0)).toBe('Leg day · Spotter');
  });
});
